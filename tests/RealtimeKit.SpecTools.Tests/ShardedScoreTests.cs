using System.Text.Json.Nodes;
using RealtimeKit.SpecTools.Mutation;
using RealtimeKit.TestSupport;

namespace RealtimeKit.SpecTools.Tests;

/// <summary>Stryker's reports read and counted, and the parts of a sharded run merged into one score.</summary>
public sealed class ShardedScoreTests : IDisposable
{
    private const string Commit = "0123456789abcdef0123456789abcdef01234567";
    private const string Tests = "tests/RealtimeKit.SpecTools.Tests";
    private readonly string _reports = Directory.CreateTempSubdirectory("rtk-shards-").FullName;

    public void Dispose() => Directory.Delete(_reports, recursive: true);

    // A Stryker report of /p with each file's mutant statuses.
    private static string Report(params (string File, string[] Statuses)[] files)
    {
        var fileNodes = new JsonObject();
        foreach (var (file, statuses) in files)
        {
            var mutants = new JsonArray(statuses.Select((s, i) => (JsonNode)new JsonObject { ["id"] = i.ToString(System.Globalization.CultureInfo.InvariantCulture), ["status"] = s }).ToArray());
            fileNodes["/p/" + file] = new JsonObject { ["language"] = "cs", ["mutants"] = mutants };
        }

        return new JsonObject { ["schemaVersion"] = "2", ["projectRoot"] = "/p", ["files"] = fileNodes }.ToJsonString();
    }

    private void Part(string shard, string[] files, string? report, string commit = Commit, bool uncommitted = false)
    {
        var folder = Path.Combine(_reports, "shards", MutationShard.Parse(shard).FolderName);
        Directory.CreateDirectory(Path.Combine(folder, "reports"));
        File.WriteAllText(Path.Combine(folder, ShardStamp.FileName), new ShardStamp(shard, commit, uncommitted, files, "tests/X.Tests").ToJson());
        if (report is not null)
        {
            File.WriteAllText(Path.Combine(folder, ShardedScore.ReportPath), report);
        }
    }

    private static readonly string[] All = ["Killed", "Killed", "Killed", "Timeout", "Survived", "NoCoverage", "CompileError", "Ignored", "RuntimeError", "Pending"];

    [Fact]
    public void A_report_is_counted_per_file_as_stryker_scores_it()
    {
        var tallies = MutationTally.ReadReport(Report(("Api/A.cs", All), ("B.cs", [])));

        Assert.Equal(new MutationTally(3, 1, 1, 1), tallies["Api/A.cs"]);
        Assert.Equal(6, tallies["Api/A.cs"].Valid);
        Assert.Equal("66.67%", tallies["Api/A.cs"].ScoreText);
        Assert.Equal(MutationTally.Empty, tallies["B.cs"]);
        Assert.Null(tallies["B.cs"].Score);
        Assert.Equal("n/a", tallies["B.cs"].ScoreText);
        Assert.Equal(new MutationTally(6, 2, 2, 2), tallies["Api/A.cs"] + tallies["Api/A.cs"]);
        Assert.Equal(100.0, new MutationTally(0, 2, 0, 0).Score);
        Assert.Equal(0.0, new MutationTally(0, 0, 0, 2).Score);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{}")]
    [InlineData("""{"files": []}""")]
    [InlineData("""{"files": {"/p/A.cs": {}}}""")]
    [InlineData("""{"files": {"/p/A.cs": {"mutants": [{"id": "1"}]}}}""")]
    public void Something_else_is_not_a_report(string json)
    {
        var refused = Assert.Throws<FormatException>(() => MutationTally.ReadReport(json));

        Assert.Contains("Stryker", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_break_threshold_is_read_from_a_configuration_with_comments()
    {
        Assert.Equal(80, StrykerConfig.BreakThreshold("""
            // why
            { "stryker-config": { "thresholds": { "high": 85, "low": 80, "break": 80 }, } }
            """));
        Assert.Equal(0, StrykerConfig.BreakThreshold("""{ "stryker-config": { "thresholds": { "high": 85 } } }"""));
        Assert.Equal(0, StrykerConfig.BreakThreshold("{}"));
        Assert.Throws<FormatException>(() => StrykerConfig.BreakThreshold("{ stryker"));
        Assert.Throws<FormatException>(() => StrykerConfig.BreakThreshold("""{ "stryker-config": { "thresholds": { "break": "high" } } }"""));
    }

    [Fact]
    public void Complete_parts_of_one_commit_add_up_each_file_taken_from_the_part_that_owns_it()
    {
        // Each part's report also lists the other part's file, with its mutants ignored: only the owner's count.
        Part("1/2", ["A.cs"], Report(("A.cs", ["Killed", "Killed", "Survived"]), ("Sub/B.cs", ["Ignored"])));
        Part("2/2", ["Sub/B.cs"], Report(("A.cs", ["Ignored", "Ignored"]), ("Sub/B.cs", ["Killed", "Timeout", "NoCoverage", "CompileError"])));

        var score = ShardedScore.Load(_reports);

        Assert.True(score.Complete, string.Join("\n", score.Problems));
        Assert.Equal(2, score.Count);
        Assert.Equal([Commit], score.Commits);
        Assert.False(score.Uncommitted);
        Assert.Equal([1, 2], score.Present);
        Assert.Equal(new MutationTally(2, 0, 1, 0), score.Files["A.cs"]);
        Assert.Equal(new MutationTally(1, 1, 0, 1), score.Files["Sub/B.cs"]);
        Assert.Equal(new MutationTally(3, 1, 1, 1), score.Total);
        Assert.Equal("emulator: 66.67% over 2 of 2 part(s) (killed 3, timeout 1, survived 1, no coverage 1) on 0123456789: BELOW the break threshold 80%.", score.Summary("emulator", 80));
        Assert.EndsWith(": at or above the break threshold 60%.", score.Summary("emulator", 60), StringComparison.Ordinal);
        var markdown = score.Markdown("emulator", 80);
        Assert.Contains("| A.cs | 66.67% | 2 | 0 | 1 | 0 |\n| Sub/B.cs | 66.67% | 1 | 1 | 0 | 1 |\n| **All files** | **66.67%** | 3 | 1 | 1 | 1 |\n", markdown, StringComparison.Ordinal);
        Assert.StartsWith("# Mutation score of emulator, from a sharded run\n\nemulator: 66.67%", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void A_part_not_run_or_still_running_leaves_the_score_incomplete_and_says_which()
    {
        Part("1/3", ["A.cs"], Report(("A.cs", ["Killed"])));
        Part("3/3", ["C.cs"], report: null);

        var score = ShardedScore.Load(_reports);

        Assert.False(score.Complete);
        Assert.Equal([1], score.Present);
        Assert.Contains(score.Problems, p => p.StartsWith("Part 3/3 has no report yet", StringComparison.Ordinal));
        Assert.Contains("Parts not run: 2/3.", score.Problems);
        Assert.Equal("emulator: 100.00% over 1 of 3 part(s) (killed 1, timeout 0, survived 0, no coverage 0) on 0123456789: not yet the project's score.", score.Summary("emulator", 80));
        Assert.Contains("- Parts not run: 2/3.\n", score.Markdown("emulator", 80), StringComparison.Ordinal);
    }

    [Fact]
    public void Parts_of_different_commits_or_splits_or_with_uncommitted_changes_are_not_a_score()
    {
        Part("1/2", ["A.cs"], Report(("A.cs", ["Killed"])));
        Part("2/2", ["B.cs"], Report(("B.cs", ["Killed"])), commit: "fedcba9876543210fedcba9876543210fedcba98", uncommitted: true);
        Part("1/3", ["A.cs"], Report(("A.cs", ["Killed"])));

        var score = ShardedScore.Load(_reports);

        Assert.False(score.Complete);
        Assert.Equal([Commit, "fedcba9876543210fedcba9876543210fedcba98"], score.Commits);
        Assert.True(score.Uncommitted);
        Assert.Contains("Parts of different splits: 1/2, 1/3, 2/2.", score.Problems);
        Assert.Contains("Parts of different code: 1/2 on 0123456789, 1/3 on 0123456789, 2/2 on fedcba9876; rerun the older parts.", score.Problems);
        Assert.Contains("Parts 2/2 ran with uncommitted changes: their score is not the commit's.", score.Problems);
        Assert.Contains("A.cs is in more than one part.", score.Problems);
    }

    [Fact]
    public void Parts_of_commits_that_hold_the_same_code_merge()
    {
        const string Later = "fedcba9876543210fedcba9876543210fedcba98";
        Part("1/2", ["A.cs"], Report(("A.cs", ["Killed"])));
        Part("2/2", ["B.cs"], Report(("B.cs", ["Survived"])), commit: Later);

        var strict = ShardedScore.Load(_reports);
        var lenient = ShardedScore.Load(_reports, (a, b) => (a.Commit, b.Commit) is (Commit, Later) or (Later, Commit));

        Assert.False(strict.Complete);
        Assert.True(lenient.Complete, string.Join("\n", lenient.Problems));
        Assert.Equal("emulator: 50.00% over 2 of 2 part(s) (killed 1, timeout 0, survived 1, no coverage 0) on 0123456789 and fedcba9876: BELOW the break threshold 80%.", lenient.Summary("emulator", 80));
    }

    [Fact]
    public void Commits_that_differ_only_in_documentation_or_tests_the_project_does_not_use_hold_the_same_code()
    {
        // A repository of its own: src/, tests/A.Tests (which uses tests/Support) and tests/B.Tests.
        var root = Path.Combine(_reports, "repo");
        Write(root, "src/Code.cs", "class Code {}");
        Write(root, "tests/A.Tests/A.Tests.csproj", """<Project><ItemGroup><ProjectReference Include="..\Support\Support.csproj" /></ItemGroup></Project>""");
        Write(root, "tests/Support/Support.csproj", "<Project />");
        Write(root, "tests/B.Tests/B.Tests.csproj", "<Project />");
        var repository = new Infrastructure.GitRepository(root);
        var forA = MeasuredCode.Ignored(root, "tests/A.Tests");
        var forB = MeasuredCode.Ignored(root, "tests/B.Tests/");
        var first = CommitAll(root, "first");
        var readme = CommitAll(root, "README.md", "# Notes");
        var docs = CommitAll(root, "docs/guide.txt", "how to");
        var bTest = CommitAll(root, "tests/B.Tests/BTests.cs", "class BTests {}");
        var support = CommitAll(root, "tests/Support/Helper.cs", "class Helper {}");
        var code = CommitAll(root, "src/Code.cs", "class Code { int x; }");

        Assert.Equal([":(exclude)*.md", ":(exclude)docs/", ":(exclude)tests/B.Tests/"], forA);
        Assert.Equal([":(exclude)*.md", ":(exclude)docs/", ":(exclude)tests/A.Tests/", ":(exclude)tests/Support/"], forB);
        Assert.True(repository.SameCode(first, docs, forA));
        Assert.True(repository.SameCode(readme, bTest, forA));   // B's tests do not change what A's tests measure
        Assert.False(repository.SameCode(readme, bTest, forB));  // but they do for B
        Assert.False(repository.SameCode(bTest, support, forA)); // A uses Support
        Assert.True(repository.SameCode(bTest, support, forB));
        Assert.False(repository.SameCode(support, code, forB));
        Assert.False(repository.SameCode("no-such-commit", code, forA));
        Assert.True(repository.SameCode(code, code, []));
        Assert.False(repository.HasUncommittedChanges(forA));
        File.WriteAllText(Path.Combine(root, "README.md"), "# Edited");
        File.WriteAllText(Path.Combine(root, "tests/B.Tests/BTests.cs"), "class BTests { }");
        Assert.False(repository.HasUncommittedChanges(forA));
        Assert.True(repository.HasUncommittedChanges(forB));
        Assert.Throws<DirectoryNotFoundException>(() => MeasuredCode.Ignored(root, "tests/NoSuch.Tests"));
    }

    private static void Write(string root, string path, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(root, path))!);
        File.WriteAllText(Path.Combine(root, path), text);
    }

    // Commits the work tree (after writing the file, when given) and returns the commit id.
    private static string CommitAll(string root, string path, string? text = null)
    {
        if (text is not null)
        {
            Write(root, path, text);
        }

        foreach (var command in new[] { new[] { "init", "-q" }, ["add", "-A"], ["commit", "-q", "-m", path] })
        {
            var run = Infrastructure.ProcessRunner.Run("git", ["-c", "user.name=T", "-c", "user.email=t@example.test", "-c", "commit.gpgsign=false", .. command], root);
            Assert.True(run.ExitCode == 0, run.Error);
        }

        return new Infrastructure.GitRepository(root).ResolveCommit("HEAD")!;
    }

    [Fact]
    public void No_parts_at_all_is_said_plainly()
    {
        var score = ShardedScore.Load(_reports);

        Assert.False(score.Complete);
        Assert.Equal(0, score.Count);
        Assert.Equal(MutationTally.Empty, score.Total);
        Assert.Equal($"No part of a sharded run under {Path.Combine(_reports, "shards")}.", Assert.Single(score.Problems));
    }

    [Fact]
    public void The_score_command_exits_0_at_or_above_the_break_1_below_it_and_3_when_parts_are_missing()
    {
        var config = Path.Combine(_reports, "stryker-config.json");
        File.WriteAllText(config, """{ "stryker-config": { "thresholds": { "break": 75 } } }""");
        Part("1/2", ["A.cs"], Report(("A.cs", ["Killed", "Killed", "Killed", "Survived"])));

        Assert.Equal(3, Run("mutation-score", "--reports", _reports, "--config", config).Exit);

        Part("2/2", ["B.cs"], Report(("B.cs", ["Killed", "Killed", "Killed", "Killed"])));
        var (passed, output) = Run("mutation-score", "--reports", _reports, "--config", config);
        Assert.Equal(0, passed);
        Assert.Contains("87.50% over 2 of 2 part(s)", output, StringComparison.Ordinal);
        Assert.Contains("| **All files** | **87.50%** |", File.ReadAllText(Path.Combine(_reports, "score.md")), StringComparison.Ordinal);

        File.WriteAllText(config, """{ "stryker-config": { "thresholds": { "break": 90 } } }""");
        Assert.Equal(1, Run("mutation-score", "--reports", _reports, "--config", config).Exit);
        Assert.Equal(2, Run("mutation-score").Exit);
    }

    [Fact]
    public void A_part_is_prepared_with_its_files_and_head_and_parts_it_cannot_merge_with_are_removed()
    {
        var project = Path.Combine(RepoPaths.Root, "generator", "RealtimeKit.SpecTools");
        var head = new Infrastructure.GitRepository(RepoPaths.Root).ResolveCommit("HEAD")!;
        Part("1/2", ["Old.cs"], Report(), commit: "fedcba9876543210fedcba9876543210fedcba98");
        Directory.CreateDirectory(Path.Combine(_reports, "shards", "no-stamp"));

        var (exit, output) = Run("mutation-shard", "--repo", RepoPaths.Root, "--project", project, "--tests", Tests, "--shard", "2/2", "--reports", _reports);

        Assert.Equal(0, exit);
        Assert.Contains($"Removing {Path.Combine(_reports, "shards", "1-of-2")}: part 1/2 of commit fedcba9876, which cannot be merged with part 2/2 of {head[..10]}.", output, StringComparison.Ordinal);
        var folder = Path.Combine(_reports, "shards", "2-of-2");
        Assert.Contains($"Removing {Path.Combine(_reports, "shards", "no-stamp")}: no stamp, which", output, StringComparison.Ordinal);
        Assert.Equal(["2-of-2"], Directory.GetDirectories(Path.Combine(_reports, "shards")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        var second = ShardStamp.Parse(File.ReadAllText(Path.Combine(folder, ShardStamp.FileName)), "stamp");
        Assert.Equal("2/2", second.Shard);
        Assert.Equal(Tests, second.Tests);
        Assert.Equal(head, second.Commit);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(l => !l.StartsWith("Removing", StringComparison.Ordinal)).ToList();
        Assert.Equal([folder, .. second.Files], lines);

        Part("1/3", ["Other.cs"], Report(), commit: head);
        Assert.Equal(0, Run("mutation-shard", "--repo", RepoPaths.Root, "--project", project, "--tests", Tests, "--shard", "1/2", "--reports", _reports).Exit);

        Assert.Equal(["1-of-2", "2-of-2"], Directory.GetDirectories(Path.Combine(_reports, "shards")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        var first = ShardStamp.Parse(File.ReadAllText(Path.Combine(_reports, "shards", "1-of-2", ShardStamp.FileName)), "stamp");
        var sources = Directory.EnumerateFiles(project, "*.cs", SearchOption.AllDirectories).Select(p => Path.GetRelativePath(project, p).Replace('\\', '/')).ToList();
        Assert.Contains(sources, p => p.StartsWith("obj/", StringComparison.Ordinal)); // the build's own AssemblyInfo, never mutated
        Assert.Equal(sources.Where(p => !p.StartsWith("obj/", StringComparison.Ordinal) && !p.StartsWith("bin/", StringComparison.Ordinal)).Order(StringComparer.Ordinal), first.Files.Concat(second.Files).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_part_needs_its_project_shard_and_reports_and_an_existing_project()
    {
        Assert.Equal(2, Run("mutation-shard", "--project", "src", "--shard", "1/2", "--reports", _reports).Exit);
        var (exit, output) = Run("mutation-shard", "--repo", RepoPaths.Root, "--project", "no/such/project", "--tests", Tests, "--shard", "1/2", "--reports", _reports);
        Assert.Equal(1, exit);
        Assert.Contains("no/such/project does not exist", output, StringComparison.Ordinal);
        var (badShard, message) = Run("mutation-shard", "--repo", RepoPaths.Root, "--project", "src", "--tests", Tests, "--shard", "2/1", "--reports", _reports);
        Assert.Equal(1, badShard);
        Assert.Contains("not '2/1'", message, StringComparison.Ordinal);
    }

    private static (int Exit, string Output) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = Commands.RunAsync(args, output, error).GetAwaiter().GetResult();
        return (exit, output.ToString() + error);
    }
}
