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

    /// <summary>A path parameter the spec declares a UUID.</summary>
    private static Guid PathUuid(Request r, string name) =>
        Guid.TryParseExact(r.Path[name], "D", out var id) ? id : throw EmulatorProblem.BadRequest($"{name} must be a UUID, got '{Safe(r.Path[name])}'.");

    private static string? QueryText(Request r, string name) => r.Query.GetValueOrDefault(name) is { Length: > 0 } text ? text : null;

    private static bool? QueryBool(Request r, string name) => QueryText(r, name) switch
    {
        null => null,
        "true" => true,
        "false" => false,
        var text => throw EmulatorProblem.BadRequest($"{name} must be true or false, got '{Safe(text)}'."),
    };

    // A query parameter holding one of the spec's enum values.
    private static string? QueryEnum(Request r, string name, params string[] values) =>
        QueryText(r, name) is not { } text ? null
        : values.Contains(text, StringComparer.Ordinal) ? text
        : throw EmulatorProblem.BadRequest($"{name} must be one of {string.Join(", ", values)}, got '{Safe(text)}'.");
}
