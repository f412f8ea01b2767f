using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using RealtimeKit.Generator.Checking;
using RealtimeKit.Generator.Diagnostics;
using RealtimeKit.Generator.Kiota;
using RealtimeKit.Generator.Output;

namespace RealtimeKit.Generator;

/// <summary>What the build asks for: which spec, how diagnostics name it, where the client goes, where the tool manifest is.</summary>
/// <param name="SpecPath">The OpenAPI YAML file.</param>
/// <param name="SpecDisplayPath">How diagnostics name the spec (the repository-relative path).</param>
/// <param name="OutputDirectory">The folder the generated client is written to.</param>
/// <param name="RepositoryRoot">The folder whose <c>.config/dotnet-tools.json</c> pins Kiota.</param>
public sealed record GenerationRequest(string SpecPath, string SpecDisplayPath, string OutputDirectory, string RepositoryRoot);

/// <summary>How a generation ended.</summary>
/// <param name="Succeeded">Whether the output folder now holds a client generated from the spec.</param>
/// <param name="Diagnostics">Every error and warning, located on the spec.</param>
/// <param name="Summary">One line saying what happened.</param>
public sealed record GenerationResult(bool Succeeded, IReadOnlyList<SpecDiagnostic> Diagnostics, string Summary);

/// <summary>
/// Check → Kiota → located diagnostics. The spec is checked first, because Kiota lets broken specs through
/// with exit code 0; Kiota then writes into a staging folder, and only an output without a <c>fail:</c> replaces
/// the previous client.
/// </summary>
public static class GenerationPipeline
{
    /// <summary>The file every complete output has.</summary>
    public const string ClientFile = KiotaSettings.ClientClassName + ".cs";

    /// <summary>Runs the whole pipeline for <paramref name="request"/>.</summary>
    public static GenerationResult Run(GenerationRequest request) => Run(request, new KiotaTool(request.RepositoryRoot));

    /// <summary>Runs the whole pipeline with a given Kiota runner.</summary>
    public static GenerationResult Run(GenerationRequest request, KiotaTool kiota)
    {
        var folder = new GeneratedFolder(request.OutputDirectory);
        using var held = folder.Lock();

        LoadedSpec spec;
        try
        {
            spec = SpecLoader.LoadFile(request.SpecPath, request.SpecDisplayPath);
        }
        catch (SpecException e)
        {
            folder.Invalidate();
            return new GenerationResult(false, e.Diagnostics, $"{e.Diagnostics.Count} problem(s) in {request.SpecDisplayPath}; nothing generated.");
        }

        var version = kiota.PinnedVersion();
        var fingerprint = Fingerprint(request.SpecPath, version);
        if (folder.IsCurrent(fingerprint, ClientFile))
        {
            folder.Touch();
            return new GenerationResult(true, spec.Warnings, $"{folder.Path} is already generated from this spec with Kiota {version}.");
        }

        folder.Invalidate();
        folder.ClearStaging();
        var run = kiota.Generate(Path.GetFullPath(request.SpecPath), folder.StagingPath);
        var diagnostics = spec.Warnings.Concat(KiotaLog.Parse(run.Output).Select(e => KiotaDiagnostics.Locate(e, spec.Map))).ToList();
        if (RunProblem(run, folder.StagingPath, version) is { } problem)
        {
            diagnostics.Add(new SpecDiagnostic(DiagnosticCodes.KiotaRun, problem, request.SpecDisplayPath, 1, 1));
        }

        if (diagnostics.Any(d => !d.IsWarning))
        {
            folder.ClearStaging();
            return new GenerationResult(false, diagnostics, $"Kiota {version} could not generate the client from {request.SpecDisplayPath}; nothing replaced.");
        }

        folder.Promote(KiotaSettings.LockFileName, new JsonObject
        {
            ["fingerprint"] = fingerprint,
            ["kiotaVersion"] = version,
            ["spec"] = request.SpecDisplayPath,
        });
        return new GenerationResult(true, diagnostics, $"Kiota {version} generated {KiotaSettings.ClientClassName} from {request.SpecDisplayPath} into {folder.Path}.");
    }

    /// <summary>
    /// What the output depends on: the spec's text (line endings normalized, so a Windows checkout matches),
    /// every Kiota argument and the pinned Kiota version.
    /// </summary>
    public static string Fingerprint(string specPath, string kiotaVersion)
    {
        var text = new StringBuilder()
            .Append(File.ReadAllText(specPath).ReplaceLineEndings("\n")).Append('\0')
            .AppendJoin('\0', KiotaSettings.GenerateArguments("<spec>", "<output>")).Append('\0')
            .AppendJoin('\0', KiotaSettings.Environment.Select(e => e.Key + "=" + e.Value)).Append('\0')
            .Append(kiotaVersion);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    // Kiota's exit code and output can both lie; a run is good only if it exited 0 and wrote a client with its lock.
    private static string? RunProblem(ProcessResult run, string staging, string version)
    {
        if (run.ExitCode != 0)
        {
            return $"Kiota exited with code {run.ExitCode}: {Tail(run.Output)}";
        }

        var lockFile = Path.Combine(staging, KiotaSettings.LockFileName);
        if (!File.Exists(Path.Combine(staging, ClientFile)) || !File.Exists(lockFile))
        {
            return $"Kiota exited 0 but wrote no {ClientFile} and {KiotaSettings.LockFileName}: {Tail(run.Output)}";
        }

        var written = JsonNode.Parse(File.ReadAllText(lockFile))?["kiotaVersion"]?.GetValue<string>();
        return written == version ? null : $"The client was written by Kiota {written}, but the tool manifest pins {version}.";
    }

    private static string Tail(string output)
    {
        var trimmed = output.Trim().ReplaceLineEndings(" ");
        return trimmed.Length <= 2000 ? trimmed : "..." + trimmed[^2000..];
    }
}
