using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using RealtimeKit.Generator.Checking;
using RealtimeKit.Generator.Diagnostics;

namespace RealtimeKit.SpecTools.Specs;

/// <summary>
/// Parses JSON text into a tree and a <see cref="SourceMap"/> (as <see cref="YamlToJson"/> does for YAML): a property
/// stands where its key is written, an array item where its value starts.
/// </summary>
internal static class JsonSourceMap
{
    public static (JsonNode Json, SourceMap Map) Parse(string text, string file)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        JsonNode json;
        try
        {
            json = JsonNode.Parse(bytes, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip })
                ?? throw new SpecException(new SpecDiagnostic(DiagnosticCodes.YamlSyntax, "The document is empty.", file, 1, 1));
        }
        catch (JsonException e)
        {
            throw new SpecException(new SpecDiagnostic(DiagnosticCodes.YamlSyntax, e.Message, file, (int)(e.LineNumber ?? 0) + 1, (int)(e.BytePositionInLine ?? 0) + 1));
        }
        catch (ArgumentException e)
        {
            // A duplicate property name.
            throw new SpecException(new SpecDiagnostic(DiagnosticCodes.YamlSyntax, e.Message, file, 1, 1));
        }

        var lineStarts = new List<int> { 0 };
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                lineStarts.Add(i + 1);
            }
        }

        (int Line, int Column) Position(long offset)
        {
            var index = lineStarts.BinarySearch((int)offset);
            var line = index >= 0 ? index : ~index - 1;
            return (line + 1, (int)offset - lineStarts[line] + 1);
        }

        var map = new SourceMap(file);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        // Each open container: its pointer, and for arrays the next index (-1 for objects).
        var stack = new Stack<(string Pointer, int NextIndex)>();
        string? pendingProperty = null;
        while (reader.Read())
        {
            var (line, column) = Position(reader.TokenStartIndex);
            if (reader.TokenType == JsonTokenType.PropertyName)
            {
                pendingProperty = stack.Peek().Pointer + "/" + SourceMap.Escape(reader.GetString()!);
                map.Add(pendingProperty, line, column);
                continue;
            }

            if (reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray)
            {
                stack.Pop();
                continue;
            }

            string pointer;
            if (stack.Count == 0)
            {
                pointer = string.Empty;
                map.Add(pointer, line, column);
            }
            else if (stack.Peek().NextIndex >= 0)
            {
                var (parent, index) = stack.Pop();
                stack.Push((parent, index + 1));
                pointer = parent + "/" + index.ToString(CultureInfo.InvariantCulture);
                map.Add(pointer, line, column);
            }
            else
            {
                pointer = pendingProperty!;
            }

            if (reader.TokenType == JsonTokenType.StartObject)
            {
                stack.Push((pointer, -1));
            }
            else if (reader.TokenType == JsonTokenType.StartArray)
            {
                stack.Push((pointer, 0));
            }
        }

        return (json, map);
    }
}
