using System.Text.Json;
using RealtimeKit.Emulator.State;
using static RealtimeKit.Emulator.Api.JsonShape;

namespace RealtimeKit.Emulator.Api;

// Recordings: the start bodies checked against the spec's shapes, then the state machine in EmulatorState.
internal static partial class RestApi
{
    private static readonly string[] RecordingStatuses = ["INVOKED", "RECORDING", "UPLOADING", "UPLOADED", "ERRORED", "PAUSED"];

    private static readonly JsonShape StorageConfigShape = Object(
        new Dictionary<string, JsonShape> { ["type"] = OneOf("aws", "azure", "digitalocean", "gcs", "sftp") },
        new Dictionary<string, JsonShape>
        {
            ["access_key"] = Text, ["secret"] = Text, ["bucket"] = Text, ["region"] = Text, ["path"] = Text, ["auth_method"] = OneOf("KEY", "PASSWORD"),
            ["host"] = Text, ["port"] = Number(), ["username"] = Text, ["password"] = Text, ["private_key"] = Text,
        }).OrNull();

    private static readonly JsonShape StartRecordingShape = Object(
        new Dictionary<string, JsonShape> { ["meeting_id"] = Uuid },
        new Dictionary<string, JsonShape>
        {
            ["allow_multiple_recordings"] = Bool,
            ["max_seconds"] = Integer(60, 86400),
            ["file_name_prefix"] = Text,
            ["url"] = AbsoluteUri,
            ["audio_config"] = Optional(new Dictionary<string, JsonShape> { ["channel"] = OneOf("mono", "stereo"), ["codec"] = OneOf("MP3", "AAC"), ["export_file"] = Bool }),
            ["video_config"] = Optional(new Dictionary<string, JsonShape>
            {
                ["codec"] = OneOf("H264", "VP8"), ["export_file"] = Bool, ["height"] = Integer(1, 1920), ["width"] = Integer(1, 1920),
                ["watermark"] = Optional(new Dictionary<string, JsonShape>
                {
                    ["url"] = AbsoluteUri,
                    ["position"] = OneOf("left top", "right top", "left bottom", "right bottom"),
                    ["size"] = Optional(new Dictionary<string, JsonShape> { ["height"] = Integer(1), ["width"] = Integer(1) }),
                }),
            }),
            ["interactive_config"] = Optional(new Dictionary<string, JsonShape> { ["type"] = OneOf("ID3") }),
            ["realtimekit_bucket_config"] = Object(new Dictionary<string, JsonShape> { ["enabled"] = Bool }),
            ["rtmp_out_config"] = Optional(new Dictionary<string, JsonShape> { ["rtmp_url"] = AbsoluteUri }),
            ["storage_config"] = StorageConfigShape,
        });

    private static readonly JsonShape TrackLayer = Optional(new Dictionary<string, JsonShape> { ["file_name_prefix"] = Text, ["media_kind"] = OneOf("audio") });

    private static readonly JsonShape StartTrackRecordingShape = Object(
        new Dictionary<string, JsonShape> { ["meeting_id"] = Uuid },
        new Dictionary<string, JsonShape> { ["layers"] = MapOf(TrackLayer), ["user_ids"] = ListOf(Text, 1, 100) });

    public static (int, object) ListRecordings(Request r)
    {
        var meeting = QueryText(r, "meeting_id") is { } m
            ? Guid.TryParseExact(m, "D", out var id) ? id : throw EmulatorProblem.BadRequest($"meeting_id must be a UUID, got '{Safe(m)}'.")
            : (Guid?)null;
        // invokedTime is the only field to sort by, and the order recordings are always sorted in: checked, then used.
        QueryEnum(r, "sort_by", "invokedTime");
        var statuses = QueryText(r, "status")?.Split(',').Select(s => RecordingStatuses.Contains(s, StringComparer.Ordinal)
            ? s
            : throw EmulatorProblem.BadRequest($"status must be a comma-separated list of {string.Join(", ", RecordingStatuses)}, got '{Safe(s)}'.")).ToHashSet(StringComparer.Ordinal);
        var filter = new RecordingFilter(meeting, QueryBool(r, "expired"), QueryText(r, "search"), Time(r, "start_time"), Time(r, "end_time"), statuses,
            QueryEnum(r, "sort_order", "ASC", "DESC") == "ASC");
        return (200, r.State.ListRecordings(r.AccountId, r.AppId, filter, PositiveInt(r, "page_no", 1), PositiveInt(r, "per_page", 20)));
    }

    public static (int, object) StartRecording(Request r)
    {
        var body = JsonBody.Parse(r.Body).Root;
        StartRecordingShape.Check(body, string.Empty);
        var request = new RecordingRequest(
            body.GetProperty("meeting_id").GetString()!,
            Track: false,
            AllowMultiple: JsonPath.Find(body, "allow_multiple_recordings")?.GetBoolean() ?? false,
            Settings: RecordingSettings.From(body));
        return (200, r.State.StartRecording(r.AccountId, r.AppId, request));
    }

    public static (int, object) StartTrackRecording(Request r)
    {
        var body = JsonBody.Parse(r.Body).Root;
        StartTrackRecordingShape.Check(body, string.Empty);
        var request = new RecordingRequest(
            body.GetProperty("meeting_id").GetString()!, Track: true, Settings: new RecordingSettings(JsonPath.Find(body, "layers", "default", "file_name_prefix")?.GetString()));
        return (200, new StartTrackRecordingResultBody(r.State.StartRecording(r.AccountId, r.AppId, request)));
    }

    public static (int, object) GetActiveRecording(Request r) => (200, r.State.GetActiveRecording(r.AccountId, r.AppId, r.MeetingId));

    public static (int, object) GetRecording(Request r) => (200, r.State.GetRecording(r.AccountId, r.AppId, PathUuid(r, "recording_id")));

    public static (int, object) UpdateRecording(Request r)
    {
        var id = PathUuid(r, "recording_id");
        var action = JsonBody.Parse(r.Body).RequiredString("action");
        return action is "stop" or "pause" or "resume"
            ? (200, r.State.UpdateRecording(r.AccountId, r.AppId, id, action))
            : throw EmulatorProblem.BadRequest($"action must be one of stop, pause, resume, got '{Safe(action)}'.");
    }
}
