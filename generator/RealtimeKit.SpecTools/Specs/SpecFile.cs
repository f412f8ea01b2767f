using System.Text.Json.Nodes;
using RealtimeKit.Generator.Checking;

namespace RealtimeKit.SpecTools.Specs;

/// <summary>
/// An OpenAPI description read for comparison: its JSON tree, where each value stood in the file, and the file's
/// text (for the comments the drift check reads).
/// </summary>
public sealed class SpecFile
{
    private SpecFile(string displayPath, string text, JsonNode json, SourceMap map)
    {
        DisplayPath = displayPath;
        Text = text;
        Json = json;
        Map = map;
    }

    /// <summary>How reports name the file (a repository-relative path, or what the user gave).</summary>
    public string DisplayPath { get; }

    /// <summary>The file's text.</summary>
    public string Text { get; }

    /// <summary>The description as JSON.</summary>
    public JsonNode Json { get; }

    /// <summary>Line and column of every value.</summary>
    public SourceMap Map { get; }

    /// <summary>A description with no paths, standing in for a spec that did not exist at the base.</summary>
    public static SpecFile Empty(string displayPath) =>
        new(displayPath, string.Empty, new JsonObject { ["openapi"] = "3.0.3", ["paths"] = new JsonObject() }, new SourceMap(displayPath));

    /// <summary>
    /// Reads the project's spec through the generator's check stage (the one the build runs), so a spec the build
    /// refuses is refused here too, with the same located diagnostics (<see cref="Generator.Diagnostics.SpecException"/>).
    /// </summary>
    public static SpecFile LoadChecked(string text, string displayPath)
    {
        var loaded = SpecLoader.Load(text, displayPath);
        return new SpecFile(displayPath, text, loaded.Json, loaded.Map);
    }

    /// <summary>
    /// Reads a description without judging it as OpenAPI (a published description may break rules the project's
    /// spec keeps): JSON with System.Text.Json, anything else as YAML. Values keep their line and column.
    /// </summary>
    public static SpecFile LoadLenient(string text, string displayPath)
    {
        if (text.TrimStart().StartsWith('{'))
        {
            var (json, map) = JsonSourceMap.Parse(text, displayPath);
            return new SpecFile(displayPath, text, json, map);
        }

        var (yamlJson, yamlMap) = YamlToJson.Convert(text, displayPath);
        return new SpecFile(displayPath, text, yamlJson, yamlMap);
    }

    /// <summary>
    /// The node that starts on <paramref name="line"/>: the shortest pointer placed there (for <c>key: value</c> the
    /// key's entry, for <c>- item</c> the item), or null when no node starts on that line.
    /// </summary>
    public string? PointerAtLine(int line)
    {
        _byLine ??= IndexLines();
        return _byLine.GetValueOrDefault(line);
    }

    private Dictionary<int, string>? _byLine;

    private Dictionary<int, string> IndexLines()
    {
        var byLine = new Dictionary<int, string>();
        void Walk(JsonNode? node, string pointer)
        {
            if (Map.Contains(pointer))
            {
                var line = Map.Locate(pointer).Line;
                if (!byLine.TryGetValue(line, out var known) || known.Length > pointer.Length)
                {
                    byLine[line] = pointer;
                }
            }

            switch (node)
            {
                case JsonObject o:
                    foreach (var (key, value) in o)
                    {
                        Walk(value, pointer + "/" + SourceMap.Escape(key));
                    }

                    break;
                case JsonArray a:
                    for (var i = 0; i < a.Count; i++)
                    {
                        Walk(a[i], pointer + "/" + i.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    }

                    break;
            }
        }

        Walk(Json, string.Empty);
        return byLine;
    }

    /// <summary>The value at a JSON pointer, or null.</summary>
    public JsonNode? At(string pointer) => JsonPointer.Resolve(Json, pointer);

    /// <summary>Where the value at <paramref name="pointer"/> stands (its nearest known parent when it does not exist).</summary>
    public SourceLocation Locate(string pointer)
    {
        var (line, column) = Map.Locate(pointer);
        return new SourceLocation(DisplayPath, line, column);
    }
}

/// <summary>A place in a file.</summary>
/// <param name="File">The file, as reports name it.</param>
/// <param name="Line">1-based line.</param>
/// <param name="Column">1-based column.</param>
public readonly record struct SourceLocation(string File, int Line, int Column)
{
    /// <summary>The canonical <c>file(line,col)</c> form that editors and CI annotate.</summary>
    public override string ToString() => $"{File}({Line},{Column})";
}
