namespace RealtimeKit.TestSupport;

/// <summary>Where things are in the repository, found from the test's own location.</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> RootLazy = new(FindRoot);

    /// <summary>The repository root (the folder holding <c>RealtimeKit.Generated.sln</c>).</summary>
    public static string Root => RootLazy.Value;

    /// <summary>The hand-maintained OpenAPI spec.</summary>
    public static string Spec => Path.Combine(Root, "openapi", "realtimekit.yaml");

    /// <summary>The JSON examples of the documentation pages the SDK started from, kept as test data.</summary>
    public static string DocumentationExamples => Path.Combine(Root, "tests", "RealtimeKit.TestSupport", "Data", "documentation-examples.json");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "RealtimeKit.Generated.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No RealtimeKit.Generated.sln above {AppContext.BaseDirectory}.");
    }
}
