namespace RealtimeKit.Emulator.State;

// The emulator's state. Mutable classes, touched only under EmulatorState's lock.

/// <summary>A meeting of an app.</summary>
internal sealed class Meeting(Guid id, string accountId, string appId, string title, DateTimeOffset createdAt)
{
    public Guid Id { get; } = id;

    public string AccountId { get; } = accountId;

    public string AppId { get; } = appId;

    public string Title { get; } = title;

    public DateTimeOffset CreatedAt { get; } = createdAt;

    /// <summary>By id and by custom participant id (unique in a meeting).</summary>
    public IdIndex<Participant> Participants { get; } = new(p => p.CustomParticipantId);

    public LiveSession? Session { get; set; }

    public List<LiveSession> PastSessions { get; } = [];
}

/// <summary>A participant registered on a meeting (not necessarily in a session).</summary>
internal sealed class Participant(Guid id, string token, string customId, string presetName, DateTimeOffset createdAt)
{
    public Guid Id { get; } = id;

    public string Token { get; } = token;

    public string CustomParticipantId { get; } = customId;

    public string PresetName { get; } = presetName;

    public string? Name { get; set; }

    public string? Picture { get; set; }

    public DateTimeOffset CreatedAt { get; } = createdAt;

    public DateTimeOffset UpdatedAt { get; set; } = createdAt;
}

/// <summary>Someone in a live session.</summary>
internal sealed class SessionMember(Participant participant, DateTimeOffset joinedAt)
{
    public Participant Participant { get; } = participant;

    public DateTimeOffset JoinedAt { get; } = joinedAt;

    public DateTimeOffset UpdatedAt { get; set; } = joinedAt;

    public bool Muted { get; set; }

    public bool MayUnmute { get; set; } = true;
}

/// <summary>A live (or ended) session of a meeting.</summary>
internal sealed class LiveSession(Guid id, DateTimeOffset startedAt)
{
    public Guid Id { get; } = id;

    public DateTimeOffset StartedAt { get; } = startedAt;

    public DateTimeOffset UpdatedAt { get; set; } = startedAt;

    public DateTimeOffset? EndedAt { get; set; }

    /// <summary>By participant id and by custom participant id.</summary>
    public IdIndex<SessionMember> Members { get; } = new(m => m.Participant.CustomParticipantId);

    public int MaxConcurrent { get; set; }

    public List<Poll> Polls { get; } = [];

    public bool IsLive => EndedAt is null;
}

/// <summary>A poll in a session.</summary>
internal sealed class Poll(Guid id, string question, IReadOnlyList<string> options, bool anonymous, bool hideVotes, string createdBy)
{
    public Guid Id { get; } = id;

    public string Question { get; } = question;

    public IReadOnlyList<string> Options { get; } = options;

    public bool Anonymous { get; } = anonymous;

    public bool HideVotes { get; } = hideVotes;

    public string CreatedBy { get; } = createdBy;

    /// <summary>Voter participant id → option index.</summary>
    public Dictionary<Guid, int> Votes { get; } = [];
}
