using RealtimeKit.SpecTools.Drift;
using RealtimeKit.SpecTools.Infrastructure;
using RealtimeKit.SpecTools.Lint;
using RealtimeKit.SpecTools.Mutation;
using RealtimeKit.SpecTools.PublicApi;
using RealtimeKit.SpecTools.Reporting;

namespace RealtimeKit.SpecTools;

/// <summary>The command line: one command per build.cake task, each writing its report under <c>--out</c>.</summary>
public static class Commands
{
    /// <summary>What the tool accepts.</summary>
    public const string Usage = """
        Usage: RealtimeKit.SpecTools <command> [--option value]...
          report      [--repo .] [--base <git ref>] [--spec openapi/realtimekit.yaml] [--configuration Release] [--api build|skip] [--out artifacts]
                      Spec and public API changes since the base (default: the merge base with main), each classified for SDK users,
                      and the version bump they need. Writes spec-report.md, .json and -summary.md. Exit 3: a breaking change without its bump.
          drift       --published <file or URL> [--repo .] [--spec openapi/realtimekit.yaml] [--out artifacts]
                      Differences from Cloudflare's published description on the operations both hold, less deliberate corrections.
                      Writes drift-report.md and drift-report.json.
          lint        [--repo .] [--spectral tests/spectral] [--ruleset tests/spectral/ruleset.yaml] [--spec openapi/realtimekit.yaml]
                      Spectral with the project's ruleset; findings at YAML line and column. Exit 1 on an error-level finding.
          accept-api  [--repo .] [--configuration Release]
                      Records the built public API into PublicAPI.Unshipped.txt (additions, *REMOVED* for removals).
          mutation-shard  --project <folder> --tests <folder> --shard K/N --reports <folder> [--repo .]
                      Prepares part K of N of a project's mutation run: stamps reports/shards/K-of-N with HEAD and the
                      part's files, removes parts of other code or splits. Prints the part's folder, then its files, one a line.
          mutation-score  --reports <folder> [--config stryker-config.json] [--repo .]
                      Merges the parts under reports/shards into the project's score; writes score.md there. Parts of
                      commits that differ only in Markdown, docs/ and test projects the tests do not use merge.
                      Exit 1: below the configuration's break threshold; 3: parts missing, mixed or uncommitted.
        """;

    /// <summary>Runs one command; returns the process exit code (2 for bad usage).</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            await output.WriteLineAsync(Usage).ConfigureAwait(false);
            return args.Length == 0 ? 2 : 0;
        }

        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 1; i < args.Length; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                await error.WriteLineAsync($"error: unexpected argument '{arg}'.\n{Usage}").ConfigureAwait(false);
                return 2;
            }

            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
            {
                options[arg[2..equals]] = arg[(equals + 1)..];
            }
            else if (i + 1 < args.Length)
            {
                options[arg[2..]] = args[++i];
            }
            else
            {
                await error.WriteLineAsync($"error: '{arg}' needs a value.\n{Usage}").ConfigureAwait(false);
                return 2;
            }
        }

        var repo = Path.GetFullPath(options.GetValueOrDefault("repo", "."));
        var spec = options.GetValueOrDefault("spec", "openapi/realtimekit.yaml").Replace('\\', '/');
        var outDirectory = Path.GetFullPath(options.GetValueOrDefault("out", Path.Combine(repo, "artifacts")));
        var configuration = options.GetValueOrDefault("configuration", "Release");
        try
        {
            return args[0] switch
            {
                "report" => await ReportAsync(repo, spec, configuration, options, outDirectory, output, error).ConfigureAwait(false),
                "drift" => await DriftAsync(repo, spec, options, outDirectory, output, error).ConfigureAwait(false),
                "lint" => await LintAsync(repo, spec, options, output, error).ConfigureAwait(false),
                "accept-api" => AcceptApi.Run(repo, configuration, output.WriteLine),
                "mutation-shard" => await MutationShardAsync(repo, options, output, error).ConfigureAwait(false),
                "mutation-score" => await MutationScoreAsync(repo, options, output, error).ConfigureAwait(false),
                _ => await UnknownAsync(args[0], error).ConfigureAwait(false),
            };
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or UnauthorizedAccessException or HttpRequestException or TimeoutException or FormatException)
        {
            await error.WriteLineAsync($"error: {e.Message}").ConfigureAwait(false);
            return 1;
        }
    }

    private static async Task<int> UnknownAsync(string command, TextWriter error)
    {
        await error.WriteLineAsync($"error: unknown command '{command}'.\n{Usage}").ConfigureAwait(false);
        return 2;
    }

    private static async Task<int> ReportAsync(string repo, string spec, string configuration, Dictionary<string, string> options, string outDirectory, TextWriter output, TextWriter error)
    {
        var api = options.GetValueOrDefault("api", "build") switch
        {
            "build" => ApiComparison.Build,
            "skip" => ApiComparison.Skip,
            var other => throw new FormatException($"--api must be build or skip, not '{other}'."),
        };
        var baseReference = options.TryGetValue("base", out var b) && b.Length > 0 ? b : null;
        var report = SpecReport.Create(new SpecReportRequest(repo, baseReference, spec, configuration, api), line => output.WriteLine(line));
        Directory.CreateDirectory(outDirectory);
        await File.WriteAllTextAsync(Path.Combine(outDirectory, "spec-report.md"), SpecReportWriter.Markdown(report)).ConfigureAwait(false);
        await File.WriteAllTextAsync(Path.Combine(outDirectory, "spec-report.json"), SpecReportWriter.Json(report)).ConfigureAwait(false);
        await File.WriteAllTextAsync(Path.Combine(outDirectory, "spec-report-summary.md"), SpecReportWriter.PullRequestSummary(report)).ConfigureAwait(false);
        foreach (var line in SpecReportWriter.ConsoleLines(report))
        {
            await (report.Errors.Contains(line) ? error : output).WriteLineAsync(line).ConfigureAwait(false);
        }

        await output.WriteLineAsync(SpecReportWriter.Summary(report)).ConfigureAwait(false);
        await output.WriteLineAsync($"Written: {Path.Combine(outDirectory, "spec-report.md")} and spec-report.json").ConfigureAwait(false);
        return report.ExitCode;
    }

    private static async Task<int> DriftAsync(string repo, string spec, Dictionary<string, string> options, string outDirectory, TextWriter output, TextWriter error)
    {
        if (!options.TryGetValue("published", out var published))
        {
            await error.WriteLineAsync($"error: drift needs --published <file or URL>.\n{Usage}").ConfigureAwait(false);
            return 2;
        }

        var publishedText = await DriftReport.ReadPublishedAsync(published).ConfigureAwait(false);
        var specText = await File.ReadAllTextAsync(Path.Combine(repo, spec)).ConfigureAwait(false);
        var report = DriftReport.Create(specText, spec, publishedText, published);
        Directory.CreateDirectory(outDirectory);
        await File.WriteAllTextAsync(Path.Combine(outDirectory, "drift-report.md"), report.Markdown()).ConfigureAwait(false);
        await File.WriteAllTextAsync(Path.Combine(outDirectory, "drift-report.json"), report.Json()).ConfigureAwait(false);
        foreach (var line in report.Errors)
        {
            await error.WriteLineAsync(line).ConfigureAwait(false);
        }

        await output.WriteLineAsync(report.Summary()).ConfigureAwait(false);
        await output.WriteLineAsync($"Written: {Path.Combine(outDirectory, "drift-report.md")} and drift-report.json").ConfigureAwait(false);
        return report.ExitCode;
    }

    private static async Task<int> LintAsync(string repo, string spec, Dictionary<string, string> options, TextWriter output, TextWriter error)
    {
        var spectral = Path.Combine(repo, options.GetValueOrDefault("spectral", "tests/spectral"));
        var ruleset = Path.Combine(repo, options.GetValueOrDefault("ruleset", "tests/spectral/ruleset.yaml"));
        var findings = SpectralLint.Run(spectral, ruleset, Path.Combine(repo, spec), spec);
        foreach (var finding in findings)
        {
            await (finding.Severity == "error" ? error : output).WriteLineAsync(finding.ToString()).ConfigureAwait(false);
        }

        await output.WriteLineAsync(SpectralLint.Summary(findings)).ConfigureAwait(false);
        return findings.Any(f => f.Severity == "error") ? 1 : 0;
    }

    private static async Task<int> MutationShardAsync(string repo, Dictionary<string, string> options, TextWriter output, TextWriter error)
    {
        if (!options.TryGetValue("project", out var project) || !options.TryGetValue("tests", out var tests) || !options.TryGetValue("shard", out var shardText) || !options.TryGetValue("reports", out var reports))
        {
            await error.WriteLineAsync($"error: mutation-shard needs --project, --tests, --shard and --reports.\n{Usage}").ConfigureAwait(false);
            return 2;
        }

        var shard = MutationShard.Parse(shardText);
        var (folder, stamp) = ShardRun.Prepare(new GitRepository(repo), Path.GetFullPath(project, repo), tests, shard, Path.GetFullPath(reports, repo), error.WriteLine);
        await output.WriteLineAsync(folder).ConfigureAwait(false);
        foreach (var file in stamp.Files)
        {
            await output.WriteLineAsync(file).ConfigureAwait(false);
        }

        return 0;
    }

    private static async Task<int> MutationScoreAsync(string repo, Dictionary<string, string> options, TextWriter output, TextWriter error)
    {
        if (!options.TryGetValue("reports", out var reports))
        {
            await error.WriteLineAsync($"error: mutation-score needs --reports.\n{Usage}").ConfigureAwait(false);
            return 2;
        }

        var breakAt = options.TryGetValue("config", out var config) ? StrykerConfig.BreakThreshold(await File.ReadAllTextAsync(config).ConfigureAwait(false)) : 0;
        var project = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(reports)));
        var repository = new GitRepository(repo);
        var score = ShardedScore.Load(reports, (a, b) => MeasuredCode.Same(repository, a, b));
        foreach (var problem in score.Problems)
        {
            await error.WriteLineAsync(problem).ConfigureAwait(false);
        }

        var markdown = Path.Combine(reports, "score.md");
        await File.WriteAllTextAsync(markdown, score.Markdown(project, breakAt)).ConfigureAwait(false);
        await output.WriteLineAsync(score.Summary(project, breakAt)).ConfigureAwait(false);
        await output.WriteLineAsync($"Written: {markdown}").ConfigureAwait(false);
        return !score.Complete ? 3 : score.Total.Score >= breakAt ? 0 : 1;
    }
}
