using System.Text.Json.Nodes;
using RealtimeKit.Generator.Checking;

namespace RealtimeKit.TestSupport;

/// <summary>The repository's spec, loaded once through the generator's own loader, and walked for tests.</summary>
public static class SpecDocument
{
    private static readonly Lazy<LoadedSpec> LoadedLazy = new(() => SpecLoader.LoadFile(RepoPaths.Spec, "openapi/realtimekit.yaml"));

    /// <summary>The loaded spec.</summary>
    public static LoadedSpec Loaded => LoadedLazy.Value;

    /// <summary>The spec as JSON.</summary>
    public static JsonObject Json => Loaded.Json.AsObject();

    /// <summary>Every operation: method, path template and the operation object.</summary>
    public static IEnumerable<(string Method, string Path, JsonObject Operation)> Operations()
    {
        foreach (var (path, item) in Json["paths"]!.AsObject())
        {
            foreach (var (key, value) in item!.AsObject())
            {
                if (key is "get" or "put" or "post" or "delete" or "patch" or "head" or "options" or "trace")
                {
                    yield return (key.ToUpperInvariant(), path, value!.AsObject());
                }
            }
        }
    }

    /// <summary>The operation object with <paramref name="operationId"/>.</summary>
    public static JsonObject Operation(string operationId) =>
        Operations().Single(o => o.Operation["operationId"]!.GetValue<string>() == operationId).Operation;

    /// <summary>Follows a local <c>$ref</c> (if any) to the node it names.</summary>
    public static JsonNode Resolve(JsonNode node)
    {
        while (node is JsonObject o && o["$ref"]?.GetValue<string>() is { } reference)
        {
            node = Pointer(reference);
        }

        return node;
    }

    /// <summary>The node at a JSON pointer such as <c>#/components/schemas/Poll</c>.</summary>
    public static JsonNode Pointer(string pointer) =>
        Loaded.JsonAt(pointer) ?? throw new KeyNotFoundException($"Nothing at {pointer} in the spec.");

    /// <summary>Every named example on a request body or response of every operation.</summary>
    public static IReadOnlyList<SpecExample> Examples() => ExamplesLazy.Value;

    private static readonly Lazy<IReadOnlyList<SpecExample>> ExamplesLazy = new(ReadExamples);

    private static List<SpecExample> ReadExamples()
    {
        var result = new List<SpecExample>();
        foreach (var (method, path, operation) in Operations())
        {
            var operationId = operation["operationId"]!.GetValue<string>();
            var opPointer = $"/paths/{Escape(path)}/{method.ToLowerInvariant()}";
            if (operation["requestBody"] is { } body)
            {
                AddContent(result, operationId, method, path, null, Resolve(body), opPointer + "/requestBody");
            }

            foreach (var (status, response) in operation["responses"]!.AsObject())
            {
                var pointer = response!["$ref"]?.GetValue<string>() is { } r ? r.TrimStart('#') : $"{opPointer}/responses/{status}";
                AddContent(result, operationId, method, path, status, Resolve(response), pointer);
            }
        }

        return result;
    }

    /// <summary>Every 4xx/5xx example as (operationId, example name), for xunit's MemberData.</summary>
    public static IEnumerable<object[]> ErrorExampleCases() =>
        Examples().Where(e => e.Status is { } s && s[0] is '4' or '5').Select(e => new object[] { e.OperationId, e.Name });

    private static void AddContent(List<SpecExample> into, string operationId, string method, string path, string? status, JsonNode holder, string pointer)
    {
        if (holder["content"] is not JsonObject content)
        {
            return;
        }

        foreach (var (mediaType, media) in content)
        {
            if (media!["examples"] is not JsonObject examples)
            {
                continue;
            }

            foreach (var (name, example) in examples)
            {
                var value = Resolve(example!)["value"]!;
                into.Add(new SpecExample(operationId, method, path, status, name, value, media["schema"]!,
                    $"{pointer}/content/{Escape(mediaType)}/examples/{name}/value"));
            }
        }
    }

    private static string Escape(string segment) => SourceMap.Escape(segment);
}
