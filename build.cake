// The one build script: `dotnet tool restore && dotnet cake` restores, builds (which generates the
// Kiota client from openapi/realtimekit.yaml) and runs every test. No addins: they download at run time.
var target = Argument("target", "Test");
var configuration = Argument("configuration", "Release");

var solution = File("./RealtimeKit.Generated.sln");
var artifacts = Directory("./artifacts");
var testResults = artifacts + Directory("test-results");
var packages = artifacts + Directory("packages");
var prismDir = Directory("./tests/prism");
var prismScript = prismDir + File("node_modules/@stoplight/prism-cli/dist/index.js");

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
});

Task("InstallMock")
    .Description("Installs Prism (the spec-driven mock server) from tests/prism/package-lock.json.")
    .Does(() =>
{
    // npm ci only when the lock changed since the last install: it takes ~15 s.
    var stamp = prismDir + File("node_modules/.package-lock.json");
    var lockFile = prismDir + File("package-lock.json");
    if (FileExists(prismScript) && FileExists(stamp)
        && System.IO.File.GetLastWriteTimeUtc(stamp) >= System.IO.File.GetLastWriteTimeUtc(lockFile))
    {
        Information("Prism is installed and up to date.");
        return;
    }

    var exit = StartProcess("npm", new ProcessSettings
    {
        Arguments = "ci --no-audit --no-fund",
        WorkingDirectory = prismDir,
    });
    if (exit != 0)
    {
        throw new Exception($"npm ci in {prismDir} failed with exit code {exit}.");
    }
});

Task("Test")
    .Description("Runs every test project against a Prism mock of the spec, with TRX results under artifacts/test-results.")
    .IsDependentOn("Build")
    .IsDependentOn("InstallMock")
    .Does(() =>
{
    CleanDirectory(testResults);
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
        DotNetTest(solution, new DotNetTestSettings
        {
            Configuration = configuration,
            NoRestore = true,
            NoBuild = true,
            ResultsDirectory = testResults,
            Loggers = new[] { "trx", "console;verbosity=normal" },
            EnvironmentVariables = new Dictionary<string, string> { ["PRISM_URL"] = $"http://127.0.0.1:{port}" },
        });
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
});

Task("Pack")
    .Description("Packs the shipping libraries into artifacts/packages.")
    .IsDependentOn("Test")
    .Does(() =>
{
    DotNetPack(solution, new DotNetPackSettings
    {
        Configuration = configuration,
        NoRestore = true,
        NoBuild = true,
        OutputDirectory = packages,
    });
});

Task("AcceptApi")
    .Description("Records the current public API of every shipping project in its PublicAPI.Unshipped.txt (additions, and *REMOVED* entries for removals), after a reviewed change.")
    .Does(() =>
{
    // Dependent projects only report once their dependencies compile, so repeat until nothing changes.
    for (var pass = 1; pass <= 5; pass++)
    {
        var output = new List<string>();
        StartProcess("dotnet", new ProcessSettings
        {
            Arguments = $"build {solution} -c {configuration} --no-incremental -nologo -tl:off -clp:NoSummary -p:TreatWarningsAsErrors=false",
            RedirectStandardOutput = true,
            RedirectedStandardOutputHandler = line => { if (line != null) { output.Add(line); } return line; },
        }, out _);
        var changed = PublicApiFiles.Accept(output);
        Information($"Pass {pass}: {changed} public API entr{(changed == 1 ? "y" : "ies")} recorded.");
        if (changed == 0)
        {
            return;
        }
    }
});

// Reads RS0016 (not declared) and RS0017 (declared but gone) from build output into PublicAPI.Unshipped.txt.
static class PublicApiFiles
{
    private static readonly System.Text.RegularExpressions.Regex Added = new(@"warning RS0016: Symbol '(?<symbol>.+)' is not part of the declared public API.*\[(?<project>[^\]:]+\.csproj)", System.Text.RegularExpressions.RegexOptions.Compiled);
    private static readonly System.Text.RegularExpressions.Regex AddedAsError = new(@"error RS0016: Symbol '(?<symbol>.+)' is not part of the declared public API.*\[(?<project>[^\]:]+\.csproj)", System.Text.RegularExpressions.RegexOptions.Compiled);
    private static readonly System.Text.RegularExpressions.Regex Removed = new(@"(?<file>[^\s(]+PublicAPI\.Shipped\.txt)\(\d+,\d+\): (error|warning) RS0017: Symbol '(?<symbol>.+)' is part of the declared API", System.Text.RegularExpressions.RegexOptions.Compiled);

    public static int Accept(IEnumerable<string> buildOutput)
    {
        var changes = new Dictionary<string, (HashSet<string> Add, HashSet<string> Remove)>();
        (HashSet<string> Add, HashSet<string> Remove) For(string directory) =>
            changes.TryGetValue(directory, out var c) ? c : changes[directory] = (new HashSet<string>(StringComparer.Ordinal), new HashSet<string>(StringComparer.Ordinal));
        foreach (var line in buildOutput)
        {
            var added = Added.Match(line);
            if (!added.Success) { added = AddedAsError.Match(line); }
            if (added.Success)
            {
                For(System.IO.Path.GetDirectoryName(added.Groups["project"].Value)).Add.Add(added.Groups["symbol"].Value);
            }

            var removed = Removed.Match(line);
            if (removed.Success)
            {
                For(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(removed.Groups["file"].Value))).Remove.Add(removed.Groups["symbol"].Value);
            }
        }

        var count = 0;
        foreach (var (directory, (add, remove)) in changes)
        {
            var unshippedPath = System.IO.Path.Combine(directory, "PublicAPI.Unshipped.txt");
            var lines = System.IO.File.Exists(unshippedPath) ? System.IO.File.ReadAllLines(unshippedPath).ToList() : new List<string> { "#nullable enable" };
            var header = lines.Where(l => l.StartsWith("#", StringComparison.Ordinal)).ToList();
            var entries = new SortedSet<string>(lines.Where(l => l.Length > 0 && !l.StartsWith("#", StringComparison.Ordinal)), StringComparer.Ordinal);
            foreach (var symbol in remove)
            {
                // A symbol only added since the last release just disappears; a shipped one is marked removed.
                if (!entries.Remove(symbol)) { entries.Add("*REMOVED*" + symbol); }
                count++;
            }

            foreach (var symbol in add.Where(entries.Add))
            {
                count++;
            }

            System.IO.File.WriteAllText(unshippedPath, string.Join("\n", header.Concat(entries)) + "\n");
        }

        return count;
    }
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
