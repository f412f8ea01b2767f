using System.Text.Json.Nodes;
using RealtimeKit.Generator.Diagnostics;

namespace RealtimeKit.Generator.Checking;

/// <summary>
/// Finds every <c>$ref</c> that does not resolve inside the spec. Kiota only warns about them and generates a
/// client with the type missing; here each one is an error on the line of the <c>$ref</c>.
/// </summary>
public static class ReferenceCheck
{
    /// <summary>One error per broken reference, in document order.</summary>
    public static IReadOnlyList<SpecDiagnostic> Find(JsonNode json, SourceMap map)
    {
        var problems = new List<SpecDiagnostic>();
        Walk(json, json, string.Empty, map, problems);
        return problems;
    }

    private static void Walk(JsonNode root, JsonNode? node, string pointer, SourceMap map, List<SpecDiagnostic> problems)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (key, value) in o)
                {
                    var child = pointer + "/" + SourceMap.Escape(key);
                    if (key == "$ref" && value is JsonValue reference && reference.TryGetValue<string>(out var target))
                    {
                        if (Problem(root, target) is { } message)
                        {
                            var (line, column) = map.Locate(child);
                            problems.Add(new SpecDiagnostic(DiagnosticCodes.BrokenReference, message, map.File, line, column));
                        }

                        continue;
                    }

                    Walk(root, value, child, map, problems);
                }

                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    Walk(root, a[i], pointer + "/" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), map, problems);
                }

                break;
        }
    }

    private static string? Problem(JsonNode root, string target)
    {
        if (!target.StartsWith("#/", StringComparison.Ordinal))
        {
            return $"The reference '{target}' points outside this file; the spec must be one self-contained document (expected '#/components/...').";
        }

        return JsonPointer.Resolve(root, target) is null
            ? $"The reference '{target}' does not point to anything in the spec; expected an existing '{target[..(target.LastIndexOf('/') + 1)]}...' entry."
            : null;
    }
}
