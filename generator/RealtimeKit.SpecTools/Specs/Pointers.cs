using System.Text.Json.Nodes;
using RealtimeKit.Generator.Checking;

namespace RealtimeKit.SpecTools.Specs;

/// <summary>JSON pointer helpers: building, splitting, and naming what a pointer designates for a reader.</summary>
public static class Pointers
{
    /// <summary>Appends one (unescaped) segment.</summary>
    public static string Child(string pointer, string segment) => pointer + "/" + SourceMap.Escape(segment);

    /// <summary>Appends an array index.</summary>
    public static string Child(string pointer, int index) => pointer + "/" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The unescaped segments of a pointer.</summary>
    public static string[] Segments(string pointer) =>
        pointer.TrimStart('#').Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Select(s => s.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal))
            .ToArray();

    /// <summary>Whether <paramref name="pointer"/> is <paramref name="ancestor"/> or inside it.</summary>
    public static bool IsWithin(string pointer, string ancestor) =>
        pointer == ancestor || (pointer.StartsWith(ancestor, StringComparison.Ordinal) && pointer.Length > ancestor.Length && pointer[ancestor.Length] == '/');

    /// <summary>
    /// A reader's name for the schema or field at <paramref name="pointer"/>: <c>CreatePollBody.hide_votes</c>,
    /// <c>Poll.options[].text</c>, <c>createPoll request body.question</c>, <c>parameter page_no</c>.
    /// </summary>
    public static string Describe(string pointer, JsonNode root)
    {
        var segments = Segments(pointer);
        var name = new System.Text.StringBuilder();
        var i = 0;
        if (segments.Length >= 3 && segments[0] == "components")
        {
            name.Append(segments[1] switch
            {
                "parameters" => "parameter ",
                "responses" => "response ",
                "requestBodies" => "request body ",
                _ => string.Empty,
            });
            name.Append(segments[2]);
            i = 3;
        }
        else if (segments.Length >= 4 && segments[0] == "paths" && segments[2] == "parameters")
        {
            // A parameter declared on the path item, for every operation of the path.
            var parameter = JsonPointer.Resolve(root, "/paths/" + SourceMap.Escape(segments[1]) + "/parameters/" + segments[3]) as JsonObject;
            name.Append(segments[1]).Append(" parameter ").Append(parameter?["name"]?.ToString() ?? segments[3]);
            i = 4;
        }
        else if (segments.Length >= 3 && segments[0] == "paths")
        {
            var operation = JsonPointer.Resolve(root, "/paths/" + SourceMap.Escape(segments[1]) + "/" + segments[2]) as JsonObject;
            var label = operation?["operationId"] is JsonValue id && id.TryGetValue<string>(out var s)
                ? s
                : segments[2].ToUpperInvariant() + " " + segments[1];
            name.Append(label);
            i = 3;
            if (segments.Length > 4 && segments[3] == "responses")
            {
                name.Append(" response ").Append(segments[4]);
                i = 5;
            }
            else if (segments.Length > 3 && segments[3] == "requestBody")
            {
                name.Append(" request body");
                i = 4;
            }
            else if (segments.Length > 4 && segments[3] == "parameters")
            {
                var parameter = JsonPointer.Resolve(root, "/paths/" + SourceMap.Escape(segments[1]) + "/" + segments[2] + "/parameters/" + segments[4]) as JsonObject;
                name.Append(" parameter ").Append(parameter?["name"]?.ToString() ?? segments[4]);
                i = 5;
            }
        }
        else
        {
            return pointer.Length == 0 ? "the document" : pointer;
        }

        for (; i < segments.Length; i++)
        {
            switch (segments[i])
            {
                case "properties" when i + 1 < segments.Length:
                    name.Append('.').Append(segments[++i]);
                    break;
                case "items":
                    name.Append("[]");
                    break;
                case "additionalProperties":
                    name.Append("{}");
                    break;
                case "allOf" or "oneOf" or "anyOf" when i + 1 < segments.Length:
                    if (segments[i] != "allOf")
                    {
                        name.Append('(').Append(segments[i]).Append(' ').Append(segments[i + 1]).Append(')');
                    }

                    i++;
                    break;
                case "content" when i + 1 < segments.Length:
                    i++; // the media type adds nothing a reader needs in the common single-type case
                    break;
                case "schema":
                    break;
                default:
                    // Attribute keys (type, format, required...) are named by the change itself.
                    i = segments.Length;
                    break;
            }
        }

        return name.ToString();
    }
}
