using System.Text.Json;
using System.Text.Json.Nodes;

namespace RealtimeKit.TestSupport;

/// <summary>
/// Every JSON object literal in the documentation pages (response examples, error examples and the
/// request bodies of the curl examples), read from the pages themselves so nothing is retyped.
/// </summary>
public static class DocumentationExamples
{
    /// <summary>One example: the page it came from and its value.</summary>
    public sealed record Example(string Page, JsonNode Value)
    {
        /// <summary>A readable name for test output.</summary>
        public override string ToString() => $"{Page}: {Value.ToJsonString()}";
    }

    /// <summary>The distinct examples of every page in the documentation folder.</summary>
    public static IReadOnlyList<Example> All()
    {
        var pages = Directory.GetFiles(RepoPaths.CloudflareDocs).OrderBy(p => p, StringComparer.Ordinal);
        var result = new List<Example>();
        foreach (var page in pages)
        {
            foreach (var value in Extract(File.ReadAllText(page)))
            {
                if (!result.Any(e => JsonNode.DeepEquals(e.Value, value)))
                {
                    result.Add(new Example(Path.GetFileName(page), value));
                }
            }
        }

        return result;
    }

    /// <summary>
    /// The outermost JSON objects in a text: each '{' that starts a balanced, parseable object with at
    /// least one property. Templates (<c>{{ x }}</c>) and prose such as <c>{ id, name }</c> do not parse.
    /// </summary>
    public static IEnumerable<JsonNode> Extract(string text)
    {
        var i = 0;
        while ((i = text.IndexOf('{', i)) >= 0)
        {
            var end = FindBalancedEnd(text, i);
            if (end > i && TryParse(text[i..(end + 1)]) is { } node)
            {
                yield return node;
                i = end + 1;
            }
            else
            {
                i++;
            }
        }
    }

    private static JsonObject? TryParse(string candidate)
    {
        if (candidate.Contains("{{", StringComparison.Ordinal))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(candidate) is JsonObject { Count: > 0 } o ? o : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static int FindBalancedEnd(string text, int start)
    {
        var depth = 0;
        var inString = false;
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (inString)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == '"')
                {
                    inString = false;
                }

                continue;
            }

            switch (c)
            {
                case '"':
                    inString = true;
                    break;
                case '{' or '[':
                    depth++;
                    break;
                case '}' or ']':
                    depth--;
                    if (depth == 0)
                    {
                        return c == '}' ? i : -1;
                    }

                    break;
            }
        }

        return -1;
    }
}
