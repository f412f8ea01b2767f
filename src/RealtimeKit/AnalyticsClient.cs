using System.Globalization;
#if NET6_0_OR_GREATER
using Day = System.DateOnly;
#else
// netstandard2.0 has no DateOnly: the same methods take a DateTime, of which only the date is sent.
using Day = System.DateTime;
#endif
using RealtimeKit.Generated.Accounts.Item.Realtime.Kit.Item;
using RealtimeKit.Generated.Models;
using RealtimeKit.Http;
using DaywiseQuery = RealtimeKit.Generated.Accounts.Item.Realtime.Kit.Item.Analytics.Daywise.DaywiseRequestBuilder.DaywiseRequestBuilderGetQueryParameters;
using LivestreamDaywiseQuery = RealtimeKit.Generated.Accounts.Item.Realtime.Kit.Item.Analytics.Livestreams.Daywise.DaywiseRequestBuilder.DaywiseRequestBuilderGetQueryParameters;
using LivestreamOverallQuery = RealtimeKit.Generated.Accounts.Item.Realtime.Kit.Item.Analytics.Livestreams.Overall.OverallRequestBuilder.OverallRequestBuilderGetQueryParameters;

namespace RealtimeKit;

/// <summary>
/// Usage of the app: sessions and recordings day by day, livestreams day by day and overall.
/// Reached through <see cref="RealtimeKitClient.Analytics"/>.
/// </summary>
/// <remarks>
/// The wire takes dates as <c>YYYY-MM-DD</c> text and livestream times as Unix seconds; these methods take
/// <c>DateOnly</c> (on netstandard2.0, a <see cref="DateTime"/> of which only the date counts) and
/// <see cref="DateTimeOffset"/> and convert them, so no caller formats a date by hand.
/// </remarks>
public class AnalyticsClient
{
    private readonly AppPaths _app = null!;

    /// <summary>For mocking frameworks and test doubles; every member is virtual.</summary>
    protected AnalyticsClient()
    {
    }

    internal AnalyticsClient(AppPaths app) => _app = app;

    /// <summary>
    /// Fetches the app's session and recording usage, in total and day by day, from <paramref name="startDate"/>
    /// to <paramref name="endDate"/>. Without dates the service reports the last 30 days.
    /// </summary>
    /// <param name="startDate">The first day of the range.</param>
    /// <param name="endDate">The last day of the range; not before <paramref name="startDate"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Session and recording usage.</returns>
    /// <exception cref="ArgumentException"><paramref name="endDate"/> is before <paramref name="startDate"/>.</exception>
    /// <exception cref="RealtimeKitException">The service failed the request.</exception>
    public virtual async Task<DaywiseAnalytics> GetDaywiseAsync(Day? startDate = null, Day? endDate = null, CancellationToken cancellationToken = default)
    {
        var start = WireDate(startDate);
        var end = WireDate(endDate);
        if (start is not null && end is not null && string.CompareOrdinal(start, end) > 0)
        {
            throw new ArgumentException($"Expected endDate ({end}) to be on or after startDate ({start}).", nameof(endDate));
        }

        var response = await _app.Analytics.Daywise.GetAsync(
            RetrySafety.Configure<DaywiseQuery>(RetrySafety.IdempotentRequest, q =>
            {
                q.StartDate = start;
                q.EndDate = end;
            }),
            cancellationToken).ConfigureAwait(false);
        return Envelope.Data(response?.Data, 200, "get day-wise analytics");
    }

    /// <summary>Fetches the app's livestream usage day by day in a time range.</summary>
    /// <param name="startTime">The start of the range (sent as Unix seconds).</param>
    /// <param name="endTime">The end of the range (sent as Unix seconds); not before <paramref name="startTime"/>.</param>
    /// <param name="filters">Optional filters, passed to the service as given.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>One item per day.</returns>
    /// <exception cref="ArgumentException"><paramref name="endTime"/> is before <paramref name="startTime"/>, or <paramref name="filters"/> is blank.</exception>
    /// <exception cref="RealtimeKitException">The service failed the request.</exception>
    public virtual async Task<IReadOnlyList<LivestreamDayAnalytics>> GetLivestreamDaywiseAsync(DateTimeOffset? startTime = null, DateTimeOffset? endTime = null, string? filters = null, CancellationToken cancellationToken = default)
    {
        CheckLivestreamRange(startTime, endTime, filters);
        var response = await _app.Analytics.Livestreams.Daywise.GetAsync(
            RetrySafety.Configure<LivestreamDaywiseQuery>(RetrySafety.IdempotentRequest, q =>
            {
                q.StartTime = startTime?.ToUnixTimeSeconds();
                q.EndTime = endTime?.ToUnixTimeSeconds();
                q.Filters = filters;
            }),
            cancellationToken).ConfigureAwait(false);
        return Envelope.Data(response?.Data, 200, "get day-wise livestream analytics");
    }

    /// <summary>Fetches the app's livestream usage over the whole of a time range.</summary>
    /// <param name="startTime">The start of the range (sent as Unix seconds).</param>
    /// <param name="endTime">The end of the range (sent as Unix seconds); not before <paramref name="startTime"/>.</param>
    /// <param name="filters">Optional filters, passed to the service as given.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The livestream count and the total ingest and viewer time.</returns>
    /// <exception cref="ArgumentException"><paramref name="endTime"/> is before <paramref name="startTime"/>, or <paramref name="filters"/> is blank.</exception>
    /// <exception cref="RealtimeKitException">The service failed the request.</exception>
    public virtual async Task<LivestreamAnalyticsTotals> GetLivestreamOverallAsync(DateTimeOffset? startTime = null, DateTimeOffset? endTime = null, string? filters = null, CancellationToken cancellationToken = default)
    {
        CheckLivestreamRange(startTime, endTime, filters);
        var response = await _app.Analytics.Livestreams.Overall.GetAsync(
            RetrySafety.Configure<LivestreamOverallQuery>(RetrySafety.IdempotentRequest, q =>
            {
                q.StartTime = startTime?.ToUnixTimeSeconds();
                q.EndTime = endTime?.ToUnixTimeSeconds();
                q.Filters = filters;
            }),
            cancellationToken).ConfigureAwait(false);
        return Envelope.Data(response?.Data, 200, "get overall livestream analytics");
    }

    private static void CheckLivestreamRange(DateTimeOffset? startTime, DateTimeOffset? endTime, string? filters)
    {
        if (startTime > endTime)
        {
            throw new ArgumentException($"Expected endTime ({endTime:O}) to be at or after startTime ({startTime:O}).", nameof(endTime));
        }

        if (filters is not null && string.IsNullOrWhiteSpace(filters))
        {
            throw new ArgumentException($"Expected null or a non-empty value for filters, got '{filters}'.", nameof(filters));
        }
    }

    // The wire's YYYY-MM-DD; as text these also sort by date, which the range check relies on.
    private static string? WireDate(Day? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
