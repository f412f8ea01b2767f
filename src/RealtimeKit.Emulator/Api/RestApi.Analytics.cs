using System.Globalization;

namespace RealtimeKit.Emulator.Api;

// The analytics operations: ranges checked here, usage computed by the state from its own sessions.
internal static partial class RestApi
{
    /// <summary>The widest range answered day by day, so one request cannot ask for an unbounded body.</summary>
    public const int MaxAnalyticsDays = 1000;

    // Without a range: the 30 days before today, and today.
    private const int DefaultAnalyticsDays = 30;

    public static (int, object) GetDaywiseAnalytics(Request r)
    {
        var last = Date(r, "end_date") ?? r.State.Today;
        var first = Date(r, "start_date") ?? last.AddDays(-DefaultAnalyticsDays);
        CheckRange(first.DayNumber, last.DayNumber, "start_date", "end_date", first.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), last.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        return (200, r.State.DaywiseAnalytics(r.AccountId, r.AppId, first, last));
    }

    public static (int, object) GetLivestreamDaywiseAnalytics(Request r)
    {
        var (from, to) = LivestreamRange(r);
        return (200, r.State.LivestreamDaywiseAnalytics(r.AccountId, r.AppId, from, to));
    }

    public static (int, object) GetLivestreamOverallAnalytics(Request r)
    {
        var (from, to) = LivestreamRange(r);
        return (200, r.State.LivestreamOverallAnalytics(r.AccountId, r.AppId, from, to));
    }

    // The livestream operations take Unix seconds; `filters` is accepted and not applied (nothing to filter yet).
    private static (DateTimeOffset From, DateTimeOffset To) LivestreamRange(Request r)
    {
        var to = UnixSeconds(r, "end_time") ?? r.State.Clock.GetUtcNow();
        var from = UnixSeconds(r, "start_time") ?? to.AddDays(-DefaultAnalyticsDays);
        CheckRange(DateOnly.FromDateTime(from.UtcDateTime).DayNumber, DateOnly.FromDateTime(to.UtcDateTime).DayNumber, "start_time", "end_time", from.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), to.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
        return from <= to ? (from, to) : throw EmulatorProblem.BadRequest($"end_time ({to.ToUnixTimeSeconds()}) must not be before start_time ({from.ToUnixTimeSeconds()}).");
    }

    private static void CheckRange(int firstDay, int lastDay, string startName, string endName, string start, string end)
    {
        if (lastDay < firstDay)
        {
            throw EmulatorProblem.BadRequest($"{endName} ({end}) must not be before {startName} ({start}).");
        }

        if (lastDay - firstDay + 1 > MaxAnalyticsDays)
        {
            throw EmulatorProblem.BadRequest($"The range {startName} {start} to {endName} {end} spans more than {MaxAnalyticsDays} days.");
        }
    }

    private static DateOnly? Date(Request r, string name) =>
        QueryText(r, name) is not { } text ? null
        : DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day
        : throw EmulatorProblem.BadRequest($"{name} must be a date written YYYY-MM-DD, got '{Safe(text)}'.");

    private static DateTimeOffset? UnixSeconds(Request r, string name) =>
        QueryText(r, name) is not { } text ? null
        : long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0 && seconds <= 253402300799
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : throw EmulatorProblem.BadRequest($"{name} must be a Unix timestamp in seconds, got '{Safe(text)}'.");
}
