using System.Globalization;
using System.Text.Json.Nodes;
using RealtimeKit.SpecTools.Infrastructure;

namespace RealtimeKit.SpecTools.Lint;

/// <summary>One Spectral finding at its YAML line and column.</summary>
/// <param name="File">The spec, as reports name it.</param>
/// <param name="Line">1-based line.</param>
/// <param name="Column">1-based column.</param>
/// <param name="Severity"><c>error</c>, <c>warning</c>, <c>info</c> or <c>hint</c>.</param>
/// <param name="Rule">The rule's name.</param>
/// <param name="Message">What is wrong.</param>
/// <param name="Path">The JSON path Spectral reports.</param>
public sealed record LintFinding(string File, int Line, int Column, string Severity, string Rule, string Message, string Path)
{
    /// <summary>The canonical MSBuild form, which editors and CI place on the line.</summary>
    public override string ToString() =>
        FormattableString.Invariant($"{File}({Line},{Column}): {Severity} {Rule}: {Message}") + (Path.Length > 0 ? $" ({Path})" : string.Empty);
}

/// <summary>
/// Runs Spectral (installed by <c>npm ci</c> from tests/spectral/package-lock.json) with the project's ruleset and
/// turns its JSON output into located findings.
/// </summary>
public static class SpectralLint
{
    /// <summary>Lints <paramref name="spec"/>; <paramref name="spectralDirectory"/> holds package.json and node_modules.</summary>
    public static IReadOnlyList<LintFinding> Run(string spectralDirectory, string ruleset, string spec, string displayPath)
    {
        var cli = Path.Combine(spectralDirectory, "node_modules", "@stoplight", "spectral-cli", "dist", "index.js");
        if (!File.Exists(cli))
        {
            throw new FileNotFoundException($"Spectral is not installed: run `npm ci` in {spectralDirectory} (`dotnet cake --target=InstallLint` does).", cli);
        }

        var output = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"rtk-spectral-{Guid.NewGuid():N}.json");
        try
        {
            var result = ProcessRunner.Run(
                "node",
                [cli, "lint", System.IO.Path.GetFullPath(spec), "--ruleset", System.IO.Path.GetFullPath(ruleset), "--format", "json", "--output", output, "--fail-severity", "error", "--quiet"],
                spectralDirectory,
                TimeSpan.FromMinutes(5),
                new Dictionary<string, string> { ["SCARF_ANALYTICS"] = "false", ["DO_NOT_TRACK"] = "1" });

            // Exit 0: nothing at error level; 1: errors found; anything else: Spectral itself failed.
            if (result.ExitCode > 1 || !File.Exists(output))
            {
                throw new InvalidOperationException($"Spectral failed (exit {result.ExitCode}): {(result.Error + result.Output).Trim()}");
            }

            return Parse(File.ReadAllText(output), displayPath);
        }
        finally
        {
            File.Delete(output);
        }
    }

    /// <summary>Reads Spectral's JSON output (0-based positions) into 1-based findings, in line order.</summary>
    public static IReadOnlyList<LintFinding> Parse(string json, string displayPath)
    {
        var findings = new List<LintFinding>();
        if (JsonNode.Parse(json) is not JsonArray results)
        {
            return findings;
        }

        foreach (var result in results.OfType<JsonObject>())
        {
            var start = result["range"]?["start"];
            var severity = (int?)result["severity"] switch
            {
                0 => "error",
                1 => "warning",
                2 => "info",
                _ => "hint",
            };
            var path = result["path"] is JsonArray segments ? string.Join('.', segments.Select(s => s?.ToString())) : string.Empty;
            findings.Add(new LintFinding(
                displayPath,
                ((int?)start?["line"] ?? 0) + 1,
                ((int?)start?["character"] ?? 0) + 1,
                severity,
                result["code"]?.ToString() ?? "spectral",
                result["message"]?.ToString() ?? string.Empty,
                path));
        }

        return findings.OrderBy(f => f.Line).ThenBy(f => f.Column).ThenBy(f => f.Rule, StringComparer.Ordinal).ToList();
    }

    /// <summary>A one-line count of findings by severity.</summary>
    public static string Summary(IReadOnlyList<LintFinding> findings) =>
        string.Format(CultureInfo.InvariantCulture, "Spec lint: {0} error(s), {1} warning(s), {2} other finding(s).",
            findings.Count(f => f.Severity == "error"), findings.Count(f => f.Severity == "warning"), findings.Count(f => f.Severity is not ("error" or "warning")));
}
