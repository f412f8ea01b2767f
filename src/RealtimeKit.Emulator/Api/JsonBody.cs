using System.Text.Json;

namespace RealtimeKit.Emulator.Api;

/// <summary>A request body read strictly: every field error is a 400 that names the field and what was expected.</summary>
internal sealed class JsonBody
{
    private readonly JsonElement _root;

    private JsonBody(JsonElement root) => _root = root;

    public static JsonBody Parse(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw EmulatorProblem.BadRequest("A JSON object body is required.");
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? new JsonBody(document.RootElement.Clone())
                : throw EmulatorProblem.BadRequest($"The body must be a JSON object, got {document.RootElement.ValueKind.ToString().ToLowerInvariant()}.");
        }
        catch (JsonException e)
        {
            throw EmulatorProblem.BadRequest($"The body is not valid JSON: {e.Message}");
        }
    }

    public string RequiredString(string name) =>
        Field(name) is { ValueKind: JsonValueKind.String } value && value.GetString() is { } text && text.Trim().Length > 0
            ? text
            : throw EmulatorProblem.BadRequest($"{name} is required and must be a non-empty string{Got(name)}.");

    public string? OptionalNullableString(string name) => Field(name) switch
    {
        null or { ValueKind: JsonValueKind.Null } => null,
        { ValueKind: JsonValueKind.String } value => value.GetString(),
        _ => throw EmulatorProblem.BadRequest($"{name} must be a string or null{Got(name)}."),
    };

    public bool RequiredBool(string name) => Field(name) switch
    {
        { ValueKind: JsonValueKind.True } => true,
        { ValueKind: JsonValueKind.False } => false,
        _ => throw EmulatorProblem.BadRequest($"{name} is required and must be a boolean{Got(name)}."),
    };

    public bool? OptionalBool(string name) => Field(name) switch
    {
        null => null,
        { ValueKind: JsonValueKind.True } => true,
        { ValueKind: JsonValueKind.False } => false,
        _ => throw EmulatorProblem.BadRequest($"{name} must be a boolean{Got(name)}."),
    };

    public bool? OptionalNullableBool(string name) => Field(name) switch
    {
        null or { ValueKind: JsonValueKind.Null } => null,
        { ValueKind: JsonValueKind.True } => true,
        { ValueKind: JsonValueKind.False } => false,
        _ => throw EmulatorProblem.BadRequest($"{name} must be a boolean or null{Got(name)}."),
    };

    public double? OptionalNumber(string name) => Field(name) switch
    {
        null or { ValueKind: JsonValueKind.Null } => null,
        { ValueKind: JsonValueKind.Number } value => value.GetDouble(),
        _ => throw EmulatorProblem.BadRequest($"{name} must be a number{Got(name)}."),
    };

    public JsonElement? OptionalObject(string name) => Field(name) switch
    {
        null or { ValueKind: JsonValueKind.Null } => null,
        { ValueKind: JsonValueKind.Object } value => value,
        _ => throw EmulatorProblem.BadRequest($"{name} must be an object{Got(name)}."),
    };

    public int RequiredInt(string name) =>
        Field(name) is { ValueKind: JsonValueKind.Number } value && value.TryGetInt32(out var i)
            ? i
            : throw EmulatorProblem.BadRequest($"{name} is required and must be an integer{Got(name)}.");

    public List<string> RequiredStringArray(string name)
    {
        if (Field(name) is not { ValueKind: JsonValueKind.Array } array)
        {
            throw EmulatorProblem.BadRequest($"{name} is required and must be an array of strings{Got(name)}.");
        }

        var items = new List<string>();
        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            items.Add(item.ValueKind == JsonValueKind.String && item.GetString() is { Length: > 0 } s
                ? s
                : throw EmulatorProblem.BadRequest($"{name}[{index}] must be a non-empty string, got {item.GetRawText()}."));
            index++;
        }

        return items;
    }

    /// <summary>The whole body, for checking a nested part against its <see cref="JsonShape"/>.</summary>
    public JsonElement Root => _root;

    /// <summary>Whether the body has the field at all (null counts as present).</summary>
    public bool Has(string name) => _root.TryGetProperty(name, out _);

    private JsonElement? Field(string name) => _root.TryGetProperty(name, out var value) ? value : null;

    private string Got(string name) => Field(name) is { } value ? $", got {JsonShape.Got(value)}" : string.Empty;
}
