using RealtimeKit.SpecTools.Api;
using RealtimeKit.SpecTools.Infrastructure;

namespace RealtimeKit.SpecTools.PublicApi;

/// <summary>
/// <c>dotnet cake --target=AcceptApi</c>: builds the shipping libraries with RS0016/RS0017 as warnings, records what
/// their SARIF logs report, and repeats until a build reports nothing (a library that depends on another one sees the
/// other's new API only after it compiled).
/// </summary>
public static class AcceptApi
{
    /// <summary>Runs the loop over <paramref name="projects"/> (every shipping project when null). Returns 0 on success.</summary>
    public static int Run(string repositoryRoot, string configuration, Action<string> log, IReadOnlyList<ShippingProject>? projects = null, int maxPasses = 4)
    {
        projects ??= ShippingProject.Find(repositoryRoot);
        if (projects.Count == 0)
        {
            log("AcceptApi: no project with a PublicAPI.Shipped.txt under src/.");
            return 1;
        }

        for (var pass = 1; pass <= maxPasses; pass++)
        {
            foreach (var project in projects)
            {
                var build = ProcessRunner.Run(
                    "dotnet",
                    ["build", project.ProjectFile, "-c", configuration, "-nologo", "-v:q", "-tl:off", "-clp:NoSummary", "-p:TreatWarningsAsErrors=false"],
                    repositoryRoot,
                    TimeSpan.FromMinutes(20));
                if (build.ExitCode != 0)
                {
                    log($"AcceptApi: {project.Name} does not build for reasons other than its public API files; fix these first:");
                    foreach (var line in (build.Output + build.Error).Split('\n').Where(l => l.Contains(": error ", StringComparison.Ordinal)).Distinct().Take(20))
                    {
                        log("  " + line.Trim());
                    }

                    return 1;
                }
            }

            var changed = 0;
            foreach (var project in projects)
            {
                var logs = PublicApiFiles.FindLogs(project.ProjectDirectory, configuration);
                if (logs.Count == 0)
                {
                    log($"AcceptApi: {project.Name} wrote no {PublicApiFiles.LogFileName}; is the repository's Directory.Build.targets imported?");
                    return 1;
                }

                var diagnostics = logs.SelectMany(l => PublicApiFiles.ReadLog(File.ReadAllText(l))).ToList();
                var result = PublicApiFiles.Accept(project.ProjectDirectory, diagnostics);
                foreach (var symbol in result.Added)
                {
                    log($"  {project.Name}: + {symbol}");
                }

                foreach (var symbol in result.Removed)
                {
                    log($"  {project.Name}: - {symbol}");
                }

                changed += result.Count;
            }

            log($"AcceptApi pass {pass}: {changed} public API entr{(changed == 1 ? "y" : "ies")} recorded in PublicAPI.Unshipped.txt.");
            if (changed == 0)
            {
                return 0;
            }
        }

        log($"AcceptApi: the public API files still changed after {maxPasses} passes.");
        return 1;
    }
}
