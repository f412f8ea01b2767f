namespace RealtimeKit.Generator.Kiota;

/// <summary>
/// Every Kiota option the build uses, in one place: the command line of <c>kiota generate</c> and the
/// environment that keeps it offline and quiet. Changing anything here changes the generation fingerprint,
/// so the next build regenerates.
/// </summary>
public static class KiotaSettings
{
    /// <summary>The tool's package id in <c>.config/dotnet-tools.json</c>, which pins its version.</summary>
    public const string ToolPackageId = "microsoft.openapi.kiota";

    /// <summary>The root client class.</summary>
    public const string ClientClassName = "RealtimeKitApiClient";

    /// <summary>The root namespace of the generated code.</summary>
    public const string Namespace = "RealtimeKit.Generated";

    /// <summary>The lock file Kiota writes into its output folder.</summary>
    public const string LockFileName = "kiota-lock.json";

    /// <summary>
    /// The serializer and parse node factory the client registers: JSON only, so the generated client needs
    /// just the three Kiota packages (abstractions, HTTP, JSON).
    /// </summary>
    private static readonly string[] Serializers = ["Microsoft.Kiota.Serialization.Json.JsonSerializationWriterFactory"];

    private static readonly string[] Deserializers = ["Microsoft.Kiota.Serialization.Json.JsonParseNodeFactory"];

    /// <summary>
    /// Kiota's own switches for staying off the network and printing only the log: no update check, no
    /// telemetry, no tutorial hints (names from Kiota's configuration binding), plus the dotnet host's.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Environment { get; } = new SortedDictionary<string, string>(StringComparer.Ordinal)
    {
        ["KIOTA_OFFLINE_ENABLED"] = "true",
        ["KIOTA_UPDATE__DISABLED"] = "true",
        ["KIOTA_CLI_TELEMETRY_OPTOUT"] = "true",
        ["KIOTA_TUTORIAL_ENABLED"] = "false",
        ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        ["DOTNET_NOLOGO"] = "1",
    };

    /// <summary>The arguments of <c>kiota generate</c> for a spec and an output folder.</summary>
    public static IReadOnlyList<string> GenerateArguments(string specPath, string outputDirectory)
    {
        var arguments = new List<string>
        {
            "generate",
            "--language", "CSharp",
            "--openapi", specPath,
            "--output", outputDirectory,
            "--class-name", ClientClassName,
            "--namespace-name", Namespace,
            "--exclude-backward-compatible",
            "--clean-output",
            "--log-level", "Warning",
        };
        foreach (var serializer in Serializers)
        {
            arguments.AddRange(["--serializer", serializer]);
        }

        foreach (var deserializer in Deserializers)
        {
            arguments.AddRange(["--deserializer", deserializer]);
        }

        return arguments;
    }
}
