using System.Text.Json;
using System.Text.Json.Nodes;

namespace RealtimeKit.Emulator.State;

/// <summary>
/// The presets every app starts with, so participants can be added at once: the names the project's examples and
/// Cloudflare's documentation use. Hosts may kick, pin, record and livestream; the others may not.
/// </summary>
internal static class DefaultPresets
{
    public static readonly IReadOnlyList<string> Names =
    [
        "group_call_host", "group_call_participant", "group_call_guest", "webinar_host", "webinar_participant",
        "livestream_host", "livestream_viewer", "host",
    ];

    private const string Template = """
        {
          "config": {
            "view_type": "GROUP_CALL",
            "max_video_streams": { "desktop": 25, "mobile": 6 },
            "max_screenshare_count": 1,
            "media": {
              "audio": { "enable_high_bitrate": false, "enable_stereo": false },
              "video": { "quality": "hd", "frame_rate": 30, "simulcast": false },
              "screenshare": { "quality": "fhd", "frame_rate": 5 }
            },
            "livestream_viewer_qualities": []
          },
          "permissions": {
            "accept_waiting_requests": false, "can_accept_production_requests": false, "can_change_participant_permissions": false,
            "can_edit_display_name": true, "can_livestream": false, "can_record": false, "can_spotlight": false,
            "disable_participant_audio": false, "disable_participant_screensharing": false, "disable_participant_video": false,
            "hidden_participant": false, "is_recorder": false, "kick_participant": false, "pin_participant": false,
            "recorder_type": "NONE", "show_participant_list": true, "stage_enabled": false, "stage_access": "ALLOWED",
            "accept_stage_requests": false, "transcription_enabled": false, "waiting_room_type": "SKIP",
            "chat": {
              "public": { "can_send": true, "text": true, "files": true },
              "private": { "can_send": true, "can_receive": true, "text": true, "files": false }
            },
            "connected_meetings": { "can_alter_connected_meetings": false, "can_switch_connected_meetings": false, "can_switch_to_parent_meeting": false },
            "media": { "audio": { "can_produce": "ALLOWED" }, "video": { "can_produce": "ALLOWED" }, "screenshare": { "can_produce": "ALLOWED" } },
            "plugins": { "can_close": false, "can_start": false, "can_edit_config": false, "config": {} },
            "polls": { "can_create": false, "can_vote": true, "can_view": true }
          },
          "ui": {
            "design_tokens": {
              "border_radius": "rounded", "border_width": "thin", "spacing_base": 4, "theme": "dark",
              "colors": {
                "brand": { "300": "#844d1c", "400": "#9d5b22", "500": "#b56927", "600": "#d37c30", "700": "#d9904f" },
                "background": { "600": "#222222", "700": "#1f1f1f", "800": "#1b1b1b", "900": "#181818", "1000": "#141414" },
                "danger": "#FF2D2D", "success": "#62A504", "text": "#EEEEEE", "text_on_brand": "#EEEEEE", "video_bg": "#191919", "warning": "#FFCD07"
              }
            }
          }
        }
        """;

    private static readonly string[] HostPermissions =
    [
        "accept_waiting_requests", "can_accept_production_requests", "can_change_participant_permissions", "can_livestream", "can_record",
        "can_spotlight", "disable_participant_audio", "disable_participant_screensharing", "disable_participant_video", "kick_participant",
        "pin_participant", "accept_stage_requests", "stage_enabled",
    ];

    /// <summary>The configuration, permissions and user interface of the default preset <paramref name="name"/>.</summary>
    public static (JsonElement Config, JsonElement Permissions, JsonElement Ui) For(string name)
    {
        var preset = JsonNode.Parse(Template)!.AsObject();
        preset["config"]!["view_type"] = name.Split('_')[0] switch
        {
            "webinar" => "WEBINAR",
            "livestream" => "LIVESTREAM",
            _ => "GROUP_CALL",
        };
        var permissions = preset["permissions"]!.AsObject();
        if (name.EndsWith("host", StringComparison.Ordinal))
        {
            foreach (var permission in HostPermissions)
            {
                permissions[permission] = true;
            }

            permissions["plugins"]!["can_start"] = true;
            permissions["plugins"]!["can_close"] = true;
            permissions["polls"]!["can_create"] = true;
        }
        else if (name is "livestream_viewer" or "group_call_guest")
        {
            // Viewers and guests watch: they may ask to produce media, not produce it outright.
            foreach (var kind in new[] { "audio", "video", "screenshare" })
            {
                permissions["media"]![kind]!["can_produce"] = "CAN_REQUEST";
            }
        }

        return (Element(preset["config"]!), Element(permissions), Element(preset["ui"]!));
    }

    private static JsonElement Element(JsonNode node) => JsonSerializer.SerializeToElement(node);
}
