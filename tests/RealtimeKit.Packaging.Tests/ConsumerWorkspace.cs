namespace RealtimeKit.Packaging.Tests;

/// <summary>
/// A temporary folder outside the repository (so none of its Directory.*.props apply) where consumer projects are
/// written and restored as a team would: a NuGet.config whose package source mapping sends the SDK's prefix to the
/// local feed only, everything else to the machine's own NuGet cache and nuget.org, and a packages folder of its own,
/// so no package cached by an earlier run can stand in for the one just packed.
/// </summary>
public sealed class ConsumerWorkspace : IDisposable
{
    private static readonly TimeSpan StepLimit = TimeSpan.FromMinutes(4);

    public ConsumerWorkspace(PackageFeed feed)
    {
        Feed = feed;
        Root = Directory.CreateTempSubdirectory("rtk-consumer-").FullName;
        Packages = Path.Combine(Root, ".packages");
        var machineCache = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var cacheSource = Directory.Exists(machineCache)
            ? $"""<add key="machine-cache" value="{machineCache}" />"""
            : string.Empty;
        var cacheMapping = Directory.Exists(machineCache)
            ? """<packageSource key="machine-cache"><package pattern="*" /></packageSource>"""
            : string.Empty;
        File.WriteAllText(Path.Combine(Root, "NuGet.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <config>
                <add key="globalPackagesFolder" value="{Packages}" />
              </config>
              <packageSources>
                <clear />
                <add key="sdk-feed" value="{feed.Folder}" />
                {cacheSource}
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" protocolVersion="3" />
              </packageSources>
              <packageSourceMapping>
                <packageSource key="sdk-feed">
                  <package pattern="{feed.Prefix}.*" />
                </packageSource>
                {cacheMapping}
                <packageSource key="nuget.org">
                  <package pattern="*" />
                </packageSource>
              </packageSourceMapping>
            </configuration>
            """);
    }

    public PackageFeed Feed { get; }

    public string Root { get; }

    public string Packages { get; }

    /// <summary>Writes <paramref name="files"/> (relative path → text) under a folder named <paramref name="project"/>.</summary>
    public string Write(string project, IReadOnlyDictionary<string, string> files)
    {
        var folder = Path.Combine(Root, project);
        foreach (var (path, text) in files)
        {
            var full = Path.Combine(folder, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, text);
        }

        return folder;
    }

    /// <summary>Runs <c>dotnet</c> in <paramref name="folder"/>; fails the test with its output when it fails.</summary>
    public string Dotnet(string folder, IReadOnlyDictionary<string, string>? environment, params string[] arguments)
    {
        var result = Processes.Run("dotnet", arguments, folder, StepLimit, environment);
        Assert.True(result.ExitCode == 0, $"dotnet {string.Join(' ', arguments)} in {folder} exited with {result.ExitCode}:\n{result.Output}");
        return result.Output;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A build server may still hold a file for a moment; the folder is under the temp folder anyway.
        }
    }
}
