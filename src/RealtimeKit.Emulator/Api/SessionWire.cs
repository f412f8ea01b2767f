using System.Text.Json.Serialization;

namespace RealtimeKit.Emulator.Api;

// Response shapes of the session history, download and analytics operations (snake_case, nulls left out).

internal sealed record SessionListBody(IReadOnlyList<ActiveSessionBody> Sessions);

internal sealed record PeerEventBody(string Id, string EventName, string PeerId, string ParticipantId, string SessionId, double MinutesConsumed, string CreatedAt, string UpdatedAt);

internal sealed record SessionParticipantDetailsBody(
    string Id, string UserId, string CustomParticipantId, string DisplayName, string PresetName, double Duration,
    string JoinedAt, string? LeftAt, string CreatedAt, string UpdatedAt, IReadOnlyList<PeerEventBody>? PeerEvents);

/// <summary>A page of a session's participants: the spec carries its paging inside <c>data</c>.</summary>
internal sealed record SessionParticipantListBody(IReadOnlyList<SessionParticipantDetailsBody> Participants, PagingBody Paging);

internal sealed record SessionParticipantResultBody(SessionParticipantDetailsBody Participant);

internal sealed record SessionChatDownloadBody(string ChatDownloadUrl, string ChatDownloadUrlExpiry);

// The spec spells these two in camelCase, as the service does.
internal sealed record SessionTranscriptDownloadBody(
    [property: JsonPropertyName("sessionId")] string SessionId, string TranscriptDownloadUrl, string TranscriptDownloadUrlExpiry);

internal sealed record SessionSummaryDownloadBody(
    [property: JsonPropertyName("sessionId")] string SessionId,
    [property: JsonPropertyName("summaryDownloadUrl")] string SummaryDownloadUrl,
    [property: JsonPropertyName("summaryDownloadUrlExpiry")] string SummaryDownloadUrlExpiry);

internal sealed record SessionSummaryGenerationBody(string SessionId, string Status);

internal sealed record PeerReportEventBody(string Name, string Timestamp, IReadOnlyDictionary<string, object?> Metadata);

internal sealed record PeerReportMetadataBody(string? SdkName, string? SdkType, string? SdkVersion, string? RoomViewType, IReadOnlyList<PeerReportEventBody>? Events);

internal sealed record PeerReportBody(PeerReportMetadataBody? Metadata, IReadOnlyDictionary<string, object>? Quality);

internal sealed record PeerParticipantBody(
    string Id, string SessionId, string UserId, string CustomParticipantId, string DisplayName, string Role, double Duration,
    string JoinedAt, string? LeftAt, string CreatedAt, string UpdatedAt, IReadOnlyList<PeerEventBody>? PeerEvents, PeerReportBody PeerReport);

internal sealed record PeerReportResultBody(PeerParticipantBody Participant);

internal sealed record SessionDayBody(string Day, int TotalSessions, double TotalSessionMinutes);

internal sealed record SessionAnalyticsBody(int SessionsCount, double SessionsMinutesConsumed, IReadOnlyList<SessionDayBody> DayStats);

internal sealed record RecordingDayBody(string Day, int TotalRecordings, int TotalRecordingMinutes);

internal sealed record RecordingAnalyticsBody(int RecordingCount, double RecordingMinutesConsumed, IReadOnlyList<RecordingDayBody> DayStats);

internal sealed record DaywiseAnalyticsBody(SessionAnalyticsBody SessionStats, RecordingAnalyticsBody RecordingStats);

internal sealed record LivestreamDayBody(string Date, int Count, long TotalIngestSeconds, long TotalViewerSeconds);

internal sealed record LivestreamTotalsBody(int Count, long TotalIngestSeconds, long TotalViewerSeconds);
