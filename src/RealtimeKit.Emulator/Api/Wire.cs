namespace RealtimeKit.Emulator.Api;

// Response shapes, serialized with snake_case names and nulls left out (optional fields are absent, as in the spec).

internal sealed record ActiveSessionBody(
    string Id, string AssociatedId, string CreatedAt, string UpdatedAt, string StartedAt, string? EndedAt,
    int LiveParticipants, int MaxConcurrentParticipants, double MinutesConsumed, string MeetingDisplayName,
    string OrganizationId, string Status, string Type, IReadOnlyList<object> BreakoutRooms, object? Meta = null);

internal sealed record SessionParticipantBody(string Id, string CreatedAt, string UpdatedAt, string? Name, string? Picture);

internal sealed record ParticipantsResultBody(string Action, IReadOnlyList<SessionParticipantBody> Participants);

internal sealed record KickAllResultBody(string Action, int KickedParticipantsCount);

internal sealed record MuteAllResultBody(string Action, int MutedParticipantsCount);

internal sealed record PollVoteBody(string Id, string Name);

internal sealed record PollOptionBody(string Text, int Count, IReadOnlyList<PollVoteBody> Votes);

internal sealed record PollBody(string Id, string Question, IReadOnlyList<PollOptionBody> Options, bool Anonymous, bool HideVotes, string CreatedBy, IReadOnlyList<string> Voted);

internal sealed record CreatePollResultBody(string Action, PollBody Poll);

internal sealed record ParticipantBody(string Id, string? Token, string CustomParticipantId, string PresetName, string CreatedAt, string UpdatedAt, string? Name, string? Picture);

internal sealed record DeletedParticipantBody(string CustomParticipantId, string PresetId, string CreatedAt, string UpdatedAt);

internal sealed record MeetingBody(
    string Id, string? Title, string Status, string CreatedAt, string UpdatedAt, bool? RecordOnStart, bool? LiveStreamOnStart, bool? PersistChat,
    bool? SummarizeOnEnd, bool? TranscribeOnEnd, double? SessionKeepAliveTimeInSecs, System.Text.Json.JsonElement? RecordingConfig, System.Text.Json.JsonElement? AiConfig);

internal sealed record PagingBody(int TotalCount, int StartOffset, int EndOffset);

/// <summary>A page of a list: answered as <c>{ success, data, paging }</c>.</summary>
internal sealed record Paged(object Data, PagingBody Paging);

internal sealed record JoinBody(string MeetingId, string SessionId, string ParticipantId, int LiveParticipants);

internal sealed record VoteResultBody(string PollId, int Option, int Count);

internal sealed record WebhookBody(string Id, string Name, string Url, IReadOnlyList<string> Events, bool Enabled, string CreatedAt, string UpdatedAt);

internal sealed record ChatMessageBody(string Id, string ParticipantId, string DisplayName, string Message, string SentAt);

/// <summary>Someone in a live session as the control surface shows them: who, since when, and whether they are muted.</summary>
internal sealed record LiveMemberBody(string ParticipantId, string CustomParticipantId, string? Name, string JoinedAt, bool Muted, bool MayUnmute);

internal sealed record ChatResultBody(string MeetingId, string SessionId, string MessageId);

internal sealed record ParticipantTokenBody(string Token);

internal sealed record AppBody(string Id, string Name, string CreatedAt);

internal sealed record CreateAppResultBody(AppBody App);
