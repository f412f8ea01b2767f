using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using RealtimeKit.Generator.Diagnostics;

namespace RealtimeKit.Generator.Checking;

/// <summary>
/// The check stage, before Kiota runs: YAML → JSON (YamlDotNet) → <see cref="OpenApiDocument"/>
/// (Microsoft.OpenApi) plus a reference check, with every problem placed on its YAML line. The OpenAPI YAML
/// reader packages cannot run here, hence the detour through JSON.
/// </summary>
public static class SpecLoader
{
    /// <summary>Loads the spec at <paramref name="path"/>; <paramref name="displayPath"/> is how diagnostics name it.</summary>
    public static LoadedSpec LoadFile(string path, string? displayPath = null)
    {
        string yaml;
        try
        {
            yaml = File.ReadAllText(path);
        }
        catch (IOException e)
        {
            throw new SpecException(new SpecDiagnostic(DiagnosticCodes.Io, $"Cannot read the spec: {e.Message}", displayPath ?? path, 1, 1));
        }

        return Load(yaml, displayPath ?? path);
    }

    /// <summary>Loads spec text; <paramref name="file"/> is how diagnostics name it.</summary>
    public static LoadedSpec Load(string yaml, string file)
    {
        var (json, map) = YamlToJson.Convert(yaml, file);
        var settings = new OpenApiReaderSettings { LoadExternalRefs = false };
        var result = new OpenApiJsonReader().Read(json, new Uri("file:///" + Path.GetFileName(file)), settings);

        SpecDiagnostic ToDiagnostic(OpenApiError error, string code, bool isWarning)
        {
            // Some reader messages carry their own (better) pointer as "... at #/paths/...".
            var message = error.Message;
            var pointer = error.Pointer;
            var at = message.LastIndexOf(" at #/", StringComparison.Ordinal);
            if (at > 0)
            {
                pointer = message[(at + 4)..];
                message = message[..at];
            }

            var (line, column) = map.Locate(RepairPointer(pointer, message, map));
            return new SpecDiagnostic(code, message, file, line, column, isWarning);
        }

        // Everything Kiota would let through is an error here, all of it at once, in file order.
        var errors = (result.Diagnostic?.Errors.Select(e => ToDiagnostic(e, DiagnosticCodes.OpenApiError, false)) ?? [])
            .Concat(ReferenceCheck.Find(json, map))
            .OrderBy(d => d.Line).ThenBy(d => d.Column)
            .ToList();
        var warnings = result.Diagnostic?.Warnings.Select(e => ToDiagnostic(e, DiagnosticCodes.OpenApiWarning, true)).ToList() ?? [];
        if (errors.Count > 0 || result.Document is null)
        {
            throw new SpecException(errors.Count > 0 ? errors : [new SpecDiagnostic(DiagnosticCodes.OpenApiError, "The OpenAPI reader returned no document.", file, 1, 1)]);
        }

        return new LoadedSpec(result.Document, json, map, warnings);
    }

    /// <summary>
    /// Microsoft.OpenApi 3.11 does not pop keys off its pointer, so an error under the third path reads
    /// <c>#/paths/~1a/~1b/post/~1c/post</c> and one in a component carries every path before it. The real
    /// place is the longest tail of the pointer that exists in the spec (under <c>/paths</c> or
    /// <c>/components</c> when the tail lost them); an unknown-property error goes on the property itself.
    /// </summary>
    internal static string RepairPointer(string? pointer, string message, SourceMap map)
    {
        if (string.IsNullOrEmpty(pointer))
        {
            return string.Empty;
        }

        var segments = pointer.TrimStart('#').Split('/', StringSplitOptions.RemoveEmptyEntries);
        const string unknownProperty = " is not a valid property";
        var at = message.IndexOf(unknownProperty, StringComparison.Ordinal);
        var property = at > 0 ? "/" + SourceMap.Escape(message[..at]) : null;

        string? fallback = null;
        for (var k = 0; k < segments.Length; k++)
        {
            var tail = "/" + string.Join('/', segments[k..]);
            foreach (var candidate in new[] { tail, "/paths" + tail, "/components" + tail })
            {
                if (!map.Contains(candidate))
                {
                    continue;
                }

                if (property is null || map.Contains(candidate + property))
                {
                    return property is null ? candidate : candidate + property;
                }

                fallback ??= candidate;
            }
        }

        return fallback ?? "/" + string.Join('/', segments);
    }
}
