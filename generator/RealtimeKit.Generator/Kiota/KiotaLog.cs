using System.Text.RegularExpressions;

namespace RealtimeKit.Generator.Kiota;

/// <summary>One <c>warn:</c> or <c>fail:</c> entry of Kiota's console log.</summary>
/// <param name="IsError">True for <c>fail:</c> and <c>crit:</c>, false for <c>warn:</c>.</param>
/// <param name="Message">The entry's text, its continuation lines joined.</param>
public sealed record KiotaLogEntry(bool IsError, string Message);

/// <summary>
/// Reads Kiota's console log (Microsoft.Extensions.Logging's format: a <c>warn: Category[id]</c> line, then the
/// message indented on the lines below). Kiota exits 0 even after a <c>fail:</c>, so this log, not the exit
/// code, says whether generation worked.
/// </summary>
public static partial class KiotaLog
{
    /// <summary>The warnings and errors in <paramref name="output"/>, in order; other levels and plain lines are skipped.</summary>
    public static IReadOnlyList<KiotaLogEntry> Parse(string output)
    {
        var entries = new List<KiotaLogEntry>();
        bool? isError = null;
        var message = new List<string>();

        void Flush()
        {
            if (isError is { } error && message.Count > 0)
            {
                entries.Add(new KiotaLogEntry(error, string.Join(' ', message)));
            }

            isError = null;
            message.Clear();
        }

        foreach (var line in output.ReplaceLineEndings("\n").Split('\n'))
        {
            var header = Header().Match(line);
            if (header.Success)
            {
                Flush();
                isError = header.Groups["level"].Value switch
                {
                    "warn" => false,
                    "fail" or "crit" => true,
                    _ => null,
                };
                var rest = header.Groups["rest"].Value.Trim();
                if (rest.Length > 0 && !Category().IsMatch(rest))
                {
                    message.Add(rest);
                }
            }
            else if (isError is not null && line.StartsWith("      ", StringComparison.Ordinal))
            {
                message.Add(line.Trim());
            }
            else
            {
                Flush();
            }
        }

        Flush();
        return entries;
    }

    [GeneratedRegex("^(?<level>trce|dbug|info|warn|fail|crit): ?(?<rest>.*)$")]
    private static partial Regex Header();

    // "Kiota.Builder.KiotaBuilder[534942631]": the logger's category and event id, not part of the message.
    [GeneratedRegex(@"^[\w.`]+\[\d+\]$")]
    private static partial Regex Category();
}
