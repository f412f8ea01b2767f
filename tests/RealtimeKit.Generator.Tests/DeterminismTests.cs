using RealtimeKit.Generator.CodeModel;
using RealtimeKit.TestSupport;

namespace RealtimeKit.Generator.Tests;

public class DeterminismTests
{
    [Fact]
    public void The_same_spec_gives_byte_identical_output_and_lock_file()
    {
        var first = GenerateToTemp();
        var second = GenerateToTemp();
        try
        {
            var a = ReadAll(first);
            var b = ReadAll(second);

            Assert.Equal(a.Keys, b.Keys);
            Assert.All(a, f => Assert.Equal(f.Value, b[f.Key]));
            Assert.All(a.Where(f => f.Key.EndsWith(".cs", StringComparison.Ordinal)), f => Assert.DoesNotContain((byte)'\r', f.Value));
        }
        finally
        {
            Directory.Delete(first, recursive: true);
            Directory.Delete(second, recursive: true);
        }
    }

    [Fact]
    public void The_lock_file_records_the_generator_version_and_the_spec_hash()
    {
        var dir = GenerateToTemp();
        try
        {
            var lockJson = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(dir, ClientGenerator.LockFileName)))!;
            var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(RepoPaths.Spec)));

            Assert.Equal(GeneratorInfo.Version, lockJson["generatorVersion"]!.GetValue<string>());
            Assert.Equal(hash, lockJson["descriptionHash"]!.GetValue<string>());
            Assert.Equal("RealtimeKitApiClient", lockJson["clientClassName"]!.GetValue<string>());
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Regenerating_removes_files_of_types_that_no_longer_exist()
    {
        var dir = GenerateToTemp();
        try
        {
            var stale = Path.Combine(dir, "Models", "Removed.cs");
            File.WriteAllText(stale, "// old");

            ClientGenerator.Generate(new GeneratorOptions(RepoPaths.Spec, dir, "RealtimeKit.Generated", "RealtimeKitApiClient"));

            Assert.False(File.Exists(stale));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void A_folder_the_generator_did_not_write_is_never_cleaned()
    {
        var dir = Directory.CreateTempSubdirectory("rtkgen-").FullName;
        var precious = Path.Combine(dir, "notes.txt");
        File.WriteAllText(precious, "keep me");
        try
        {
            var error = Assert.Throws<Diagnostics.SpecException>(() => ClientGenerator.Generate(new GeneratorOptions(RepoPaths.Spec, dir, "RealtimeKit.Generated", "RealtimeKitApiClient")));

            Assert.Contains(Diagnostics.DiagnosticCodes.Io, error.Message, StringComparison.Ordinal);
            Assert.True(File.Exists(precious));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static string GenerateToTemp()
    {
        var dir = Path.Combine(Path.GetTempPath(), "rtkgen-" + Guid.NewGuid().ToString("N"));
        ClientGenerator.Generate(new GeneratorOptions(RepoPaths.Spec, dir, "RealtimeKit.Generated", "RealtimeKitApiClient", "openapi/realtimekit.yaml"));
        return dir;
    }

    private static Dictionary<string, byte[]> ReadAll(string dir) =>
        Directory.GetFiles(dir, "*", SearchOption.AllDirectories).ToDictionary(f => Path.GetRelativePath(dir, f), File.ReadAllBytes);
}
