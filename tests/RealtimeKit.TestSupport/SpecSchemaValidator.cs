using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using NJsonSchema;

namespace RealtimeKit.TestSupport;

/// <summary>
/// Validates JSON against the spec's schemas with NJsonSchema. OpenAPI 3.0 schemas are turned into plain
/// JSON Schema first (<c>nullable</c> becomes a <c>"null"</c> type, component refs become definitions).
/// </summary>
public static class SpecSchemaValidator
{
    private static readonly ConcurrentDictionary<string, JsonSchema> Cache = new(StringComparer.Ordinal);

    /// <summary>The validation errors of <paramref name="json"/> against an OpenAPI schema node of the spec.</summary>
    public static IReadOnlyList<string> Validate(JsonNode openApiSchema, string json)
    {
        var schema = Cache.GetOrAdd(openApiSchema.ToJsonString(), _ => Build(openApiSchema));
        return schema.Validate(json).Select(e => e.ToString()).ToList();
    }

    /// <summary>The validation errors of a response body of <paramref name="operationId"/> with <paramref name="status"/>.</summary>
    public static IReadOnlyList<string> ValidateResponse(string operationId, int status, string json)
    {
        var operation = SpecDocument.Operation(operationId);
        var responses = operation["responses"]!.AsObject();
        var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var response = responses[key] ?? responses[$"{key[0]}XX"] ?? responses["default"]
            ?? throw new InvalidOperationException($"{operationId} documents no response {status}.");
        var schema = SpecDocument.Resolve(response)["content"]?["application/json"]?["schema"]
            ?? throw new InvalidOperationException($"{operationId} {status} has no JSON schema.");
        return Validate(schema, json);
    }

    private static JsonSchema Build(JsonNode openApiSchema)
    {
        var root = ToJsonSchema(openApiSchema)!.AsObject();
        var definitions = new JsonObject();
        foreach (var (name, schema) in SpecDocument.Json["components"]!["schemas"]!.AsObject())
        {
            definitions[name] = ToJsonSchema(schema!);
        }

        root["definitions"] = definitions;
        return JsonSchema.FromJsonAsync(root.ToJsonString()).GetAwaiter().GetResult();
    }

    private static JsonNode? ToJsonSchema(JsonNode? node)
    {
        switch (node)
        {
            case JsonArray array:
                return new JsonArray(array.Select(ToJsonSchema).ToArray());
            case JsonObject obj:
                var result = new JsonObject();
                foreach (var (key, value) in obj)
                {
                    if (key is "example" or "nullable")
                    {
                        continue;
                    }

                    result[key] = key == "$ref"
                        ? value!.GetValue<string>().Replace("#/components/schemas/", "#/definitions/", StringComparison.Ordinal)
                        : key is "properties" ? MapValues(value!.AsObject()) : ToJsonSchema(value);
                }

                if (obj["nullable"]?.GetValue<bool>() == true && obj["type"] is JsonValue type)
                {
                    result["type"] = new JsonArray(type.GetValue<string>(), "null");
                }

                return result;
            default:
                return node?.DeepClone();
        }
    }

    // Property names are names, not keywords: "example" or "nullable" as a property must survive.
    private static JsonObject MapValues(JsonObject properties)
    {
        var result = new JsonObject();
        foreach (var (name, schema) in properties)
        {
            result[name] = ToJsonSchema(schema);
        }

        return result;
    }
}
