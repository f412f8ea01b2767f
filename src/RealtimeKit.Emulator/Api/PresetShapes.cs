using static RealtimeKit.Emulator.Api.JsonShape;

namespace RealtimeKit.Emulator.Api;

/// <summary>The spec's shapes of a preset's three parts (PresetConfig, PresetPermissions, PresetUi).</summary>
internal static class PresetShapes
{
    private static readonly JsonShape MediaQuality = OneOf("hd", "vga", "qvga", "fhd", "uhd");
    private static readonly JsonShape MediaAccess = OneOf("ALLOWED", "NOT_ALLOWED", "CAN_REQUEST");
    private static readonly JsonShape Produce = Object(new Dictionary<string, JsonShape> { ["can_produce"] = MediaAccess });

    public static JsonShape Config { get; } = Object(
        new Dictionary<string, JsonShape>
        {
            ["view_type"] = OneOf("GROUP_CALL", "WEBINAR", "AUDIO_ROOM", "LIVESTREAM"),
            ["max_video_streams"] = Object(Required(Number(), "mobile", "desktop")),
            ["max_screenshare_count"] = Number(),
            ["media"] = Object(
                new Dictionary<string, JsonShape>
                {
                    ["video"] = Object(new Dictionary<string, JsonShape> { ["quality"] = MediaQuality, ["frame_rate"] = Number(max: 30) }, new Dictionary<string, JsonShape> { ["simulcast"] = Bool }),
                    ["screenshare"] = Object(new Dictionary<string, JsonShape> { ["quality"] = MediaQuality, ["frame_rate"] = Number() }),
                },
                new Dictionary<string, JsonShape> { ["audio"] = Optional(Required(Bool, "enable_high_bitrate", "enable_stereo")) }),
        },
        new Dictionary<string, JsonShape> { ["livestream_viewer_qualities"] = ListOf(Integer(min: 0)).OrNull() });

    public static JsonShape Permissions { get; } = Object(
        new Dictionary<string, JsonShape>(Required(
            Bool, "accept_waiting_requests", "can_accept_production_requests", "can_edit_display_name", "can_spotlight", "disable_participant_audio",
            "disable_participant_screensharing", "disable_participant_video", "kick_participant", "pin_participant", "can_record", "can_livestream",
            "hidden_participant", "show_participant_list", "can_change_participant_permissions"))
        {
            ["recorder_type"] = OneOf("RECORDER", "LIVESTREAMER", "NONE"),
            ["waiting_room_type"] = OneOf("SKIP", "ON_PRIVILEGED_USER_ENTRY", "SKIP_ON_ACCEPT"),
            ["plugins"] = Object(new Dictionary<string, JsonShape>(Required(Bool, "can_close", "can_start", "can_edit_config"))
            {
                ["config"] = MapOf(Optional(new Dictionary<string, JsonShape> { ["access_control"] = OneOf("FULL_ACCESS", "VIEW_ONLY"), ["handles_view_only"] = Bool })),
            }),
            ["connected_meetings"] = Object(Required(Bool, "can_alter_connected_meetings", "can_switch_connected_meetings", "can_switch_to_parent_meeting")),
            ["polls"] = Object(Required(Bool, "can_create", "can_vote", "can_view")),
            ["media"] = Object(Required(Produce, "video", "audio", "screenshare")),
            ["chat"] = Object(new Dictionary<string, JsonShape>
            {
                ["public"] = Object(Required(Bool, "can_send", "text", "files")),
                ["private"] = Object(Required(Bool, "can_send", "can_receive", "text", "files")),
            }),
        },
        new Dictionary<string, JsonShape>(Required(Bool, "accept_stage_requests", "is_recorder", "stage_enabled", "transcription_enabled")) { ["stage_access"] = MediaAccess });

    public static JsonShape Ui { get; } = Object(new Dictionary<string, JsonShape>
    {
        ["design_tokens"] = Object(
            new Dictionary<string, JsonShape>
            {
                ["border_radius"] = OneOf("sharp", "rounded", "extra-rounded", "circular"),
                ["border_width"] = OneOf("none", "thin", "fat"),
                ["spacing_base"] = Number(min: 1),
                ["theme"] = OneOf("darkest", "dark", "light"),
                ["colors"] = Object(new Dictionary<string, JsonShape>(Required(Text, "danger", "text", "text_on_brand", "success", "video_bg", "warning"))
                {
                    ["brand"] = Object(Required(Text, "300", "400", "500", "600", "700")),
                    ["background"] = Object(Required(Text, "600", "700", "800", "900", "1000")),
                }),
            },
            new Dictionary<string, JsonShape> { ["font_family"] = Text, ["google_font"] = Text, ["logo"] = AbsoluteUri }),
    });

    // Several fields of one shape.
    private static Dictionary<string, JsonShape> Required(JsonShape shape, params string[] names) => names.ToDictionary(n => n, _ => shape, StringComparer.Ordinal);
}
