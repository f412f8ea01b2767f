using RealtimeKit.Generated.Accounts.Item.Realtime.Kit.Item;
using RealtimeKit.Generated.Accounts.Item.Realtime.Kit.Item.Meetings;
using RealtimeKit.Generated.Models;
using RealtimeKit.Http;

namespace RealtimeKit;

/// <summary>
/// Meetings of the app: list, create, fetch, update and replace them. Reached through <see cref="RealtimeKitClient.Meetings"/>.
/// </summary>
/// <remarks>
/// Create, update and replace take the generated body models: a meeting has nine optional settings, two of them
/// nested (recording and AI), which an object initialiser names more clearly than a long parameter list, e.g.
/// <c>CreateAsync(new() { Title = "Stand-up", RecordOnStart = true })</c>. Only the settings you set are sent.
/// </remarks>
public class MeetingsClient
{
    private const double MinKeepAliveSeconds = 60;
    private const double MaxKeepAliveSeconds = 600;

    private readonly AppPaths _app = null!;

    /// <summary>For mocking frameworks and test doubles; every member is virtual.</summary>
    protected MeetingsClient()
    {
    }

    internal MeetingsClient(AppPaths app) => _app = app;

    /// <summary>Fetches one page of the app's meetings, optionally filtered.</summary>
    /// <param name="search">Matches meetings by meeting ID or title; null for no search.</param>
    /// <param name="startTime">The start of the time range to fetch meetings for; null for no lower bound.</param>
    /// <param name="endTime">The end of the time range to fetch meetings for; null for no upper bound.</param>
    /// <param name="status">Only meetings with this status; null for all.</param>
    /// <param name="pageNumber">The 1-based page to fetch.</param>
    /// <param name="perPage">How many meetings a page holds.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page: its meetings and the total count the service reports.</returns>
    /// <exception cref="ArgumentException">A blank <paramref name="search"/>, an <paramref name="endTime"/> before <paramref name="startTime"/>, or a page number or size below 1.</exception>
    /// <exception cref="RealtimeKitException">The service failed the request, e.g. 400 for a refused filter.</exception>
    public virtual async Task<RealtimeKitPage<Meeting>> ListAsync(string? search = null, DateTimeOffset? startTime = null, DateTimeOffset? endTime = null, MeetingStatus? status = null, int pageNumber = 1, int perPage = Paging.DefaultPerPage, CancellationToken cancellationToken = default)
    {
        CheckFilters(search, startTime, endTime);
        Paging.Check(pageNumber, perPage);
        var response = await _app.Meetings.GetAsync(
            RetrySafety.Configure<MeetingsRequestBuilder.MeetingsRequestBuilderGetQueryParameters>(RetrySafety.IdempotentRequest, q =>
            {
                q.PageNo = pageNumber;
                q.PerPage = perPage;
                q.Search = search;
                q.StartTime = startTime;
                q.EndTime = endTime;
                q.Status = status;
            }),
            cancellationToken).ConfigureAwait(false);
        return new RealtimeKitPage<Meeting>(Envelope.Data(response?.Data, 200, "list meetings"), pageNumber, perPage, response?.Paging?.TotalCount);
    }

    /// <summary>
    /// Every meeting of the app that matches the filters, fetching page after page only as you enumerate.
    /// The arguments are checked now, before anything is sent.
    /// </summary>
    /// <param name="search">Matches meetings by meeting ID or title; null for no search.</param>
    /// <param name="startTime">The start of the time range to fetch meetings for; null for no lower bound.</param>
    /// <param name="endTime">The end of the time range to fetch meetings for; null for no upper bound.</param>
    /// <param name="status">Only meetings with this status; null for all.</param>
    /// <param name="perPage">How many meetings each request fetches.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The meetings, in the service's order.</returns>
    /// <exception cref="ArgumentException">A blank <paramref name="search"/>, an <paramref name="endTime"/> before <paramref name="startTime"/>, or a page size below 1.</exception>
    /// <exception cref="RealtimeKitException">The service failed a page request (thrown while enumerating).</exception>
    public virtual IAsyncEnumerable<Meeting> ListAllAsync(string? search = null, DateTimeOffset? startTime = null, DateTimeOffset? endTime = null, MeetingStatus? status = null, int perPage = Paging.DefaultPerPage, CancellationToken cancellationToken = default)
    {
        CheckFilters(search, startTime, endTime);
        Paging.Check(1, perPage);
        return Paging.All(perPage, (page, ct) => ListAsync(search, startTime, endTime, status, page, perPage, ct), cancellationToken);
    }

    /// <summary>
    /// Creates a meeting. Not idempotent: it is retried only when the service provably did not process it
    /// (connection never made, 429, or 503 with Retry-After), so a meeting is never created twice.
    /// </summary>
    /// <param name="meeting">The meeting's settings, all optional; null creates a meeting with the service's defaults.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The created meeting, with its <see cref="Meeting.Id"/>.</returns>
    /// <exception cref="ArgumentException">A keep-alive time outside 60 to 600 seconds.</exception>
    /// <exception cref="RealtimeKitException">The service failed the request, e.g. 400 for refused settings.</exception>
    public virtual async Task<Meeting> CreateAsync(CreateMeetingBody? meeting = null, CancellationToken cancellationToken = default)
    {
        meeting ??= new CreateMeetingBody();
        CheckKeepAlive(meeting.SessionKeepAliveTimeInSecs, nameof(meeting));
        var response = await _app.Meetings.PostAsync(meeting, RetrySafety.Configure(RetrySafety.NonIdempotentRequest), cancellationToken).ConfigureAwait(false);
        return Envelope.Data(response?.Data, 201, "create a meeting");
    }

    /// <summary>Fetches a meeting of the app with its settings.</summary>
    /// <param name="meetingId">The meeting (a UUID).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The meeting.</returns>
    /// <exception cref="ArgumentException">A blank <paramref name="meetingId"/>.</exception>
    /// <exception cref="RealtimeKitException">The service failed the request, e.g. 404 for an unknown meeting.</exception>
    public virtual async Task<Meeting> GetAsync(RealtimeKitId meetingId, CancellationToken cancellationToken = default)
    {
        var meeting = Guard.Id(meetingId, nameof(meetingId));
        var response = await _app.Meeting(meeting).GetAsync(RetrySafety.Configure(RetrySafety.IdempotentRequest), cancellationToken).ConfigureAwait(false);
        return Envelope.Data(response?.Data, 200, "get a meeting");
    }

    /// <summary>
    /// Changes the settings you set on <paramref name="changes"/>; the others keep their values. Setting fields is
    /// idempotent, so it is retried like a read.
    /// </summary>
    /// <param name="meetingId">The meeting (a UUID).</param>
    /// <param name="changes">The settings to change, e.g. <c>new() { Status = MeetingStatus.INACTIVE }</c>; at least one.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The meeting after the update.</returns>
    /// <exception cref="ArgumentException">A blank <paramref name="meetingId"/>, no changes, nothing set on them, or a keep-alive time outside 60 to 600 seconds.</exception>
    /// <exception cref="RealtimeKitException">The service failed the request, e.g. 404 for an unknown meeting.</exception>
    public virtual async Task<Meeting> UpdateAsync(RealtimeKitId meetingId, UpdateMeetingBody changes, CancellationToken cancellationToken = default)
    {
        var meeting = Guard.Id(meetingId, nameof(meetingId));
        ArgumentNullException.ThrowIfNull(changes);
        if (changes is { Title: null, Status: null, RecordOnStart: null, LiveStreamOnStart: null, PersistChat: null, SummarizeOnEnd: null, TranscribeOnEnd: null, SessionKeepAliveTimeInSecs: null, RecordingConfig: null, AiConfig: null }
            && changes.AdditionalData.Count == 0)
        {
            throw new ArgumentException("Expected at least one setting to change in changes; every setting is null.", nameof(changes));
        }

        CheckKeepAlive(changes.SessionKeepAliveTimeInSecs, nameof(changes));
        var response = await _app.Meeting(meeting).PatchAsync(changes, RetrySafety.Configure(RetrySafety.IdempotentRequest), cancellationToken).ConfigureAwait(false);
        return Envelope.Data(response?.Data, 200, "update a meeting");
    }

    /// <summary>Replaces every setting of a meeting with those of <paramref name="meeting"/>.</summary>
    /// <param name="meetingId">The meeting (a UUID).</param>
    /// <param name="meeting">The meeting's new settings.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The meeting after the replacement.</returns>
    /// <exception cref="ArgumentException">A blank <paramref name="meetingId"/>, no <paramref name="meeting"/>, or a keep-alive time outside 60 to 600 seconds.</exception>
    /// <exception cref="RealtimeKitException">The service failed the request, e.g. 404 for an unknown meeting.</exception>
    public virtual async Task<Meeting> ReplaceAsync(RealtimeKitId meetingId, CreateMeetingBody meeting, CancellationToken cancellationToken = default)
    {
        var id = Guard.Id(meetingId, nameof(meetingId));
        ArgumentNullException.ThrowIfNull(meeting);
        CheckKeepAlive(meeting.SessionKeepAliveTimeInSecs, nameof(meeting));
        var response = await _app.Meeting(id).PutAsync(meeting, RetrySafety.Configure(RetrySafety.IdempotentRequest), cancellationToken).ConfigureAwait(false);
        return Envelope.Data(response?.Data, 200, "replace a meeting");
    }

    private static void CheckFilters(string? search, DateTimeOffset? startTime, DateTimeOffset? endTime)
    {
        if (search is not null && string.IsNullOrWhiteSpace(search))
        {
            throw new ArgumentException($"Expected search text or null for search, got '{search}'.", nameof(search));
        }

        if (startTime > endTime)
        {
            throw new ArgumentException($"Expected endTime ({endTime:O}) to be at or after startTime ({startTime:O}).", nameof(endTime));
        }
    }

    private static void CheckKeepAlive(double? seconds, string parameter)
    {
        if (seconds is { } value && (double.IsNaN(value) || value < MinKeepAliveSeconds || value > MaxKeepAliveSeconds))
        {
            throw new ArgumentException($"Expected {parameter}.SessionKeepAliveTimeInSecs between {MinKeepAliveSeconds} and {MaxKeepAliveSeconds} seconds, got {value}.", parameter);
        }
    }
}
