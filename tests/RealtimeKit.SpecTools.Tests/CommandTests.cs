using RealtimeKit.TestSupport;

namespace RealtimeKit.SpecTools.Tests;

/// <summary>The command line's usage errors and failures: exit codes the cake tasks rely on.</summary>
public sealed class CommandTests
{
    private static (int Exit, string Output) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = Commands.RunAsync(args, output, error).GetAwaiter().GetResult();
        return (exit, output.ToString() + error);
    }

    [Theory]
    [InlineData("")]
    [InlineData("frobnicate")]
    [InlineData("drift")]
    [InlineData("report stray")]
    [InlineData("report --base")]
    public void Bad_usage_exits_2_with_the_usage(string commandLine)
    {
        var (exit, output) = Run(commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries));

        Assert.Equal(2, exit);
        Assert.Contains("Usage: RealtimeKit.SpecTools", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_base_that_names_no_commit_fails_the_report_and_says_so()
    {
        var folder = Directory.CreateTempSubdirectory("rtk-cmd-").FullName;
        try
        {
            var (exit, output) = Run("report", "--repo", RepoPaths.Root, "--base", "no-such-ref-anywhere", "--api", "skip", "--out", folder);

            Assert.Equal(1, exit);
            Assert.Contains("'no-such-ref-anywhere' does not name a commit", output, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(folder, "spec-report.json")));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
