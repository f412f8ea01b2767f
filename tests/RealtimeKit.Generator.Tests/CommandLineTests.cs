using RealtimeKit.TestSupport;

namespace RealtimeKit.Generator.Tests;

/// <summary>The generator as the build runs it: a process whose errors MSBuild's Exec task reads from its output.</summary>
public sealed class CommandLineTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task A_spec_error_exits_1_with_a_canonical_msbuild_error_on_the_yaml_line_and_writes_nothing()
    {
        var yaml = File.ReadAllText(RepoPaths.Spec).Replace("      summary: Kick all participants", "      summary: Kick all participants\n      sumary: typo", StringComparison.Ordinal);
        var spec = _temp.Write("broken.yaml", yaml);

        var (exit, output) = await GeneratorProcess.RunAsync("--spec", spec, "--spec-display", "openapi/realtimekit.yaml", "--output", _temp.File("out"), "--repo-root", RepoPaths.Root);

        Assert.Equal(1, exit);
        Assert.Contains($"openapi/realtimekit.yaml({SpecFixtures.LineOf(yaml, "sumary: typo")},7): error RTKGEN010: sumary is not a valid property", output, StringComparison.Ordinal);
        Assert.False(File.Exists(_temp.File("out/RealtimeKitApiClient.cs")), "Nothing is generated when the spec is broken.");
    }

    [Theory]
    [InlineData("--spec")]
    [InlineData("--spec", "a.yaml", "--output", "out")]
    [InlineData("stray")]
    public async Task Missing_or_stray_arguments_exit_2_with_usage(params string[] arguments)
    {
        var (exit, output) = await GeneratorProcess.RunAsync(arguments);

        Assert.Equal(2, exit);
        Assert.Contains("Usage: --spec <yaml> --output <dir> --repo-root", output, StringComparison.Ordinal);
    }
}
