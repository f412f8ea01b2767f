using System.Xml.Linq;
using RealtimeKit.SpecTools.Infrastructure;

namespace RealtimeKit.SpecTools.Mutation;

/// <summary>
/// Which changes leave a project's mutation score as it was: documentation (Markdown anywhere, docs/) and the test
/// projects its tests do not use. Parts of a sharded run measured on commits that differ only there are of the same
/// code, so work on another project's tests does not void the parts already run.
/// </summary>
public static class MeasuredCode
{
    /// <summary>
    /// Git pathspecs that leave out what does not count for the test project in <paramref name="testsFolder"/>
    /// (repository-relative): documentation, and every sibling folder of it that is neither that project nor one it
    /// references, directly or through another.
    /// </summary>
    public static IReadOnlyList<string> Ignored(string repositoryRoot, string testsFolder)
    {
        var tests = Path.TrimEndingDirectorySeparator(Path.GetFullPath(testsFolder, repositoryRoot));
        if (!Directory.Exists(tests))
        {
            throw new DirectoryNotFoundException($"The test project folder {testsFolder} does not exist.");
        }

        var siblings = Path.GetDirectoryName(tests)!;
        var used = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([tests]);
        while (pending.Count > 0)
        {
            var folder = pending.Pop();
            if (!used.Add(folder))
            {
                continue;
            }

            foreach (var project in Directory.GetFiles(folder, "*.csproj"))
            {
                foreach (var reference in XDocument.Load(project).Descendants("ProjectReference"))
                {
                    var include = reference.Attribute("Include")?.Value.Replace('\\', '/');
                    var referenced = include is null ? null : Path.GetDirectoryName(Path.GetFullPath(include, folder));
                    if (referenced is not null && string.Equals(Path.GetDirectoryName(referenced), siblings, StringComparison.Ordinal))
                    {
                        pending.Push(referenced);
                    }
                }
            }
        }

        var unused = Directory.GetDirectories(siblings)
            .Where(d => !used.Contains(d))
            .Select(d => $":(exclude){Path.GetRelativePath(repositoryRoot, d).Replace('\\', '/')}/")
            .Order(StringComparer.Ordinal);
        return [":(exclude)*.md", ":(exclude)docs/", .. unused];
    }

    /// <summary>Whether two parts measured the same code: the same test project, on commits that differ only where <see cref="Ignored"/> says.</summary>
    public static bool Same(GitRepository repository, ShardStamp part, ShardStamp other)
    {
        ArgumentNullException.ThrowIfNull(repository);
        ArgumentNullException.ThrowIfNull(part);
        ArgumentNullException.ThrowIfNull(other);
        return part.Tests == other.Tests
            && (part.Commit == other.Commit || repository.SameCode(part.Commit, other.Commit, Ignored(repository.Root, part.Tests)));
    }
}
