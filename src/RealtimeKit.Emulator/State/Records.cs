namespace RealtimeKit.Emulator.State;

// The emulator's state. Mutable classes, touched only under EmulatorState's lock.

/// <summary>A meeting of an app.</summary>
internal sealed class Meeting(Guid id, string accountId, string appId, string? title, DateTimeOffset createdAt)
{
    public Guid Id { get; } = id;

    public string AccountId { get; } = accountId;

    public string AppId { get; } = appId;

    public string? Title { get; set; } = title;

    public string Status { get; set; } = "ACTIVE";

    public DateTimeOffset CreatedAt { get; } = createdAt;

    public DateTimeOffset UpdatedAt { get; set; } = createdAt;

    public MeetingSettings Settings { get; set; } = MeetingSettings.Defaults;

    /// <summary>By id and by custom participant id (unique in a meeting).</summary>
    public IdIndex<Participant> Participants { get; } = new(p => p.CustomParticipantId);

    /// <summary>The live session; ended ones are kept in the session history (EmulatorState.Sessions).</summary>
    public LiveSession? Session { get; set; }
}

/// <summary>A meeting's settings; null in a change means "keep".</summary>
internal sealed record MeetingSettings(
    bool? RecordOnStart = null, bool? LiveStreamOnStart = null, bool? PersistChat = null, bool? SummarizeOnEnd = null, bool? TranscribeOnEnd = null,
    double? SessionKeepAliveTimeInSecs = null, System.Text.Json.JsonElement? RecordingConfig = null, System.Text.Json.JsonElement? AiConfig = null)
{
    public static MeetingSettings Defaults { get; } = new(false, false, false, false, false, 60);

    /// <summary>These settings with every non-null field of <paramref name="change"/> applied.</summary>
    public MeetingSettings With(MeetingSettings change) => new(
        change.RecordOnStart ?? RecordOnStart, change.LiveStreamOnStart ?? LiveStreamOnStart, change.PersistChat ?? PersistChat,
        change.SummarizeOnEnd ?? SummarizeOnEnd, change.TranscribeOnEnd ?? TranscribeOnEnd,
        change.SessionKeepAliveTimeInSecs ?? SessionKeepAliveTimeInSecs, change.RecordingConfig ?? RecordingConfig, change.AiConfig ?? AiConfig);
}

/// <summary>A participant registered on a meeting (not necessarily in a session).</summary>
internal sealed class Participant(Guid id, string token, string customId, string presetName, DateTimeOffset createdAt)
{
    public Guid Id { get; } = id;

    public string Token { get; set; } = token;

    public string CustomParticipantId { get; set; } = customId;

    public string PresetName { get; set; } = presetName;

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

    public List<ChatMessage> Chat { get; } = [];

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

/// <summary>A webhook of an app.</summary>
internal sealed class WebhookRecord(Guid id, string accountId, string appId, DateTimeOffset createdAt)
{
    public Guid Id { get; } = id;

    public string AccountId { get; } = accountId;

    public string AppId { get; } = appId;

    public required string Name { get; set; }

    public required Uri Url { get; set; }

    public required List<string> Events { get; set; }

    public bool Enabled { get; set; } = true;

    public DateTimeOffset CreatedAt { get; } = createdAt;

    public DateTimeOffset UpdatedAt { get; set; } = createdAt;
}

/// <summary>A chat message sent in a session.</summary>
internal sealed record ChatMessage(Guid Id, Guid ParticipantId, string DisplayName, string Message, DateTimeOffset SentAt);
