using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using RealtimeKit.Generator.Diagnostics;
using RealtimeKit.SpecTools.Comparison;
using RealtimeKit.SpecTools.Reporting;
using RealtimeKit.SpecTools.Specs;

namespace RealtimeKit.SpecTools.Drift;

/// <summary>One difference from the published description, located in both files.</summary>
/// <param name="Change">The difference (old = published, new = the project's spec).</param>
/// <param name="Message">The sentence the report shows.</param>
/// <param name="Location">Where it is in the project's spec.</param>
/// <param name="PublishedLocation">Where it is in the published description, when it exists there.</param>
/// <param name="Marker">The deliberate-correction comment that covers it, if any.</param>
public sealed record DriftItem(SpecChange Change, string Message, SourceLocation Location, SourceLocation? PublishedLocation, CorrectionMarker? Marker);

/// <summary>
/// The project's spec against Cloudflare's published description, on the operations both hold (matched by method
/// and path shape): every difference in operations, parameters, fields, types, formats, required lists, enums and
/// statuses, less those a <c># Differs from the published description:</c> comment marks as deliberate.
/// </summary>
public sealed class DriftReport
{
    /// <summary>The project's spec, as reports name it.</summary>
    public required string SpecPath { get; init; }

    /// <summary>The published description's file or URL.</summary>
    public required string Published { get; init; }

    /// <summary>Why the comparison could not run (at file lines).</summary>
    public IReadOnlyList<string> Errors { get; init; } = [];

    /// <summary>How many operations both describe.</summary>
    public int SharedOperations { get; init; }

    /// <summary>Differences no comment accounts for.</summary>
    public IReadOnlyList<DriftItem> Differences { get; init; } = [];

    /// <summary>Differences a deliberate-correction comment covers.</summary>
    public IReadOnlyList<DriftItem> Corrections { get; init; } = [];

    /// <summary>Markers that cover no difference: about something the check does not compare (tags, lengths, defaults), caught up with, or misplaced.</summary>
    public IReadOnlyList<CorrectionMarker> UnusedMarkers { get; init; } = [];

    /// <summary>1 when a file could not be read, else 0 (differences are reported, not failures).</summary>
    public int ExitCode => Errors.Count > 0 ? 1 : 0;

    /// <summary>Compares <paramref name="specText"/> (the project's spec) with <paramref name="publishedText"/>.</summary>
    public static DriftReport Create(string specText, string specPath, string publishedText, string published)
    {
        SpecFile ours;
        SpecFile theirs;
        try
        {
            ours = SpecFile.LoadChecked(specText, specPath);
            theirs = SpecFile.LoadLenient(publishedText, published);
        }
        catch (SpecException e)
        {
            return new DriftReport { SpecPath = specPath, Published = published, Errors = e.Diagnostics.Select(d => d.ToString()).ToList() };
        }

        var comparison = SpecComparer.Compare(theirs, ours, new ComparisonOptions(DetectRenames: false, CompareDocumentation: false));
        var markers = CorrectionMarkers.Find(specText);
        // Each marker marks the node that starts on its target line.
        var marked = markers
            .Select(m => (Marker: m, Pointer: ours.PointerAtLine(m.TargetLine)!))
            .Where(m => m.Pointer is not null)
            .OrderByDescending(m => m.Pointer.Length)
            .ToList();

        var used = new HashSet<CorrectionMarker>();
        var differences = new List<DriftItem>();
        var corrections = new List<DriftItem>();
        foreach (var change in comparison.Changes)
        {
            var marker = MarkerFor(change, marked, ours);
            var item = new DriftItem(
                change,
                ChangeText.AsDrift(change),
                ours.Locate(change.NewPointer),
                change.OldPointer is null ? null : theirs.Locate(change.OldPointer),
                marker);
            if (marker is null)
            {
                differences.Add(item);
            }
            else
            {
                used.Add(marker);
                corrections.Add(item);
            }
        }

        return new DriftReport
        {
            SpecPath = specPath,
            Published = published,
            SharedOperations = comparison.SharedOperationCount,
            Differences = differences,
            Corrections = corrections,
            UnusedMarkers = markers.Where(m => !used.Contains(m)).ToList(),
        };
    }

    /// <summary>
    /// The marker that makes a difference deliberate. A marker covers what is inside the node it marks and what that
    /// node refers to directly (one <c>$ref</c> away), on every route the comparison reached the difference by; and
    /// something missing from the spec (it has no line) is covered by a marker among the keys of the place it would be in.
    /// </summary>
    private static CorrectionMarker? MarkerFor(SpecChange change, List<(CorrectionMarker Marker, string Pointer)> marked, SpecFile ours)
    {
        if (marked.Count == 0)
        {
            return null;
        }

        if (!ours.Map.Contains(change.NewPointer))
        {
            var container = change.NewPointer;
            while (container.Length > 0 && !ours.Map.Contains(container))
            {
                container = container[..container.LastIndexOf('/')];
            }

            foreach (var (marker, pointer) in marked)
            {
                if (pointer == container || (pointer.LastIndexOf('/') >= 0 && pointer[..pointer.LastIndexOf('/')] == container))
                {
                    return marker;
                }
            }
        }

        CorrectionMarker? first = null;
        foreach (var route in change.Routes)
        {
            var covering = marked.FirstOrDefault(m => Covers(m.Pointer, route)).Marker;
            if (covering is null)
            {
                return null;
            }

            first ??= covering;
        }

        return first;
    }

    private static bool Covers(string markedPointer, IReadOnlyList<string> route)
    {
        // The innermost place of the route inside the marked node, and how many references were followed after it
        // (a step to a place outside the previous one is a $ref followed).
        for (var i = route.Count - 1; i >= 0; i--)
        {
            if (!Pointers.IsWithin(route[i], markedPointer))
            {
                continue;
            }

            var references = 0;
            for (var j = i + 1; j < route.Count; j++)
            {
                if (!Pointers.IsWithin(route[j], route[j - 1]))
                {
                    references++;
                }
            }

            return references <= 1;
        }

        return false;
    }

    /// <summary>Reads the published description from a file or an http(s) URL.</summary>
    public static async Task<string> ReadPublishedAsync(string source, CancellationToken cancellationToken = default)
    {
        if (Uri.TryCreate(source, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp))
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(1) };
            return await http.GetStringAsync(uri, cancellationToken).ConfigureAwait(false);
        }

        return await File.ReadAllTextAsync(source, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>One line of counts.</summary>
    public string Summary()
    {
        if (Errors.Count > 0)
        {
            return $"Drift: cannot compare {SpecPath} with {Published}: {Errors.Count} error(s).";
        }

        var missing = Differences.Count(d => d.Change.Kind == ChangeKind.OperationRemoved);
        var extra = Differences.Count(d => d.Change.Kind == ChangeKind.OperationAdded);
        return FormattableString.Invariant(
            $"Drift against {Published}: {SharedOperations} shared operation(s); {Differences.Count} difference(s) ({missing} published operation(s) missing, {extra} not published, {Differences.Count - missing - extra} in shared operations); {Corrections.Count} deliberate correction(s) marked by {Corrections.Select(c => c.Marker).Distinct().Count()} comment(s); {UnusedMarkers.Count} marker(s) matching no difference.");
    }

    /// <summary>The report as Markdown.</summary>
    public string Markdown()
    {
        var md = new StringBuilder();
        md.AppendLine("# Drift against Cloudflare's published description").AppendLine();
        md.AppendLine(Summary()).AppendLine();
        if (Errors.Count > 0)
        {
            md.AppendLine("```");
            foreach (var error in Errors)
            {
                md.AppendLine(error);
            }

            md.AppendLine("```");
            return md.ToString();
        }

        md.AppendLine("## Differences").AppendLine();
        Table(md, Differences, withMarker: false);
        md.AppendLine("## Deliberate corrections").AppendLine();
        md.AppendLine(FormattableString.Invariant($"Differences covered by a `# {CorrectionMarkers.Prefix}` comment. A comment marks the node on its own line (after a value) or on the next line that is not a comment; it covers the differences inside that node and in what the node refers to directly (a marked parameter list covers its parameters, a marked property the schema it refers to), when every route to the difference passes a marked node; something the spec lacks is covered by a comment among the keys of the place it would be in.")).AppendLine();
        Table(md, Corrections, withMarker: true);
        md.AppendLine("## Markers matching no difference").AppendLine();
        md.AppendLine("About something the drift check does not compare (tags, operationIds, lengths, defaults, examples), a difference the published description no longer has, or a comment on the wrong line.").AppendLine();
        if (UnusedMarkers.Count == 0)
        {
            md.AppendLine("None.").AppendLine();
        }
        else
        {
            foreach (var marker in UnusedMarkers)
            {
                md.AppendLine(FormattableString.Invariant($"- {SpecPath}:{marker.Line} (marks line {marker.TargetLine}): {SpecReportWriter.Cell(marker.Reason)}"));
            }

            md.AppendLine();
        }

        return md.ToString();
    }

    private void Table(StringBuilder md, IReadOnlyList<DriftItem> items, bool withMarker)
    {
        if (items.Count == 0)
        {
            md.AppendLine("None.").AppendLine();
            return;
        }

        md.AppendLine(withMarker ? "| Where | Published | Difference | Operations | Marked at | Reason |" : "| Where | Published | Difference | Operations |");
        md.AppendLine(withMarker ? "|---|---|---|---|---|---|" : "|---|---|---|---|");
        foreach (var item in items)
        {
            var row = FormattableString.Invariant($"| {SpecReportWriter.Line(item.Location)} | {(item.PublishedLocation is { } p ? SpecReportWriter.Line(p) : "—")} | {SpecReportWriter.Cell(item.Message)} | {SpecReportWriter.Cell(string.Join(", ", item.Change.Operations))} |");
            if (withMarker)
            {
                row += FormattableString.Invariant($" {SpecPath}:{item.Marker!.Line} | {SpecReportWriter.Cell(item.Marker.Reason)} |");
            }

            md.AppendLine(row);
        }

        md.AppendLine();
    }

    /// <summary>The report as JSON.</summary>
    public string Json()
    {
        JsonNode Item(DriftItem item) => new JsonObject
        {
            ["kind"] = item.Change.Kind.ToString(),
            ["subject"] = item.Change.Subject,
            ["message"] = item.Message,
            ["location"] = SpecReportWriter.Location(item.Location),
            ["publishedLocation"] = item.PublishedLocation is { } p ? SpecReportWriter.Location(p) : null,
            ["operations"] = new JsonArray(item.Change.Operations.Select(o => (JsonNode)JsonValue.Create(o)!).ToArray()),
            ["marker"] = item.Marker is null ? null : new JsonObject { ["line"] = item.Marker.Line, ["reason"] = item.Marker.Reason },
        };

        return new JsonObject
        {
            ["spec"] = SpecPath,
            ["published"] = Published,
            ["summary"] = Summary(),
            ["errors"] = new JsonArray(Errors.Select(e => (JsonNode)JsonValue.Create(e)!).ToArray()),
            ["sharedOperations"] = SharedOperations,
            ["differences"] = new JsonArray(Differences.Select(Item).ToArray()),
            ["corrections"] = new JsonArray(Corrections.Select(Item).ToArray()),
            ["unusedMarkers"] = new JsonArray(UnusedMarkers.Select(m => (JsonNode)new JsonObject { ["line"] = m.Line, ["targetLine"] = m.TargetLine, ["reason"] = m.Reason }).ToArray()),
        }.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }
}
