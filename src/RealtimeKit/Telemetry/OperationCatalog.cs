namespace RealtimeKit.Telemetry;

/// <summary>Finds the spec operation a request path belongs to, so telemetry can name it without its ids.</summary>
internal static partial class OperationCatalog
{
    private static readonly char[] Slash = ['/'];

    // Grouped by method and segment count: a path is compared with the few templates of its shape only.
    private static readonly Dictionary<(string Method, int Segments), Operation[]> ByShape = Entries()
        .Select(e => new Operation(e.Method, e.Template, e.OperationId, Literals(e.Template)))
        .GroupBy(o => (o.Method, o.Literals.Length))
        .ToDictionary(g => g.Key, g => g.ToArray());

    /// <summary>
    /// The operation of <paramref name="method"/> on <paramref name="path"/> (the part after the base URL's path,
    /// still escaped), or null when the spec has none. When several templates fit, the one with the most fixed
    /// segments wins: <c>/webhooks/all</c> is <c>listWebhookEvents</c>, not <c>getWebhook</c> with id "all".
    /// </summary>
    public static Operation? Find(string method, string path)
    {
        var segments = path.Split(Slash, StringSplitOptions.RemoveEmptyEntries);
        if (!ByShape.TryGetValue((method, segments.Length), out var candidates))
        {
            return null;
        }

        Operation? best = null;
        var bestScore = -1;
        foreach (var candidate in candidates)
        {
            var score = candidate.Score(segments);
            if (score > bestScore)
            {
                best = candidate;
                bestScore = score;
            }
        }

        return best;
    }

    // A template's segments: the fixed text, or null for a {parameter}.
    private static string?[] Literals(string template) => template
        .Split(Slash, StringSplitOptions.RemoveEmptyEntries)
        .Select(s => s.Length > 0 && s[0] == '{' ? null : s)
        .ToArray();

    /// <summary>One spec operation.</summary>
    internal sealed record Operation(string Method, string Template, string OperationId, string?[] Literals)
    {
        /// <summary>How many fixed segments <paramref name="segments"/> matches, or -1 when one differs.</summary>
        public int Score(string[] segments)
        {
            var score = 0;
            for (var i = 0; i < Literals.Length; i++)
            {
                if (Literals[i] is { } literal)
                {
                    if (!string.Equals(literal, segments[i], StringComparison.Ordinal))
                    {
                        return -1;
                    }

                    score++;
                }
            }

            return score;
        }
    }
}
