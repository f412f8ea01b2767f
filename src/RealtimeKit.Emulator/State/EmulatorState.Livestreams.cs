using System.Security.Cryptography;
using RealtimeKit.Emulator.Api;

namespace RealtimeKit.Emulator.State;

/// <summary>The filters of a livestreams list.</summary>
internal sealed record LivestreamFilter(bool ExcludeMeetings, string? Status, DateTimeOffset? Start, DateTimeOffset? End, bool Ascending);

// Livestreams: state on the emulator's clock, no media. A meeting's livestream is INVOKED when started, LIVE once
// the emulated livestreamer has joined (RecorderJoinDelay), IDLE when stopped or when the session ends; each run is a
// livestream session. An independent livestream stays INVOKED: no encoder ever sends it input. Every status change
// is a livestreaming.statusUpdate event.
internal sealed partial class EmulatorState
{
    /// <summary>The ingest server the emulator hands out: a reserved domain that never resolves, as there is no media.</summary>
    public const string EmulatedIngestServer = "rtmps://livestream.emulator.invalid:443/live/";

    private readonly Dictionary<Guid, LivestreamRecord> _livestreams = [];

    public LivestreamBody CreateLivestream(string accountId, string appId, string? name)
    {
        lock (_lock)
        {
            var livestream = new LivestreamRecord(Guid.NewGuid(), accountId, appId, null, name, NewStreamKey(), time.GetUtcNow());
            _livestreams.Add(livestream.Id, livestream);
            return Describe(livestream);
        }
    }

    public Paged ListLivestreams(string accountId, string appId, LivestreamFilter filter, int page, int perPage)
    {
        lock (_lock)
        {
            var matching = AppLivestreams(accountId, appId)
                .Where(l => !filter.ExcludeMeetings || l.Meeting is null)
                .Where(l => filter.Status is null || l.Status == filter.Status)
                .Where(l => (filter.Start is null || l.CreatedAt >= filter.Start) && (filter.End is null || l.CreatedAt <= filter.End));
            var sorted = (filter.Ascending ? matching.OrderBy(l => l.CreatedAt) : matching.OrderByDescending(l => l.CreatedAt)).ThenBy(l => l.Id);
            return Page(sorted.Select(Describe).ToList(), page, perPage);
        }
    }

    /// <summary>A livestream and one page of its sessions (newest first): the page's first session.</summary>
    public LivestreamDetailsBody GetLivestream(string accountId, string appId, string livestreamId, int page, int perPage)
    {
        lock (_lock)
        {
            var livestream = FindLivestream(accountId, appId, livestreamId);
            var (sessions, paging) = Slice(Enumerable.Reverse(livestream.Sessions).ToList(), page, perPage);
            return new LivestreamDetailsBody(Describe(livestream), sessions.Count == 0 ? null : Describe(sessions[0]), paging);
        }
    }

    public ActiveLivestreamSessionBody GetActiveLivestreamSession(string accountId, string appId, string livestreamId)
    {
        lock (_lock)
        {
            var livestream = FindLivestream(accountId, appId, livestreamId);
            return livestream.ActiveSession is { } session
                ? new ActiveLivestreamSessionBody(Describe(livestream), Describe(session))
                : throw EmulatorProblem.NotFound($"No active livestream session found for livestream {livestream.Id}: it is {livestream.Status}");
        }
    }

    public LivestreamSessionBody GetLivestreamSession(string accountId, string appId, string livestreamSessionId)
    {
        lock (_lock)
        {
            var session = Guid.TryParse(livestreamSessionId, out var id)
                ? AppLivestreams(accountId, appId).SelectMany(l => l.Sessions).FirstOrDefault(s => s.Id == id)
                : null;
            return Describe(session ?? throw EmulatorProblem.NotFound($"No livestream session found with id {RestApi.Safe(livestreamSessionId)}"));
        }
    }

    public LivestreamBody StartMeetingLivestream(string accountId, string appId, string meetingId, string? name)
    {
        try
        {
            lock (_lock)
            {
                var meeting = FindMeeting(accountId, appId, meetingId);
                if (meeting.Session is not { IsLive: true } session)
                {
                    throw EmulatorProblem.BadRequest($"No active session found for meeting {meeting.Id}: a livestream starts once a participant has joined.");
                }

                if (ActiveLivestreamOf(meeting) is { } running)
                {
                    throw EmulatorProblem.BadRequest($"Meeting {meeting.Id} is already being livestreamed: livestream {running.Id} is {running.Status}.");
                }

                return Describe(StartLivestreamLocked(meeting, session, name));
            }
        }
        finally
        {
            Flush();
        }
    }

    public StopLivestreamResultBody StopMeetingLivestream(string accountId, string appId, string meetingId)
    {
        try
        {
            lock (_lock)
            {
                var meeting = FindMeeting(accountId, appId, meetingId);
                StopLivestream(ActiveLivestreamOf(meeting) ?? throw NoActiveLivestream(meeting), time.GetUtcNow());
                return new StopLivestreamResultBody("Stopped live stream successfully");
            }
        }
        finally
        {
            Flush();
        }
    }

    public LivestreamBody GetActiveMeetingLivestream(string accountId, string appId, string meetingId)
    {
        lock (_lock)
        {
            var meeting = FindMeeting(accountId, appId, meetingId);
            return Describe(ActiveLivestreamOf(meeting) ?? throw NoActiveLivestream(meeting));
        }
    }

    /// <summary>A page of the meeting's livestreams, and the latest of their sessions.</summary>
    public MeetingLivestreamsBody GetMeetingLivestreams(string accountId, string appId, string meetingId, int page, int perPage)
    {
        lock (_lock)
        {
            var meeting = FindMeeting(accountId, appId, meetingId);
            var all = _livestreams.Values.Where(l => l.Meeting == meeting).OrderByDescending(l => l.CreatedAt).ThenBy(l => l.Id).ToList();
            var (items, paging) = Slice(all, page, perPage);
            var latest = all.SelectMany(l => l.Sessions).MaxBy(s => s.InvokedAt);
            return new MeetingLivestreamsBody(items.Select(Describe).ToList(), latest is null ? null : Describe(latest), paging);
        }
    }

    /// <summary>The livestream sessions that streamed the meeting session <paramref name="sessionId"/> (live or ended), oldest first.</summary>
    public LivestreamSessionListBody ListSessionLivestreamSessions(string accountId, string appId, Guid sessionId, int page, int perPage)
    {
        lock (_lock)
        {
            FindSession(accountId, appId, sessionId);
            var sessions = AppLivestreams(accountId, appId).SelectMany(l => l.Sessions).Where(s => s.MeetingSessionId == sessionId).OrderBy(s => s.InvokedAt).ToList();
            var (items, paging) = Slice(sessions, page, perPage);
            return new LivestreamSessionListBody(items.Select(Describe).ToList(), paging);
        }
    }

    // Under the lock: a new run of the meeting's livestream (one livestream per meeting, reused), INVOKED until the livestreamer joins.
    private LivestreamRecord StartLivestreamLocked(Meeting meeting, LiveSession session, string? name)
    {
        var now = time.GetUtcNow();
        var livestream = _livestreams.Values.FirstOrDefault(l => l.Meeting == meeting);
        if (livestream is null)
        {
            livestream = new LivestreamRecord(Guid.NewGuid(), meeting.AccountId, meeting.AppId, meeting, name ?? meeting.Title, NewStreamKey(), now);
            _livestreams.Add(livestream.Id, livestream);
        }

        livestream.Name = name ?? livestream.Name;
        livestream.Status = LivestreamState.Invoked;
        livestream.UpdatedAt = now;
        var run = new LivestreamSessionRecord(Guid.NewGuid(), livestream, session.Id, now);
        livestream.Sessions.Add(run);
        RaiseLivestream(livestream);
        At(now + RecorderJoinDelay, joined =>
        {
            if (_livestreams.ContainsKey(livestream.Id) && livestream.Status == LivestreamState.Invoked && livestream.ActiveSession == run)
            {
                run.StartedAt = joined;
                run.UpdatedAt = joined;
                livestream.Status = LivestreamState.Live;
                livestream.UpdatedAt = joined;
                RaiseLivestream(livestream);
            }
        });
        return livestream;
    }

    // Under the lock: the livestream goes IDLE and its running session stops.
    private void StopLivestream(LivestreamRecord livestream, DateTimeOffset now)
    {
        if (livestream.ActiveSession is { } run)
        {
            run.StoppedAt = now;
            run.UpdatedAt = now;
        }

        livestream.Status = LivestreamState.Idle;
        livestream.UpdatedAt = now;
        RaiseLivestream(livestream);
    }

    // Under the lock: the session ended, so its livestream stops.
    private void StopLivestreamsOf(Meeting meeting, DateTimeOffset now)
    {
        if (ActiveLivestreamOf(meeting) is { } livestream)
        {
            StopLivestream(livestream, now);
        }
    }

    private LivestreamRecord? ActiveLivestreamOf(Meeting meeting) =>
        _livestreams.Values.FirstOrDefault(l => l.Meeting == meeting && l.ActiveSession is not null);

    private IEnumerable<LivestreamRecord> AppLivestreams(string accountId, string appId) =>
        _livestreams.Values.Where(l => l.AccountId == accountId && l.AppId == appId);

    private LivestreamRecord FindLivestream(string accountId, string appId, string livestreamId) =>
        Guid.TryParse(livestreamId, out var id) && _livestreams.TryGetValue(id, out var livestream) && livestream.AccountId == accountId && livestream.AppId == appId
            ? livestream
            : throw EmulatorProblem.NotFound($"No livestream found with id {RestApi.Safe(livestreamId)}");

    private static EmulatorProblem NoActiveLivestream(Meeting meeting) => EmulatorProblem.NotFound($"No active livestream found for meeting {meeting.Id}");

    private void RaiseLivestream(LivestreamRecord livestream) =>
        Raise("livestreaming.statusUpdate", ("meeting", livestream.Meeting is { } m ? DescribeMeeting(m) : null), ("livestream", Describe(livestream)));

    private static string NewStreamKey() => Convert.ToHexString(RandomNumberGenerator.GetBytes(32)).ToLowerInvariant();

    private static LivestreamBody Describe(LivestreamRecord l) => new(
        l.Id.ToString(), l.Name, l.Meeting?.Id.ToString(), l.Status, false, EmulatedIngestServer, l.StreamKey,
        $"https://livestream.emulator.invalid/{l.Id:N}/manifest/video.m3u8", Stamp(l.CreatedAt), Stamp(l.UpdatedAt));

    private LivestreamSessionBody Describe(LivestreamSessionRecord s) => new(
        s.Id.ToString(), s.Livestream.Id.ToString(), null, Math.Round(s.IngestSeconds(time.GetUtcNow()), 3), 0, Stamp(s.InvokedAt),
        s.StartedAt is { } started ? Stamp(started) : null, s.StoppedAt is { } stopped ? Stamp(stopped) : null, Stamp(s.InvokedAt), Stamp(s.UpdatedAt));
}
