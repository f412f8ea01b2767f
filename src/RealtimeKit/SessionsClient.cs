using RealtimeKit.Generated.Accounts.Item.Realtime.Kit.Item;
using RealtimeKit.Generated.Models;
using RealtimeKit.Http;
using ParticipantsQuery = RealtimeKit.Generated.Accounts.Item.Realtime.Kit.Item.Sessions.Item.Participants.ParticipantsRequestBuilder.ParticipantsRequestBuilderGetQueryParameters;
using ParticipantQuery = RealtimeKit.Generated.Accounts.Item.Realtime.Kit.Item.Sessions.Item.Participants.Item.WithParticipant_ItemRequestBuilder.WithParticipant_ItemRequestBuilderGetQueryParameters;
using PeerReportQuery = RealtimeKit.Generated.Accounts.Item.Realtime.Kit.Item.Sessions.PeerReport.Item.WithPeer_ItemRequestBuilder.WithPeer_ItemRequestBuilderGetQueryParameters;
using SessionQuery = RealtimeKit.Generated.Accounts.Item.Realtime.Kit.Item.Sessions.Item.WithSession_ItemRequestBuilder.WithSession_ItemRequestBuilderGetQueryParameters;
using SessionsQuery = RealtimeKit.Generated.Accounts.Item.Realtime.Kit.Item.Sessions.SessionsRequestBuilder.SessionsRequestBuilderGetQueryParameters;
using TranscriptQuery = RealtimeKit.Generated.Accounts.Item.Realtime.Kit.Item.Sessions.Item.Transcript.TranscriptRequestBuilder.TranscriptRequestBuilderGetQueryParameters;

namespace RealtimeKit;

/// <summary>
/// Past and ongoing sessions of the app's meetings: list and fetch them, their participants and peer reports,
/// and download links for their chat, transcript and summary. Reached through <see cref="RealtimeKitClient.Sessions"/>.
/// </summary>
/// <remarks>
/// Session, participant and peer ids are UUIDs; an id that is not one is refused with an
/// <see cref="ArgumentException"/> before anything is sent.
/// </remarks>
public class SessionsClient
{
    private readonly AppPaths _app = null!;

    /// <summary>For mocking frameworks and test doubles; every member is virtual.</summary>
    protected SessionsClient()
    {
    }

    internal SessionsClient(AppPaths app) => _app = app;

    /// <summary>Lists one page of the app's sessions, optionally filtered.</summary>
    /// <param name="meetingId">Only sessions of this meeting (a UUID); not filtered when not given.</param>
    /// <param name="status">Only sessions with this status (<see cref="ActiveSessionStatus.LIVE"/> or <see cref="ActiveSessionStatus.ENDED"/>).</param>
    /// <param name="startTime">Only sessions from this time on.</param>
    /// <param name="endTime">Only sessions up to this time; not before <paramref name="startTime"/>.</param>
    /// <param name="search">Text matched against the meeting title, the meeting id and the session id.</param>
    /// <param name="participantCountRange">Only sessions whose participant count is in this range, written <c>min:max</c> (for example <c>1:10</c>).</param>
    /// <param name="sortBy">What to sort by (service default when null).</param>
    /// <param name="sortOrder">The sort direction (service default when null).</param>
    /// <param name="pageNumber">The 1-based page to fetch.</param>
    /// <param name="perPage">How many sessions a page holds.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page's sessions and the total count the service reports.</returns>
    /// <exception cref="ArgumentException">A <paramref name="meetingId"/> that is blank or not a UUID, an <paramref name="endTime"/> before <paramref name="startTime"/>, a blank <paramref name="search"/> or <paramref name="participantCountRange"/>, or a <paramref name="pageNumber"/> or <paramref name="perPage"/> below 1.</exception>
    /// <exception cref="RealtimeKitException">The service failed the request.</exception>
    public virtual async Task<RealtimeKitPage<ActiveSession>> ListAsync(RealtimeKitId meetingId = default, ActiveSessionStatus? status = null, DateTimeOffset? startTime = null, DateTimeOffset? endTime = null, string? search = null, string? participantCountRange = null, SessionSortBy? sortBy = null, SessionSortOrder? sortOrder = null, int pageNumber = 1, int perPage = Paging.DefaultPerPage, CancellationToken cancellationToken = default)
    {
        var meeting = meetingId.IsMissing ? (Guid?)null : Guard.Uuid(meetingId, nameof(meetingId));
        TimeRange(startTime, endTime);
        OptionalText(search, nameof(search));
        OptionalText(participantCountRange, nameof(participantCountRange));
        Paging.Check(pageNumber, perPage);

        var response = await _app.Sessions.GetAsync(
            RetrySafety.Configure<SessionsQuery>(RetrySafety.IdempotentRequest, q =>
            {
                q.AssociatedId = meeting;
                q.Status = status;
                q.StartTime = startTime;
                q.EndTime = endTime;
                q.Search = search;
                q.Participants = participantCountRange;
                q.SortBy = sortBy;
                q.SortOrder = sortOrder;
                q.PageNo = pageNumber;
                q.PerPage = perPage;
            }),
            cancellationToken).ConfigureAwait(false);
        var sessions = Envelope.Data(response?.Data?.Sessions, 200, "list sessions");
        return new RealtimeKitPage<ActiveSession>(sessions, pageNumber, perPage, response!.Paging?.TotalCount);
    }

    /// <summary>
    /// Every session that matches the filters, fetching page after page only as you enumerate, until the last.
    /// </summary>
    /// <param name="meetingId">Only sessions of this meeting (a UUID); not filtered when not given.</param>
    /// <param name="status">Only sessions with this status.</param>
    /// <param name="startTime">Only sessions from this time on.</param>
    /// <param name="endTime">Only sessions up to this time; not before <paramref name="startTime"/>.</param>
    /// <param name="search">Text matched against the meeting title, the meeting id and the session id.</param>
    /// <param name="participantCountRange">Only sessions whose participant count is in this range, written <c>min:max</c>.</param>
    /// <param name="sortBy">What to sort by (service default when null).</param>
    /// <param name="sortOrder">The sort direction (service default when null).</param>
    /// <param name="perPage">How many sessions each request fetches.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The sessions, in the service's order.</returns>
    /// <exception cref="ArgumentException">As for <see cref="ListAsync"/>, when enumeration starts.</exception>
    /// <exception cref="RealtimeKitException">The service failed a page request.</exception>
    public virtual IAsyncEnumerable<ActiveSession> ListAllAsync(RealtimeKitId meetingId = default, ActiveSessionStatus? status = null, DateTimeOffset? startTime = null, DateTimeOffset? endTime = null, string? search = null, string? participantCountRange = null, SessionSortBy? sortBy = null, SessionSortOrder? sortOrder = null, int perPage = Paging.DefaultPerPage, CancellationToken cancellationToken = default) =>
        Paging.All(perPage, (page, ct) => ListAsync(meetingId, status, startTime, endTime, search, participantCountRange, sortBy, sortOrder, page, perPage, ct), cancellationToken);

    /// <summary>Fetches a session.</summary>
    /// <param name="sessionId">The session (a UUID).</param>
    /// <param name="includeBreakoutRooms">Whether to include the session's breakout rooms in <see cref="Session.BreakoutRooms"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The session.</returns>
    /// <exception cref="ArgumentException"><paramref name="sessionId"/> is blank or not a UUID.</exception>
    /// <exception cref="RealtimeKitException">The service failed the request.</exception>
    public virtual async Task<ActiveSession> GetAsync(RealtimeKitId sessionId, bool includeBreakoutRooms = false, CancellationToken cancellationToken = default)
    {
        var session = Guard.Uuid(sessionId, nameof(sessionId));
        var response = await _app.Session(session).GetAsync(
            RetrySafety.Configure<SessionQuery>(RetrySafety.IdempotentRequest, q => q.IncludeBreakoutRooms = includeBreakoutRooms ? true : null),
            cancellationToken).ConfigureAwait(false);
        return Envelope.Data(response?.Data, 200, "get a session");
    }

    /// <summary>Lists one page of the participants of a session.</summary>
    /// <param name="sessionId">The session (a UUID).</param>
    /// <param name="search">Text matched against the participant id, the custom participant id and the display name.</param>
    /// <param name="sortBy">What to sort by (service default when null).</param>
    /// <param name="sortOrder">The sort direction (service default when null).</param>
    /// <param name="includePeerEvents">Whether to include each participant's peer events.</param>
    /// <param name="view">
    /// In sessions with breakout rooms: <see cref="SessionParticipantsView.Raw"/> for time in this session alone,
    /// <see cref="SessionParticipantsView.Consolidated"/> to add up the breakout rooms (service default when null).
    /// </param>
    /// <param name="pageNumber">The 1-based page to fetch.</param>
    /// <param name="perPage">How many participants a page holds.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page's participants and, when the service reports it, the total count.</returns>
    /// <exception cref="ArgumentException">A <paramref name="sessionId"/> that is blank or not a UUID, a blank <paramref name="search"/>, or a <paramref name="pageNumber"/> or <paramref name="perPage"/> below 1.</exception>
    /// <exception cref="RealtimeKitException">The service failed the request.</exception>
    public virtual async Task<RealtimeKitPage<SessionParticipantDetails>> ListParticipantsAsync(RealtimeKitId sessionId, string? search = null, SessionParticipantSortBy? sortBy = null, SessionSortOrder? sortOrder = null, bool includePeerEvents = false, SessionParticipantsView? view = null, int pageNumber = 1, int perPage = Paging.DefaultPerPage, CancellationToken cancellationToken = default)
    {
        var session = Guard.Uuid(sessionId, nameof(sessionId));
        OptionalText(search, nameof(search));
        Paging.Check(pageNumber, perPage);

        var response = await _app.Session(session).Participants.GetAsync(
            RetrySafety.Configure<ParticipantsQuery>(RetrySafety.IdempotentRequest, q =>
            {
                q.Search = search;
                q.SortBy = sortBy;
                q.SortOrder = sortOrder;
                q.IncludePeerEvents = includePeerEvents ? true : null;
                q.View = view;
                q.PageNo = pageNumber;
                q.PerPage = perPage;
            }),
            cancellationToken).ConfigureAwait(false);
        var data = Envelope.Data(response?.Data, 200, "list the participants of a session");
        var participants = Envelope.Data(data.Participants, 200, "list the participants of a session");
        return new RealtimeKitPage<SessionParticipantDetails>(participants, pageNumber, perPage, data.Paging?.TotalCount);
    }

    /// <summary>
    /// Every participant of a session, fetching page after page only as you enumerate, until the last.
    /// </summary>
    /// <param name="sessionId">The session (a UUID).</param>
    /// <param name="search">Text matched against the participant id, the custom participant id and the display name.</param>
    /// <param name="sortBy">What to sort by (service default when null).</param>
    /// <param name="sortOrder">The sort direction (service default when null).</param>
    /// <param name="includePeerEvents">Whether to include each participant's peer events.</param>
    /// <param name="view">How to count time in sessions with breakout rooms (service default when null).</param>
    /// <param name="perPage">How many participants each request fetches.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The participants, in the service's order.</returns>
    /// <exception cref="ArgumentException">As for <see cref="ListParticipantsAsync"/>, when enumeration starts.</exception>
    /// <exception cref="RealtimeKitException">The service failed a page request.</exception>
    public virtual IAsyncEnumerable<SessionParticipantDetails> ListAllParticipantsAsync(RealtimeKitId sessionId, string? search = null, SessionParticipantSortBy? sortBy = null, SessionSortOrder? sortOrder = null, bool includePeerEvents = false, SessionParticipantsView? view = null, int perPage = Paging.DefaultPerPage, CancellationToken cancellationToken = default) =>
        Paging.All(perPage, (page, ct) => ListParticipantsAsync(sessionId, search, sortBy, sortOrder, includePeerEvents, view, page, perPage, ct), cancellationToken);

    /// <summary>Fetches a participant of a session.</summary>
    /// <param name="sessionId">The session (a UUID).</param>
    /// <param name="participantId">The participant's <see cref="SessionParticipantDetails.Id"/> in the session (a UUID).</param>
    /// <param name="includePeerEvents">Whether to include the participant's peer events.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The participant.</returns>
    /// <exception cref="ArgumentException"><paramref name="sessionId"/> or <paramref name="participantId"/> is blank or not a UUID.</exception>
    /// <exception cref="RealtimeKitException">The service failed the request.</exception>
    public virtual async Task<SessionParticipantDetails> GetParticipantAsync(RealtimeKitId sessionId, RealtimeKitId participantId, bool includePeerEvents = false, CancellationToken cancellationToken = default)
    {
        var session = Guard.Uuid(sessionId, nameof(sessionId));
        var participant = Guard.Uuid(participantId, nameof(participantId));
        var response = await _app.Session(session).Participants[participant].GetAsync(
            RetrySafety.Configure<ParticipantQuery>(RetrySafety.IdempotentRequest, q => q.IncludePeerEvents = includePeerEvents ? true : null),
            cancellationToken).ConfigureAwait(false);
        return Envelope.Data(response?.Data?.Participant, 200, "get a participant of a session");
    }

    /// <summary>Fetches a link to download every chat message of a session as CSV.</summary>
    /// <param name="sessionId">The session (a UUID).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The download URL and when it expires.</returns>
    /// <exception cref="ArgumentException"><paramref name="sessionId"/> is blank or not a UUID.</exception>
    /// <exception cref="RealtimeKitException">The service failed the request.</exception>
    public virtual async Task<SessionChatDownload> GetChatAsync(RealtimeKitId sessionId, CancellationToken cancellationToken = default)
    {
        var session = Guard.Uuid(sessionId, nameof(sessionId));
        var response = await _app.Session(session).Chat.GetAsync(RetrySafety.Configure(RetrySafety.IdempotentRequest), cancellationToken).ConfigureAwait(false);
        return Envelope.Data(response?.Data, 200, "get the chat of a session");
    }

    /// <summary>Fetches a link to download the transcript of a session.</summary>
    /// <param name="sessionId">The session (a UUID).</param>
    /// <param name="format">The file format (CSV, the service default, when null).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The download URL and when it expires.</returns>
    /// <exception cref="ArgumentException"><paramref name="sessionId"/> is blank or not a UUID.</exception>
    /// <exception cref="RealtimeKitException">The service failed the request.</exception>
    public virtual async Task<SessionTranscriptDownload> GetTranscriptAsync(RealtimeKitId sessionId, SessionTranscriptFormat? format = null, CancellationToken cancellationToken = default)
    {
        var session = Guard.Uuid(sessionId, nameof(sessionId));
        var response = await _app.Session(session).Transcript.GetAsync(
            RetrySafety.Configure<TranscriptQuery>(RetrySafety.IdempotentRequest, q => q.Format = format),
            cancellationToken).ConfigureAwait(false);
        return Envelope.Data(response?.Data, 200, "get the transcript of a session");
    }

    /// <summary>Fetches a link to download the summary of a session's transcript as plain text.</summary>
    /// <param name="sessionId">The session (a UUID).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The download URL and when it expires.</returns>
    /// <exception cref="ArgumentException"><paramref name="sessionId"/> is blank or not a UUID.</exception>
    /// <exception cref="RealtimeKitException">The service failed the request.</exception>
    public virtual async Task<SessionSummaryDownload> GetSummaryAsync(RealtimeKitId sessionId, CancellationToken cancellationToken = default)
    {
        var session = Guard.Uuid(sessionId, nameof(sessionId));
        var response = await _app.Session(session).Summary.GetAsync(RetrySafety.Configure(RetrySafety.IdempotentRequest), cancellationToken).ConfigureAwait(false);
        return Envelope.Data(response?.Data, 200, "get the summary of a session");
    }

    /// <summary>
    /// Starts generating the summary of a session's transcript; fetch it with <see cref="GetSummaryAsync"/> once
    /// ready. Not idempotent: it is retried only when the service provably did not process it (connection never
    /// made, 429, or 503 with Retry-After), so a generation is never started twice.
    /// </summary>
    /// <param name="sessionId">The session (a UUID).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The session and where the generation stands.</returns>
    /// <exception cref="ArgumentException"><paramref name="sessionId"/> is blank or not a UUID.</exception>
    /// <exception cref="RealtimeKitException">The service failed the request.</exception>
    public virtual async Task<SessionSummaryGeneration> GenerateSummaryAsync(RealtimeKitId sessionId, CancellationToken cancellationToken = default)
    {
        var session = Guard.Uuid(sessionId, nameof(sessionId));
        var response = await _app.Session(session).Summary.PostAsync(RetrySafety.Configure(RetrySafety.NonIdempotentRequest), cancellationToken).ConfigureAwait(false);
        return Envelope.Data(response?.Data, 200, "generate the summary of a session");
    }

    /// <summary>Fetches the participant behind a peer, with its call statistics (device, network, SDK and media quality).</summary>
    /// <param name="peerId">The peer (a UUID).</param>
    /// <param name="filter">The one part of the report to return; the whole report when null.</param>
    /// <param name="includePeerEvents">Whether to include the peer's events.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The participant and its <see cref="PeerParticipantDetails.PeerReport"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="peerId"/> is blank or not a UUID.</exception>
    /// <exception cref="RealtimeKitException">The service failed the request.</exception>
    public virtual async Task<PeerParticipantDetails> GetPeerReportAsync(RealtimeKitId peerId, PeerReportFilter? filter = null, bool includePeerEvents = false, CancellationToken cancellationToken = default)
    {
        var peer = Guard.Uuid(peerId, nameof(peerId));
        var response = await _app.Sessions.PeerReport[peer].GetAsync(
            RetrySafety.Configure<PeerReportQuery>(RetrySafety.IdempotentRequest, q =>
            {
                q.Filters = filter;
                q.IncludePeerEvents = includePeerEvents ? true : null;
            }),
            cancellationToken).ConfigureAwait(false);
        return Envelope.Data(response?.Data?.Participant, 200, "get the report of a peer");
    }

    private static void OptionalText(string? value, string parameter)
    {
        if (value is not null && string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"Expected null or a non-empty value for {parameter}, got '{value}'.", parameter);
        }
    }

    private static void TimeRange(DateTimeOffset? startTime, DateTimeOffset? endTime)
    {
        if (startTime > endTime)
        {
            throw new ArgumentException($"Expected endTime ({endTime:O}) to be at or after startTime ({startTime:O}).", nameof(endTime));
        }
    }
}
