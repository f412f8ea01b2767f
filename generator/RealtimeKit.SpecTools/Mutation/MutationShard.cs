using System.Globalization;

namespace RealtimeKit.SpecTools.Mutation;

/// <summary>
/// One of <see cref="Count"/> parts of a project's mutation run (<c>--shard=2/3</c>), so a run too long for one sitting
/// (or one CI machine) can be split; the parts' reports are merged by <see cref="ShardedScore"/>.
/// </summary>
/// <param name="Index">1-based part number.</param>
/// <param name="Count">How many parts the project is split into.</param>
public sealed record MutationShard(int Index, int Count)
{
    /// <summary>The most parts a project is split into: more than files would leave parts empty.</summary>
    public const int MaxCount = 32;

    /// <summary>Reads <c>K/N</c>: 1 ≤ K ≤ N ≤ <see cref="MaxCount"/>.</summary>
    /// <exception cref="FormatException">The text is not of that form; the message names it and what is expected.</exception>
    public static MutationShard Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split('/');
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            && count is >= 1 and <= MaxCount
            && index >= 1 && index <= count)
        {
            return new MutationShard(index, count);
        }

        throw new FormatException($"--shard must be K/N with 1 <= K <= N <= {MaxCount} (for example 2/3), not '{text}'.");
    }

    /// <summary>
    /// This part's files, from all of the project's source files (project-relative paths, forward slashes) and their
    /// sizes. Files are spread so each part holds about the same amount of code (mutants grow with it); files that
    /// share a name stay in one part, because a part selects its files with <c>**/path</c> globs, and
    /// <c>**/Program.cs</c> also matches <c>Tools/Program.cs</c>. The split depends only on the paths and sizes, so every
    /// part computes the same one.
    /// </summary>
    public IReadOnlyList<string> FilesOf(IEnumerable<(string Path, long Size)> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var groups = files
            .GroupBy(f => System.IO.Path.GetFileName(f.Path), StringComparer.OrdinalIgnoreCase)
            .Select(g => (Paths: g.Select(f => f.Path).ToList(), Size: g.Sum(f => f.Size)))
            .OrderByDescending(g => g.Size)
            .ThenBy(g => g.Paths.Min(StringComparer.Ordinal), StringComparer.Ordinal);
        var loads = new long[Count];
        var owned = Enumerable.Range(0, Count).Select(_ => new List<string>()).ToArray();
        foreach (var (paths, size) in groups)
        {
            // The lightest part takes the next largest group (ties go to the lowest part).
            var lightest = Array.IndexOf(loads, loads.Min());
            loads[lightest] += size;
            owned[lightest].AddRange(paths);
        }

        return owned[Index - 1].Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>The folder name of this part's report, <c>2-of-3</c>.</summary>
    public string FolderName => FormattableString.Invariant($"{Index}-of-{Count}");

    /// <inheritdoc />
    public override string ToString() => FormattableString.Invariant($"{Index}/{Count}");
}
