using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using RealtimeKit.Generator.Diagnostics;

namespace RealtimeKit.Generator.Loading;

/// <summary>
/// Stage one of the generator: YAML → JSON (YamlDotNet) → <see cref="OpenApiDocument"/> (Microsoft.OpenApi),
/// with every reader diagnostic placed on its YAML line. The OpenAPI YAML reader packages cannot run here,
/// hence the detour through JSON.
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
            var (line, column) = map.Locate(error.Pointer);
            return new SpecDiagnostic(code, error.Message, file, line, column, isWarning);
        }

        var errors = result.Diagnostic?.Errors.Select(e => ToDiagnostic(e, DiagnosticCodes.OpenApiError, false)).ToList() ?? [];
        var warnings = result.Diagnostic?.Warnings.Select(e => ToDiagnostic(e, DiagnosticCodes.OpenApiWarning, true)).ToList() ?? [];
        if (errors.Count > 0 || result.Document is null)
        {
            throw new SpecException(errors.Count > 0 ? errors : [new SpecDiagnostic(DiagnosticCodes.OpenApiError, "The OpenAPI reader returned no document.", file, 1, 1)]);
        }

        return new LoadedSpec(result.Document, json, map, warnings);
    }
}
