using System.Globalization;
using System.Text;
using RealtimeKit.SpecTools.Infrastructure;

namespace RealtimeKit.SpecTools.Mutation;

/// <summary>
/// A project's mutation score put together from the parts of a sharded run (<c>shards/K-of-N/</c> under the project's
/// report folder, each a <see cref="ShardStamp"/> and Stryker's <c>reports/mutation-report.json</c>). Each mutant is
/// tested alone whatever else is mutated, so parts that cover every file of one commit give the whole run's score.
/// </summary>
public sealed class ShardedScore
{
    /// <summary>The report of a part, under its folder.</summary>
    public static readonly string ReportPath = Path.Combine("reports", "mutation-report.json");

    private ShardedScore(int count, IReadOnlyList<string> commits, bool uncommitted, IReadOnlyList<int> present, IReadOnlyList<string> problems, IReadOnlyDictionary<string, MutationTally> files)
    {
        Count = count;
        Commits = commits;
        Uncommitted = uncommitted;
        Present = present;
        Problems = problems;
        Files = files;
    }

    /// <summary>How many parts the project was split into (0 when none was found).</summary>
    public int Count { get; }

    /// <summary>The distinct commits the parts measured (more than one when they differ only in documentation).</summary>
    public IReadOnlyList<string> Commits { get; }

    /// <summary>Whether a part ran with uncommitted changes (its score is not the commit's).</summary>
    public bool Uncommitted { get; }

    /// <summary>The parts with a report, 1-based.</summary>
    public IReadOnlyList<int> Present { get; }

    /// <summary>Why the parts do not add up to a whole run (empty when they do).</summary>
    public IReadOnlyList<string> Problems { get; }

    /// <summary>Each file's tally (project-relative path), from the part that owns it.</summary>
    public IReadOnlyDictionary<string, MutationTally> Files { get; }

    /// <summary>Whether every part, all of the same code and without uncommitted changes, has its report: the score is the project's.</summary>
    public bool Complete => Problems.Count == 0;

    /// <summary>All files together.</summary>
    public MutationTally Total => Files.Values.Aggregate(MutationTally.Empty, (sum, tally) => sum + tally);

    /// <summary>Reads the parts under <paramref name="projectReports"/>/shards.</summary>
    /// <param name="projectReports">The project's report folder.</param>
    /// <param name="sameCode">Whether two parts measured the same code (by default: whether their commits are the same).</param>
    public static ShardedScore Load(string projectReports, Func<ShardStamp, ShardStamp, bool>? sameCode = null)
    {
        sameCode ??= (a, b) => string.Equals(a.Commit, b.Commit, StringComparison.Ordinal);
        var problems = new List<string>();
        var shardsFolder = Path.Combine(projectReports, "shards");
        var parts = Directory.Exists(shardsFolder)
            ? Directory.GetDirectories(shardsFolder).Where(d => File.Exists(Path.Combine(d, ShardStamp.FileName))).Order(StringComparer.Ordinal).ToList()
            : [];
        if (parts.Count == 0)
        {
            return new ShardedScore(0, [], false, [], [$"No part of a sharded run under {shardsFolder}."], new Dictionary<string, MutationTally>());
        }

        var stamps = parts.Select(d => (Folder: d, Stamp: ShardStamp.Parse(File.ReadAllText(Path.Combine(d, ShardStamp.FileName)), Path.Combine(d, ShardStamp.FileName)))).ToList();
        var shards = stamps.Select(s => (s.Folder, s.Stamp, Shard: MutationShard.Parse(s.Stamp.Shard))).ToList();
        var counts = shards.Select(s => s.Shard.Count).Distinct().ToList();
        var commits = shards.Select(s => s.Stamp.Commit).Distinct(StringComparer.Ordinal).ToList();
        if (counts.Count > 1)
        {
            problems.Add($"Parts of different splits: {string.Join(", ", shards.Select(s => s.Shard.ToString()))}.");
        }

        if (shards.Skip(1).Any(s => !sameCode(shards[0].Stamp, s.Stamp)))
        {
            problems.Add($"Parts of different code: {string.Join(", ", shards.Select(s => $"{s.Shard} on {GitRepository.Short(s.Stamp.Commit)}"))}; rerun the older parts.");
        }

        var uncommitted = shards.Where(s => s.Stamp.Uncommitted).Select(s => s.Shard.ToString()).ToList();
        if (uncommitted.Count > 0)
        {
            problems.Add($"Parts {string.Join(", ", uncommitted)} ran with uncommitted changes: their score is not the commit's.");
        }

        var files = new Dictionary<string, MutationTally>(StringComparer.Ordinal);
        var present = new List<int>();
        foreach (var (folder, stamp, shard) in shards)
        {
            var report = Path.Combine(folder, ReportPath);
            if (!File.Exists(report))
            {
                problems.Add($"Part {shard} has no report yet ({report}): it is running, or it stopped before the end.");
                continue;
            }

            present.Add(shard.Index);
            var tallies = MutationTally.ReadReport(File.ReadAllText(report));
            foreach (var file in stamp.Files)
            {
                if (!files.TryAdd(file, tallies.GetValueOrDefault(file, MutationTally.Empty)))
                {
                    problems.Add($"{file} is in more than one part.");
                }
            }
        }

        var count = counts.Max();
        var missing = Enumerable.Range(1, count).Except(shards.Select(s => s.Shard.Index)).ToList();
        if (missing.Count > 0)
        {
            problems.Add($"Parts not run: {string.Join(", ", missing.Select(i => FormattableString.Invariant($"{i}/{count}")))}.");
        }

        return new ShardedScore(count, commits, uncommitted.Count > 0, present.Order().ToList(), problems, files);
    }

    /// <summary>One line: the score, what it covers, and whether it is the project's.</summary>
    public string Summary(string project, double breakAt)
    {
        var total = Total;
        var what = FormattableString.Invariant($"{project}: {total.ScoreText} over {Present.Count} of {Count} part(s) (killed {total.Killed}, timeout {total.Timeout}, survived {total.Survived}, no coverage {total.NoCoverage})");
        var commit = Commits.Count == 0 ? string.Empty : $" on {string.Join(" and ", Commits.Select(GitRepository.Short))}";
        if (!Complete)
        {
            return $"{what}{commit}: not yet the project's score.";
        }

        return total.Score >= breakAt
            ? FormattableString.Invariant($"{what}{commit}: at or above the break threshold {breakAt}%.")
            : FormattableString.Invariant($"{what}{commit}: BELOW the break threshold {breakAt}%.");
    }

    /// <summary>The merged score as Markdown: the summary, any problems, and each file's tally.</summary>
    public string Markdown(string project, double breakAt)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"# Mutation score of {project}, from a sharded run\n\n{Summary(project, breakAt)}\n\n");
        foreach (var problem in Problems)
        {
            text.Append(CultureInfo.InvariantCulture, $"- {problem}\n");
        }

        text.Append("\n| File | Score | Killed | Timeout | Survived | No coverage |\n|---|---:|---:|---:|---:|---:|\n");
        foreach (var (file, tally) in Files.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            text.Append(CultureInfo.InvariantCulture, $"| {file} | {tally.ScoreText} | {tally.Killed} | {tally.Timeout} | {tally.Survived} | {tally.NoCoverage} |\n");
        }

        var total = Total;
        text.Append(CultureInfo.InvariantCulture, $"| **All files** | **{total.ScoreText}** | {total.Killed} | {total.Timeout} | {total.Survived} | {total.NoCoverage} |\n");
        return text.ToString();
    }
}
