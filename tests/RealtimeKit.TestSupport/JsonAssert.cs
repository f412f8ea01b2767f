using System.Globalization;
using System.Text.Json.Nodes;

namespace RealtimeKit.TestSupport;

/// <summary>JSON value comparison that treats two spellings of the same instant (<c>...19.117Z</c> and <c>...19.1170000+00:00</c>) as equal.</summary>
public static class JsonAssert
{
    /// <summary>Null when equivalent; otherwise the JSON pointer of the first difference and what differs.</summary>
    public static string? Difference(JsonNode? expected, JsonNode? actual, string path = "")
    {
        switch (expected, actual)
        {
            case (null, null):
                return null;
            case (JsonObject e, JsonObject a):
                foreach (var key in e.Select(p => p.Key).Union(a.Select(p => p.Key)))
                {
                    if (!e.ContainsKey(key) || !a.ContainsKey(key))
                    {
                        return $"{path}/{key}: present on one side only (expected {e[key]?.ToJsonString() ?? "absent"}, actual {a[key]?.ToJsonString() ?? "absent"})";
                    }

                    if (Difference(e[key], a[key], $"{path}/{key}") is { } d)
                    {
                        return d;
                    }
                }

                return null;
            case (JsonArray e, JsonArray a):
                if (e.Count != a.Count)
                {
                    return $"{path}: {e.Count} items expected, {a.Count} found";
                }

                for (var i = 0; i < e.Count; i++)
                {
                    if (Difference(e[i], a[i], $"{path}/{i}") is { } d)
                    {
                        return d;
                    }
                }

                return null;
            case (JsonValue e, JsonValue a):
                if (JsonNode.DeepEquals(e, a) || SameInstant(e, a))
                {
                    return null;
                }

                return $"{path}: expected {e.ToJsonString()}, actual {a.ToJsonString()}";
            default:
                return $"{path}: expected {expected?.ToJsonString() ?? "null"}, actual {actual?.ToJsonString() ?? "null"}";
        }
    }

    /// <summary>Asserts equivalence, naming the first difference.</summary>
    public static void Equivalent(JsonNode? expected, JsonNode? actual)
    {
        if (Difference(expected, actual) is { } difference)
        {
            throw new Xunit.Sdk.XunitException($"JSON differs at {difference}\nexpected: {expected?.ToJsonString()}\nactual:   {actual?.ToJsonString()}");
        }
    }

    private static bool SameInstant(JsonValue e, JsonValue a) =>
        e.TryGetValue<string>(out var es) && a.TryGetValue<string>(out var @as)
        && es.Contains('T', StringComparison.Ordinal)
        && DateTimeOffset.TryParse(es, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var ed)
        && DateTimeOffset.TryParse(@as, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var ad)
        && ed == ad;
}
