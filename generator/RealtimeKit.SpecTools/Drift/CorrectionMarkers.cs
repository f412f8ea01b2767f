using System.Text.RegularExpressions;

namespace RealtimeKit.SpecTools.Drift;

/// <summary>
/// A <c># Differs from the published description: reason</c> comment of the spec, and the YAML line it marks: its
/// own line for a comment after a value, else the first line below it that is neither blank nor a comment.
/// </summary>
/// <param name="Line">The comment's line.</param>
/// <param name="TargetLine">The line of the node it marks.</param>
/// <param name="Reason">The reason, continued over the comment lines that follow until a sentence ends a line.</param>
public sealed record CorrectionMarker(int Line, int TargetLine, string Reason);

/// <summary>Finds the deliberate-correction comments of a YAML file.</summary>
public static partial class CorrectionMarkers
{
    /// <summary>The words that open a marker.</summary>
    public const string Prefix = "Differs from the published description:";

    /// <summary>Every marker in <paramref name="yaml"/>, in line order.</summary>
    public static IReadOnlyList<CorrectionMarker> Find(string yaml)
    {
        var lines = yaml.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        var markers = new List<CorrectionMarker>();
        for (var i = 0; i < lines.Length; i++)
        {
            var match = Marker().Match(lines[i]);
            if (!match.Success)
            {
                continue;
            }

            var reason = match.Groups["reason"].Value.Trim();
            var fullLine = lines[i].TrimStart().StartsWith('#');
            if (!fullLine)
            {
                markers.Add(new CorrectionMarker(i + 1, i + 1, reason));
                continue;
            }

            var next = i + 1;
            // The reason runs on over following comment lines until a line ends a sentence.
            while (next < lines.Length && IsComment(lines[next]) && !reason.EndsWith('.') && !Marker().IsMatch(lines[next]))
            {
                reason += " " + lines[next].TrimStart().TrimStart('#').Trim();
                next++;
            }

            while (next < lines.Length && (IsComment(lines[next]) || lines[next].Trim().Length == 0))
            {
                next++;
            }

            markers.Add(new CorrectionMarker(i + 1, next < lines.Length ? next + 1 : i + 1, reason));
        }

        return markers;
    }

    private static bool IsComment(string line) => line.TrimStart().StartsWith('#');

    // A '#' that starts a YAML comment: at the start of the line or after whitespace.
    [GeneratedRegex(@"(^|\s)#\s*Differs from the published description:(?<reason>.*)$")]
    private static partial Regex Marker();
}
