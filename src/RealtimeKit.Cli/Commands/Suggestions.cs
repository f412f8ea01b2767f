namespace RealtimeKit.Cli.Commands;

/// <summary>"Did you mean ...?" for a mistyped command or operation: the closest names by edit distance.</summary>
internal static class Suggestions
{
    /// <summary>" Did you mean 'x'?" (or nothing) for the nearest candidates within a small edit distance of <paramref name="typed"/>.</summary>
    public static string DidYouMean(string typed, IEnumerable<string> candidates)
    {
        var limit = Math.Max(2, typed.Length / 3);
        var near = candidates
            .Select(c => (Name: c, Distance: Distance(typed.ToLowerInvariant(), c.ToLowerInvariant())))
            .Where(c => c.Distance <= limit)
            .ToList();

        // Only the nearest: 'sesion' suggests 'session', not also 'sessions'.
        var best = near.Count == 0 ? 0 : near.Min(c => c.Distance);
        var close = near
            .Where(c => c.Distance == best)
            .OrderBy(c => c.Name, StringComparer.Ordinal)
            .Take(3)
            .Select(c => $"'{c.Name}'")
            .ToList();
        return close.Count == 0 ? string.Empty : $" Did you mean {string.Join(" or ", close)}?";
    }

    // Levenshtein distance, two rows.
    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        var current = new int[b.Length + 1];
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
