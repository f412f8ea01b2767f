using System.Reflection;
using RealtimeKit.TestSupport;
using static RealtimeKit.Generator.Tests.SpecFixtures;

namespace RealtimeKit.Generator.Tests;

/// <summary>
/// The generator's command line (Program.cs) run in this process, so that what it prints and returns is pinned by
/// tests that see its code (<see cref="CommandLineTests"/> runs the same program as the build does, in a process).
/// </summary>
[Collection(nameof(ConsoleCollection))]
public sealed class EntryPointTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData(new[] { "stray" }, "error RTKGEN000: Unexpected argument 'stray'.")]
    [InlineData(new[] { "--spec" }, "error RTKGEN000: Unexpected argument '--spec'.")]
    [InlineData(new[] { "--spec", "a.yaml", "-output", "out" }, "error RTKGEN000: Unexpected argument '-output'.")]
    [InlineData(new[] { "--spec", "a.yaml", "--output", "out" }, "error RTKGEN000: --spec, --output and --repo-root are required.")]
    [InlineData(new[] { "--output", "out", "--repo-root", "." }, "error RTKGEN000: --spec, --output and --repo-root are required.")]
    [InlineData(new[] { "--spec", "a.yaml", "--repo-root", "." }, "error RTKGEN000: --spec, --output and --repo-root are required.")]
    public void Bad_arguments_return_2_with_the_reason_and_the_usage_on_stderr(string[] arguments, string reason)
    {
        var (exit, stdout, stderr) = Run(arguments);

        Assert.Equal(2, exit);
        Assert.StartsWith(reason, stderr, StringComparison.Ordinal);
        Assert.Contains("Usage: --spec <yaml> --output <dir> --repo-root <dir with .config/dotnet-tools.json> [--spec-display <path>]", stderr, StringComparison.Ordinal);
        Assert.Equal("", stdout);
    }

    [Fact]
    public void A_broken_spec_returns_1_prints_each_diagnostic_on_stderr_and_the_summary_on_stdout()
    {
        var yaml = Operation("$ref: '#/components/schemas/Missing'");
        var spec = _temp.Write("broken.yaml", yaml);

        var (exit, stdout, stderr) = Run("--spec", spec, "--spec-display", "openapi/broken.yaml", "--output", _temp.File("out"), "--repo-root", RepoPaths.Root);

        Assert.Equal(1, exit);
        Assert.StartsWith($"openapi/broken.yaml({LineOf(yaml, "Missing")},17): error RTKGEN023: The reference '#/components/schemas/Missing' does not point to anything", stderr, StringComparison.Ordinal);
        Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal("RealtimeKit.Generator: 1 problem(s) in openapi/broken.yaml; nothing generated.", stdout.TrimEnd());
    }

    [Fact]
    public void Without_a_display_path_diagnostics_name_the_spec_as_given()
    {
        var yaml = Operation("$ref: '#/components/schemas/Missing'");
        var spec = _temp.Write("broken.yaml", yaml);

        var (exit, stdout, stderr) = Run("--spec", spec, "--output", _temp.File("out"), "--repo-root", RepoPaths.Root);

        Assert.Equal(1, exit);
        Assert.StartsWith($"{spec}({LineOf(yaml, "Missing")},17): error RTKGEN023:", stderr, StringComparison.Ordinal);
        Assert.Contains($"problem(s) in {spec}; nothing generated.", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_good_spec_returns_0_writes_the_client_and_prints_what_it_generated()
    {
        var spec = _temp.Write("spec.yaml", Operation("$ref: '#/components/schemas/Thing'"));

        var (exit, stdout, stderr) = Run("--spec", spec, "--spec-display", "spec.yaml", "--output", _temp.File("out"), "--repo-root", RepoPaths.Root);

        Assert.True(exit == 0, stdout + stderr);
        Assert.StartsWith("RealtimeKit.Generator: ", stdout, StringComparison.Ordinal);
        Assert.Contains("generated RealtimeKitApiClient", stdout, StringComparison.Ordinal);
        Assert.True(File.Exists(_temp.File("out/RealtimeKitApiClient.cs")));
    }

    /// <summary>Runs the generator's entry point with the console captured (the collection keeps other tests off it).</summary>
    private static (int Exit, string Stdout, string Stderr) Run(params string[] arguments)
    {
        var entry = typeof(GenerationPipeline).Assembly.EntryPoint ?? throw new InvalidOperationException("The generator has no entry point.");
        var (savedOut, savedError) = (Console.Out, Console.Error);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        Console.SetOut(stdout);
        Console.SetError(stderr);
        try
        {
            var exit = (int)entry.Invoke(null, [arguments])!;
            return (exit, stdout.ToString(), stderr.ToString());
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw e.InnerException;
        }
        finally
        {
            Console.SetOut(savedOut);
            Console.SetError(savedError);
        }
    }
}

/// <summary>Tests that replace <see cref="Console.Out"/> and <see cref="Console.Error"/> run alone.</summary>
[CollectionDefinition(nameof(ConsoleCollection), DisableParallelization = true)]
public sealed class ConsoleCollection;
