using System.Formats.Tar;

namespace RealtimeKit.SpecTools.Infrastructure;

/// <summary>The few git questions the spec report asks, answered by the git command line.</summary>
public sealed class GitRepository
{
    /// <summary>Opens the repository whose work tree is at (or above) <paramref name="root"/>.</summary>
    public GitRepository(string root) => Root = root;

    /// <summary>The work tree root.</summary>
    public string Root { get; }

    /// <summary>The full commit id <paramref name="reference"/> names, or null when it names none.</summary>
    public string? ResolveCommit(string reference)
    {
        var result = Git("rev-parse", "--verify", "--quiet", reference + "^{commit}");
        return result.ExitCode == 0 ? result.Output.Trim() : null;
    }

    /// <summary>
    /// The default base of a report: the merge base of HEAD with <c>main</c> (or <c>origin/main</c>), so a branch is
    /// compared with where it left main. On main itself that is HEAD, and the report covers uncommitted changes.
    /// </summary>
    public string? DefaultBase()
    {
        foreach (var main in new[] { "main", "origin/main" })
        {
            if (ResolveCommit(main) is null)
            {
                continue;
            }

            var result = Git("merge-base", "HEAD", main);
            if (result.ExitCode == 0)
            {
                return result.Output.Trim();
            }
        }

        return null;
    }

    /// <summary>The text of <paramref name="path"/> (repository-relative, forward slashes) at <paramref name="commit"/>, or null when it did not exist.</summary>
    public string? ReadFile(string commit, string path)
    {
        var result = Git("show", $"{commit}:{path}");
        return result.ExitCode == 0 ? result.Output : null;
    }

    /// <summary>Whether anything under <paramref name="paths"/> differs between <paramref name="commit"/> and the work tree.</summary>
    public bool Differs(string commit, IEnumerable<string> paths)
    {
        var result = Git(["diff", "--quiet", commit, "--", .. paths]);
        return result.ExitCode != 0;
    }

    /// <summary>Writes the tree of <paramref name="commit"/> into <paramref name="directory"/> (no .git, nothing registered in the repository).</summary>
    public void Export(string commit, string directory)
    {
        var archive = Path.Combine(Path.GetTempPath(), $"rtk-{Guid.NewGuid():N}.tar");
        try
        {
            var result = Git("archive", "--format=tar", "-o", archive, commit);
            if (result.ExitCode != 0)
            {
                throw new InvalidOperationException($"git archive {commit} failed: {result.Error.Trim()}");
            }

            Directory.CreateDirectory(directory);
            TarFile.ExtractToDirectory(archive, directory, overwriteFiles: true);
        }
        finally
        {
            File.Delete(archive);
        }
    }

    /// <summary>Whether two commits differ nowhere but in <paramref name="ignored"/> (git pathspecs of what to leave out).</summary>
    public bool SameCode(string commit, string other, IEnumerable<string> ignored) =>
        string.Equals(commit, other, StringComparison.Ordinal) || Git(["diff", "--quiet", commit, other, "--", ".", .. ignored]).ExitCode == 0;

    /// <summary>Whether a tracked file outside <paramref name="ignored"/> (git pathspecs) differs from HEAD; untracked files do not count.</summary>
    public bool HasUncommittedChanges(IEnumerable<string> ignored)
    {
        var result = Git(["status", "--porcelain", "--untracked-files=no", "--", ".", .. ignored]);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"git status failed: {result.Error.Trim()}");
        }

        return result.Output.Trim().Length > 0;
    }

    /// <summary>A short form of a commit id for reports.</summary>
    public static string Short(string commit) => commit.Length > 10 ? commit[..10] : commit;

    private ProcessResult Git(params string[] arguments) =>
        ProcessRunner.Run("git", ["-c", "core.quotepath=off", .. arguments], Root, TimeSpan.FromMinutes(2));
}
