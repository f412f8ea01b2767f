namespace RealtimeKit.SpecTools.Api;

/// <summary>What happened to a public API entry.</summary>
public enum ApiChangeKind
{
    /// <summary>A new entry.</summary>
    Added,

    /// <summary>An entry that is gone.</summary>
    Removed,

    /// <summary>An entry whose signature changed (the same member of the same type, written differently).</summary>
    Changed,
}

/// <summary>One change of an assembly's public API.</summary>
/// <param name="Assembly">The assembly's name.</param>
/// <param name="Kind">Added, removed or changed.</param>
/// <param name="Before">The old signature (removed, changed).</param>
/// <param name="After">The new signature (added, changed).</param>
/// <param name="Breaking">Whether code compiled against the old API can break.</param>
/// <param name="Reason">Why it is, or is not, breaking.</param>
public sealed record ApiChange(string Assembly, ApiChangeKind Kind, string? Before, string? After, bool Breaking, string Reason);

/// <summary>Compares the public API of two builds of an assembly.</summary>
public static class ApiComparer
{
    /// <summary>
    /// The changes from <paramref name="before"/> to <paramref name="after"/>. Removing or changing anything breaks
    /// compiled callers; adding breaks only what users must implement (an abstract or interface member of a type
    /// that existed before); everything else added is an addition.
    /// </summary>
    public static IReadOnlyList<ApiChange> Compare(string assembly, IReadOnlyList<ApiEntry> before, IReadOnlyList<ApiEntry> after)
    {
        var oldSignatures = before.Select(e => e.Signature).ToHashSet(StringComparer.Ordinal);
        var newSignatures = after.Select(e => e.Signature).ToHashSet(StringComparer.Ordinal);
        var removed = before.Where(e => !newSignatures.Contains(e.Signature)).ToList();
        var added = after.Where(e => !oldSignatures.Contains(e.Signature)).ToList();
        var oldTypes = before.Select(e => e.Type).ToHashSet(StringComparer.Ordinal);
        var changes = new List<ApiChange>();

        // A member of one type and name that was removed once and added once was changed in place.
        var addedByMember = added.GroupBy(e => (e.Type, e.Member)).ToDictionary(g => g.Key, g => g.ToList());
        var removedByMember = removed.GroupBy(e => (e.Type, e.Member)).ToDictionary(g => g.Key, g => g.ToList());
        var paired = new HashSet<ApiEntry>(ReferenceEqualityComparer.Instance);
        foreach (var (member, olds) in removedByMember)
        {
            if (olds.Count == 1 && addedByMember.TryGetValue(member, out var news) && news.Count == 1)
            {
                changes.Add(new ApiChange(assembly, ApiChangeKind.Changed, olds[0].Signature, news[0].Signature, true, "Changed: code compiled against the old signature breaks."));
                paired.Add(olds[0]);
                paired.Add(news[0]);
            }
        }

        foreach (var entry in removed.Where(e => !paired.Contains(e)))
        {
            changes.Add(new ApiChange(assembly, ApiChangeKind.Removed, entry.Signature, null, true, "Removed: code that uses it no longer compiles."));
        }

        foreach (var entry in added.Where(e => !paired.Contains(e)))
        {
            var mustImplement = entry.MustBeImplemented && oldTypes.Contains(entry.Type);
            changes.Add(new ApiChange(assembly, ApiChangeKind.Added, null, entry.Signature, mustImplement,
                mustImplement ? "Added to an existing abstract type or interface: user implementations no longer compile." : "Added."));
        }

        return changes.OrderBy(c => c.After ?? c.Before, StringComparer.Ordinal).ToList();
    }
}
