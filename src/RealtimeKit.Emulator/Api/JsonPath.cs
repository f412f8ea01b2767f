using System.Text.Json;

namespace RealtimeKit.Emulator.Api;

/// <summary>Reads nested fields of a JSON value already checked against its <see cref="JsonShape"/>.</summary>
internal static class JsonPath
{
    /// <summary>The field at <paramref name="path"/>, or null when a step is missing or the field is null.</summary>
    public static JsonElement? Find(JsonElement? element, params string[] path)
    {
        if (element is not { } current)
        {
            return null;
        }

        foreach (var name in path)
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(name, out current))
            {
                return null;
            }
        }

        return current.ValueKind == JsonValueKind.Null ? null : current;
    }
}
