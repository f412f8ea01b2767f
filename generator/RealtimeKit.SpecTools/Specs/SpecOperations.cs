using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using RealtimeKit.Generator.Checking;

namespace RealtimeKit.SpecTools.Specs;

/// <summary>One operation of a description.</summary>
/// <param name="Method">The HTTP method, upper case.</param>
/// <param name="Path">The path template as written.</param>
/// <param name="Pointer">JSON pointer of the operation object (<c>/paths/~1a/get</c>).</param>
/// <param name="OperationId">Its operationId, if any.</param>
public sealed record SpecOperation(string Method, string Path, string Pointer, string? OperationId)
{
    /// <summary>
    /// What identifies the operation across descriptions: the method and the path with every parameter name
    /// blanked (<c>POST /a/{}/b</c>), since a client only sees the URL's shape.
    /// </summary>
    public string Key => Method + " " + SpecOperations.NormalizePath(Path);

    /// <summary>The pointer of the path item holding the operation.</summary>
    public string PathItemPointer => "/paths/" + SourceMap.Escape(Path);

    /// <summary>How reports name it: the operationId, else method and path.</summary>
    public string Label => OperationId ?? $"{Method} {Path}";

    /// <summary>The 0-based position of each path parameter in the template (<c>meeting_id</c> → 1).</summary>
    public int PathParameterIndex(string name)
    {
        var names = SpecOperations.PathParameterNames(Path);
        return names.IndexOf(name);
    }
}

/// <summary>Finds the operations of a description.</summary>
public static partial class SpecOperations
{
    /// <summary>The HTTP methods an OpenAPI path item can hold, in the order reports list them.</summary>
    public static readonly IReadOnlyList<string> Methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

    /// <summary>Every operation, in document order.</summary>
    public static IReadOnlyList<SpecOperation> All(SpecFile spec)
    {
        var result = new List<SpecOperation>();
        if ((spec.Json as JsonObject)?["paths"] is not JsonObject paths)
        {
            return result;
        }

        foreach (var (path, item) in paths)
        {
            if (item is not JsonObject pathItem)
            {
                continue;
            }

            foreach (var (key, value) in pathItem)
            {
                if (!Methods.Contains(key) || value is not JsonObject operation)
                {
                    continue;
                }

                var id = operation["operationId"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
                result.Add(new SpecOperation(key.ToUpperInvariant(), path, "/paths/" + SourceMap.Escape(path) + "/" + key, id));
            }
        }

        return result;
    }

    /// <summary>The path template with parameter names blanked: <c>/a/{x}/b</c> → <c>/a/{}/b</c>.</summary>
    public static string NormalizePath(string path) => PathParameter().Replace(path.TrimEnd('/'), "{}");

    /// <summary>The names of the path parameters, in template order.</summary>
    public static List<string> PathParameterNames(string path) =>
        PathParameter().Matches(path).Select(m => m.Value[1..^1]).ToList();

    [GeneratedRegex(@"\{[^}/]*\}")]
    private static partial Regex PathParameter();
}
