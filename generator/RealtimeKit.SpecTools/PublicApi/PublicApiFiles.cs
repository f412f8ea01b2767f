using System.Text.Json.Nodes;

namespace RealtimeKit.SpecTools.PublicApi;

/// <summary>An RS0016 (undeclared public symbol) or RS0017 (declared symbol gone) diagnostic, as the compiler logged it.</summary>
/// <param name="Rule"><c>RS0016</c> or <c>RS0017</c>.</param>
/// <param name="ApiName">The symbol in PublicAPI.txt form.</param>
/// <param name="SiblingsToRemove">Entries the analyzer's own fix removes along with adding this one (an overload that replaced them).</param>
public sealed record PublicApiDiagnostic(string Rule, string ApiName, IReadOnlyList<string> SiblingsToRemove);

/// <summary>What accepting changed in one project.</summary>
/// <param name="Project">The project folder.</param>
/// <param name="Added">Entries added to PublicAPI.Unshipped.txt.</param>
/// <param name="Removed">Entries marked <c>*REMOVED*</c> (shipped) or dropped (unshipped).</param>
public sealed record AcceptResult(string Project, IReadOnlyList<string> Added, IReadOnlyList<string> Removed)
{
    /// <summary>How many entries changed.</summary>
    public int Count => Added.Count + Removed.Count;
}

/// <summary>
/// Records the public API the compiler saw into PublicAPI.Unshipped.txt, from the SARIF log the build writes for
/// every project with PublicAPI files (Directory.Build.targets). The log carries each symbol exactly as the analyzer
/// wants it written (its <c>APIName</c> property), so nothing is parsed out of console text.
/// </summary>
public static class PublicApiFiles
{
    /// <summary>The SARIF log's file name, under obj/&lt;configuration&gt;/&lt;framework&gt;/.</summary>
    public const string LogFileName = "public-api.sarif";

    private const string Removed = "*REMOVED*";

    /// <summary>The RS0016 and RS0017 diagnostics of one SARIF 2.1 log.</summary>
    public static IReadOnlyList<PublicApiDiagnostic> ReadLog(string sarifText)
    {
        var diagnostics = new List<PublicApiDiagnostic>();
        if (JsonNode.Parse(sarifText)?["runs"] is not JsonArray runs)
        {
            return diagnostics;
        }

        foreach (var result in runs.SelectMany(r => r?["results"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var rule = result["ruleId"]?.ToString();
            if (rule is not ("RS0016" or "RS0017"))
            {
                continue;
            }

            var properties = result["properties"]?["customProperties"];
            var name = properties?["APIName"]?.ToString() ?? SymbolFromMessage(result["message"]?["text"]?.ToString());
            if (string.IsNullOrEmpty(name))
            {
                continue;
            }

            var siblings = (properties?["ApiNamesOfSiblingsToRemove"]?.ToString() ?? string.Empty)
                .Split(";;", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            diagnostics.Add(new PublicApiDiagnostic(rule, name, siblings));
        }

        return diagnostics;
    }

    /// <summary>The logs of a project: one per target framework the project was compiled for.</summary>
    public static IReadOnlyList<string> FindLogs(string projectDirectory, string configuration)
    {
        var obj = Path.Combine(projectDirectory, "obj", configuration);
        return Directory.Exists(obj)
            ? Directory.EnumerateFiles(obj, LogFileName, SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList()
            : [];
    }

    /// <summary>
    /// Applies diagnostics to the project's PublicAPI files: an undeclared symbol is added to Unshipped (or its
    /// <c>*REMOVED*</c> line dropped if it came back); a vanished symbol is dropped from Unshipped if it was only
    /// declared there, else marked <c>*REMOVED*</c>. Shipped is never edited: moving entries to it is a release step.
    /// </summary>
    public static AcceptResult Accept(string projectDirectory, IEnumerable<PublicApiDiagnostic> diagnostics)
    {
        var shippedPath = Path.Combine(projectDirectory, "PublicAPI.Shipped.txt");
        var unshippedPath = Path.Combine(projectDirectory, "PublicAPI.Unshipped.txt");
        var shipped = File.Exists(shippedPath) ? Entries(File.ReadAllLines(shippedPath)).ToHashSet(StringComparer.Ordinal) : [];
        var lines = File.Exists(unshippedPath) ? File.ReadAllLines(unshippedPath).ToList() : ["#nullable enable"];
        var header = lines.Where(l => l.StartsWith('#')).ToList();
        if (header.Count == 0)
        {
            header.Add("#nullable enable");
        }

        var entries = new SortedSet<string>(Entries(lines), StringComparer.Ordinal);
        var added = new List<string>();
        var removed = new List<string>();

        void Remove(string symbol)
        {
            if (entries.Remove(symbol))
            {
                removed.Add(symbol);
            }
            else if (shipped.Contains(symbol) && entries.Add(Removed + symbol))
            {
                removed.Add(symbol);
            }
        }

        foreach (var diagnostic in diagnostics)
        {
            if (diagnostic.Rule == "RS0017")
            {
                Remove(diagnostic.ApiName);
                continue;
            }

            foreach (var sibling in diagnostic.SiblingsToRemove)
            {
                Remove(sibling);
            }

            if (entries.Remove(Removed + diagnostic.ApiName) || entries.Add(diagnostic.ApiName))
            {
                added.Add(diagnostic.ApiName);
            }
        }

        if (added.Count + removed.Count > 0)
        {
            File.WriteAllText(unshippedPath, string.Join("\n", header.Concat(entries)) + "\n");
        }

        return new AcceptResult(projectDirectory, added.Distinct(StringComparer.Ordinal).ToList(), removed.Distinct(StringComparer.Ordinal).ToList());
    }

    private static IEnumerable<string> Entries(IEnumerable<string> lines) =>
        lines.Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0 && !l.StartsWith('#'));

    private static string? SymbolFromMessage(string? message)
    {
        // "Symbol 'X' is not part of the declared public API" / "Symbol 'X' is part of the declared API, but ..."
        if (message is null || !message.StartsWith("Symbol '", StringComparison.Ordinal))
        {
            return null;
        }

        var end = message.IndexOf("' is ", StringComparison.Ordinal);
        return end > 8 ? message[8..end] : null;
    }
}
