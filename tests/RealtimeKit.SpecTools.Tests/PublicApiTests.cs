using RealtimeKit.SpecTools.Infrastructure;
using RealtimeKit.SpecTools.PublicApi;
using RealtimeKit.TestSupport;

namespace RealtimeKit.SpecTools.Tests;

/// <summary>
/// Public API files without hand copying: what AcceptApi records from the compiler's SARIF log, and the hint the
/// build prints when RS0016 or RS0017 occur.
/// </summary>
public sealed class PublicApiTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("rtk-publicapi-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string Sarif(params (string Rule, string Name, string Siblings)[] results) => $$"""
        {
          "version": "2.1.0",
          "runs": [ { "results": [
            {{string.Join(",\n", results.Select(r => $$"""
              { "ruleId": "{{r.Rule}}", "level": "warning", "message": { "text": "Symbol '{{r.Name}}' is ..." },
                "properties": { "customProperties": { "APIName": "{{r.Name}}", "ApiNamesOfSiblingsToRemove": "{{r.Siblings}}" } } }
              """))}}
          ] } ]
        }
        """;

    private void Files(string shipped, string unshipped)
    {
        File.WriteAllText(Path.Combine(_folder, "PublicAPI.Shipped.txt"), shipped);
        File.WriteAllText(Path.Combine(_folder, "PublicAPI.Unshipped.txt"), unshipped);
    }

    private string Unshipped => File.ReadAllText(Path.Combine(_folder, "PublicAPI.Unshipped.txt"));

    [Fact]
    public void New_symbols_are_added_and_vanished_shipped_ones_marked_removed_in_Unshipped_only()
    {
        Files("#nullable enable\nLib.A\nLib.A.Gone() -> void\n", "#nullable enable\nLib.A.Draft() -> void\n");
        var diagnostics = PublicApiFiles.ReadLog(Sarif(
            ("RS0016", "Lib.A.New.get -> int", string.Empty),
            ("RS0016", "Lib.A.New.get -> int", string.Empty), // the other target framework
            ("RS0017", "Lib.A.Gone() -> void", string.Empty),
            ("RS0017", "Lib.A.Draft() -> void", string.Empty)));

        var result = PublicApiFiles.Accept(_folder, diagnostics);

        Assert.Equal("#nullable enable\n*REMOVED*Lib.A.Gone() -> void\nLib.A.New.get -> int\n", Unshipped);
        Assert.Equal(["Lib.A.New.get -> int"], result.Added);
        Assert.Equal(["Lib.A.Gone() -> void", "Lib.A.Draft() -> void"], result.Removed);
        Assert.Equal("#nullable enable\nLib.A\nLib.A.Gone() -> void\n", File.ReadAllText(Path.Combine(_folder, "PublicAPI.Shipped.txt")));
    }

    [Fact]
    public void A_symbol_that_comes_back_loses_its_removed_mark_and_replaced_siblings_go()
    {
        Files("#nullable enable\nLib.A.M(int x) -> void\nLib.A.Back() -> void\n", "#nullable enable\n*REMOVED*Lib.A.Back() -> void\n");

        PublicApiFiles.Accept(_folder, PublicApiFiles.ReadLog(Sarif(
            ("RS0016", "Lib.A.Back() -> void", string.Empty),
            ("RS0016", "Lib.A.M(int x, int y = 0) -> void", "Lib.A.M(int x) -> void"))));

        Assert.Equal("#nullable enable\n*REMOVED*Lib.A.M(int x) -> void\nLib.A.M(int x, int y = 0) -> void\n", Unshipped);
    }

    [Fact]
    public void Nothing_to_record_leaves_the_file_untouched()
    {
        Files("#nullable enable\nLib.A\n", "#nullable enable\r\n");

        var result = PublicApiFiles.Accept(_folder, PublicApiFiles.ReadLog(Sarif()));

        Assert.Equal(0, result.Count);
        Assert.Equal("#nullable enable\r\n", Unshipped);
    }

    [Fact]
    public void A_build_with_public_API_changes_prints_the_hint_once_and_its_log_is_what_AcceptApi_records()
    {
        // A two-framework library under the repository's Directory.Build.targets: one symbol added, one gone.
        File.WriteAllText(Path.Combine(_folder, "Lib.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFrameworks>net8.0;net10.0</TargetFrameworks>
                <Nullable>enable</Nullable>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Microsoft.CodeAnalysis.PublicApiAnalyzers" Version="5.6.0" PrivateAssets="all" />
              </ItemGroup>
              <Import Project="{Path.Combine(RepoPaths.Root, "Directory.Build.targets")}" />
            </Project>
            """);
        File.WriteAllText(Path.Combine(_folder, "A.cs"), "namespace Lib;\npublic class A { public int New { get; set; } }\n");
        Files("#nullable enable\nLib.A\nLib.A.A() -> void\nLib.A.Gone() -> void\n", "#nullable enable\n");

        var build = ProcessRunner.Run("dotnet", ["build", "Lib.csproj", "-c", "Release", "-nologo", "-tl:off", "-clp:NoSummary"], _folder, TimeSpan.FromMinutes(5));

        var output = build.Output + build.Error;
        Assert.NotEqual(0, build.ExitCode);
        Assert.Contains("PublicAPI.Shipped.txt(4,1): error RS0017", output, StringComparison.Ordinal);
        // MSBuild repeats warnings after "Build FAILED."; count the build's own log.
        var log = output[..output.IndexOf("Build FAILED.", StringComparison.Ordinal)];
        var hints = log.Split('\n').Where(l => l.Contains("warning RTKAPI001", StringComparison.Ordinal)).ToList();
        var hint = Assert.Single(hints);
        Assert.Contains("2 symbol(s) not declared, RS0016; 1 declared symbol(s) gone, RS0017", hint, StringComparison.Ordinal);
        Assert.Contains("dotnet cake --target=AcceptApi", hint, StringComparison.Ordinal);

        var logs = PublicApiFiles.FindLogs(_folder, "Release");
        Assert.Equal(2, logs.Count);
        PublicApiFiles.Accept(_folder, logs.SelectMany(l => PublicApiFiles.ReadLog(File.ReadAllText(l))));
        Assert.Equal("#nullable enable\n*REMOVED*Lib.A.Gone() -> void\nLib.A.New.get -> int\nLib.A.New.set -> void\n", Unshipped);
    }
}
