using System.Text.Json;
using System.Text.Json.Serialization;

namespace RealtimeKit.Emulator.Api;

// Response shapes of presets, recordings and livestreams. Fields the spec requires but allows to be null are
// written even when null (JsonIgnoreCondition.Never); other nulls are left out.

internal sealed record PresetSummaryBody(string Id, string Name, string CreatedAt, string UpdatedAt);

internal sealed record PresetBody(string Id, string Name, string CreatedAt, string UpdatedAt, JsonElement Config, JsonElement Permissions, JsonElement Ui);

internal sealed record RecordingCallerBody(string Type, string? Name);

internal sealed record RecordingReasonBody(string Reason, RecordingCallerBody? Caller);

internal sealed record RecordingBody(
    string Id,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? DownloadUrl,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? DownloadUrlExpiry,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? AudioDownloadUrl,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] double? FileSize,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? SessionId,
    string OutputFileName,
    string Status,
    string InvokedTime,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? StartedTime,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? StoppedTime,
    int RecordingDuration,
    RecordingReasonBody StartReason,
    RecordingReasonBody? StopReason,
    JsonElement? StorageConfig,
    MeetingBody? Meeting);

internal sealed record StartTrackRecordingResultBody(RecordingBody Recording);

internal sealed record LivestreamBody(
    string Id,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Name,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? MeetingId,
    string Status, bool Disabled, string IngestServer, string StreamKey, string PlaybackUrl, string CreatedAt, string UpdatedAt);

internal sealed record LivestreamSessionBody(
    string Id, string LivestreamId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? ErrMessage,
    double IngestSeconds, double ViewerSeconds, string InvokedTime,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? StartedTime,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? StoppedTime,
    string CreatedAt, string UpdatedAt);

internal sealed record LivestreamDetailsBody(LivestreamBody Livestream, LivestreamSessionBody? Session, PagingBody Paging);

internal sealed record ActiveLivestreamSessionBody(LivestreamBody Livestream, LivestreamSessionBody Session);

internal sealed record MeetingLivestreamsBody(IReadOnlyList<LivestreamBody> Livestreams, LivestreamSessionBody? Sessions, PagingBody Paging);

internal sealed record StopLivestreamResultBody(string Message);

internal sealed record LivestreamSessionListBody(IReadOnlyList<LivestreamSessionBody> Data, PagingBody Paging);
