using System.Text.Json.Nodes;

namespace RealtimeKit.TestSupport;

/// <summary>One named example in the spec, with the schema it sits under.</summary>
/// <param name="OperationId">The operation it belongs to.</param>
/// <param name="Method">The HTTP method, upper case.</param>
/// <param name="Path">The path template.</param>
/// <param name="Status">The response status (<c>"200"</c>, <c>"404"</c>...), or <c>null</c> for a request body.</param>
/// <param name="Name">The example's name.</param>
/// <param name="Value">The example value.</param>
/// <param name="Schema">The schema the example sits under (may be a <c>$ref</c>).</param>
/// <param name="Pointer">JSON pointer to the example value in the spec.</param>
public sealed record SpecExample(string OperationId, string Method, string Path, string? Status, string Name, JsonNode Value, JsonNode Schema, string Pointer)
{
    /// <summary>Whether this is a request body example.</summary>
    public bool IsRequest => Status is null;

    /// <summary>Whether this is a 2xx response example.</summary>
    public bool IsSuccess => Status is { } s && s.StartsWith('2');

    /// <summary>A readable name for test output.</summary>
    public override string ToString() => $"{OperationId} {(IsRequest ? "request" : Status)} '{Name}'";
}
