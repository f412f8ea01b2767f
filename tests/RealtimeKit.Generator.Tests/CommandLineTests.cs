using System.Diagnostics;
using RealtimeKit.TestSupport;

namespace RealtimeKit.Generator.Tests;

/// <summary>The generator as the build runs it: a process whose errors MSBuild's Exec task reads from its output.</summary>
public class CommandLineTests
{
    [Fact]
    public async Task A_spec_error_exits_1_with_a_canonical_msbuild_error_on_the_yaml_line()
    {
        var dir = Directory.CreateTempSubdirectory("rtkgen-cli-").FullName;
        try
        {
            var spec = Path.Combine(dir, "broken.yaml");
            var yaml = File.ReadAllText(RepoPaths.Spec).Replace("      summary: Kick all participants", "      summary: Kick all participants\n      sumary: typo", StringComparison.Ordinal);
            await File.WriteAllTextAsync(spec, yaml);
            var typoLine = yaml.Split('\n').ToList().FindIndex(l => l.Contains("sumary: typo", StringComparison.Ordinal)) + 1;

            var (exit, _, stderr) = await RunAsync("--spec", spec, "--spec-display", "openapi/realtimekit.yaml", "--output", Path.Combine(dir, "out"));

            Assert.Equal(1, exit);
            Assert.Contains($"openapi/realtimekit.yaml({typoLine},7): error RTKGEN010: sumary is not a valid property", stderr, StringComparison.Ordinal);
            Assert.False(Directory.Exists(Path.Combine(dir, "out")), "Nothing is written when the spec is broken.");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task Missing_arguments_exit_2_with_usage()
    {
        var (exit, _, stderr) = await RunAsync("--spec");

        Assert.Equal(2, exit);
        Assert.Contains("Usage", stderr, StringComparison.Ordinal);
    }

    private static async Task<(int Exit, string Stdout, string Stderr)> RunAsync(params string[] arguments)
    {
        var generator = Path.Combine(AppContext.BaseDirectory, "RealtimeKit.Generator.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(generator);
        foreach (var a in arguments)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout, await stderr);
    }
}
