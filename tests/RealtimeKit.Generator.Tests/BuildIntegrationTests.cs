using RealtimeKit.TestSupport;

namespace RealtimeKit.Generator.Tests;

/// <summary>
/// <c>dotnet build</c> of a two-target project that imports the repository's generation targets, pointed at
/// a broken spec: the build fails with the located error, once, not once per target framework.
/// </summary>
public sealed class BuildIntegrationTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task A_broken_spec_fails_dotnet_build_with_the_located_error_exactly_once()
    {
        var yaml = SpecFixtures.Operation("$ref: '#/components/schemas/Missing'");
        var spec = _temp.Write("broken.yaml", yaml);
        var targets = Path.Combine(RepoPaths.Root, "generator", "RealtimeKit.Generation.targets");
        var generator = Path.Combine(AppContext.BaseDirectory, "RealtimeKit.Generator.dll");
        _temp.Write("Consumer.csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFrameworks>net8.0;net10.0</TargetFrameworks>
                <EnableDefaultCompileItems>false</EnableDefaultCompileItems>
                <RealtimeKitSpec>{spec}</RealtimeKitSpec>
                <RealtimeKitSpecDisplay>openapi/broken.yaml</RealtimeKitSpecDisplay>
                <RealtimeKitGeneratorDll>{generator}</RealtimeKitGeneratorDll>
              </PropertyGroup>
              <Import Project="{targets}" />
            </Project>
            """);

        var (exit, output) = await GeneratorProcess.RunProcessAsync("dotnet", _temp.Path, ["build", "Consumer.csproj", "-nologo", "-tl:off", "-v:minimal"]);

        Assert.NotEqual(0, exit);
        var expected = $"openapi/broken.yaml({SpecFixtures.LineOf(yaml, "Missing")},17): error RTKGEN023: The reference '#/components/schemas/Missing' does not point to anything";
        // MSBuild repeats every error in its summary after "Build FAILED."; count the build's own log.
        var log = output[..output.IndexOf("Build FAILED.", StringComparison.Ordinal)];
        var lines = log.Split('\n').Where(l => l.Contains(": error ", StringComparison.Ordinal)).ToList();
        Assert.True(lines.Count == 1 && lines[0].StartsWith(expected, StringComparison.Ordinal), $"Expected only '{expected}', once:\n{output}");
        Assert.DoesNotContain("RealtimeKitApiClient.cs", output, StringComparison.Ordinal);
    }
}
