using RealtimeKit.Generator.Diagnostics;
using RealtimeKit.Generator.Kiota;
using RealtimeKit.Generator.Output;
using RealtimeKit.TestSupport;
using static RealtimeKit.Generator.Tests.SpecFixtures;

namespace RealtimeKit.Generator.Tests;

/// <summary>
/// Kiota runs that the real tool will not produce on demand (a machine that never restored the tools, a crash, an
/// exit 0 that wrote nothing, another Kiota version), played by a stand-in for <c>dotnet</c>: each ends as one
/// located error and leaves the previous client in place.
/// </summary>
public sealed class KiotaRunProblemTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [UnixFact]
    public void A_machine_that_never_restored_the_tools_restores_them_and_runs_kiota_again()
    {
        var result = Run("""
            if [ "$2" = "restore" ]; then echo "restored $*" >> "$LOG"; exit 0; fi
            if [ ! -s "$LOG" ]; then echo "run: dotnet tool restore"; echo first >> "$LOG"; exit 1; fi
            echo "kiota $*" >> "$LOG"
            """);

        Assert.Equal(
            ["first", $"restored tool restore --tool-manifest {Path.Combine(RepoPaths.Root, ".config", "dotnet-tools.json")}"],
            File.ReadAllLines(_temp.File("log")).Take(2));
        Assert.StartsWith("kiota tool run kiota -- generate --language CSharp", File.ReadAllLines(_temp.File("log"))[2], StringComparison.Ordinal);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal("Kiota exited 0 but wrote no RealtimeKitApiClient.cs and kiota-lock.json: ", error.Message);
    }

    [UnixFact]
    public void A_failed_restore_is_the_error_with_what_restore_printed()
    {
        var result = Run("""
            if [ "$2" = "restore" ]; then echo "no feed reachable"; exit 4; fi
            echo "Run 'dotnet tool restore' to make the kiota tool available."; exit 1
            """);

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal("Kiota exited with code 4: dotnet tool restore failed: no feed reachable", error.Message);
    }

    [UnixFact]
    public void A_kiota_that_exits_non_zero_is_an_error_at_the_top_of_the_spec_with_its_output()
    {
        var result = Run("echo 'something broke' >&2; echo 'on two lines' >&2; exit 3");

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(new SpecDiagnostic(DiagnosticCodes.KiotaRun, "Kiota exited with code 3: something broke on two lines", "spec.yaml", 1, 1), error);
        Assert.Equal("Kiota 1.38.0 could not generate the client from spec.yaml; nothing replaced.", result.Summary);
        Assert.False(Directory.Exists(_temp.File("out.staging")), "A failed run's staging folder is removed.");
    }

    [UnixFact]
    public void Only_the_last_2000_characters_of_a_long_output_are_kept()
    {
        var result = Run("printf 'early%.0s' $(seq 1 100); printf 'x%.0s' $(seq 1 2100); echo; exit 3");

        var message = Assert.Single(result.Diagnostics).Message;
        Assert.Equal("Kiota exited with code 3: ..." + new string('x', 2000), message);
    }

    [UnixFact]
    public void A_client_written_by_another_kiota_version_is_refused()
    {
        var result = Run("""
            mkdir -p "$out"; echo "// client" > "$out/RealtimeKitApiClient.cs"
            echo '{"kiotaVersion":"1.2.3"}' > "$out/kiota-lock.json"
            """);

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal("The client was written by Kiota 1.2.3, but the tool manifest pins 1.38.0.", error.Message);
        Assert.False(File.Exists(_temp.File("out/RealtimeKitApiClient.cs")), "Nothing is promoted.");
    }

    [UnixFact]
    public void A_client_without_its_lock_file_is_refused()
    {
        var result = Run("""
            mkdir -p "$out"; echo "// client" > "$out/RealtimeKitApiClient.cs"; echo 'wrote it'
            """);

        Assert.Equal("Kiota exited 0 but wrote no RealtimeKitApiClient.cs and kiota-lock.json: wrote it", Assert.Single(result.Diagnostics).Message);
    }

    [UnixFact]
    public void An_up_to_date_run_touches_the_stamp_and_an_unreadable_stamp_means_generating_again()
    {
        Assert.True(Run(WritesClient).Succeeded);
        var stamp = _temp.File("out/" + GeneratedFolder.StampFileName);
        File.SetLastWriteTimeUtc(stamp, new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc));

        var upToDate = Run(WritesClient);

        Assert.Contains("already generated", upToDate.Summary, StringComparison.Ordinal);
        Assert.True(File.GetLastWriteTimeUtc(stamp) > DateTime.UtcNow.AddMinutes(-5), "The stamp is touched, so MSBuild sees the output as newer than the spec.");
        Assert.Single(File.ReadAllLines(_temp.File("log")));

        File.WriteAllText(stamp, "{ not json");
        var again = Run(WritesClient);

        Assert.True(again.Succeeded, again.Summary);
        Assert.Contains("generated RealtimeKitApiClient", again.Summary, StringComparison.Ordinal);
        Assert.Equal(2, File.ReadAllLines(_temp.File("log")).Length);
    }

    [UnixFact]
    public void Kiota_runs_in_the_repository_root_with_the_offline_switches_in_its_environment()
    {
        Run("""
            pwd >> "$LOG"
            env | grep -E '^(KIOTA_|DOTNET_CLI_TELEMETRY_OPTOUT|DOTNET_NOLOGO)' | sort >> "$LOG"
            """);

        Assert.Equal(
            [Path.GetFullPath(RepoPaths.Root).TrimEnd('/'), .. KiotaSettings.Environment.Select(e => $"{e.Key}={e.Value}").Order(StringComparer.Ordinal)],
            File.ReadAllLines(_temp.File("log")));
    }

    [UnixFact]
    public void What_the_tool_printed_is_kept_line_for_line()
    {
        var host = _temp.Write("dotnet", "#!/bin/sh\necho one\necho two >&2\n");
        File.SetUnixFileMode(host, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        var result = new KiotaTool(RepoPaths.Root, host).Generate("spec.yaml", _temp.File("out"));

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["one", "two"], result.Output.Split(Environment.NewLine).Order(StringComparer.Ordinal).Where(l => l.Length > 0));
        Assert.Equal(2, result.Output.Split(Environment.NewLine).Length - 1);
    }

    [UnixFact]
    public void A_successful_run_that_mentions_dotnet_tool_restore_does_not_restore()
    {
        var result = Run("""
            if [ "$2" = "restore" ]; then echo restored >> "$LOG"; exit 0; fi
            echo "tip: dotnet tool restore"; echo ran >> "$LOG"
            """);

        Assert.Equal(["ran"], File.ReadAllLines(_temp.File("log")));
        Assert.False(result.Succeeded);
    }

    [UnixFact]
    public void A_leftover_staging_folder_is_emptied_and_a_failed_rerun_leaves_the_output_not_current()
    {
        Directory.CreateDirectory(_temp.File("out.staging"));
        File.WriteAllText(_temp.File("out.staging/Stale.cs"), "// from a crashed run");
        Assert.True(Run(WritesClient).Succeeded);
        Assert.False(File.Exists(_temp.File("out/Stale.cs")), "A crashed run's leftovers are not promoted.");
        var stamp = _temp.File("out/" + GeneratedFolder.StampFileName);
        Assert.Equal(
            $"{{\n  \"fingerprint\": \"{GenerationPipeline.Fingerprint(_temp.File("spec.yaml"), "1.38.0")}\",\n  \"kiotaVersion\": \"1.38.0\",\n  \"spec\": \"spec.yaml\"\n}}\n",
            File.ReadAllText(stamp));
        Assert.NotEqual(0xEF, File.ReadAllBytes(stamp)[0]);

        var failed = Run("exit 3", "type: array\nitems:\n  $ref: '#/components/schemas/Thing'");

        Assert.False(failed.Succeeded);
        Assert.False(File.Exists(stamp), "The old output is not taken as current for the new spec.");
        Assert.True(File.Exists(_temp.File("out/RealtimeKitApiClient.cs")), "The old output stays in place.");
    }

    [UnixFact]
    public void An_empty_output_folder_is_replaced_and_a_missing_parent_is_created()
    {
        Directory.CreateDirectory(_temp.File("out"));
        Assert.True(Run(WritesClient).Succeeded);

        var nested = new GenerationRequest(_temp.File("spec.yaml"), "spec.yaml", _temp.File("deep/er/out"), RepoPaths.Root);
        Assert.True(GenerationPipeline.Run(nested, new KiotaTool(RepoPaths.Root, _temp.File("dotnet"))).Succeeded);
        Assert.True(File.Exists(_temp.File("deep/er/out/RealtimeKitApiClient.cs")));
    }

    [Fact]
    public void A_manifest_that_does_not_pin_kiota_is_an_error_naming_the_manifest()
    {
        Directory.CreateDirectory(_temp.File(".config"));
        var manifest = _temp.Write(".config/dotnet-tools.json", """{ "version": 1, "tools": { "cake.tool": { "version": "5.0.0" } } }""");

        var error = Assert.Throws<InvalidDataException>(() => new KiotaTool(_temp.Path).PinnedVersion());

        Assert.Equal($"{manifest} does not pin 'microsoft.openapi.kiota'.", error.Message);
    }

    [Fact]
    public void A_folder_with_files_that_were_not_generated_there_is_never_replaced()
    {
        var output = _temp.File("out");
        Directory.CreateDirectory(output);
        File.WriteAllText(Path.Combine(output, "mine.txt"), "keep");
        var folder = new GeneratedFolder(output);
        Directory.CreateDirectory(folder.StagingPath);

        var error = Assert.Throws<IOException>(() => folder.Promote(KiotaSettings.LockFileName, []));

        Assert.Equal($"'{folder.Path}' holds files that were not generated here; refusing to replace it.", error.Message);
        Assert.Equal("keep", File.ReadAllText(Path.Combine(output, "mine.txt")));
    }

    private const string WritesClient = """
        mkdir -p "$out"; echo "// client" > "$out/RealtimeKitApiClient.cs"
        echo '{"kiotaVersion":"1.38.0"}' > "$out/kiota-lock.json"; echo run >> "$LOG"
        """;

    /// <summary>Runs the pipeline on a good spec with <paramref name="script"/> (sh) standing in for dotnet; $LOG is a file it may write, $out the folder Kiota writes to.</summary>
    private GenerationResult Run(string script, string schema = "$ref: '#/components/schemas/Thing'")
    {
        // $out is the folder after --output, where Kiota would write.
        const string findOutput = """out=""; prev=""; for a in "$@"; do if [ "$prev" = "--output" ]; then out="$a"; fi; prev="$a"; done""";
        var host = _temp.Write("dotnet", $"#!/bin/sh\nLOG='{_temp.File("log")}'\n{findOutput}\n{script}\n");
        File.SetUnixFileMode(host, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var request = new GenerationRequest(_temp.Write("spec.yaml", Operation(schema)), "spec.yaml", _temp.File("out"), RepoPaths.Root);
        return GenerationPipeline.Run(request, new KiotaTool(RepoPaths.Root, host));
    }
}

/// <summary>A test that needs a POSIX shell (its stand-in programs are sh scripts); skipped on Windows.</summary>
internal sealed class UnixFactAttribute : FactAttribute
{
    public UnixFactAttribute()
    {
        if (OperatingSystem.IsWindows())
        {
            Skip = "Needs a POSIX shell.";
        }
    }
}
