using System.Text.Json.Nodes;

namespace RealtimeKit.TestSupport;

/// <summary>
/// Every JSON object literal in the documentation pages the SDK started from (response examples, error
/// examples and the request bodies of the curl examples), kept in the repository as test data
/// (<c>Data/documentation-examples.json</c>, each with the page it came from) so the suite needs nothing
/// beside the clone.
/// </summary>
public static class DocumentationExamples
{
    private static readonly Lazy<IReadOnlyList<Example>> AllLazy = new(Load);

    /// <summary>One example: the page it came from and its value.</summary>
    public sealed record Example(string Page, JsonNode Value)
    {
        /// <summary>A readable name for test output.</summary>
        public override string ToString() => $"{Page}: {Value.ToJsonString()}";
    }

    /// <summary>The distinct examples of every documentation page, in page order.</summary>
    public static IReadOnlyList<Example> All() => AllLazy.Value;

    private static List<Example> Load()
    {
        var data = JsonNode.Parse(File.ReadAllText(RepoPaths.DocumentationExamples))!;
        return data["examples"]!.AsArray()
            .Select(e => new Example(e!["page"]!.GetValue<string>(), e["value"]!.DeepClone()))
            .ToList();
    }
}
