namespace RealtimeKit.TestSupport;

/// <summary>Where things are in the repository, found from the test's own location.</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> RootLazy = new(FindRoot);

    /// <summary>The repository root (the folder holding <c>RealtimeKit.Generated.sln</c>).</summary>
    public static string Root => RootLazy.Value;

    /// <summary>The hand-maintained OpenAPI spec.</summary>
    public static string Spec => Path.Combine(Root, "openapi", "realtimekit.yaml");

    /// <summary>The documentation pages the SDK is built from (<c>shared/</c> sits beside the clone).</summary>
    public static string CloudflareDocs => Path.GetFullPath(Path.Combine(Root, "..", "shared", "reference", "cloudflare-docs"));

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
