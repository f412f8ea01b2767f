using System.Diagnostics;
using System.Reflection;
using System.Text.RegularExpressions;
using RealtimeKit.TestSupport;

namespace RealtimeKit.Packaging.Tests;

/// <summary>
/// A folder of freshly packed packages: the one the build script packed (<c>RTK_PACKAGE_FEED</c>), or, when the
/// tests run alone, one this fixture packs into a temporary folder from the shipping projects.
/// </summary>
public sealed class PackageFeed : IDisposable
{
    /// <summary>The projects that ship as packages, by the last part of their package id.</summary>
    public static readonly IReadOnlyDictionary<string, string> Projects = new Dictionary<string, string>
    {
        ["RealtimeKit.Generated"] = "src/RealtimeKit.Generated/RealtimeKit.Generated.csproj",
        ["RealtimeKit"] = "src/RealtimeKit/RealtimeKit.csproj",
        ["RealtimeKit.Testing"] = "src/RealtimeKit.Emulator/RealtimeKit.Emulator.csproj",
        ["RealtimeKit.Cli"] = "src/RealtimeKit.Cli/RealtimeKit.Cli.csproj",
    };

    private readonly string? _ownFolder;
    private readonly Lazy<ConsumerWorkspace> _workspace;

    public PackageFeed()
    {
        Prefix = Regex.Match(System.IO.File.ReadAllText(Path.Combine(RepoPaths.Root, "Directory.Build.props")), "<RealtimeKitPackagePrefix>([^<]+)<").Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(Prefix), "Directory.Build.props names no RealtimeKitPackagePrefix.");
        var given = Environment.GetEnvironmentVariable("RTK_PACKAGE_FEED");
        if (!string.IsNullOrEmpty(given))
        {
            Folder = Path.GetFullPath(given);
        }
        else
        {
            _ownFolder = Folder = Directory.CreateTempSubdirectory("rtk-feed-").FullName;
            Pack(Folder);
        }

        var facade = Directory.GetFiles(Folder, $"{Prefix}.RealtimeKit.*.nupkg")
            .Select(Path.GetFileName)
            .Select(name => Regex.Match(name!, $"^{Regex.Escape(Prefix)}\\.RealtimeKit\\.(\\d+\\.\\d+\\.\\d+.*)\\.nupkg$"))
            .FirstOrDefault(m => m.Success && !m.Groups[1].Value.StartsWith("Generated", StringComparison.Ordinal));
        Assert.True(facade is not null, $"No {Prefix}.RealtimeKit package in {Folder}.");
        Version = facade!.Groups[1].Value;
        _workspace = new Lazy<ConsumerWorkspace>(() => new ConsumerWorkspace(this));
    }

    /// <summary>The temporary folder where consumer projects restore from this feed, made on first use.</summary>
    public ConsumerWorkspace Workspace => _workspace.Value;

    /// <summary>The organisation prefix of every package id (Directory.Build.props, RealtimeKitPackagePrefix).</summary>
    public string Prefix { get; }

    /// <summary>The folder holding the .nupkg and .snupkg files.</summary>
    public string Folder { get; }

    /// <summary>The version every package was packed with.</summary>
    public string Version { get; }

    /// <summary>The package id of a shipping project, e.g. <c>Contoso.RealtimeKit.Testing</c>.</summary>
    public string Id(string name) => $"{Prefix}.{name}";

    /// <summary>The path of a package (or its symbols with <paramref name="extension"/> "snupkg").</summary>
    public string File(string name, string extension = "nupkg") => Path.Combine(Folder, $"{Id(name)}.{Version}.{extension}");

    public void Dispose()
    {
        if (_workspace.IsValueCreated)
        {
            _workspace.Value.Dispose();
        }

        if (_ownFolder is not null)
        {
            Directory.Delete(_ownFolder, recursive: true);
        }
    }

    private static void Pack(string output)
    {
        var configuration = typeof(PackageFeed).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        foreach (var project in Projects.Values)
        {
            var result = Processes.Run("dotnet", ["pack", Path.Combine(RepoPaths.Root, project), "-c", configuration, "-o", output, "-p:VersionSuffix=dev.packagingtest", "-nologo", "-v", "quiet"], RepoPaths.Root, TimeSpan.FromMinutes(8));
            Assert.True(result.ExitCode == 0, $"dotnet pack {project} failed:\n{result.Output}");
        }
    }
}

/// <summary>Runs a process to its end and gathers what it printed; stops it (by its own id) if it overruns.</summary>
public static class Processes
{
    public sealed record Result(int ExitCode, string Output);

    public static Result Run(string file, IEnumerable<string> arguments, string workingDirectory, TimeSpan limit, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // A consumer must not inherit the build's MSBuild state (e.g. MSBuildExtensionsPath from dotnet test).
        foreach (var name in new[] { "MSBuildSDKsPath", "MSBuildExtensionsPath", "MSBUILD_EXE_PATH", "DOTNET_HOST_PATH", "RTK_PACKAGE_FEED" })
        {
            start.Environment.Remove(name);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(limit))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            lock (output)
            {
                return new Result(-1, $"{file} {string.Join(' ', start.ArgumentList)} did not finish within {limit}:\n{output}");
            }
        }

        process.WaitForExit();
        lock (output)
        {
            return new Result(process.ExitCode, output.ToString());
        }
    }
}

[CollectionDefinition(Name)]
public sealed class PackageFeedGroup : ICollectionFixture<PackageFeed>
{
    public const string Name = "package feed";
}
