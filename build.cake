// The one build script: `dotnet tool restore && dotnet cake` restores, builds (which generates the
// Kiota client from openapi/realtimekit.yaml) and runs every test. No addins: they download at run time.
var target = Argument("target", "Test");
var configuration = Argument("configuration", "Release");
// SpecReport: the git ref to compare with (default: the merge base with main); "skip" for --api leaves the public API out.
var baseRef = Argument("base", "");
var apiMode = Argument("api", "build");
// Drift: Cloudflare's published description (a file or a URL).
var published = Argument("published", "");
// Pack: --release=true packs the version in Directory.Build.props as is; otherwise packages are stamped dev.<UTC time>.
var release = Argument("release", false);
// Mutate: which project to mutate (facade, emulator, cli, generator), or "all"; --since=<git ref> mutates only the
// source files changed since that ref (what .ci/run does with HEAD~1).
var mutateProject = Argument("project", "all");
var mutateSince = Argument("since", "");
// Mutate: --files="**/Output/*.cs;**/Spec/*.cs" mutates only those files of the project (Stryker's --mutate globs), for a
// quick look at one part; a project's score is a whole run's.
var mutateFiles = Argument("files", "");
// Mutate: --shard=K/N runs part K of N of one project (files spread by size, stamped with HEAD) under
// artifacts/mutation/<project>/shards/K-of-N, then merges the parts present into score.md; a run too long for one
// sitting is split, and the parts of one commit give the whole run's score.
var mutateShard = Argument("shard", "");

var solution = File("./RealtimeKit.Generated.sln");
var artifacts = Directory("./artifacts");
var testResults = artifacts + Directory("test-results");
var packages = artifacts + Directory("packages");
// The packages the packaging tests restore from: the solution build packed as is (version <VersionPrefix>-dev).
var testFeed = artifacts + Directory("test-feed");
// The shipping projects, packed in this order (a package's dependencies first).
var packableProjects = new[]
{
    "./src/RealtimeKit.Generated/RealtimeKit.Generated.csproj",
    "./src/RealtimeKit/RealtimeKit.csproj",
    "./src/RealtimeKit.Emulator/RealtimeKit.Emulator.csproj",
    "./src/RealtimeKit.Cli/RealtimeKit.Cli.csproj",
};
var prismDir = Directory("./tests/prism");
var prismScript = prismDir + File("node_modules/@stoplight/prism-cli/dist/index.js");
var spectralDir = Directory("./tests/spectral");
var spectralScript = spectralDir + File("node_modules/@stoplight/spectral-cli/dist/index.js");
var specToolsProject = File("./generator/RealtimeKit.SpecTools/RealtimeKit.SpecTools.csproj");
var specToolsDll = File($"./generator/RealtimeKit.SpecTools/bin/{configuration}/net10.0/RealtimeKit.SpecTools.dll");
var solutionBuilt = false;
// Mutation testing: each mutated project's source folder, with the test project whose tests judge it
// (stryker-config.json lives there).
var mutationTargets = new Dictionary<string, (string Source, string Tests)>(StringComparer.OrdinalIgnoreCase)
{
    ["facade"] = ("src/RealtimeKit/", "./tests/RealtimeKit.Tests"),
    ["emulator"] = ("src/RealtimeKit.Emulator/", "./tests/RealtimeKit.Emulator.Tests"),
    ["cli"] = ("src/RealtimeKit.Cli/", "./tests/RealtimeKit.Cli.Tests"),
    ["generator"] = ("generator/RealtimeKit.Generator/", "./tests/RealtimeKit.Generator.Tests"),
};

Task("Clean")
    .Description("Removes build output and artifacts.")
    .Does(() =>
{
    CleanDirectories("./**/bin/" + configuration);
    CleanDirectories("./**/obj");
    CleanDirectory(artifacts);
});

Task("Restore")
    .Description("Restores NuGet packages for the solution.")
    .Does(() =>
{
    DotNetRestore(solution);
});

Task("Build")
    .Description("Builds the solution; the generated client is written into obj/ on the way.")
    .IsDependentOn("Restore")
    .Does(() =>
{
    DotNetBuild(solution, new DotNetBuildSettings
    {
        Configuration = configuration,
        NoRestore = true,
    });
    solutionBuilt = true;
});

Task("BuildSpecTools")
    .Description("Builds generator/RealtimeKit.SpecTools alone (the spec report, drift, lint and AcceptApi tool), unless the solution build already did.")
    .WithCriteria(() => !solutionBuilt, "the solution build built it")
    .Does(() => BuildSpecTools());

Task("InstallMock")
    .Description("Installs Prism (the spec-driven mock server) from tests/prism/package-lock.json.")
    .Does(() => NpmCi(prismDir, prismScript, ignoreScripts: false));

Task("InstallLint")
    .Description("Installs Spectral (the OpenAPI linter) from tests/spectral/package-lock.json.")
    .Does(() => NpmCi(spectralDir, spectralScript, ignoreScripts: true));

Task("Lint")
    .Description("Lints openapi/realtimekit.yaml with Spectral and tests/spectral/ruleset.yaml; findings at YAML line and column, an error fails the build.")
    .IsDependentOn("InstallLint")
    .IsDependentOn("BuildSpecTools")
    .Does(() =>
{
    var exit = SpecTools("lint");
    if (exit != 0)
    {
        throw new Exception("The spec lint found errors (above, at their YAML lines); see tests/spectral/ruleset.yaml for what each rule asks.");
    }
});

Task("Test")
    .Description("Lints the spec, packs the built shipping projects into artifacts/test-feed (for the packaging tests' consumers), then runs every test project against a Prism mock of the spec, with TRX results under artifacts/test-results.")
    .IsDependentOn("Build")
    .IsDependentOn("InstallMock")
    .IsDependentOn("Lint")
    .Does(() =>
{
    CleanDirectory(testResults);
    CleanDirectory(testFeed);
    PackInto(testFeed, new DotNetMSBuildSettings(), noBuild: true);
    WithPrism(prismUrl =>
    {
        DotNetTest(solution, new DotNetTestSettings
        {
            Configuration = configuration,
            NoRestore = true,
            NoBuild = true,
            ResultsDirectory = testResults,
            Loggers = new[] { "trx", "console;verbosity=normal" },
            EnvironmentVariables = new Dictionary<string, string>
            {
                ["PRISM_URL"] = prismUrl,
                ["RTK_PACKAGE_FEED"] = MakeAbsolute(testFeed).FullPath,
            },
        });
    });
});

Task("Pack")
    .Description("Packs the SDK, the testing package (emulator) and the rtk tool into artifacts/packages, with .snupkg symbols: prereleases stamped dev.<UTC time> (unique, so NuGet's cache never shadows a repack), or the plain version with --release=true.")
    .IsDependentOn("Test")
    .Does(() =>
{
    CleanDirectory(packages);
    // The version is part of the assemblies (and so of the User-Agent), so packing rebuilds them with it.
    var msbuild = new DotNetMSBuildSettings();
    if (release)
    {
        msbuild.WithProperty("RealtimeKitRelease", "true");
    }
    else
    {
        msbuild.WithProperty("VersionSuffix", "dev." + DateTime.UtcNow.ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture));
    }

    PackInto(packages, msbuild, noBuild: false);
});

Task("Mutate")
    .Description("Mutation-tests --project=facade|emulator|cli|generator (default: all), or only --files=<glob;glob> of it, with Stryker.NET and the project's stryker-config.json; reports (json, markdown, html) under artifacts/mutation/<project>. Fails below the configured break threshold. Not part of Test: a run takes minutes per project.")
    .IsDependentOn("InstallMock")
    .Does(() =>
{
    var chosen = mutateProject.Equals("all", StringComparison.OrdinalIgnoreCase)
        ? mutationTargets.Keys.ToList()
        : new List<string> { mutateProject };
    var unknown = chosen.Where(name => !mutationTargets.ContainsKey(name)).ToList();
    if (unknown.Count > 0)
    {
        throw new Exception($"Mutate: unknown --project={string.Join(",", unknown)}; expected one of {string.Join(", ", mutationTargets.Keys)} or all.");
    }

    if (mutateShard != "" && (chosen.Count != 1 || mutateSince != "" || mutateFiles != ""))
    {
        throw new Exception($"Mutate: --shard={mutateShard} splits one whole project: give one --project, and neither --since nor --files.");
    }

    // What to run: every chosen project, or with --since only those whose C# sources changed.
    var runs = new List<(string Name, string Tests, string Arguments, string Output)>();
    foreach (var name in chosen)
    {
        var (source, tests) = mutationTargets[name];
        var arguments = "stryker --config-file stryker-config.json";
        if (mutateSince != "")
        {
            // Stryker starts by building and running the whole test project, minutes before it looks at the diff:
            // a project whose sources did not change is not started at all.
            var changed = ChangedCSharpFiles(mutateSince, source);
            if (changed.Count == 0)
            {
                Information($"Mutate {name}: no C# file under {source} changed since {mutateSince}; nothing to mutate.");
                continue;
            }

            Information($"Mutate {name}: {changed.Count} C# file(s) changed since {mutateSince}: {string.Join(", ", changed)}");
            // Stryker resolves only branch names, tags and full commit ids, not HEAD~1.
            arguments += $" --since:{CommitId(mutateSince)}";
        }

        foreach (var glob in mutateFiles.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            arguments += $" --mutate \"{glob}\"";
        }

        var output = MakeAbsolute(artifacts + Directory("mutation") + Directory(name)).FullPath;
        if (mutateShard != "")
        {
            // The part's files come from SpecTools (which stamps the part with HEAD); the break applies to the merged
            // score, not to a part's.
            BuildSpecTools();
            var part = SpecToolsLines($"mutation-shard --project \"{source}\" --tests \"{tests}\" --shard {mutateShard} --reports \"{output}\"");
            output = part[0];
            Information($"Mutate {name}, part {mutateShard}: {part.Count - 1} file(s): {string.Join(", ", part.Skip(1))}");
            arguments += string.Concat(part.Skip(1).Select(file => $" --mutate \"**/{file}\"")) + " --break-at 0";
            if (part.Count == 1)
            {
                Information($"Mutate {name}, part {mutateShard}: no file to mutate.");
                continue;
            }
        }
        else
        {
            CleanDirectory(output);
        }

        runs.Add((name, tests, arguments, output));
    }

    var failed = new List<string>();
    if (runs.Count > 0)
    {
        // One mock for every test session Stryker starts; without PRISM_URL each would start its own (seconds apiece).
        WithPrism(prismUrl =>
        {
            foreach (var (name, tests, arguments, output) in runs)
            {
                var exit = StartProcess("dotnet", new ProcessSettings
                {
                    Arguments = $"{arguments} --output \"{output}\"",
                    WorkingDirectory = tests,
                    EnvironmentVariables = new Dictionary<string, string> { ["PRISM_URL"] = prismUrl },
                });
                if (exit != 0)
                {
                    failed.Add($"{name} (exit code {exit})");
                }
            }
        });
    }

    if (mutateShard != "" && failed.Count == 0)
    {
        // The parts present so far, merged: exit 3 only says parts are still to run.
        var name = chosen[0];
        var reports = MakeAbsolute(artifacts + Directory("mutation") + Directory(name)).FullPath;
        var config = MakeAbsolute(Directory(mutationTargets[name].Tests) + File("stryker-config.json")).FullPath;
        var exit = SpecTools($"mutation-score --reports \"{reports}\" --config \"{config}\"");
        if (exit is not 0 and not 3)
        {
            failed.Add($"{name} (merged score, exit code {exit})");
        }
    }

    if (failed.Count > 0)
    {
        throw new Exception($"Mutation testing failed or scored below its break threshold for: {string.Join(", ", failed)}; see artifacts/mutation/<project>/reports.");
    }
});

Task("AcceptApi")
    .Description("Records the current public API of every shipping project in its PublicAPI.Unshipped.txt (additions, and *REMOVED* entries for removals), after a reviewed change.")
    .IsDependentOn("BuildSpecTools")
    .Does(() =>
{
    if (SpecTools("accept-api") != 0)
    {
        throw new Exception("AcceptApi failed (see above).");
    }
});

Task("SpecReport")
    .Description("Writes artifacts/spec-report.md and .json: the spec's and the public API's changes since --base (default: the merge base with main), each classified for SDK users, and the version bump they need. Fails on a breaking change without a major bump.")
    .IsDependentOn("Build")
    .IsDependentOn("BuildSpecTools")
    .Does(() =>
{
    var arguments = $"report --api {apiMode}" + (string.IsNullOrEmpty(baseRef) ? string.Empty : $" --base \"{baseRef}\"");
    var exit = SpecTools(arguments);
    if (exit == 3)
    {
        throw new Exception("A breaking change arrives without a major version bump: raise <VersionPrefix> in Directory.Build.props as artifacts/spec-report.md says.");
    }

    if (exit != 0)
    {
        throw new Exception($"The spec report could not be made (exit code {exit}; see above).");
    }
});

Task("Drift")
    .Description("Writes artifacts/drift-report.md and .json: the spec against Cloudflare's published description (--published=<file or URL>) on the operations both hold, less the corrections marked '# Differs from the published description:'.")
    .IsDependentOn("BuildSpecTools")
    .Does(() =>
{
    if (string.IsNullOrEmpty(published))
    {
        throw new Exception("Drift needs --published=<file or URL> (Cloudflare's published OpenAPI description, JSON or YAML).");
    }

    var exit = SpecTools($"drift --published \"{published}\"");
    if (exit != 0)
    {
        throw new Exception($"The drift check could not run (exit code {exit}; see above).");
    }
});

// Runs the action with a Prism mock of the spec listening on a free loopback port (its URL passed in), and stops
// Prism by its own process id afterwards, whatever the action did.
void WithPrism(Action<string> action)
{
    var port = FreeLoopbackPort();
    var start = new System.Diagnostics.ProcessStartInfo("node")
    {
        UseShellExecute = false,
        RedirectStandardOutput = true,
        RedirectStandardError = true,
    };
    foreach (var argument in new[] { MakeAbsolute(prismScript).FullPath, "mock", MakeAbsolute(File("./openapi/realtimekit.yaml")).FullPath, "-h", "127.0.0.1", "-p", port.ToString() })
    {
        start.ArgumentList.Add(argument);
    }

    using var prism = System.Diagnostics.Process.Start(start);
    prism.OutputDataReceived += (_, _) => { };
    prism.ErrorDataReceived += (_, _) => { };
    prism.BeginOutputReadLine();
    prism.BeginErrorReadLine();
    Information($"Prism started (process {prism.Id}) on 127.0.0.1:{port}.");
    try
    {
        WaitForPort(port, prism);
        action($"http://127.0.0.1:{port}");
    }
    finally
    {
        // Stopped by its own process id, whatever the tests did.
        if (!prism.HasExited)
        {
            prism.Kill(entireProcessTree: true);
            prism.WaitForExit();
        }

        Information($"Prism (process {prism.Id}) stopped.");
    }
}

// Packs every shipping project (with its .snupkg symbols) into the folder; noBuild packs what the build made.
void PackInto(ConvertableDirectoryPath output, DotNetMSBuildSettings msbuild, bool noBuild)
{
    foreach (var project in packableProjects)
    {
        DotNetPack(project, new DotNetPackSettings
        {
            Configuration = configuration,
            NoRestore = true,
            NoBuild = noBuild,
            OutputDirectory = output,
            MSBuildSettings = msbuild,
        });
    }
}

// Runs the SpecTools console (generator/RealtimeKit.SpecTools) from the repository root; returns its exit code.
int SpecTools(string arguments) =>
    StartProcess("dotnet", new ProcessSettings { Arguments = SpecToolsArguments(arguments) });

// Runs the SpecTools console and returns the lines it printed; fails on a non-zero exit code.
List<string> SpecToolsLines(string arguments)
{
    var exit = StartProcess("dotnet", new ProcessSettings { Arguments = SpecToolsArguments(arguments), RedirectStandardOutput = true }, out var lines);
    if (exit != 0)
    {
        throw new Exception($"SpecTools {arguments.Split(' ')[0]} failed with exit code {exit} (see above).");
    }

    return lines.ToList();
}

string SpecToolsArguments(string arguments) => $"\"{MakeAbsolute(specToolsDll).FullPath}\" {arguments} --configuration {configuration}";

// Builds generator/RealtimeKit.SpecTools (incremental: seconds when nothing changed).
void BuildSpecTools() => DotNetBuild(specToolsProject, new DotNetBuildSettings { Configuration = configuration });

// npm ci from a committed lockfile, only when the lock changed since the last install (it takes ~15 s). Spectral
// runs no install scripts: none of its packages needs one, and the one it has only reports usage over the network.
void NpmCi(ConvertableDirectoryPath directory, ConvertableFilePath script, bool ignoreScripts)
{
    var stamp = directory + File("node_modules/.package-lock.json");
    var lockFile = directory + File("package-lock.json");
    if (FileExists(script) && FileExists(stamp)
        && System.IO.File.GetLastWriteTimeUtc(stamp) >= System.IO.File.GetLastWriteTimeUtc(lockFile))
    {
        Information($"{directory} is installed and up to date.");
        return;
    }

    var exit = StartProcess("npm", new ProcessSettings
    {
        Arguments = "ci --no-audit --no-fund" + (ignoreScripts ? " --ignore-scripts" : string.Empty),
        WorkingDirectory = directory,
    });
    if (exit != 0)
    {
        throw new Exception($"npm ci in {directory} failed with exit code {exit}.");
    }
}

// The full commit id a git ref names.
string CommitId(string gitRef)
{
    var exit = StartProcess("git", new ProcessSettings
    {
        Arguments = $"rev-parse --verify \"{gitRef}^{{commit}}\"",
        RedirectStandardOutput = true,
    }, out var lines);
    var id = lines.FirstOrDefault()?.Trim() ?? "";
    if (exit != 0 || id.Length != 40)
    {
        throw new Exception($"'{gitRef}' names no commit in this clone (git rev-parse exit code {exit}).");
    }

    return id;
}

// The C# files under a folder (repository-relative, with a trailing slash) that differ from a git ref, deleted ones left out.
List<string> ChangedCSharpFiles(string since, string folder)
{
    var exit = StartProcess("git", new ProcessSettings
    {
        Arguments = $"diff --name-only --diff-filter=d \"{since}\" -- \"{folder}\"",
        RedirectStandardOutput = true,
    }, out var lines);
    if (exit != 0)
    {
        throw new Exception($"Mutate: git diff against '{since}' failed with exit code {exit}; --since needs a commit this clone has.");
    }

    return lines.Where(line => line.EndsWith(".cs", StringComparison.Ordinal)).ToList();
}

static int FreeLoopbackPort()
{
    var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
    listener.Start();
    var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    listener.Stop();
    return port;
}

static void WaitForPort(int port, System.Diagnostics.Process process)
{
    for (var attempt = 0; attempt < 300; attempt++)
    {
        if (process.HasExited)
        {
            throw new Exception($"Prism (process {process.Id}) exited with code {process.ExitCode} before listening.");
        }

        try
        {
            using var probe = new System.Net.Sockets.TcpClient();
            probe.Connect(System.Net.IPAddress.Loopback, port);
            return;
        }
        catch (System.Net.Sockets.SocketException)
        {
            System.Threading.Thread.Sleep(100);
        }
    }

    throw new Exception($"Prism (process {process.Id}) did not listen on 127.0.0.1:{port} within 30 s.");
}

RunTarget(target);
