using RealtimeKit.Generated.Accounts.Item.Realtime.Kit.Item;
using RealtimeKit.Generated.Accounts.Item.Realtime.Kit.Item.Recordings;
using RealtimeKit.Generated.Models;
using RealtimeKit.Http;

namespace RealtimeKit;

/// <summary>
/// Recordings of meetings: list them, start a recording or a track recording, see the active one, and pause,
/// resume or stop one. Reached through <see cref="RealtimeKitClient.Recordings"/>.
/// </summary>
public class RecordingsClient
{
    /// <summary>The most participant user ids a track recording takes.</summary>
    private const int MaxTrackUserIds = 100;

    private readonly AppPaths _app = null!;

    /// <summary>For mocking frameworks and test doubles; every member is virtual.</summary>
    protected RecordingsClient()
    {
    }

    internal RecordingsClient(AppPaths app) => _app = app;

    /// <summary>Fetches one page of the App's recordings, optionally filtered.</summary>
    /// <param name="meetingId">Only the recordings of this meeting (a UUID); all meetings when null or a null id.</param>
    /// <param name="statuses">Only the recordings in one of these statuses; any status when null or empty.</param>
    /// <param name="expired">Only the recordings whose files have (true) or have not (false) expired on RealtimeKit's bucket.</param>
    /// <param name="search">Text to search for in the meeting ID or title.</param>
    /// <param name="startTime">Only the recordings invoked at or after this time.</param>
    /// <param name="endTime">Only the recordings invoked at or before this time.</param>
    /// <param name="sortBy">The field to sort by.</param>
    /// <param name="sortOrder">The order to sort in.</param>
    /// <param name="pageNumber">The 1-based page to fetch.</param>
    /// <param name="perPage">How many recordings a page holds.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page: its recordings and the total count.</returns>
    /// <exception cref="ArgumentException">A <paramref name="meetingId"/> that is blank or not a UUID, a blank <paramref name="search"/>, <paramref name="startTime"/> after <paramref name="endTime"/>, or a page number or size below 1.</exception>
    /// <exception cref="RealtimeKitException">The service failed the request.</exception>
    public virtual async Task<RealtimeKitPage<Recording>> ListAsync(
        RealtimeKitId? meetingId = null,
        IEnumerable<RecordingStatus>? statuses = null,
        bool? expired = null,
        string? search = null,
        DateTimeOffset? startTime = null,
        DateTimeOffset? endTime = null,
        RecordingSortBy? sortBy = null,
        RecordingSortOrder? sortOrder = null,
        int pageNumber = 1,
        int perPage = Paging.DefaultPerPage,
        CancellationToken cancellationToken = default)
    {
        Paging.Check(pageNumber, perPage);
        var filter = Filter(meetingId, statuses, search, startTime, endTime);
        var response = await _app.Recordings.GetAsync(
            RetrySafety.Configure<RecordingsRequestBuilder.RecordingsRequestBuilderGetQueryParameters>(RetrySafety.IdempotentRequest, q =>
            {
                q.MeetingId = filter.Meeting;
                q.Status = filter.Statuses;
                q.Expired = expired;
                q.Search = search;
                q.StartTime = startTime;
                q.EndTime = endTime;
                q.SortBy = sortBy;
                q.SortOrder = sortOrder;
                q.PageNo = pageNumber;
                q.PerPage = perPage;
            }),
            cancellationToken).ConfigureAwait(false);
        var items = Envelope.Data(response?.Data, 200, "list recordings");
        return new RealtimeKitPage<Recording>(items, pageNumber, perPage, response!.Paging?.TotalCount);
    }

    /// <summary>
    /// Every recording of the App matching the filters, fetching page after page only as the sequence is
    /// enumerated, and stopping after the last page.
    /// </summary>
    /// <param name="meetingId">Only the recordings of this meeting (a UUID); all meetings when null or a null id.</param>
    /// <param name="statuses">Only the recordings in one of these statuses; any status when null or empty.</param>
    /// <param name="expired">Only the recordings whose files have (true) or have not (false) expired on RealtimeKit's bucket.</param>
    /// <param name="search">Text to search for in the meeting ID or title.</param>
    /// <param name="startTime">Only the recordings invoked at or after this time.</param>
    /// <param name="endTime">Only the recordings invoked at or before this time.</param>
    /// <param name="sortBy">The field to sort by.</param>
    /// <param name="sortOrder">The order to sort in.</param>
    /// <param name="perPage">How many recordings each request fetches.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The recordings, in the service's order.</returns>
    /// <exception cref="ArgumentException">The filters or <paramref name="perPage"/> are invalid, as for <see cref="ListAsync"/>; thrown before anything is sent.</exception>
    /// <exception cref="RealtimeKitException">The service failed a page's request.</exception>
    public virtual IAsyncEnumerable<Recording> ListAllAsync(
        RealtimeKitId? meetingId = null,
        IEnumerable<RecordingStatus>? statuses = null,
        bool? expired = null,
        string? search = null,
        DateTimeOffset? startTime = null,
        DateTimeOffset? endTime = null,
        RecordingSortBy? sortBy = null,
        RecordingSortOrder? sortOrder = null,
        int perPage = Paging.DefaultPerPage,
        CancellationToken cancellationToken = default)
    {
        // Checked now, not at the first MoveNextAsync, so a bad argument fails where the call is written.
        Paging.Check(1, perPage);
        var statusList = statuses?.ToList();
        _ = Filter(meetingId, statusList, search, startTime, endTime);
        return Paging.All(perPage, (page, ct) => ListAsync(meetingId, statusList, expired, search, startTime, endTime, sortBy, sortOrder, page, perPage, ct), cancellationToken);
    }

    /// <summary>
    /// Starts recording a meeting. The body is the generated <see cref="StartRecordingBody"/> rather than
    /// parameters: beside the meeting it holds a dozen optional settings (audio, video, watermark, storage,
    /// RTMP output...) that are clearer set by name on the model than passed positionally. Not idempotent: it
    /// is retried only when the service provably did not process it (connection never made, 429, or 503 with
    /// Retry-After), so a meeting is never recorded twice by a retry.
    /// </summary>
    /// <param name="body">The recording to start: <see cref="StartRecordingBody.MeetingId"/> is required, every other setting optional.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The recording that was started.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="body"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="body"/> has no meeting id, or a <c>max_seconds</c> outside 60 to 86400.</exception>
    /// <exception cref="RealtimeKitException">The service failed the request, e.g. 400 when the meeting has no active session.</exception>
    public virtual async Task<Recording> StartAsync(StartRecordingBody body, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (body.MeetingId is null)
        {
            throw new ArgumentException("Expected body.MeetingId, the meeting to record; it is null.", nameof(body));
        }

        if (body.MaxSeconds is < 60 or > 86400)
        {
            throw new ArgumentException($"Expected body.MaxSeconds between 60 and 86400 seconds, got {body.MaxSeconds}.", nameof(body));
        }

        var response = await _app.Recordings.PostAsync(body, RetrySafety.Configure(RetrySafety.NonIdempotentRequest), cancellationToken).ConfigureAwait(false);
        return Envelope.Data(response?.Data, 200, "start a recording");
    }

    /// <summary>
    /// Starts recording each participant's audio track of an active meeting as its own file. Not idempotent:
    /// it is retried only when the service provably did not process it.
    /// </summary>
    /// <param name="meetingId">The meeting (a UUID).</param>
    /// <param name="fileNamePrefix">A prefix for the files, set on the <c>default</c> audio layer; the service's default names when null.</param>
    /// <param name="userIds">Only these participants' tracks (early beta: contact support to use it); everyone when null.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The track recording that was started.</returns>
    /// <exception cref="ArgumentException">A <paramref name="meetingId"/> that is blank or not a UUID, a blank <paramref name="fileNamePrefix"/>, or <paramref name="userIds"/> that is empty, holds more than 100 ids or a blank one.</exception>
    /// <exception cref="RealtimeKitException">The service failed the request, e.g. 400 when the meeting has no active session.</exception>
    public virtual async Task<StartTrackRecordingResult> StartTrackAsync(RealtimeKitId meetingId, string? fileNamePrefix = null, IEnumerable<string>? userIds = null, CancellationToken cancellationToken = default)
    {
        var meeting = Guard.Uuid(meetingId, nameof(meetingId));
        if (fileNamePrefix is not null)
        {
            Guard.NotBlank(fileNamePrefix, nameof(fileNamePrefix));
        }

        List<string>? users = null;
        if (userIds is not null)
        {
            users = Guard.Texts(userIds, nameof(userIds));
            if (users.Count is 0 or > MaxTrackUserIds)
            {
                throw new ArgumentException($"Expected 1 to {MaxTrackUserIds} user ids in userIds (or null to record everyone), got {users.Count}.", nameof(userIds));
            }
        }

        var body = new StartTrackRecordingBody
        {
            MeetingId = meeting,
            UserIds = users,
            Layers = fileNamePrefix is null
                ? null
                : new StartTrackRecordingBody_layers { Default = new TrackRecordingLayer { FileNamePrefix = fileNamePrefix, MediaKind = TrackRecordingLayer_media_kind.Audio } },
        };
        var response = await _app.Recordings.Track.PostAsync(body, RetrySafety.Configure(RetrySafety.NonIdempotentRequest), cancellationToken).ConfigureAwait(false);
        return Envelope.Data(response?.Data, 200, "start a track recording");
    }

    /// <summary>Fetches the recording running in a meeting.</summary>
    /// <param name="meetingId">The meeting.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The active recording.</returns>
    /// <exception cref="ArgumentException"><paramref name="meetingId"/> is null, empty or whitespace.</exception>
    /// <exception cref="RealtimeKitException">The service failed the request, e.g. 404 when the meeting is not being recorded.</exception>
    public virtual async Task<Recording> GetActiveAsync(RealtimeKitId meetingId, CancellationToken cancellationToken = default)
    {
        var meeting = Guard.Id(meetingId, nameof(meetingId));
        var response = await _app.Recordings.ActiveRecording[meeting].GetAsync(RetrySafety.Configure(RetrySafety.IdempotentRequest), cancellationToken).ConfigureAwait(false);
        return Envelope.Data(response?.Data, 200, "get the active recording");
    }

    /// <summary>Fetches a recording.</summary>
    /// <param name="recordingId">The recording (a UUID).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The recording, with its status, timestamps and download URLs.</returns>
    /// <exception cref="ArgumentException"><paramref name="recordingId"/> is blank or not a UUID.</exception>
    /// <exception cref="RealtimeKitException">The service failed the request, e.g. 404 for an unknown recording.</exception>
    public virtual async Task<Recording> GetAsync(RealtimeKitId recordingId, CancellationToken cancellationToken = default)
    {
        var recording = Guard.Uuid(recordingId, nameof(recordingId));
        var response = await _app.Recording(recording).GetAsync(RetrySafety.Configure(RetrySafety.IdempotentRequest), cancellationToken).ConfigureAwait(false);
        return Envelope.Data(response?.Data, 200, "get a recording");
    }

    /// <summary>Pauses a recording. Idempotent: pausing a paused recording leaves it paused, so it is retried like a read.</summary>
    /// <param name="recordingId">The recording (a UUID).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The recording after the action.</returns>
    /// <exception cref="ArgumentException"><paramref name="recordingId"/> is blank or not a UUID.</exception>
    /// <exception cref="RealtimeKitException">The service failed the request, e.g. 404 for an unknown recording.</exception>
    public virtual Task<Recording> PauseAsync(RealtimeKitId recordingId, CancellationToken cancellationToken = default) =>
        UpdateAsync(recordingId, RecordingAction.Pause, "pause a recording", cancellationToken);

    /// <summary>Resumes a paused recording. Idempotent: resuming a running recording leaves it running.</summary>
    /// <param name="recordingId">The recording (a UUID).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The recording after the action.</returns>
    /// <exception cref="ArgumentException"><paramref name="recordingId"/> is blank or not a UUID.</exception>
    /// <exception cref="RealtimeKitException">The service failed the request, e.g. 404 for an unknown recording.</exception>
    public virtual Task<Recording> ResumeAsync(RealtimeKitId recordingId, CancellationToken cancellationToken = default) =>
        UpdateAsync(recordingId, RecordingAction.Resume, "resume a recording", cancellationToken);

    /// <summary>Stops a recording, which is then uploaded. Idempotent: stopping a stopped recording changes nothing.</summary>
    /// <param name="recordingId">The recording (a UUID).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The recording after the action.</returns>
    /// <exception cref="ArgumentException"><paramref name="recordingId"/> is blank or not a UUID.</exception>
    /// <exception cref="RealtimeKitException">The service failed the request, e.g. 404 for an unknown recording.</exception>
    public virtual Task<Recording> StopAsync(RealtimeKitId recordingId, CancellationToken cancellationToken = default) =>
        UpdateAsync(recordingId, RecordingAction.Stop, "stop a recording", cancellationToken);

    private async Task<Recording> UpdateAsync(RealtimeKitId recordingId, RecordingAction action, string operation, CancellationToken cancellationToken)
    {
        var recording = Guard.Uuid(recordingId, nameof(recordingId));
        var body = new UpdateRecordingBody { Action = action };
        var response = await _app.Recording(recording).PutAsync(body, RetrySafety.Configure(RetrySafety.IdempotentRequest), cancellationToken).ConfigureAwait(false);
        return Envelope.Data(response?.Data, 200, operation);
    }

    private static (Guid? Meeting, RecordingStatus[]? Statuses) Filter(RealtimeKitId? meetingId, IEnumerable<RecordingStatus>? statuses, string? search, DateTimeOffset? startTime, DateTimeOffset? endTime)
    {
        // A missing id (a null string or Guid? converted) means no filter, as a null meetingId does.
        Guid? meeting = meetingId is { IsMissing: false } id ? Guard.Uuid(id, nameof(meetingId)) : null;
        if (search is not null)
        {
            Guard.NotBlank(search, nameof(search));
        }

        if (startTime > endTime)
        {
            throw new ArgumentException($"Expected startTime ({startTime:O}) at or before endTime ({endTime:O}).", nameof(startTime));
        }

        var statusArray = statuses?.Distinct().ToArray();
        return (meeting, statusArray is { Length: > 0 } ? statusArray : null);
    }
}
