using System.Text.Json;

namespace RealtimeKit.Emulator.Api;

// Presets: a name and three parts (config, permissions, ui), each checked against the spec's shape.
internal static partial class RestApi
{
    public static (int, object) ListPresets(Request r) =>
        (200, r.State.ListPresets(r.AccountId, r.AppId, QueryText(r, "search"), PositiveInt(r, "page_no", 1), PositiveInt(r, "per_page", 20)));

    public static (int, object) CreatePreset(Request r)
    {
        var body = JsonBody.Parse(r.Body);
        var name = body.RequiredString("name");
        return (201, r.State.CreatePreset(r.AccountId, r.AppId, name, PresetPart(body, "config", PresetShapes.Config)!.Value,
            PresetPart(body, "permissions", PresetShapes.Permissions)!.Value, PresetPart(body, "ui", PresetShapes.Ui)!.Value));
    }

    public static (int, object) GetPreset(Request r) => (200, r.State.GetPreset(r.AccountId, r.AppId, PathUuid(r, "preset_id")));

    public static (int, object) UpdatePreset(Request r)
    {
        var id = PathUuid(r, "preset_id");
        var body = JsonBody.Parse(r.Body);
        var name = body.Has("name") ? body.RequiredString("name") : null;
        return (200, r.State.ChangePreset(r.AccountId, r.AppId, id, name, PresetPart(body, "config", PresetShapes.Config, required: false),
            PresetPart(body, "permissions", PresetShapes.Permissions, required: false), PresetPart(body, "ui", PresetShapes.Ui, required: false)));
    }

    public static (int, object) ReplacePreset(Request r)
    {
        var id = PathUuid(r, "preset_id");
        var body = JsonBody.Parse(r.Body);
        var name = body.RequiredString("name");
        return (200, r.State.ChangePreset(r.AccountId, r.AppId, id, name, PresetPart(body, "config", PresetShapes.Config),
            PresetPart(body, "permissions", PresetShapes.Permissions), PresetPart(body, "ui", PresetShapes.Ui)));
    }

    public static (int, object) DeletePreset(Request r) => (200, r.State.DeletePreset(r.AccountId, r.AppId, PathUuid(r, "preset_id")));

    // A part of a preset, checked whole: a part that is sent is sent with every field the spec requires.
    private static JsonElement? PresetPart(JsonBody body, string name, JsonShape shape, bool required = true)
    {
        if (!body.Root.TryGetProperty(name, out var part))
        {
            return required ? throw EmulatorProblem.BadRequest($"{name} is required: a preset has a name, config, permissions and ui.") : null;
        }

        shape.Check(part, name);
        return part.Clone();
    }
}
