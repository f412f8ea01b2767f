using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using RealtimeKit.Generator.Diagnostics;

namespace RealtimeKit.Generator.Checking;

/// <summary>A spec read from YAML: the OpenAPI document, the JSON it was read from, and where each value stood.</summary>
/// <param name="Document">The OpenAPI object model.</param>
/// <param name="Json">The spec as JSON, converted from YAML with the core schema.</param>
/// <param name="Map">Line and column of each JSON value in the YAML file.</param>
/// <param name="Warnings">Warnings the OpenAPI reader reported (an error stops loading instead).</param>
public sealed record LoadedSpec(OpenApiDocument Document, JsonNode Json, SourceMap Map, IReadOnlyList<SpecDiagnostic> Warnings)
{
    /// <summary>The JSON value at a pointer (<c>/paths/~1a/get</c>), or null when there is none.</summary>
    public JsonNode? JsonAt(string pointer) => JsonPointer.Resolve(Json, pointer);

    /// <summary>Makes a diagnostic located at a JSON pointer into this spec.</summary>
    public SpecDiagnostic At(string pointer, string code, string message, bool isWarning = false)
    {
        var (line, column) = Map.Locate(pointer);
        return new SpecDiagnostic(code, message, Map.File, line, column, isWarning);
    }
}
