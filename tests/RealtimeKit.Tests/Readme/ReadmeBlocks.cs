using RealtimeKit.TestSupport;

namespace RealtimeKit.Tests.Readme;

/// <summary>
/// Compares a README code block with the code a test runs between <c>// README: name (begin)</c> and
/// <c>// README: name (end)</c> markers, line by line with indentation and blank lines ignored.
/// </summary>
internal static class ReadmeBlocks
{
    /// <summary>The marked code of <paramref name="testFile"/> (a file of this folder).</summary>
    public static string Tested(string testFile, string name)
    {
        var source = File.ReadAllText(Path.Combine(RepoPaths.Root, "tests", "RealtimeKit.Tests", "Readme", testFile));
        var beginMarker = $"// README: {name} (begin)";
        var begin = source.IndexOf(beginMarker, StringComparison.Ordinal);
        var end = source.IndexOf($"// README: {name} (end)", begin + beginMarker.Length, StringComparison.Ordinal);
        Assert.True(begin >= 0 && end > begin, $"{testFile} has no '{name}' markers.");
        return Normalize(source[(source.IndexOf('\n', begin) + 1)..source.LastIndexOf('\n', end)]);
    }

    /// <summary>The README's C# block whose first line is <paramref name="firstLine"/>.</summary>
    public static string Shown(string firstLine)
    {
        var readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md"));
        var opening = "```csharp\n" + firstLine;
        var block = readme.IndexOf(opening, StringComparison.Ordinal);
        Assert.True(block >= 0, $"The README has no C# block starting with '{firstLine}'.");
        var start = block + "```csharp\n".Length;
        return Normalize(readme[start..readme.IndexOf("```", start, StringComparison.Ordinal)]);
    }

    private static string Normalize(string code) =>
        string.Join('\n', code.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0));
}
