using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using RealtimeKit.SpecTools.Api;
using RealtimeKit.SpecTools.Infrastructure;
using RealtimeKit.SpecTools.Specs;
using RealtimeKit.SpecTools.Versioning;

namespace RealtimeKit.SpecTools.Reporting;

/// <summary>Writes a <see cref="SpecReport"/> as Markdown (for people and pull requests), JSON (for tools) and a console summary.</summary>
public static class SpecReportWriter
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>One paragraph: counts, the bump needed, and whether the version carries it.</summary>
    public static string Summary(SpecReport report)
    {
        if (report.Errors.Count > 0)
        {
            return $"Spec report: cannot compare {report.SpecPath} with {report.BaseReference}: {report.Errors.Count} error(s).";
        }

        var text = new StringBuilder();
        text.Append(CultureText($"Spec report against {report.BaseReference} ({GitRepository.Short(report.BaseCommit!)}): "));
        text.Append(CultureText($"{report.SpecChanges.Count} spec change(s) ({report.Count(Impact.Breaking)} breaking, {report.Count(Impact.Feature)} feature(s), {report.Count(Impact.Fix)} fix(es), {report.Count(Impact.Documentation)} documentation); "));
        text.Append(report.ApiCompared
            ? CultureText($"public API: {report.ApiChanges.Count} change(s) ({report.ApiChanges.Count(c => c.Breaking)} breaking). ")
            : "public API: not compared. ");
        if (report.UnrecordedApiEntries > 0)
        {
            text.Append(CultureText($"{report.UnrecordedApiEntries} public API entr{(report.UnrecordedApiEntries == 1 ? "y is" : "ies are")} not recorded in the PublicAPI files yet (run `dotnet cake --target=AcceptApi` after review). "));
        }

        text.Append(CultureText($"Needs: {Bump(report.RequiredBump)}"));
        if (report.BaseVersion is not null && report.RequiredBump != VersionBump.None)
        {
            text.Append(CultureText($" ({report.BaseVersion} → {report.SuggestedVersion} or later)"));
        }

        text.Append(CultureText($". Version: {report.CurrentVersion?.ToString() ?? "unknown"}"));
        text.Append(report.BreakingWithoutBump
            ? CultureText($" — BREAKING CHANGE WITHOUT A MAJOR BUMP: set <VersionPrefix> in {VersionFile.RelativePath} to {report.SuggestedVersion} or later.")
            : ".");
        return text.ToString();
    }

    /// <summary>The report as Markdown.</summary>
    public static string Markdown(SpecReport report)
    {
        var md = new StringBuilder();
        md.AppendLine("# Spec report").AppendLine();
        md.AppendLine(Summary(report)).AppendLine();
        if (report.Errors.Count > 0)
        {
            md.AppendLine("## The spec cannot be compared").AppendLine();
            md.AppendLine("```");
            foreach (var error in report.Errors)
            {
                md.AppendLine(error);
            }

            md.AppendLine("```");
            return md.ToString();
        }

        md.AppendLine(CultureText($"Base: `{report.BaseReference}` ({GitRepository.Short(report.BaseCommit!)}), version {report.BaseVersion?.ToString() ?? "unknown"}. Now: the work tree, version {report.CurrentVersion?.ToString() ?? "unknown"}."));
        md.AppendLine();
        md.AppendLine(CultureText($"## Spec changes ({report.SpecPath})")).AppendLine();
        if (report.SpecChanges.Count == 0)
        {
            md.AppendLine("None.").AppendLine();
        }
        else
        {
            md.AppendLine("| Impact | Change | Where | Operations | Why |");
            md.AppendLine("|---|---|---|---|---|");
            foreach (var change in report.SpecChanges)
            {
                var where = $"{Line(change.Location)}" + (change.BaseLocation is { } b && IsRemoval(change) ? $" (was {Line(b)})" : string.Empty);
                md.AppendLine(CultureText($"| {ImpactText(change.Classified.Impact, bold: true)} | {Cell(change.Message)} | {where} | {Cell(string.Join(", ", change.Classified.Change.Operations))} | {Cell(change.Classified.Reason)} |"));
            }

            md.AppendLine();
        }

        md.AppendLine("## Public API changes").AppendLine();
        if (report.ApiNote is not null)
        {
            md.AppendLine(report.ApiNote).AppendLine();
        }

        foreach (var group in report.ApiChanges.GroupBy(c => c.Assembly))
        {
            md.AppendLine(CultureText($"### {group.Key} ({group.Count()} change(s), {group.Count(c => c.Breaking)} breaking)")).AppendLine();
            md.AppendLine("```diff");
            foreach (var change in group)
            {
                if (change.Before is not null)
                {
                    md.AppendLine("- " + change.Before);
                }

                if (change.After is not null)
                {
                    md.AppendLine("+ " + change.After);
                }
            }

            md.AppendLine("```").AppendLine();
            var breaking = group.Where(c => c.Breaking).ToList();
            if (breaking.Count > 0)
            {
                md.AppendLine("Breaking:").AppendLine();
                foreach (var change in breaking)
                {
                    md.AppendLine(CultureText($"- `{change.Before ?? change.After}`: {change.Reason}"));
                }

                md.AppendLine();
            }
        }

        md.AppendLine("## Draft CHANGELOG entry").AppendLine();
        md.AppendLine("```markdown");
        md.Append(ChangelogDraft(report));
        md.AppendLine("```");
        return md.ToString();
    }

    /// <summary>
    /// The short form CI posts on a pull request that changes the spec: the summary, the spec changes (at most 50)
    /// and the public API counts; the full report is an artifact.
    /// </summary>
    public static string PullRequestSummary(SpecReport report)
    {
        var md = new StringBuilder();
        md.AppendLine("<!-- realtimekit-spec-report -->");
        md.AppendLine("### Spec report").AppendLine();
        md.AppendLine(Summary(report)).AppendLine();
        foreach (var error in report.Errors)
        {
            md.AppendLine("- `" + error + "`");
        }

        if (report.SpecChanges.Count > 0)
        {
            md.AppendLine("| Impact | Change | Where |");
            md.AppendLine("|---|---|---|");
            foreach (var change in report.SpecChanges.Take(50))
            {
                md.AppendLine(CultureText($"| {ImpactText(change.Classified.Impact, bold: true)} | {Cell(change.Message)} | {Line(change.Location)} |"));
            }

            if (report.SpecChanges.Count > 50)
            {
                md.AppendLine(CultureText($"| | … and {report.SpecChanges.Count - 50} more in the full report | |"));
            }

            md.AppendLine();
        }

        foreach (var group in report.ApiChanges.GroupBy(c => c.Assembly))
        {
            md.AppendLine(CultureText($"- `{group.Key}`: {group.Count(c => c.Kind == ApiChangeKind.Added)} added, {group.Count(c => c.Kind == ApiChangeKind.Removed)} removed, {group.Count(c => c.Kind == ApiChangeKind.Changed)} changed public API entries ({group.Count(c => c.Breaking)} breaking)."));
        }

        // The generated code is not committed, so its public surface is what a reviewer can read of it.
        if (report.ApiChanges.Count is > 0 and <= 100)
        {
            md.AppendLine().AppendLine("<details><summary>Public API diff</summary>").AppendLine().AppendLine("```diff");
            foreach (var change in report.ApiChanges)
            {
                if (change.Before is not null)
                {
                    md.AppendLine(CultureText($"- {change.Before}"));
                }

                if (change.After is not null)
                {
                    md.AppendLine(CultureText($"+ {change.After}"));
                }
            }

            md.AppendLine("```").AppendLine().AppendLine("</details>");
        }

        md.AppendLine().AppendLine("The full report (spec-report.md, spec-report.json) is in the run's `ci-artifacts`.");
        return md.ToString();
    }

    /// <summary>The next CHANGELOG.md entry, drafted from the report, for a person to edit.</summary>
    public static string ChangelogDraft(SpecReport report)
    {
        var md = new StringBuilder();
        var version = report.SuggestedVersion is { } suggested && report.CurrentVersion is { } current && current.CompareTo(suggested) > 0 ? current : report.SuggestedVersion;
        md.AppendLine(CultureText($"## {version?.ToString() ?? "Unreleased"} (unreleased)")).AppendLine();
        void Section(string title, IEnumerable<string> lines)
        {
            var list = lines.ToList();
            if (list.Count == 0)
            {
                return;
            }

            md.AppendLine("### " + title).AppendLine();
            foreach (var line in list)
            {
                md.AppendLine("- " + line);
            }

            md.AppendLine();
        }

        string Entry(ReportedChange c) =>
            c.Message + (c.Classified.Change.Operations.Count > 0 && c.Classified.Change.Kind is not (Comparison.ChangeKind.OperationAdded or Comparison.ChangeKind.OperationRemoved)
                ? $" ({string.Join(", ", c.Classified.Change.Operations)})"
                : string.Empty) + ".";

        Section("Breaking changes", report.SpecChanges.Where(c => c.Classified.Impact == Impact.Breaking).Select(Entry)
            .Concat(report.ApiChanges.Where(c => c.Breaking).Select(c => $"{c.Assembly}: {(c.Kind == ApiChangeKind.Added ? "added" : c.Kind == ApiChangeKind.Removed ? "removed" : "changed")} `{c.Before ?? c.After}`.")));
        Section("Added", report.SpecChanges.Where(c => c.Classified.Impact == Impact.Feature).Select(Entry)
            .Concat(report.ApiChanges.Where(c => !c.Breaking && c.Kind == ApiChangeKind.Added).GroupBy(c => c.Assembly)
                .Select(g => CultureText($"{g.Key}: {g.Count()} new public API member(s)."))));
        Section("Fixed", report.SpecChanges.Where(c => c.Classified.Impact == Impact.Fix).Select(Entry));
        var documentation = report.Count(Impact.Documentation);
        if (documentation > 0)
        {
            Section("Documentation", [CultureText($"{documentation} summary or description change(s) in the generated doc comments.")]);
        }

        if (report.SpecChanges.Count == 0 && report.ApiChanges.Count == 0)
        {
            md.AppendLine("No change to the spec or the public API.").AppendLine();
        }

        return md.ToString();
    }

    /// <summary>The report as JSON, for tools.</summary>
    public static string Json(SpecReport report)
    {
        var json = new JsonObject
        {
            ["base"] = new JsonObject { ["ref"] = report.BaseReference, ["commit"] = report.BaseCommit, ["version"] = report.BaseVersion?.ToString() },
            ["current"] = new JsonObject { ["version"] = report.CurrentVersion?.ToString() },
            ["spec"] = report.SpecPath,
            ["summary"] = new JsonObject
            {
                ["text"] = Summary(report),
                ["specChanges"] = report.SpecChanges.Count,
                ["breaking"] = report.Count(Impact.Breaking),
                ["features"] = report.Count(Impact.Feature),
                ["fixes"] = report.Count(Impact.Fix),
                ["documentation"] = report.Count(Impact.Documentation),
                ["apiCompared"] = report.ApiCompared,
                ["apiChanges"] = report.ApiChanges.Count,
                ["apiBreaking"] = report.ApiChanges.Count(c => c.Breaking),
                ["unrecordedApiEntries"] = report.UnrecordedApiEntries,
                ["requiredBump"] = report.RequiredBump.ToString().ToLowerInvariant(),
                ["suggestedVersion"] = report.SuggestedVersion?.ToString(),
                ["breakingWithoutBump"] = report.BreakingWithoutBump,
            },
            ["errors"] = new JsonArray(report.Errors.Select(e => (JsonNode)JsonValue.Create(e)!).ToArray()),
            ["specChanges"] = new JsonArray(report.SpecChanges.Select(c => (JsonNode)new JsonObject
            {
                ["kind"] = c.Classified.Change.Kind.ToString(),
                ["impact"] = c.Classified.Impact.ToString().ToLowerInvariant(),
                ["direction"] = c.Classified.Change.Direction.ToString().ToLowerInvariant(),
                ["subject"] = c.Classified.Change.Subject,
                ["message"] = c.Message,
                ["reason"] = c.Classified.Reason,
                ["before"] = c.Classified.Change.Before,
                ["after"] = c.Classified.Change.After,
                ["location"] = Location(c.Location),
                ["baseLocation"] = c.BaseLocation is { } b ? Location(b) : null,
                ["operations"] = new JsonArray(c.Classified.Change.Operations.Select(o => (JsonNode)JsonValue.Create(o)!).ToArray()),
            }).ToArray()),
            ["api"] = new JsonObject
            {
                ["compared"] = report.ApiCompared,
                ["note"] = report.ApiNote,
                ["changes"] = new JsonArray(report.ApiChanges.Select(c => (JsonNode)new JsonObject
                {
                    ["assembly"] = c.Assembly,
                    ["kind"] = c.Kind.ToString().ToLowerInvariant(),
                    ["before"] = c.Before,
                    ["after"] = c.After,
                    ["breaking"] = c.Breaking,
                    ["reason"] = c.Reason,
                }).ToArray()),
            },
            ["changelog"] = ChangelogDraft(report),
        };
        return json.ToJsonString(Indented);
    }

    /// <summary>One canonical <c>file(line,col): impact: message</c> line per spec change, for consoles and CI annotations.</summary>
    public static IEnumerable<string> ConsoleLines(SpecReport report) =>
        report.Errors.Concat(report.SpecChanges.Select(c => CultureText($"{c.Location}: {ImpactText(c.Classified.Impact, bold: false)}: {c.Message.Replace("`", string.Empty, StringComparison.Ordinal)}. {c.Classified.Reason}")));

    internal static JsonObject Location(SourceLocation location) =>
        new() { ["file"] = location.File, ["line"] = location.Line, ["column"] = location.Column };

    internal static string Line(SourceLocation location) => CultureText($"{location.File}:{location.Line}");

    internal static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);

    private static bool IsRemoval(ReportedChange change) => change.Classified.Change.Kind.ToString().Contains("Removed", StringComparison.Ordinal)
        || change.Classified.Change.Kind == Comparison.ChangeKind.PropertyRenamed;

    private static string ImpactText(Impact impact, bool bold) => impact switch
    {
        Impact.Breaking => bold ? "**breaking**" : "breaking",
        Impact.Feature => "feature",
        Impact.Fix => "fix",
        _ => "documentation",
    };

    private static string Bump(VersionBump bump) => bump switch
    {
        VersionBump.Major => "a major bump",
        VersionBump.Minor => "a minor bump",
        VersionBump.Patch => "a patch bump",
        _ => "no bump",
    };

    private static string CultureText(FormattableString text) => FormattableString.Invariant(text);
}
