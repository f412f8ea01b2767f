using System.Runtime.InteropServices;
using RealtimeKit.Emulator.Api;

namespace RealtimeKit.Emulator.State;

// Session history: every session (live and ended) by id, and every stay of a participant in one by peer id.
// Filled under the lock by Join; read by the sessions operations.
internal sealed partial class EmulatorState
{
    private readonly Dictionary<Guid, (Meeting Meeting, LiveSession Session)> _sessions = [];
    private readonly Dictionary<Guid, List<Attendance>> _attendance = [];
    private readonly Dictionary<Guid, Attendance> _peers = [];
    private readonly Dictionary<SessionMember, Attendance> _stays = [];
    private readonly HashSet<Guid> _summaryRequested = [];

    // Under the lock, from Join: the member has just joined (the session may have just started).
    private void RememberJoin(Meeting meeting, LiveSession session, SessionMember member)
    {
        _sessions.TryAdd(session.Id, (meeting, session));
        var stay = new Attendance(Guid.NewGuid(), meeting, session, member);
        (CollectionsMarshal.GetValueRefOrAddDefault(_attendance, session.Id, out _) ??= []).Add(stay);
        _peers.Add(stay.PeerId, stay);
        _stays.Add(member, stay);
    }

    // Under the lock, from RemoveMember: the member's stay has ended.
    private void RememberLeave(SessionMember member, DateTimeOffset now)
    {
        if (_stays.TryGetValue(member, out var stay))
        {
            stay.LeftAt = now;
        }
    }

    // Under the lock, from Reset.
    private void ForgetSessions()
    {
        _sessions.Clear();
        _attendance.Clear();
        _peers.Clear();
        _stays.Clear();
        _summaryRequested.Clear();
    }

    public Paged ListSessions(string accountId, string appId, SessionFilter filter, int page, int perPage)
    {
        lock (_lock)
        {
            var matching = _sessions.Values
                .Where(s => s.Meeting.AccountId == accountId && s.Meeting.AppId == appId)
                .Where(s => filter.MeetingId is not { } meetingId || s.Meeting.Id == meetingId)
                .Where(s => filter.Status is null || (s.Session.IsLive ? "LIVE" : "ENDED") == filter.Status)
                .Where(s => (filter.Start is null || s.Session.StartedAt >= filter.Start) && (filter.End is null || s.Session.StartedAt <= filter.End))
                .Where(s => filter.Search is not { } text || Matches(text, s.Meeting.Title, s.Meeting.Id.ToString(), s.Session.Id.ToString()))
                .Where(s => filter.ParticipantCount is not { } range || ParticipantCount(s.Session) is var n && n >= range.Min && n <= range.Max)
                .Select(s => (Body: DescribeHistory(s.Meeting, s.Session), s.Session.StartedAt));
            var sorted = filter.ByMinutes ? Ordered(matching, s => s.Body.MinutesConsumed, filter.Ascending) : Ordered(matching, s => s.StartedAt, filter.Ascending);
            var (items, paging) = Slice(sorted.ThenBy(s => s.Body.Id, StringComparer.Ordinal).Select(s => s.Body).ToList(), page, perPage);
            return new Paged(new SessionListBody(items), paging);
        }
    }

    public ActiveSessionBody GetSession(string accountId, string appId, Guid sessionId)
    {
        lock (_lock)
        {
            var (meeting, session) = FindSession(accountId, appId, sessionId);
            return DescribeHistory(meeting, session);
        }
    }

    public SessionParticipantListBody ListSessionParticipants(string accountId, string appId, Guid sessionId, SessionParticipantFilter filter, int page, int perPage)
    {
        lock (_lock)
        {
            var (_, session) = FindSession(accountId, appId, sessionId);
            var now = time.GetUtcNow();
            var matching = Stays(session)
                .Where(a => filter.Search is not { } text || Matches(text, a.PeerId.ToString(), a.Member.Participant.Id.ToString(), a.Member.Participant.CustomParticipantId, a.DisplayName))
                .Select(a => (Stay: a, Duration: ((a.LeftAt ?? now) - a.Member.JoinedAt).TotalMinutes));
            var sorted = filter.ByDuration ? Ordered(matching, a => a.Duration, filter.Ascending) : Ordered(matching, a => a.Stay.Member.JoinedAt, filter.Ascending);
            var (items, paging) = Slice(sorted.ThenBy(a => a.Stay.PeerId).Select(a => a.Stay).ToList(), page, perPage);
            return new SessionParticipantListBody(items.Select(a => DescribeStay(a, filter.IncludePeerEvents)).ToList(), paging);
        }
    }

    public SessionParticipantResultBody GetSessionParticipant(string accountId, string appId, Guid sessionId, Guid peerId, bool includePeerEvents)
    {
        lock (_lock)
        {
            var (_, session) = FindSession(accountId, appId, sessionId);
            var stay = _peers.TryGetValue(peerId, out var found) && found.Session == session
                ? found
                : throw EmulatorProblem.NotFound($"No participant found with id {peerId} in session {sessionId}");
            return new SessionParticipantResultBody(DescribeStay(stay, includePeerEvents));
        }
    }

    public PeerReportResultBody GetPeerReport(string accountId, string appId, Guid peerId, string? part, bool includePeerEvents)
    {
        lock (_lock)
        {
            var stay = _peers.TryGetValue(peerId, out var found) && found.Meeting.AccountId == accountId && found.Meeting.AppId == appId
                ? found
                : throw EmulatorProblem.NotFound($"No peer found with id {peerId}");
            var d = DescribeStay(stay, includePeerEvents);
            return new PeerReportResultBody(new PeerParticipantBody(
                d.Id, stay.Session.Id.ToString(), d.UserId, d.CustomParticipantId, d.DisplayName, d.PresetName, d.Duration,
                d.JoinedAt, d.LeftAt, d.CreatedAt, d.UpdatedAt, d.PeerEvents, EmulatedPeerReport(d, part)));
        }
    }

    /// <summary>The session a download link names, whatever its app (the link's signature is the authority).</summary>
    public (ActiveSessionBody Session, IReadOnlyList<ChatMessageBody> Chat) SessionForDownload(Guid sessionId)
    {
        lock (_lock)
        {
            var (meeting, session) = _sessions.TryGetValue(sessionId, out var found) ? found : throw EmulatorProblem.NotFound($"No session found with id {sessionId}");
            return (DescribeHistory(meeting, session), session.Chat.Select(DescribeChat).ToList());
        }
    }

    /// <summary>The session's id, once it is known to exist in this app (for the chat download link).</summary>
    public Guid RequireSession(string accountId, string appId, Guid sessionId)
    {
        lock (_lock)
        {
            return FindSession(accountId, appId, sessionId).Session.Id;
        }
    }

    /// <summary>A transcript exists once the session has ended (no media is processed: it is fixed text).</summary>
    public Guid RequireTranscript(string accountId, string appId, Guid sessionId)
    {
        lock (_lock)
        {
            var (_, session) = FindSession(accountId, appId, sessionId);
            return session.IsLive ? throw EmulatorProblem.NotFound($"No transcript found for session {sessionId}: it is still live") : session.Id;
        }
    }

    /// <summary>A summary exists once the session has ended and either its meeting summarizes on end or one was generated.</summary>
    public Guid RequireSummary(string accountId, string appId, Guid sessionId)
    {
        lock (_lock)
        {
            var (meeting, session) = FindSession(accountId, appId, sessionId);
            return SummaryReady(meeting, session)
                ? session.Id
                : throw EmulatorProblem.NotFound($"No summary found for session {sessionId}: {(session.IsLive ? "it is still live" : "generate one first (summarize_on_end is off)")}");
        }
    }

    /// <summary>Asks for a summary of an ended session; the emulator's fixed-text summary is ready at once.</summary>
    public SessionSummaryGenerationBody GenerateSummary(string accountId, string appId, Guid sessionId)
    {
        lock (_lock)
        {
            var (_, session) = FindSession(accountId, appId, sessionId);
            if (session.IsLive)
            {
                throw EmulatorProblem.BadRequest($"Session {sessionId} is still live: a summary can be generated once it has ended");
            }

            _summaryRequested.Add(session.Id);
            return new SessionSummaryGenerationBody(session.Id.ToString(), "IN_PROGRESS");
        }
    }

    private bool SummaryReady(Meeting meeting, LiveSession session) =>
        !session.IsLive && (meeting.Settings.SummarizeOnEnd == true || _summaryRequested.Contains(session.Id));

    private (Meeting Meeting, LiveSession Session) FindSession(string accountId, string appId, Guid sessionId) =>
        _sessions.TryGetValue(sessionId, out var found) && found.Meeting.AccountId == accountId && found.Meeting.AppId == appId
            ? found
            : throw EmulatorProblem.NotFound($"No session found with id {sessionId}");

    private List<Attendance> Stays(LiveSession session) => _attendance.GetValueOrDefault(session.Id) ?? [];

    private int ParticipantCount(LiveSession session) => Stays(session).Select(a => a.Member.Participant.Id).Distinct().Count();

    // A past or live session with its polls in meta (the spec leaves meta open; the polls are the emulator's choice).
    private ActiveSessionBody DescribeHistory(Meeting meeting, LiveSession session) =>
        Describe(meeting, session) with { Meta = new Dictionary<string, object> { ["polls"] = session.Polls.Select(p => Describe(p, meeting)).ToList() } };

    // Under the lock: the member's stay, as listSessionParticipants shows it (for webhook payloads).
    private SessionParticipantDetailsBody? DescribeStayOf(SessionMember member) =>
        _stays.TryGetValue(member, out var stay) ? DescribeStay(stay, includePeerEvents: false) : null;

    private SessionParticipantDetailsBody DescribeStay(Attendance stay, bool includePeerEvents)
    {
        var left = stay.LeftAt;
        var minutes = Math.Round(((left ?? time.GetUtcNow()) - stay.Member.JoinedAt).TotalMinutes, 4);
        var events = includePeerEvents ? PeerEvents(stay, left, minutes) : null;
        var joined = Stamp(stay.Member.JoinedAt);
        return new SessionParticipantDetailsBody(
            stay.PeerId.ToString(), stay.Member.Participant.Id.ToString(), stay.Member.Participant.CustomParticipantId, stay.DisplayName, stay.PresetName,
            minutes, joined, left is { } l ? Stamp(l) : null, joined, Stamp(left ?? stay.Member.JoinedAt), events);
    }

    private static List<PeerEventBody> PeerEvents(Attendance stay, DateTimeOffset? left, double minutes)
    {
        PeerEventBody Event(string name, DateTimeOffset at, double consumed) => new(
            DerivedId(stay.PeerId, name).ToString(), name, stay.PeerId.ToString(), stay.Member.Participant.Id.ToString(), stay.Session.Id.ToString(), consumed, Stamp(at), Stamp(at));

        var events = new List<PeerEventBody> { Event("PEER_JOINING", stay.Member.JoinedAt, 0) };
        if (left is { } l)
        {
            events.Add(Event("PEER_LEAVING", l, minutes));
        }

        return events;
    }

    // The emulator has no media, device or network: its report says so and carries the join and leave it saw.
    private static PeerReportBody EmulatedPeerReport(SessionParticipantDetailsBody stay, string? part)
    {
        var events = new List<PeerReportEventBody> { new("emulator_join", stay.JoinedAt, new Dictionary<string, object?> { ["emulated"] = true }) };
        if (stay.LeftAt is { } left)
        {
            events.Add(new PeerReportEventBody("emulator_leave", left, new Dictionary<string, object?> { ["emulated"] = true }));
        }

        var metadata = new PeerReportMetadataBody("realtimekit-emulator", "emulator", typeof(EmulatorState).Assembly.GetName().Version?.ToString(3) ?? "0.0.0", null, events);
        return part switch
        {
            null => new PeerReportBody(metadata, new Dictionary<string, object>()),
            "events" => new PeerReportBody(metadata with { SdkName = null, SdkType = null, SdkVersion = null }, null),
            "quality_stats" => new PeerReportBody(null, new Dictionary<string, object>()),
            _ => new PeerReportBody(new PeerReportMetadataBody(null, null, null, null, null), null),
        };
    }

    // A stable id for something derived from another id (a peer's events), as PresetId does for names.
    private static Guid DerivedId(Guid from, string what)
    {
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{what}:{from}"))[..16];
        hash[6] = (byte)((hash[6] & 0x0F) | 0x40);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash, bigEndian: true);
    }

    private static IOrderedEnumerable<T> Ordered<T, TKey>(IEnumerable<T> items, Func<T, TKey> key, bool ascending) =>
        ascending ? items.OrderBy(key) : items.OrderByDescending(key);

    private static bool Matches(string text, params string?[] fields) =>
        fields.Any(f => f?.Contains(text, StringComparison.OrdinalIgnoreCase) ?? false);
}
