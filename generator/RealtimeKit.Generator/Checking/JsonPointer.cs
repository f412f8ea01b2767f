using System.Globalization;
using System.Text.Json.Nodes;

namespace RealtimeKit.Generator.Checking;

/// <summary>Resolves RFC 6901 JSON pointers (<c>/paths/~1a/get</c>, with or without a leading <c>#</c>) in a JSON tree.</summary>
public static class JsonPointer
{
    /// <summary>The value at <paramref name="pointer"/>, or null when there is none (or it is JSON null).</summary>
    public static JsonNode? Resolve(JsonNode root, string pointer)
    {
        JsonNode? current = root;
        foreach (var raw in pointer.TrimStart('#').Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            // A $ref is a URI fragment, so its segments may also be percent-encoded.
            var segment = Uri.UnescapeDataString(raw).Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            current = current switch
            {
                JsonObject o => o[segment],
                JsonArray a when int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < a.Count => a[i],
                _ => null,
            };
            if (current is null)
            {
                return null;
            }
        }

        return current;
    }
}
