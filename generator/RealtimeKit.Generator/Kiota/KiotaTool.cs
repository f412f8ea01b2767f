using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;

namespace RealtimeKit.Generator.Kiota;

/// <summary>What one run of a process printed, and how it ended.</summary>
/// <param name="ExitCode">The exit code, or -1 when the process was stopped for taking too long.</param>
/// <param name="Output">Standard output and standard error, as printed.</param>
public sealed record ProcessResult(int ExitCode, string Output);

/// <summary>
/// Runs the Kiota version pinned in the repository's tool manifest (<c>dotnet tool run kiota</c> from the
/// repository root), restoring the local tools first when this machine has never restored them.
/// </summary>
public sealed class KiotaTool
{
    private static readonly TimeSpan RunLimit = TimeSpan.FromMinutes(5);

    private readonly string repositoryRoot;
    private readonly string dotnetHost;

    /// <summary>Kiota as the repository at <paramref name="repositoryRoot"/> pins it, run by the dotnet that runs the build.</summary>
    public KiotaTool(string repositoryRoot)
        : this(repositoryRoot, BuildHost())
    {
    }

    /// <summary>Tests run a stand-in for <c>dotnet</c>, to see what the pipeline makes of a Kiota run it cannot provoke.</summary>
    internal KiotaTool(string repositoryRoot, string dotnetHost)
    {
        this.repositoryRoot = repositoryRoot;
        this.dotnetHost = dotnetHost;
    }

    /// <summary>The repository's tool manifest.</summary>
    public string ManifestPath => Path.Combine(repositoryRoot, ".config", "dotnet-tools.json");

    /// <summary>The Kiota version the manifest pins.</summary>
    public string PinnedVersion()
    {
        var manifest = JsonNode.Parse(File.ReadAllText(ManifestPath));
        return manifest?["tools"]?[KiotaSettings.ToolPackageId]?["version"]?.GetValue<string>()
            ?? throw new InvalidDataException($"{ManifestPath} does not pin '{KiotaSettings.ToolPackageId}'.");
    }

    /// <summary>Runs <c>kiota generate</c> into <paramref name="outputDirectory"/>.</summary>
    public ProcessResult Generate(string specPath, string outputDirectory)
    {
        string[] run = ["tool", "run", "kiota", "--", .. KiotaSettings.GenerateArguments(specPath, outputDirectory)];
        var result = RunDotnet(run);
        if (result.ExitCode != 0 && result.Output.Contains("dotnet tool restore", StringComparison.Ordinal))
        {
            // A fresh clone: the manifest pins the tool, but this machine has not restored it yet.
            var restore = RunDotnet(["tool", "restore", "--tool-manifest", ManifestPath]);
            if (restore.ExitCode != 0)
            {
                return restore with { Output = "dotnet tool restore failed: " + restore.Output };
            }

            result = RunDotnet(run);
        }

        return result;
    }

    // Under MSBuild, DOTNET_HOST_PATH names the dotnet that runs the build; use the same one.
    private static string BuildHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } path && File.Exists(path) ? path : "dotnet";

    private ProcessResult RunDotnet(IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(dotnetHost)
        {
            WorkingDirectory = repositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in KiotaSettings.Environment)
        {
            start.Environment[name] = value;
        }

        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(RunLimit))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            return new ProcessResult(-1, $"stopped after {RunLimit.TotalMinutes} minutes: {output}");
        }

        process.WaitForExit();
        return new ProcessResult(process.ExitCode, output.ToString());
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }
}
