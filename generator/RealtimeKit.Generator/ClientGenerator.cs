using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using RealtimeKit.Generator.CodeModel;
using RealtimeKit.Generator.Diagnostics;
using RealtimeKit.Generator.Loading;
using RealtimeKit.Generator.Writing;

namespace RealtimeKit.Generator;

/// <summary>The whole pipeline: load → code model → C# files in the output folder, plus a lock file.</summary>
public static class ClientGenerator
{
    /// <summary>The lock file's name in the output folder; its presence marks a folder as ours to clean.</summary>
    public const string LockFileName = "generator-lock.json";

    /// <summary>
    /// Generates the client. Everything is produced in memory first, so a spec error leaves the previous
    /// output untouched; then the folder's old output is replaced. Returns the warnings the spec produced.
    /// </summary>
    public static IReadOnlyList<SpecDiagnostic> Generate(GeneratorOptions options)
    {
        var display = options.SpecDisplayPath ?? options.SpecPath;
        var spec = SpecLoader.LoadFile(options.SpecPath, display);
        var files = GenerateFiles(spec, options.RootNamespace, options.ClientClassName);
        files[LockFileName] = LockFile(File.ReadAllBytes(options.SpecPath), options, files.Count);
        WriteOutput(options.OutputDirectory, files, display);
        return spec.Warnings;
    }

    /// <summary>The generated files for a loaded spec: relative path → content, in ordinal order.</summary>
    public static SortedDictionary<string, string> GenerateFiles(LoadedSpec spec, string rootNamespace, string clientClassName)
    {
        var model = CodeModelBuilder.Build(spec, rootNamespace, clientClassName);
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (path, content) in CSharpWriter.WriteAll(model))
        {
            if (!files.TryAdd(path, content))
            {
                throw new SpecException(spec.At("/", DiagnosticCodes.NameCollision, $"Two generated types would both be written to '{path}'."));
            }
        }

        return files;
    }

    private static string LockFile(byte[] specBytes, GeneratorOptions options, int fileCount)
    {
        // Hash the text with \n endings so a Windows checkout (CRLF) gives the same lock as Linux.
        var normalized = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(specBytes).Replace("\r\n", "\n", StringComparison.Ordinal));
        var lockJson = new JsonObject
        {
            ["generator"] = GeneratorInfo.Name,
            ["generatorVersion"] = GeneratorInfo.Version,
            ["kiotaSurfaceVersion"] = GeneratorInfo.KiotaSurfaceVersion,
            ["descriptionLocation"] = (options.SpecDisplayPath ?? Path.GetFileName(options.SpecPath)).Replace('\\', '/'),
            ["descriptionHash"] = Convert.ToHexStringLower(SHA256.HashData(normalized)),
            ["language"] = "CSharp",
            ["clientClassName"] = options.ClientClassName,
            ["clientNamespaceName"] = options.RootNamespace,
            ["excludeBackwardCompatible"] = true,
            ["generatedFiles"] = fileCount,
        };
        return lockJson.ToJsonString(new JsonSerializerOptions { WriteIndented = true }).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";
    }

    private static void WriteOutput(string directory, SortedDictionary<string, string> files, string specDisplay)
    {
        try
        {
            var root = Path.GetFullPath(directory);
            if (Directory.Exists(root))
            {
                var existing = Directory.GetFiles(root, "*", SearchOption.AllDirectories);
                if (existing.Length > 0 && !File.Exists(Path.Combine(root, LockFileName)))
                {
                    throw new IOException($"'{root}' holds files but no {LockFileName}; refusing to clean a folder the generator did not write.");
                }

                foreach (var file in existing)
                {
                    File.Delete(file);
                }

                foreach (var dir in Directory.GetDirectories(root, "*", SearchOption.AllDirectories).OrderByDescending(d => d.Length))
                {
                    Directory.Delete(dir);
                }
            }

            // Lock file last: its timestamp tells MSBuild the output is complete.
            foreach (var (relative, content) in files.Where(f => f.Key != LockFileName).Append(files.Single(f => f.Key == LockFileName)))
            {
                var path = Path.Combine(root, relative);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, content, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SpecException(new SpecDiagnostic(DiagnosticCodes.Io, $"Cannot write the generated client: {e.Message}", specDisplay, 1, 1));
        }
    }
}
