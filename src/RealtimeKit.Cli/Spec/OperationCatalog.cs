using System.Reflection;
using YamlDotNet.RepresentationModel;

namespace RealtimeKit.Cli.Spec;

/// <summary>One operation of the spec, as <c>rtk api</c> needs it.</summary>
/// <param name="OperationId">The spec's operationId.</param>
/// <param name="Method">GET, POST, PUT, PATCH or DELETE.</param>
/// <param name="PathTemplate">The path template, e.g. <c>/accounts/{account_id}/realtime/kit/{app_id}/meetings</c>.</param>
/// <param name="PathParameters">The names in the template's braces, in order.</param>
/// <param name="QueryParameters">The query parameters the spec declares.</param>
/// <param name="HasBody">Whether the operation takes a JSON body.</param>
/// <param name="Summary">The spec's one-line summary.</param>
internal sealed record SpecOperation(string OperationId, string Method, string PathTemplate, IReadOnlyList<string> PathParameters, IReadOnlyList<string> QueryParameters, bool HasBody, string Summary);

/// <summary>
/// Every operation of <c>openapi/realtimekit.yaml</c>, embedded in the tool at build time, so <c>rtk api</c>
/// reaches exactly the operations the SDK was generated from.
/// </summary>
internal static class OperationCatalog
{
    private static readonly string[] Methods = ["get", "post", "put", "patch", "delete"];
    private static readonly Lazy<IReadOnlyList<SpecOperation>> AllLazy = new(Load);

    public static IReadOnlyList<SpecOperation> All => AllLazy.Value;

    public static SpecOperation? Find(string operationId) =>
        All.FirstOrDefault(o => string.Equals(o.OperationId, operationId, StringComparison.Ordinal));

    private static List<SpecOperation> Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("realtimekit.yaml")
            ?? throw new InvalidOperationException("The spec is not embedded in rtk.");
        using var reader = new StreamReader(stream);
        return Parse(reader);
    }

    /// <summary>The operations of an OpenAPI description in YAML (parameters shared by a path and <c>$ref</c>s to components included).</summary>
    internal static List<SpecOperation> Parse(TextReader reader)
    {
        var yaml = new YamlStream();
        yaml.Load(reader);
        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        var operations = new List<SpecOperation>();
        foreach (var entry in Map(root, "paths")?.Children ?? Enumerable.Empty<KeyValuePair<YamlNode, YamlNode>>())
        {
            var path = ((YamlScalarNode)entry.Key).Value!;
            var item = (YamlMappingNode)entry.Value;
            var shared = Parameters(root, Node(item, "parameters"));
            foreach (var method in Methods)
            {
                if (Map(item, method) is not { } operation)
                {
                    continue;
                }

                var parameters = shared.Concat(Parameters(root, Node(operation, "parameters"))).ToList();
                operations.Add(new SpecOperation(
                    Scalar(operation, "operationId") ?? $"{method.ToUpperInvariant()} {path}",
                    method.ToUpperInvariant(),
                    path,
                    System.Text.RegularExpressions.Regex.Matches(path, @"\{([^}]+)\}").Select(m => m.Groups[1].Value).ToList(),
                    parameters.Where(p => p.In == "query").Select(p => p.Name).Distinct(StringComparer.Ordinal).ToList(),
                    Node(operation, "requestBody") is not null,
                    Scalar(operation, "summary") ?? string.Empty));
            }
        }

        return operations;
    }

    private static List<(string Name, string In)> Parameters(YamlMappingNode root, YamlNode? list)
    {
        var result = new List<(string, string)>();
        if (list is not YamlSequenceNode sequence)
        {
            return result;
        }

        foreach (var entry in sequence.Children.OfType<YamlMappingNode>())
        {
            var parameter = Scalar(entry, "$ref") is { } reference ? Resolve(root, reference) : entry;
            if (parameter is not null && Scalar(parameter, "name") is { } name && Scalar(parameter, "in") is { } location)
            {
                result.Add((name, location));
            }
        }

        return result;
    }

    private static YamlMappingNode? Resolve(YamlMappingNode root, string reference)
    {
        YamlNode? current = root;
        foreach (var segment in reference.TrimStart('#', '/').Split('/'))
        {
            current = current is YamlMappingNode mapping ? Node(mapping, segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)) : null;
        }

        return current as YamlMappingNode;
    }

    private static YamlNode? Node(YamlMappingNode mapping, string key) =>
        mapping.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    private static YamlMappingNode? Map(YamlMappingNode mapping, string key) => Node(mapping, key) as YamlMappingNode;

    private static string? Scalar(YamlMappingNode mapping, string key) => (Node(mapping, key) as YamlScalarNode)?.Value;
}
