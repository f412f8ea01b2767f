using System.Globalization;
using System.Text.Json;

namespace RealtimeKit.SpecTools.Mutation;

/// <summary>How a set of mutants fared, counted as Stryker counts them for its score.</summary>
/// <param name="Killed">A test failed.</param>
/// <param name="Timeout">The tests ran past their time limit (counted as detected).</param>
/// <param name="Survived">Every covering test passed.</param>
/// <param name="NoCoverage">No test ran the mutated code.</param>
public sealed record MutationTally(int Killed, int Timeout, int Survived, int NoCoverage)
{
    /// <summary>Nothing counted.</summary>
    public static MutationTally Empty { get; } = new(0, 0, 0, 0);

    /// <summary>Mutants the score counts (compile errors and ignored ones are not).</summary>
    public int Valid => Killed + Timeout + Survived + NoCoverage;

    /// <summary>Stryker's mutation score, detected over valid, in percent; null when no mutant counts.</summary>
    public double? Score => Valid == 0 ? null : 100.0 * (Killed + Timeout) / Valid;

    /// <summary>Both tallies together.</summary>
    public static MutationTally operator +(MutationTally left, MutationTally right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        return new(left.Killed + right.Killed, left.Timeout + right.Timeout, left.Survived + right.Survived, left.NoCoverage + right.NoCoverage);
    }

    /// <summary>The score as reports print it: <c>85.71%</c>, or <c>n/a</c>.</summary>
    public string ScoreText => Score is { } score ? score.ToString("0.00", CultureInfo.InvariantCulture) + "%" : "n/a";

    /// <summary>
    /// The tally of each file in a Stryker JSON report (mutation-testing-report-schema), keyed by its path relative to
    /// the report's project root, with forward slashes.
    /// </summary>
    /// <exception cref="FormatException">The text is not such a report.</exception>
    public static IReadOnlyDictionary<string, MutationTally> ReadReport(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            var projectRoot = root.TryGetProperty("projectRoot", out var p) && p.ValueKind == JsonValueKind.String ? p.GetString()! : string.Empty;
            if (!root.TryGetProperty("files", out var files) || files.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException("A Stryker report has a 'files' object; this one has none.");
            }

            var tallies = new Dictionary<string, MutationTally>(StringComparer.Ordinal);
            foreach (var file in files.EnumerateObject())
            {
                var tally = Empty;
                foreach (var mutant in file.Value.GetProperty("mutants").EnumerateArray())
                {
                    tally += Of(mutant.GetProperty("status").GetString());
                }

                tallies[RelativePath(projectRoot, file.Name)] = tally;
            }

            return tallies;
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new FormatException($"Not a Stryker JSON report: {e.Message}", e);
        }
    }

    private static MutationTally Of(string? status) => status switch
    {
        "Killed" => new(1, 0, 0, 0),
        "Timeout" => new(0, 1, 0, 0),
        "Survived" => new(0, 0, 1, 0),
        "NoCoverage" => new(0, 0, 0, 1),
        _ => Empty, // CompileError, RuntimeError, Ignored, Pending: not part of the score
    };

    private static string RelativePath(string projectRoot, string path)
    {
        var relative = projectRoot.Length > 0 && Path.IsPathRooted(path) ? Path.GetRelativePath(projectRoot, path) : path;
        return relative.Replace('\\', '/');
    }
}
