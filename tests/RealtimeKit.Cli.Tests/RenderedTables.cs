using System.Text.RegularExpressions;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace RealtimeKit.Cli.Tests;

/// <summary>Renders the CLI's tables as a redirected console does and reads their rows back.</summary>
internal static class RenderedTables
{
    public static string Render(IRenderable renderable)
    {
        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Interactive = InteractionSupport.No });
        console.Profile.Width = 400;
        console.Write(renderable);
        return output.ToString();
    }

    /// <summary>The two-column table shows exactly these label/value rows, in this order.</summary>
    public static void AssertFields(IRenderable table, params (string Label, string Value)[] fields)
    {
        var rows = Render(table).Split('\n')
            .Select(line => Regex.Match(line, @"^│ (?<label>.+?) +│ (?<value>.+?) +│$"))
            .Where(m => m.Success)
            .Select(m => (m.Groups["label"].Value, m.Groups["value"].Value))
            .ToArray();
        Assert.Equal(fields, rows);
    }

    /// <summary>One line of the table holds exactly these cells, in order.</summary>
    public static void AssertRow(string rendered, params string[] cells)
    {
        var rows = rendered.Split('\n').Select(line => line.Trim().Trim('│').Split('│').Select(c => c.Trim()).ToArray());
        Assert.Contains(rows, row => row.SequenceEqual(cells.Concat(Enumerable.Repeat(string.Empty, Math.Max(0, row.Length - cells.Length)))));
    }
}
