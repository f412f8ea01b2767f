using RealtimeKit.SpecTools.Infrastructure;

namespace RealtimeKit.SpecTools.Api;

/// <summary>A shipping library whose public API is pinned (it has a PublicAPI.Shipped.txt).</summary>
/// <param name="Name">The project's (and assembly's) name.</param>
/// <param name="ProjectDirectory">The project folder.</param>
/// <param name="ProjectFile">The .csproj.</param>
public sealed record ShippingProject(string Name, string ProjectDirectory, string ProjectFile)
{
    /// <summary>Every project under <c>src/</c> with a PublicAPI.Shipped.txt, ordered by name.</summary>
    public static IReadOnlyList<ShippingProject> Find(string repositoryRoot)
    {
        var src = Path.Combine(repositoryRoot, "src");
        if (!Directory.Exists(src))
        {
            return [];
        }

        return Directory.EnumerateDirectories(src)
            .Where(d => File.Exists(Path.Combine(d, "PublicAPI.Shipped.txt")))
            .Select(d => (Directory: d, Project: Directory.EnumerateFiles(d, "*.csproj").FirstOrDefault()))
            .Where(x => x.Project is not null)
            .Select(x => new ShippingProject(Path.GetFileNameWithoutExtension(x.Project!), x.Directory, x.Project!))
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// The built assembly for the newest target framework under <c>bin/&lt;configuration&gt;/</c>, or null when
    /// the project was not built. Every target framework compiles the same code, so one is enough.
    /// </summary>
    public string? BuiltAssembly(string configuration)
    {
        var bin = Path.Combine(ProjectDirectory, "bin", configuration);
        if (!Directory.Exists(bin))
        {
            return null;
        }

        return Directory.EnumerateDirectories(bin, "net*")
            .Select(d => Path.Combine(d, Name + ".dll"))
            .Where(File.Exists)
            .OrderByDescending(p => FrameworkVersion(Path.GetFileName(Path.GetDirectoryName(p)!)))
            .FirstOrDefault();
    }

    private static Version FrameworkVersion(string tfm) =>
        Version.TryParse(tfm.StartsWith("net", StringComparison.Ordinal) ? tfm[3..] : tfm, out var v) ? v : new Version(0, 0);
}

/// <summary>Builds the shipping libraries of a base commit, to read the API users had before a change.</summary>
public static class BaseBuild
{
    /// <summary>The paths whose change can change the public API; unchanged, the base API is the current one.</summary>
    public static readonly IReadOnlyList<string> ApiInputs =
        ["openapi", "src", "generator/RealtimeKit.Generator", "generator/RealtimeKit.Generation.targets", ".config/dotnet-tools.json", "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props"];

    /// <summary>
    /// Exports <paramref name="commit"/> into a cache folder under the temp directory (kept per commit, so a second
    /// report is quick) and builds its shipping libraries for one target framework. Returns the assemblies by
    /// project name, and the build's errors when it failed.
    /// </summary>
    public static (IReadOnlyDictionary<string, string> Assemblies, string? Error) Run(GitRepository git, string commit, string configuration, Action<string> log)
    {
        var root = Path.Combine(Path.GetTempPath(), "rtk-spec-report", commit);
        var stamp = Path.Combine(root, ".rtk-built");
        if (!File.Exists(stamp))
        {
            if (Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }

            log($"Building the base ({GitRepository.Short(commit)}) in {root} to read its public API...");
            git.Export(commit, root);
            foreach (var project in ShippingProject.Find(root))
            {
                var result = ProcessRunner.Run("dotnet", BuildArguments(project.ProjectFile, configuration, "net10.0"), root, TimeSpan.FromMinutes(20));
                if (result.ExitCode != 0)
                {
                    // A base that does not target net10.0 builds every framework instead.
                    result = ProcessRunner.Run("dotnet", BuildArguments(project.ProjectFile, configuration, null), root, TimeSpan.FromMinutes(20));
                }

                if (result.ExitCode != 0)
                {
                    var errors = string.Join('\n', (result.Output + result.Error).Split('\n').Where(l => l.Contains(": error ", StringComparison.Ordinal)).Distinct().Take(10));
                    return (new Dictionary<string, string>(), $"The base {GitRepository.Short(commit)} does not build ({project.Name}):\n{errors}");
                }
            }

            File.WriteAllText(stamp, DateTimeOffset.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        }

        var assemblies = ShippingProject.Find(root)
            .Select(p => (p.Name, Path: p.BuiltAssembly(configuration)))
            .Where(x => x.Path is not null)
            .ToDictionary(x => x.Name, x => x.Path!, StringComparer.Ordinal);
        return (assemblies, null);
    }

    private static string[] BuildArguments(string project, string configuration, string? framework)
    {
        var arguments = new List<string> { "build", project, "-c", configuration, "-nologo", "-v:q", "-tl:off", "-clp:NoSummary", "-p:TreatWarningsAsErrors=false", "-p:RunAnalyzers=false", "-p:GenerateDocumentationFile=false" };
        if (framework is not null)
        {
            arguments.AddRange(["-f", framework]);
        }

        return [.. arguments];
    }
}
