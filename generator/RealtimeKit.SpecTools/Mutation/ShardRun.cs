using RealtimeKit.SpecTools.Infrastructure;

namespace RealtimeKit.SpecTools.Mutation;

/// <summary>Prepares one part of a sharded mutation run: picks its files, clears stale parts and stamps its folder.</summary>
public static class ShardRun
{
    /// <summary>
    /// Chooses <paramref name="shard"/>'s share of the C# files under <paramref name="project"/> (bin and obj left
    /// out; judged by the test project in <paramref name="tests"/>, repository-relative), removes parts under <paramref name="projectReports"/>/shards that measured other code or another split
    /// (they can no longer be merged with this one), and writes an empty folder for this part holding its stamp.
    /// </summary>
    /// <returns>The part's folder (Stryker's output) and its stamp.</returns>
    public static (string Folder, ShardStamp Stamp) Prepare(GitRepository repository, string project, string tests, MutationShard shard, string projectReports, Action<string> log)
    {
        ArgumentNullException.ThrowIfNull(repository);
        ArgumentNullException.ThrowIfNull(shard);
        ArgumentNullException.ThrowIfNull(log);
        if (!Directory.Exists(project))
        {
            throw new DirectoryNotFoundException($"The project folder {project} does not exist.");
        }

        var sources = Directory.EnumerateFiles(project, "*.cs", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(project, path).Replace('\\', '/'))
            .Where(path => !path.StartsWith("bin/", StringComparison.Ordinal) && !path.StartsWith("obj/", StringComparison.Ordinal))
            .Select(path => (path, new FileInfo(Path.Combine(project, path)).Length))
            .ToList();
        var commit = repository.ResolveCommit("HEAD") ?? throw new InvalidOperationException($"{repository.Root} has no commit to stamp the part with.");
        var testsFolder = Path.GetRelativePath(repository.Root, Path.GetFullPath(tests, repository.Root)).Replace('\\', '/');
        var ignored = MeasuredCode.Ignored(repository.Root, testsFolder);
        var stamp = new ShardStamp(shard.ToString(), commit, repository.HasUncommittedChanges(ignored), shard.FilesOf(sources), testsFolder);

        var shards = Path.Combine(projectReports, "shards");
        foreach (var other in Directory.Exists(shards) ? Directory.GetDirectories(shards) : [])
        {
            var stampFile = Path.Combine(other, ShardStamp.FileName);
            var old = File.Exists(stampFile) ? ShardStamp.Parse(File.ReadAllText(stampFile), stampFile) : null;
            if (old is null || MutationShard.Parse(old.Shard).Count != shard.Count || !MeasuredCode.Same(repository, old, stamp))
            {
                log($"Removing {other}: {(old is null ? "no stamp" : $"part {old.Shard} of commit {GitRepository.Short(old.Commit)}")}, which cannot be merged with part {shard} of {GitRepository.Short(commit)}.");
                Directory.Delete(other, recursive: true);
            }
        }

        var folder = Path.Combine(shards, shard.FolderName);
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, ShardStamp.FileName), stamp.ToJson());
        return (folder, stamp);
    }
}
