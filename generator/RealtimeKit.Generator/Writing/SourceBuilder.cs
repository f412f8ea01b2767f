using System.Text;

namespace RealtimeKit.Generator.Writing;

/// <summary>Indented C# text with <c>\n</c> line endings, so output is the same bytes on every machine.</summary>
internal sealed class SourceBuilder
{
    private readonly StringBuilder _text = new();
    private int _indent;

    public SourceBuilder Line(string line = "")
    {
        if (line.Length > 0)
        {
            _text.Append(' ', _indent * 4);
        }

        _text.Append(line).Append('\n');
        return this;
    }

    public SourceBuilder Open(string line)
    {
        Line(line);
        Line("{");
        _indent++;
        return this;
    }

    public SourceBuilder Close(string suffix = "")
    {
        _indent--;
        return Line("}" + suffix);
    }

    /// <summary>A <c>&lt;summary&gt;</c> (and optional <c>&lt;remarks&gt;</c>) doc comment from spec text.</summary>
    public SourceBuilder Doc(string summary, string? remarks = null)
    {
        Line("/// <summary>");
        foreach (var line in DocText.Lines(summary))
        {
            Line("/// " + line);
        }

        Line("/// </summary>");
        if (!string.IsNullOrWhiteSpace(remarks))
        {
            Line("/// <remarks>");
            foreach (var line in DocText.Lines(remarks))
            {
                Line("/// " + line);
            }

            Line("/// </remarks>");
        }

        return this;
    }

    /// <summary>A one-line <c>&lt;summary&gt;</c> the writer composed itself, already valid XML.</summary>
    public SourceBuilder DocXml(string xml) => Line("/// <summary>").Line("/// " + xml).Line("/// </summary>");

    public override string ToString() => _text.ToString();
}

/// <summary>Spec prose as doc-comment lines: XML-escaped, <c>`code`</c> as <c>&lt;c&gt;</c>, one line per source line.</summary>
internal static class DocText
{
    public static IEnumerable<string> Lines(string text)
    {
        foreach (var raw in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var escaped = System.Security.SecurityElement.Escape(raw.TrimEnd()) ?? string.Empty;
            var parts = escaped.Split('`');
            var result = new StringBuilder();
            for (var i = 0; i < parts.Length; i++)
            {
                // Odd parts sit between backticks; an unmatched trailing backtick stays literal.
                if (i % 2 == 1 && i < parts.Length - 1)
                {
                    result.Append("<c>").Append(parts[i]).Append("</c>");
                }
                else
                {
                    result.Append(i % 2 == 1 ? "`" + parts[i] : parts[i]);
                }
            }

            yield return result.ToString();
        }
    }
}
