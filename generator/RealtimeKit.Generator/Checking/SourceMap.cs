namespace RealtimeKit.Generator.Checking;

/// <summary>Where each JSON value of a converted YAML document stood in the YAML text.</summary>
public sealed class SourceMap
{
    private readonly Dictionary<string, (int Line, int Column)> _positions = new(StringComparer.Ordinal);

    /// <summary>Creates an empty map for <paramref name="file"/>.</summary>
    public SourceMap(string file) => File = file;

    /// <summary>The YAML file, as given to the loader.</summary>
    public string File { get; }

    internal void Add(string pointer, int line, int column) => _positions[pointer] = (line, column);

    /// <summary>Whether the map knows the exact pointer (no leading <c>#</c>).</summary>
    public bool Contains(string pointer) => _positions.ContainsKey(pointer);

    /// <summary>
    /// The 1-based line and column of the value at a JSON pointer (<c>/paths/~1a/get</c>, with or without a
    /// leading <c>#</c>); a pointer into something the map does not know falls back to its nearest known parent.
    /// </summary>
    public (int Line, int Column) Locate(string? pointer)
    {
        var current = Normalize(pointer);
        while (true)
        {
            if (_positions.TryGetValue(current, out var position))
            {
                return position;
            }

            if (current.Length == 0)
            {
                return (1, 1);
            }

            var slash = current.LastIndexOf('/');
            current = slash <= 0 ? string.Empty : current[..slash];
        }
    }

    private static string Normalize(string? pointer)
    {
        if (string.IsNullOrEmpty(pointer))
        {
            return string.Empty;
        }

        var hash = pointer.IndexOf('#', StringComparison.Ordinal);
        var path = hash >= 0 ? pointer[(hash + 1)..] : pointer;
        return path.TrimEnd('/');
    }

    /// <summary>Escapes one JSON pointer segment (RFC 6901).</summary>
    public static string Escape(string segment) => segment.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
}
