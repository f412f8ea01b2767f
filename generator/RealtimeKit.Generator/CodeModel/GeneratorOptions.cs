namespace RealtimeKit.Generator.CodeModel;

/// <summary>What to generate and where.</summary>
/// <param name="SpecPath">The OpenAPI YAML file.</param>
/// <param name="OutputDirectory">Where the C# files and the lock file go (emptied of old output first).</param>
/// <param name="RootNamespace">Namespace of the client, e.g. <c>RealtimeKit.Generated</c>.</param>
/// <param name="ClientClassName">Name of the root client class, e.g. <c>RealtimeKitApiClient</c>.</param>
/// <param name="SpecDisplayPath">How diagnostics name the spec (defaults to <paramref name="SpecPath"/>).</param>
public sealed record GeneratorOptions(string SpecPath, string OutputDirectory, string RootNamespace, string ClientClassName, string? SpecDisplayPath = null);
