using System.Globalization;
using System.Text.RegularExpressions;
using RealtimeKit.Generator.Checking;
using RealtimeKit.Generator.Diagnostics;

namespace RealtimeKit.Generator.Kiota;

/// <summary>
/// Places Kiota's log entries on the YAML line they are about. Kiota names JSON pointers (which
/// Microsoft.OpenApi sometimes gets wrong) or a YAML line and column; the build wants
/// <c>file(line,col): warning KIOTA: ...</c>.
/// </summary>
public static partial class KiotaDiagnostics
{
    /// <summary>The entry as a located diagnostic in <paramref name="map"/>'s file.</summary>
    public static SpecDiagnostic Locate(KiotaLogEntry entry, SourceMap map)
    {
        var message = entry.Message;
        int line = 1, column = 1;
        if (OpenApiMessage().Match(message) is { Success: true } openApi)
        {
            // "OpenAPI warning: #/pointer - text", or "(null)" in place of the pointer when there is none.
            var pointer = openApi.Groups["pointer"].Value;
            message = openApi.Groups["text"].Value;
            if (pointer.StartsWith("#/", StringComparison.Ordinal))
            {
                (line, column) = map.Locate(SpecLoader.RepairPointer(pointer, message, map));
                message = $"{message} ({pointer})";
            }
        }

        if (line == 1 && LineAndColumn().Match(message) is { Success: true } at)
        {
            line = int.Parse(at.Groups["line"].Value, CultureInfo.InvariantCulture);
            column = int.Parse(at.Groups["column"].Value, CultureInfo.InvariantCulture);
        }

        return new SpecDiagnostic(DiagnosticCodes.Kiota, message, map.File, Math.Max(1, line), Math.Max(1, column), IsWarning: !entry.IsError);
    }

    [GeneratedRegex(@"^OpenAPI (warning|error): (?<pointer>\S+) - (?<text>.*)$", RegexOptions.Singleline)]
    private static partial Regex OpenApiMessage();

    [GeneratedRegex(@"at line (?<line>\d+), column (?<column>\d+)")]
    private static partial Regex LineAndColumn();
}
