using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using RealtimeKit.Emulator.Api;

namespace RealtimeKit.Emulator.State;

/// <summary>
/// Everything the emulator knows, behind one lock: every operation reads and changes it atomically, so
/// concurrent requests never lose or duplicate a participant and counts stay consistent. An operation
/// that fails changes nothing. Every lookup by id, custom id or join token is a hash lookup, so throughput does not
/// fall as participants accumulate.
/// </summary>
internal sealed partial class EmulatorState(TimeProvider time)
{
#if NET9_0_OR_GREATER
    private readonly Lock _lock = new();
#else
    // System.Threading.Lock is .NET 9's; `lock` takes a plain object the same way on .NET 8.
    private readonly object _lock = new();
#endif
    private readonly Dictionary<Guid, Meeting> _meetings = [];

    // Join tokens by their SHA-256: constant-time to find, and the lookup's timing says nothing about a token.
    private readonly Dictionary<string, (Meeting Meeting, Participant Participant)> _byToken = new(StringComparer.Ordinal);

    public MeetingBody CreateMeeting(string accountId, string appId, string? title) =>
        CreateMeeting(accountId, appId, string.IsNullOrWhiteSpace(title) ? "Emulated meeting" : title, new MeetingSettings());

    public MeetingBody CreateMeeting(string accountId, string appId, string? title, MeetingSettings settings)
    {
        lock (_lock)
        {
            var meeting = new Meeting(Guid.NewGuid(), accountId, appId, title, time.GetUtcNow()) { Settings = MeetingSettings.Defaults.With(settings) };
            _meetings.Add(meeting.Id, meeting);
            return DescribeMeeting(meeting);
        }
    }

    public Paged ListMeetings(string accountId, string appId, string? search, DateTimeOffset? start, DateTimeOffset? end, string? status, int page, int perPage)
    {
        lock (_lock)
        {
            var all = _meetings.Values
                .Where(m => m.AccountId == accountId && m.AppId == appId)
                .Where(m => search is null || m.Id.ToString().Contains(search, StringComparison.OrdinalIgnoreCase) || (m.Title?.Contains(search, StringComparison.OrdinalIgnoreCase) ?? false))
                .Where(m => (start is null || m.CreatedAt >= start) && (end is null || m.CreatedAt <= end))
                .Where(m => status is null || m.Status == status)
                .OrderByDescending(m => m.CreatedAt).ThenBy(m => m.Id)
                .ToList();
            var (items, paging) = Slice(all, page, perPage);
            return new Paged(items.Select(DescribeMeeting).ToList(), paging);
        }
    }

    public MeetingBody GetMeeting(string accountId, string appId, string meetingId)
    {
        lock (_lock)
        {
            return DescribeMeeting(FindMeeting(accountId, appId, meetingId));
        }
    }

    /// <summary>Changes a meeting: with <paramref name="replace"/>, settings not given return to their defaults.</summary>
    public MeetingBody ChangeMeeting(string accountId, string appId, string meetingId, bool titleGiven, string? title, string? status, MeetingSettings settings, bool replace)
    {
        lock (_lock)
        {
            var meeting = FindMeeting(accountId, appId, meetingId);
            meeting.Title = titleGiven || replace ? title : meeting.Title;
            meeting.Status = status ?? meeting.Status;
            meeting.Settings = (replace ? MeetingSettings.Defaults : meeting.Settings).With(settings);
            meeting.UpdatedAt = time.GetUtcNow();
            return DescribeMeeting(meeting);
        }
    }

    public ActiveSessionBody GetActiveSession(string accountId, string appId, string meetingId)
    {
        lock (_lock)
        {
            var (meeting, session) = Live(accountId, appId, meetingId);
            return Describe(meeting, session);
        }
    }

    public ParticipantsResultBody Kick(string accountId, string appId, string meetingId, IReadOnlyList<string> ids, IReadOnlyList<string> customIds)
    {
        try
        {
            return KickLocked(accountId, appId, meetingId, ids, customIds);
        }
        finally
        {
            Flush();
        }
    }

    private ParticipantsResultBody KickLocked(string accountId, string appId, string meetingId, IReadOnlyList<string> ids, IReadOnlyList<string> customIds)
    {
        lock (_lock)
        {
            var (meeting, session) = Live(accountId, appId, meetingId);
            var members = Select(session, ids, customIds);
            var now = time.GetUtcNow();
            var result = members.Select(m => Describe(m, now)).ToList();
            foreach (var member in members)
            {
                RemoveMember(meeting, session, member.Participant.Id, now);
            }

            Touch(meeting, session, now);
            return new ParticipantsResultBody("kick", result);
        }
    }

    public KickAllResultBody KickAll(string accountId, string appId, string meetingId)
    {
        try
        {
            lock (_lock)
            {
                var (meeting, session) = Live(accountId, appId, meetingId);
                var count = session.Members.Count;
                var now = time.GetUtcNow();
                foreach (var id in session.Members.Keys.ToList())
                {
                    RemoveMember(meeting, session, id, now);
                }

                Touch(meeting, session, now);
                return new KickAllResultBody("kick_all", count);
            }
        }
        finally
        {
            Flush();
        }
    }

    public ParticipantsResultBody Mute(string accountId, string appId, string meetingId, IReadOnlyList<string> ids, IReadOnlyList<string> customIds)
    {
        lock (_lock)
        {
            var (meeting, session) = Live(accountId, appId, meetingId);
            var members = Select(session, ids, customIds);
            var now = time.GetUtcNow();
            foreach (var member in members)
            {
                member.Muted = true;
                member.UpdatedAt = now;
            }

            Touch(meeting, session, now);
            return new ParticipantsResultBody("mute", members.Select(m => Describe(m, now)).ToList());
        }
    }

    public MuteAllResultBody MuteAll(string accountId, string appId, string meetingId, bool allowUnmute)
    {
        lock (_lock)
        {
            var (meeting, session) = Live(accountId, appId, meetingId);
            var now = time.GetUtcNow();
            foreach (var member in session.Members.Values)
            {
                member.Muted = true;
                member.MayUnmute = allowUnmute;
                member.UpdatedAt = now;
            }

            Touch(meeting, session, now);
            return new MuteAllResultBody("mute_all", session.Members.Count);
        }
    }

    public CreatePollResultBody CreatePoll(string accountId, string appId, string meetingId, string question, IReadOnlyList<string> options, bool anonymous, bool hideVotes)
    {
        lock (_lock)
        {
            var (meeting, session) = Live(accountId, appId, meetingId);
            var poll = new Poll(Guid.NewGuid(), question, options, anonymous, hideVotes, "api");
            session.Polls.Add(poll);
            Touch(meeting, session, time.GetUtcNow());
            return new CreatePollResultBody("create_poll", Describe(poll, meeting));
        }
    }

    public ParticipantBody AddParticipant(string accountId, string appId, Guid meetingId, string customId, string presetName, string? name, string? picture)
    {
        lock (_lock)
        {
            var meeting = FindMeeting(accountId, appId, meetingId.ToString());
            if (meeting.Participants.ContainsCustomId(customId))
            {
                throw new EmulatorProblem(409, $"A participant with custom_participant_id '{customId}' already exists in meeting {meeting.Id}.");
            }

            RequirePreset(meeting, presetName);

            var participant = new Participant(Guid.NewGuid(), NewToken(), customId, presetName, time.GetUtcNow()) { Name = name, Picture = picture };
            meeting.Participants.Add(participant.Id, participant);
            _byToken.Add(TokenKey(participant.Token), (meeting, participant));
            return Describe(participant);
        }
    }

    public DeletedParticipantBody DeleteParticipant(string accountId, string appId, Guid meetingId, string participantId)
    {
        try
        {
            return DeleteParticipantLocked(accountId, appId, meetingId, participantId);
        }
        finally
        {
            Flush();
        }
    }

    private DeletedParticipantBody DeleteParticipantLocked(string accountId, string appId, Guid meetingId, string participantId)
    {
        lock (_lock)
        {
            var meeting = FindMeeting(accountId, appId, meetingId.ToString());
            if (!Guid.TryParse(participantId, out var id) || !meeting.Participants.Remove(id, out var participant))
            {
                throw EmulatorProblem.NotFound($"No participant found with id {RestApi.Safe(participantId)} in meeting {meeting.Id}");
            }

            _byToken.Remove(TokenKey(participant.Token));

            if (meeting.Session is { } session && session.Members.ContainsKey(id))
            {
                RemoveMember(meeting, session, id, time.GetUtcNow());
                Touch(meeting, session, time.GetUtcNow());
            }

            return new DeletedParticipantBody(participant.CustomParticipantId, PresetIdOf(meeting, participant.PresetName).ToString(), Stamp(participant.CreatedAt), Stamp(time.GetUtcNow()));
        }
    }

    public Paged ListParticipants(string accountId, string appId, Guid meetingId, int page, int perPage)
    {
        lock (_lock)
        {
            var all = FindMeeting(accountId, appId, meetingId.ToString()).Participants.Values.OrderBy(p => p.CreatedAt).ThenBy(p => p.Id).ToList();
            var (items, paging) = Slice(all, page, perPage);
            return new Paged(items.Select(DescribeWithoutToken).ToList(), paging);
        }
    }

    public ParticipantBody GetParticipant(string accountId, string appId, Guid meetingId, string participantId)
    {
        lock (_lock)
        {
            return DescribeWithoutToken(FindParticipant(FindMeeting(accountId, appId, meetingId.ToString()), participantId));
        }
    }

    /// <summary>Edits (null keeps) or, with <paramref name="replace"/>, replaces a participant's details.</summary>
    public ParticipantBody ChangeParticipant(string accountId, string appId, Guid meetingId, string participantId, string? customId, string? presetName, string? name, string? picture, bool replace)
    {
        lock (_lock)
        {
            var meeting = FindMeeting(accountId, appId, meetingId.ToString());
            var participant = FindParticipant(meeting, participantId);
            if (presetName is not null)
            {
                RequirePreset(meeting, presetName);
            }

            if (customId is not null && meeting.Participants.TryGetByCustomId(customId, out var holder) && holder.Id != participant.Id)
            {
                throw new EmulatorProblem(409, $"A participant with custom_participant_id '{RestApi.Safe(customId)}' already exists in meeting {meeting.Id}.");
            }

            if (customId is not null && customId != participant.CustomParticipantId)
            {
                // The index is keyed by custom id: re-add under the new one.
                meeting.Participants.Remove(participant.Id);
                participant.CustomParticipantId = customId;
                meeting.Participants.Add(participant.Id, participant);
            }

            participant.PresetName = presetName ?? participant.PresetName;
            participant.Name = replace ? name : name ?? participant.Name;
            participant.Picture = replace ? picture : picture ?? participant.Picture;
            participant.UpdatedAt = time.GetUtcNow();
            return Describe(participant);
        }
    }

    /// <summary>Issues a new token: the old one stops working.</summary>
    public ParticipantTokenBody RegenerateToken(string accountId, string appId, Guid meetingId, string participantId)
    {
        lock (_lock)
        {
            var meeting = FindMeeting(accountId, appId, meetingId.ToString());
            var participant = FindParticipant(meeting, participantId);
            _byToken.Remove(TokenKey(participant.Token));
            participant.Token = NewToken();
            _byToken.Add(TokenKey(participant.Token), (meeting, participant));
            participant.UpdatedAt = time.GetUtcNow();
            return new ParticipantTokenBody(participant.Token);
        }
    }

    private static Participant FindParticipant(Meeting meeting, string participantId) =>
        Guid.TryParse(participantId, out var id) && meeting.Participants.TryGetValue(id, out var participant)
            ? participant
            : throw EmulatorProblem.NotFound($"No participant found with id {RestApi.Safe(participantId)} in meeting {meeting.Id}");

    public JoinBody Join(string token)
    {
        try
        {
            lock (_lock)
            {
                var (meeting, participant) = ByToken(token);
                if (meeting.Status == "INACTIVE")
                {
                    throw new EmulatorProblem(403, $"Meeting {meeting.Id} is INACTIVE: nobody can join it");
                }

                var now = time.GetUtcNow();
                if (meeting.Session is null)
                {
                    meeting.Session = new LiveSession(Guid.NewGuid(), now);
                    Raise("meeting.started", ("meeting", DescribeMeeting(meeting)), ("session", Describe(meeting, meeting.Session)));
                    OnSessionStarted(meeting, meeting.Session);
                }

                var session = meeting.Session;
                var member = new SessionMember(participant, now);
                if (session.Members.TryAdd(participant.Id, member))
                {
                    RememberJoin(meeting, session, member);
                    session.MaxConcurrent = Math.Max(session.MaxConcurrent, session.Members.Count);
                    session.UpdatedAt = now;
                    Raise("meeting.participantJoined", ("meeting", DescribeMeeting(meeting)), ("session", Describe(meeting, session)), ("participant", DescribeWithoutToken(participant)), ("session_participant", DescribeStayOf(member)));
                }

                return new JoinBody(meeting.Id.ToString(), session.Id.ToString(), participant.Id.ToString(), session.Members.Count);
            }
        }
        finally
        {
            Flush();
        }
    }

    public ChatResultBody Chat(string token, string message)
    {
        lock (_lock)
        {
            var (meeting, participant) = ByToken(token);
            if (meeting.Session is not { } session || !session.Members.ContainsKey(participant.Id))
            {
                throw EmulatorProblem.BadRequest($"Participant {participant.Id} must be in the live session of meeting {meeting.Id} to chat");
            }

            var chat = new ChatMessage(Guid.NewGuid(), participant.Id, participant.Name ?? participant.CustomParticipantId, message, time.GetUtcNow());
            session.Chat.Add(chat);
            return new ChatResultBody(meeting.Id.ToString(), session.Id.ToString(), chat.Id.ToString());
        }
    }

    public JoinBody Leave(string token)
    {
        try
        {
            lock (_lock)
            {
                var (meeting, participant) = ByToken(token);
                if (meeting.Session is not { } session || !session.Members.ContainsKey(participant.Id))
                {
                    throw EmulatorProblem.NotFound($"Participant {participant.Id} is not in a live session of meeting {meeting.Id}");
                }

                var now = time.GetUtcNow();
                RemoveMember(meeting, session, participant.Id, now);
                var left = new JoinBody(meeting.Id.ToString(), session.Id.ToString(), participant.Id.ToString(), session.Members.Count);
                Touch(meeting, session, now);
                return left;
            }
        }
        finally
        {
            Flush();
        }
    }

    public void EndSession(string meetingId)
    {
        try
        {
            EndSessionLocked(meetingId);
        }
        finally
        {
            Flush();
        }
    }

    private void EndSessionLocked(string meetingId)
    {
        lock (_lock)
        {
            var meeting = FindMeeting(meetingId);
            if (meeting.Session is not { } session)
            {
                throw EmulatorProblem.NotFound($"No active session found for meeting_id {RestApi.Safe(meetingId)}");
            }

            var now = time.GetUtcNow();
            foreach (var memberId in session.Members.Keys.ToList())
            {
                RemoveMember(meeting, session, memberId, now);
            }

            Touch(meeting, session, now);
        }
    }

    /// <summary>Who is in a meeting's live session now, in joining order, with their audio state (what mute changes).</summary>
    public IReadOnlyList<LiveMemberBody> LiveMembers(string meetingId)
    {
        lock (_lock)
        {
            var meeting = FindMeeting(meetingId);
            return meeting.Session is { } session
                ? session.Members.Values.OrderBy(x => x.JoinedAt).ThenBy(x => x.Participant.Id).Select(DescribeLive).ToList()
                : [];
        }
    }

    /// <summary>The participant unmutes themselves, as the client SDK would; refused after a mute-all that did not allow it.</summary>
    public LiveMemberBody Unmute(string token)
    {
        lock (_lock)
        {
            var (meeting, participant) = ByToken(token);
            if (meeting.Session is not { } session || !session.Members.TryGetValue(participant.Id, out var member))
            {
                throw EmulatorProblem.BadRequest($"Participant {participant.Id} must be in the live session of meeting {meeting.Id} to unmute");
            }

            if (!member.MayUnmute)
            {
                throw new EmulatorProblem(403, $"Participant {participant.Id} was muted with allow_unmute false and cannot unmute themselves");
            }

            member.Muted = false;
            member.UpdatedAt = time.GetUtcNow();
            return DescribeLive(member);
        }
    }

    private static LiveMemberBody DescribeLive(SessionMember member) => new(
        member.Participant.Id.ToString(), member.Participant.CustomParticipantId, member.Participant.Name, Stamp(member.JoinedAt), member.Muted, member.MayUnmute);

    public VoteResultBody Vote(string token, string pollId, int option)
    {
        lock (_lock)
        {
            var (meeting, participant) = ByToken(token);
            var poll = meeting.Session?.Polls.FirstOrDefault(p => p.Id.ToString() == pollId)
                ?? throw EmulatorProblem.NotFound($"No poll found with id {pollId} in the live session of meeting {meeting.Id}");
            if (option < 0 || option >= poll.Options.Count)
            {
                throw EmulatorProblem.BadRequest($"option must be between 0 and {poll.Options.Count - 1}, got {option}");
            }

            if (meeting.Session!.Members.ContainsKey(participant.Id) is false)
            {
                throw EmulatorProblem.BadRequest($"Participant {participant.Id} must be in the live session to vote");
            }

            poll.Votes[participant.Id] = option;
            return new VoteResultBody(pollId, option, poll.Votes.Values.Count(v => v == option));
        }
    }

    public void Reset()
    {
        lock (_lock)
        {
            _meetings.Clear();
            _byToken.Clear();
            _webhooks.Clear();
            _apps.Clear();
            _outbox.Clear();
            ForgetSessions();
            ResetMedia();
        }
    }

    // The control surface names a meeting by id alone, whatever its account and app.
    private Meeting FindMeeting(string meetingId) =>
        Guid.TryParse(meetingId, out var id) && _meetings.TryGetValue(id, out var meeting)
            ? meeting
            : throw EmulatorProblem.NotFound($"No meeting found with id {RestApi.Safe(meetingId)}");

    private Meeting FindMeeting(string accountId, string appId, string meetingId) =>
        Guid.TryParse(meetingId, out var id) && _meetings.TryGetValue(id, out var meeting) && meeting.AccountId == accountId && meeting.AppId == appId
            ? meeting
            : throw EmulatorProblem.NotFound($"No meeting found with id {RestApi.Safe(meetingId)}");

    private (Meeting Meeting, LiveSession Session) Live(string accountId, string appId, string meetingId)
    {
        var found = Guid.TryParse(meetingId, out var id) && _meetings.TryGetValue(id, out var meeting) && meeting.AccountId == accountId && meeting.AppId == appId ? meeting : null;
        return found is { Session: { IsLive: true } session }
            ? (found, session)
            : throw EmulatorProblem.NotFound($"No active session found for meeting_id {RestApi.Safe(meetingId)}");
    }

    // Every id must be in the session, or nothing happens.
    private static List<SessionMember> Select(LiveSession session, IReadOnlyList<string> ids, IReadOnlyList<string> customIds)
    {
        var selected = new List<SessionMember>();
        var seen = new HashSet<SessionMember>();
        foreach (var id in ids)
        {
            var member = Guid.TryParse(id, out var guid) && session.Members.TryGetValue(guid, out var m) ? m : throw EmulatorProblem.NotFound($"No user found with id {id}");
            if (seen.Add(member))
            {
                selected.Add(member);
            }
        }

        foreach (var customId in customIds)
        {
            var member = session.Members.TryGetByCustomId(customId, out var m) ? m : throw EmulatorProblem.NotFound($"No user found with id {customId}");
            if (seen.Add(member))
            {
                selected.Add(member);
            }
        }

        return selected;
    }

    private (Meeting, Participant) ByToken(string token) =>
        _byToken.TryGetValue(TokenKey(token), out var found) ? found : throw new EmulatorProblem(401, "The participant token is not valid");

    private static string TokenKey(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    // The last one out ends the session; GET active-session then answers 404, as RealtimeKit does.
    private void Touch(Meeting meeting, LiveSession session, DateTimeOffset now)
    {
        session.UpdatedAt = now;
        if (session.Members.Count == 0 && session.IsLive)
        {
            session.EndedAt = now;
            meeting.Session = null;
            OnSessionEnded(meeting, now);
            RaiseEnded(meeting, session);
        }
    }

    private ActiveSessionBody Describe(Meeting meeting, LiveSession session)
    {
        var now = time.GetUtcNow();
        var minutes = Math.Round(((session.EndedAt ?? now) - session.StartedAt).TotalMinutes, 2);
        return new ActiveSessionBody(
            session.Id.ToString(), meeting.Id.ToString(), Stamp(session.StartedAt), Stamp(session.UpdatedAt), Stamp(session.StartedAt),
            session.EndedAt is { } ended ? Stamp(ended) : null, session.Members.Count, session.MaxConcurrent, minutes, meeting.Title ?? string.Empty,
            meeting.AppId, session.IsLive ? "LIVE" : "ENDED", "meeting", []);
    }

    private static SessionParticipantBody Describe(SessionMember member, DateTimeOffset now) =>
        new(member.Participant.Id.ToString(), Stamp(member.JoinedAt), Stamp(now), member.Participant.Name, member.Participant.Picture);

    private static PollBody Describe(Poll poll, Meeting meeting)
    {
        var options = poll.Options.Select((text, i) =>
        {
            var voters = poll.Votes.Where(v => v.Value == i).Select(v => v.Key).ToList();
            var votes = poll.Anonymous ? [] : voters.Select(v => new PollVoteBody(v.ToString(), meeting.Participants.TryGetValue(v, out var p) ? p.Name ?? p.CustomParticipantId : v.ToString())).ToList();
            return new PollOptionBody(text, voters.Count, votes);
        }).ToList();
        return new PollBody(poll.Id.ToString(), poll.Question, options, poll.Anonymous, poll.HideVotes, poll.CreatedBy, poll.Votes.Keys.Select(k => k.ToString()).ToList());
    }

    private static ParticipantBody Describe(Participant p) =>
        new(p.Id.ToString(), p.Token, p.CustomParticipantId, p.PresetName, Stamp(p.CreatedAt), Stamp(p.UpdatedAt), p.Name, p.Picture);

    // A preset's id is stable for its name, as a preset would be.
    private static Guid PresetId(string presetName)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("preset:" + presetName))[..16];
        hash[6] = (byte)((hash[6] & 0x0F) | 0x30);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash, bigEndian: true);
    }

    private static string NewToken() => "rtk_" + Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();

    private static string Stamp(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
