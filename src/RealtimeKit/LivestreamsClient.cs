using RealtimeKit.Generated.Accounts.Item.Realtime.Kit.Item;
using RealtimeKit.Generated.Accounts.Item.Realtime.Kit.Item.Livestreams;
using RealtimeKit.Generated.Accounts.Item.Realtime.Kit.Item.Livestreams.Item;
using RealtimeKit.Generated.Accounts.Item.Realtime.Kit.Item.Meetings.Item.Livestream;
using RealtimeKit.Generated.Accounts.Item.Realtime.Kit.Item.Sessions.Item.LivestreamSessions;
using RealtimeKit.Generated.Models;
using RealtimeKit.Http;

namespace RealtimeKit;

/// <summary>
/// Livestreams: independent livestreams fed from any RTMP encoder, livestreams of meetings, and their
/// sessions. Reached through <see cref="RealtimeKitClient.Livestreams"/>.
/// </summary>
public class LivestreamsClient
{
    private readonly AppPaths _app = null!;

    /// <summary>For mocking frameworks and test doubles; every member is virtual.</summary>
    protected LivestreamsClient()
    {
    }

    internal LivestreamsClient(AppPaths app) => _app = app;

    /// <summary>Fetches one page of the App's livestreams (independent ones and livestreamed meetings), optionally filtered.</summary>
    /// <param name="excludeMeetings">True to leave out the livestreamed meetings (the service's default is false).</param>
    /// <param name="status">Only the livestreams in this status.</param>
    /// <param name="startTime">Only the livestreams from this time on.</param>
    /// <param name="endTime">Only the livestreams up to this time.</param>
    /// <param name="sortOrder">The order to sort in.</param>
    /// <param name="pageNumber">The 1-based page to fetch.</param>
    /// <param name="perPage">How many livestreams a page holds.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page: its livestreams and the total count.</returns>
    /// <exception cref="ArgumentException"><paramref name="startTime"/> after <paramref name="endTime"/>, or a page number or size below 1.</exception>
    /// <exception cref="RealtimeKitException">The service failed the request.</exception>
    public virtual async Task<RealtimeKitPage<Livestream>> ListAsync(
        bool? excludeMeetings = null,
        LivestreamStatus? status = null,
        DateTimeOffset? startTime = null,
        DateTimeOffset? endTime = null,
        LivestreamSortOrder? sortOrder = null,
        int pageNumber = 1,
        int perPage = Paging.DefaultPerPage,
        CancellationToken cancellationToken = default)
    {
        Paging.Check(pageNumber, perPage);
        CheckTimes(startTime, endTime);
        var response = await _app.Livestreams.GetAsync(
            RetrySafety.Configure<LivestreamsRequestBuilder.LivestreamsRequestBuilderGetQueryParameters>(RetrySafety.IdempotentRequest, q =>
            {
                q.ExcludeMeetings = excludeMeetings;
                q.Status = status;
                q.StartTime = startTime;
                q.EndTime = endTime;
                q.SortOrder = sortOrder;
                q.PageNo = pageNumber;
                q.PerPage = perPage;
            }),
            cancellationToken).ConfigureAwait(false);
        var items = Envelope.Data(response?.Data, 200, "list livestreams");
        return new RealtimeKitPage<Livestream>(items, pageNumber, perPage, response!.Paging?.TotalCount);
    }

    /// <summary>
    /// Every livestream of the App matching the filters, fetching page after page only as the sequence is
    /// enumerated, and stopping after the last page.
    /// </summary>
    /// <param name="excludeMeetings">True to leave out the livestreamed meetings.</param>
    /// <param name="status">Only the livestreams in this status.</param>
    /// <param name="startTime">Only the livestreams from this time on.</param>
    /// <param name="endTime">Only the livestreams up to this time.</param>
    /// <param name="sortOrder">The order to sort in.</param>
    /// <param name="perPage">How many livestreams each request fetches.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The livestreams, in the service's order.</returns>
    /// <exception cref="ArgumentException"><paramref name="startTime"/> after <paramref name="endTime"/>, or <paramref name="perPage"/> below 1; thrown before anything is sent.</exception>
    /// <exception cref="RealtimeKitException">The service failed a page's request.</exception>
    public virtual IAsyncEnumerable<Livestream> ListAllAsync(
        bool? excludeMeetings = null,
        LivestreamStatus? status = null,
        DateTimeOffset? startTime = null,
        DateTimeOffset? endTime = null,
        LivestreamSortOrder? sortOrder = null,
        int perPage = Paging.DefaultPerPage,
        CancellationToken cancellationToken = default)
    {
        // Checked now, not at the first MoveNextAsync, so a bad argument fails where the call is written.
        Paging.Check(1, perPage);
        CheckTimes(startTime, endTime);
        return Paging.All(perPage, (page, ct) => ListAsync(excludeMeetings, status, startTime, endTime, sortOrder, page, perPage, ct), cancellationToken);
    }

    /// <summary>
    /// Creates an independent livestream and returns its ingest server, stream key and playback URL. Not
    /// idempotent: it is retried only when the service provably did not process it, so a retry never
    /// creates a second livestream.
    /// </summary>
    /// <param name="name">The livestream's name; none when null.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The livestream that was created.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or whitespace.</exception>
    /// <exception cref="RealtimeKitException">The service failed the request.</exception>
    public virtual async Task<Livestream> CreateAsync(string? name = null, CancellationToken cancellationToken = default)
    {
        if (name is not null)
        {
            Guard.NotBlank(name, nameof(name));
        }

        var body = new CreateLivestreamBody { Name = name };
        var response = await _app.Livestreams.PostAsync(body, RetrySafety.Configure(RetrySafety.NonIdempotentRequest), cancellationToken).ConfigureAwait(false);
        return Envelope.Data(response?.Data, 201, "create a livestream");
    }

    /// <summary>Fetches a livestream with its session.</summary>
    /// <param name="livestreamId">The livestream, as returned by <see cref="CreateAsync"/> or <see cref="StartForMeetingAsync"/>.</param>
    /// <param name="pageNumber">The 1-based page of the livestream's sessions; the service's first page when null.</param>
    /// <param name="perPage">How many sessions a page holds; the service's default when null.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The livestream, its session, and where that session sits among the livestream's sessions.</returns>
    /// <exception cref="ArgumentException">A blank <paramref name="livestreamId"/>, or a page number or size below 1.</exception>
    /// <exception cref="RealtimeKitException">The service failed the request, e.g. 404 for an unknown livestream.</exception>
    public virtual async Task<LivestreamDetails> GetAsync(RealtimeKitId livestreamId, int? pageNumber = null, int? perPage = null, CancellationToken cancellationToken = default)
    {
        var livestream = Guard.Id(livestreamId, nameof(livestreamId));
        Paging.Check(pageNumber ?? 1, perPage ?? 1);
        var response = await _app.Livestream(livestream).GetAsync(
            RetrySafety.Configure<WithLivestream_ItemRequestBuilder.WithLivestream_ItemRequestBuilderGetQueryParameters>(RetrySafety.IdempotentRequest, q =>
            {
                q.PageNo = pageNumber;
                q.PerPage = perPage;
            }),
            cancellationToken).ConfigureAwait(false);
        return Envelope.Data(response?.Data, 200, "get a livestream");
    }

    /// <summary>Fetches a livestream with its active session.</summary>
    /// <param name="livestreamId">The livestream.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The livestream and its active session.</returns>
    /// <exception cref="ArgumentException"><paramref name="livestreamId"/> is null, empty or whitespace.</exception>
    /// <exception cref="RealtimeKitException">The service failed the request, e.g. 404 when nothing is live.</exception>
    public virtual async Task<ActiveLivestreamSession> GetActiveSessionAsync(RealtimeKitId livestreamId, CancellationToken cancellationToken = default)
    {
        var livestream = Guard.Id(livestreamId, nameof(livestreamId));
        var response = await _app.Livestream(livestream).ActiveLivestreamSession.GetAsync(RetrySafety.Configure(RetrySafety.IdempotentRequest), cancellationToken).ConfigureAwait(false);
        return Envelope.Data(response?.Data, 200, "get the active livestream session");
    }

    /// <summary>Fetches a livestream session: when it ran, and how long it was streamed and watched.</summary>
    /// <param name="livestreamSessionId">The livestream session, as listed by <see cref="ListForSessionAsync"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The livestream session.</returns>
    /// <exception cref="ArgumentException"><paramref name="livestreamSessionId"/> is null, empty or whitespace.</exception>
    /// <exception cref="RealtimeKitException">The service failed the request, e.g. 404 for an unknown livestream session.</exception>
    public virtual async Task<LivestreamSession> GetSessionAsync(RealtimeKitId livestreamSessionId, CancellationToken cancellationToken = default)
    {
        var session = Guard.Id(livestreamSessionId, nameof(livestreamSessionId));
        var response = await _app.Livestreams.Sessions[session].GetAsync(RetrySafety.Configure(RetrySafety.IdempotentRequest), cancellationToken).ConfigureAwait(false);
        return Envelope.Data(response?.Data, 200, "get a livestream session");
    }

    /// <summary>Fetches the active livestream of a meeting.</summary>
    /// <param name="meetingId">The meeting (a UUID).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The meeting's active livestream.</returns>
    /// <exception cref="ArgumentException"><paramref name="meetingId"/> is null, empty or whitespace.</exception>
    /// <exception cref="RealtimeKitException">The service failed the request, e.g. 404 when the meeting is not being livestreamed.</exception>
    public virtual async Task<Livestream> GetActiveForMeetingAsync(RealtimeKitId meetingId, CancellationToken cancellationToken = default)
    {
        var meeting = Guard.Id(meetingId, nameof(meetingId));
        var response = await _app.Meeting(meeting).ActiveLivestream.GetAsync(RetrySafety.Configure(RetrySafety.IdempotentRequest), cancellationToken).ConfigureAwait(false);
        return Envelope.Data(response?.Data, 200, "get the active livestream of a meeting");
    }

    /// <summary>
    /// Starts livestreaming a meeting. Not idempotent: it is retried only when the service provably did not
    /// process it, so a retry never starts a second livestream.
    /// </summary>
    /// <param name="meetingId">The meeting (a UUID).</param>
    /// <param name="name">The livestream's name; none when null.</param>
    /// <param name="width">The video's width in pixels; the service's default when null.</param>
    /// <param name="height">The video's height in pixels; the service's default when null.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The livestream that was started, with its ingest server, stream key and playback URL.</returns>
    /// <exception cref="ArgumentException">A blank <paramref name="meetingId"/> or <paramref name="name"/>, or a <paramref name="width"/> or <paramref name="height"/> below 1.</exception>
    /// <exception cref="RealtimeKitException">The service failed the request, e.g. 400 when the meeting is already livestreamed.</exception>
    public virtual async Task<Livestream> StartForMeetingAsync(RealtimeKitId meetingId, string? name = null, int? width = null, int? height = null, CancellationToken cancellationToken = default)
    {
        var meeting = Guard.Id(meetingId, nameof(meetingId));
        if (name is not null)
        {
            Guard.NotBlank(name, nameof(name));
        }

        if (width < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(width), width, $"Expected a video width of 1 pixel or more, got {width}.");
        }

        if (height < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(height), height, $"Expected a video height of 1 pixel or more, got {height}.");
        }

        var body = new StartLivestreamBody
        {
            Name = name,
            VideoConfig = width is null && height is null ? null : new LivestreamVideoConfig { Width = width, Height = height },
        };
        var response = await _app.Meeting(meeting).Livestreams.PostAsync(body, RetrySafety.Configure(RetrySafety.NonIdempotentRequest), cancellationToken).ConfigureAwait(false);
        return Envelope.Data(response?.Data, 201, "start livestreaming a meeting");
    }

    /// <summary>
    /// Stops the active livestream of a meeting. Sends no body. Idempotent: stopping a stopped livestream
    /// stops nothing more, so it is retried like a read.
    /// </summary>
    /// <param name="meetingId">The meeting (a UUID).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The service's confirmation.</returns>
    /// <exception cref="ArgumentException"><paramref name="meetingId"/> is null, empty or whitespace.</exception>
    /// <exception cref="RealtimeKitException">The service failed the request, e.g. 404 when the meeting is not being livestreamed.</exception>
    public virtual async Task<StopLivestreamResult> StopForMeetingAsync(RealtimeKitId meetingId, CancellationToken cancellationToken = default)
    {
        var meeting = Guard.Id(meetingId, nameof(meetingId));
        var response = await _app.Meeting(meeting).ActiveLivestream.Stop.PostAsync(RetrySafety.Configure(RetrySafety.IdempotentRequest), cancellationToken).ConfigureAwait(false);
        return Envelope.Data(response?.Data, 200, "stop livestreaming a meeting");
    }

    /// <summary>Fetches the livestreams of a meeting with livestream session details.</summary>
    /// <param name="meetingId">The meeting (a UUID).</param>
    /// <param name="pageNumber">The 1-based page of the meeting's livestreams; the service's first page when null.</param>
    /// <param name="perPage">How many livestreams a page holds; the service's default when null.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The meeting's livestreams, session details, and paging.</returns>
    /// <exception cref="ArgumentException">A blank <paramref name="meetingId"/>, or a page number or size below 1.</exception>
    /// <exception cref="RealtimeKitException">The service failed the request.</exception>
    public virtual async Task<MeetingLivestreams> GetForMeetingAsync(RealtimeKitId meetingId, int? pageNumber = null, int? perPage = null, CancellationToken cancellationToken = default)
    {
        var meeting = Guard.Id(meetingId, nameof(meetingId));
        Paging.Check(pageNumber ?? 1, perPage ?? 1);
        var response = await _app.Meeting(meeting).Livestream.GetAsync(
            RetrySafety.Configure<LivestreamRequestBuilder.LivestreamRequestBuilderGetQueryParameters>(RetrySafety.IdempotentRequest, q =>
            {
                q.PageNo = pageNumber;
                q.PerPage = perPage;
            }),
            cancellationToken).ConfigureAwait(false);
        return Envelope.Data(response?.Data, 200, "get the livestreams of a meeting");
    }

    /// <summary>
    /// Fetches one page of the livestream sessions of a session (a meeting's session, as listed by the
    /// sessions of the App). The service nests the page in <c>data</c> (<c>data.data</c> and
    /// <c>data.paging</c>), so the generated page model is returned as it is; <see cref="ListAllForSessionAsync"/>
    /// walks every page.
    /// </summary>
    /// <param name="sessionId">The session (a UUID).</param>
    /// <param name="pageNumber">The 1-based page to fetch.</param>
    /// <param name="perPage">How many livestream sessions a page holds.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page: its livestream sessions (<see cref="LivestreamSessionList.Data"/>) and paging.</returns>
    /// <exception cref="ArgumentException">A <paramref name="sessionId"/> that is blank or not a UUID, or a page number or size below 1.</exception>
    /// <exception cref="RealtimeKitException">The service failed the request.</exception>
    public virtual async Task<LivestreamSessionList> ListForSessionAsync(RealtimeKitId sessionId, int pageNumber = 1, int perPage = Paging.DefaultPerPage, CancellationToken cancellationToken = default)
    {
        var session = Guard.Uuid(sessionId, nameof(sessionId));
        Paging.Check(pageNumber, perPage);
        var response = await _app.Session(session).LivestreamSessions.GetAsync(
            RetrySafety.Configure<LivestreamSessionsRequestBuilder.LivestreamSessionsRequestBuilderGetQueryParameters>(RetrySafety.IdempotentRequest, q =>
            {
                q.PageNo = pageNumber;
                q.PerPage = perPage;
            }),
            cancellationToken).ConfigureAwait(false);
        return Envelope.Data(response?.Data, 200, "list the livestream sessions of a session");
    }

    /// <summary>
    /// Every livestream session of a session, fetching page after page only as the sequence is enumerated,
    /// and stopping after the last page.
    /// </summary>
    /// <param name="sessionId">The session (a UUID).</param>
    /// <param name="perPage">How many livestream sessions each request fetches.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The livestream sessions, in the service's order.</returns>
    /// <exception cref="ArgumentException">A <paramref name="sessionId"/> that is blank or not a UUID, or <paramref name="perPage"/> below 1; thrown before anything is sent.</exception>
    /// <exception cref="RealtimeKitException">The service failed a page's request.</exception>
    public virtual IAsyncEnumerable<LivestreamSession> ListAllForSessionAsync(RealtimeKitId sessionId, int perPage = Paging.DefaultPerPage, CancellationToken cancellationToken = default)
    {
        _ = Guard.Uuid(sessionId, nameof(sessionId));
        Paging.Check(1, perPage);
        return Paging.All(perPage, async (page, ct) =>
        {
            var list = await ListForSessionAsync(sessionId, page, perPage, ct).ConfigureAwait(false);
            return new RealtimeKitPage<LivestreamSession>(list.Data ?? [], page, perPage, list.Paging?.TotalCount);
        }, cancellationToken);
    }

    private static void CheckTimes(DateTimeOffset? startTime, DateTimeOffset? endTime)
    {
        if (startTime > endTime)
        {
            throw new ArgumentException($"Expected startTime ({startTime:O}) at or before endTime ({endTime:O}).", nameof(startTime));
        }
    }
}
