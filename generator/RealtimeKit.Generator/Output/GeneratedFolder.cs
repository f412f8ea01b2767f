using System.Text;
using System.Text.Json.Nodes;

namespace RealtimeKit.Generator.Output;

/// <summary>
/// The folder the generated client lives in (under <c>obj/</c>): a lock so concurrent builds generate one at a
/// time, a staging folder Kiota writes into, and a stamp written last that records what the output was
/// generated from. A folder without a current stamp is regenerated.
/// </summary>
public sealed class GeneratedFolder(string path)
{
    /// <summary>The stamp's file name; it is also what MSBuild compares with the inputs.</summary>
    public const string StampFileName = "realtimekit-generation.json";

    private static readonly TimeSpan LockLimit = TimeSpan.FromMinutes(5);

    /// <summary>The folder's full path.</summary>
    public string Path { get; } = System.IO.Path.GetFullPath(path).TrimEnd('/', '\\');

    /// <summary>Where Kiota writes before the output is replaced, beside the folder.</summary>
    public string StagingPath => Path + ".staging";

    private string StampPath => System.IO.Path.Combine(Path, StampFileName);

    /// <summary>
    /// Waits until no other build generates into this folder and holds it until disposed. The lock file sits
    /// beside the folder; the operating system releases it if the process dies.
    /// </summary>
    public IDisposable Lock()
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        var deadline = DateTime.UtcNow + LockLimit;
        while (true)
        {
            try
            {
                return new FileStream(Path + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(100);
            }
        }
    }

    /// <summary>Whether the folder holds a complete output generated from exactly <paramref name="fingerprint"/>.</summary>
    public bool IsCurrent(string fingerprint, string requiredFile)
    {
        try
        {
            return File.Exists(System.IO.Path.Combine(Path, requiredFile))
                && JsonNode.Parse(File.ReadAllText(StampPath))?["fingerprint"]?.GetValue<string>() == fingerprint;
        }
        catch (Exception e) when (e is IOException or System.Text.Json.JsonException or InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>Marks a current output as checked now, so MSBuild's timestamp check passes again without regenerating.</summary>
    public void Touch() => File.SetLastWriteTimeUtc(StampPath, DateTime.UtcNow);

    /// <summary>Forgets the stamp: whatever happens next, the folder is not taken as current.</summary>
    public void Invalidate()
    {
        if (File.Exists(StampPath))
        {
            File.Delete(StampPath);
        }
    }

    /// <summary>Empties the staging folder for a new run.</summary>
    public void ClearStaging()
    {
        if (Directory.Exists(StagingPath))
        {
            Directory.Delete(StagingPath, recursive: true);
        }
    }

    /// <summary>
    /// Replaces the folder with the staged output and writes the stamp last. Refuses to delete a non-empty
    /// folder that was not generated here (no stamp and no <paramref name="markerFile"/>).
    /// </summary>
    public void Promote(string markerFile, JsonObject stamp)
    {
        if (Directory.Exists(Path))
        {
            var ours = File.Exists(System.IO.Path.Combine(Path, markerFile)) || File.Exists(StampPath) || !Directory.EnumerateFileSystemEntries(Path).Any();
            if (!ours)
            {
                throw new IOException($"'{Path}' holds files that were not generated here; refusing to replace it.");
            }

            Directory.Delete(Path, recursive: true);
        }

        Directory.Move(StagingPath, Path);
        var json = stamp.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }).ReplaceLineEndings("\n") + "\n";
        File.WriteAllText(StampPath, json, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
    }
}
