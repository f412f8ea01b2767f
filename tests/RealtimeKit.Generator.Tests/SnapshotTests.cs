using RealtimeKit.Generator.Loading;
using RealtimeKit.TestSupport;

namespace RealtimeKit.Generator.Tests;

/// <summary>
/// Each folder under Snapshots/ holds a small spec and the exact output expected for it. Set
/// UPDATE_SNAPSHOTS=1 to rewrite the expected files after an intended change, then review the diff.
/// </summary>
public class SnapshotTests
{
    private static string SnapshotRoot => Path.Combine(RepoPaths.Root, "tests", "RealtimeKit.Generator.Tests", "Snapshots");

    public static TheoryData<string> Snapshots() => new(Directory.GetDirectories(SnapshotRoot).Select(Path.GetFileName).Order(StringComparer.Ordinal)!);

    [Theory]
    [MemberData(nameof(Snapshots))]
    public void Output_matches_the_committed_snapshot(string name)
    {
        var actual = Generate(name);
        var expectedDir = Path.Combine(SnapshotRoot, name, "expected");
        if (Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1")
        {
            if (Directory.Exists(expectedDir))
            {
                Directory.Delete(expectedDir, recursive: true);
            }

            foreach (var (path, content) in actual)
            {
                var target = Path.Combine(expectedDir, path);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.WriteAllText(target, content);
            }
        }

        var expected = Directory.GetFiles(expectedDir, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(expectedDir, f).Replace('\\', '/'), File.ReadAllText, StringComparer.Ordinal);

        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), actual.Keys);
        foreach (var (path, content) in actual)
        {
            Assert.True(expected[path] == content, $"{name}/{path} differs from its snapshot (UPDATE_SNAPSHOTS=1 rewrites it).");
        }
    }

    [Theory]
    [MemberData(nameof(Snapshots))]
    public void Output_compiles_with_no_errors_and_no_warnings(string name)
    {
        var diagnostics = InMemoryCompiler.Compile(Generate(name), name);

        Assert.True(diagnostics.Count == 0, string.Join("\n", diagnostics.Take(20)));
    }

    [Fact]
    public void The_real_spec_compiles_with_no_errors_and_no_warnings()
    {
        var files = ClientGenerator.GenerateFiles(SpecLoader.LoadFile(RepoPaths.Spec, "openapi/realtimekit.yaml"), "RealtimeKit.Generated", "RealtimeKitApiClient");

        var diagnostics = InMemoryCompiler.Compile(files, "RealtimeKit.Generated.InMemory");

        Assert.True(diagnostics.Count == 0, string.Join("\n", diagnostics.Take(20)));
    }

    [Fact]
    public void The_synthetic_300_operation_fixture_generates_and_compiles_cleanly()
    {
        var path = Path.Combine(RepoPaths.Root, "tests", "RealtimeKit.Generator.Tests", "Fixtures", "synthetic-300.yaml");
        var files = ClientGenerator.GenerateFiles(SpecLoader.LoadFile(path), "Synthetic", "SyntheticClient");

        var diagnostics = InMemoryCompiler.Compile(files, "Synthetic");

        Assert.True(files.Count > 700, $"{files.Count} files");
        Assert.True(diagnostics.Count == 0, string.Join("\n", diagnostics.Take(20)));
    }

    internal static SortedDictionary<string, string> Generate(string name)
    {
        var specPath = Path.Combine(SnapshotRoot, name, "spec.yaml");
        var spec = SpecLoader.LoadFile(specPath, $"Snapshots/{name}/spec.yaml");
        return ClientGenerator.GenerateFiles(spec, "Fixture." + char.ToUpperInvariant(name[0]) + name[1..], "FixtureClient");
    }
}
