using RealtimeKit.Generator;

// Usage: RealtimeKit.Generator --spec <yaml> --output <dir> --repo-root <dir> [--spec-display <path shown in diagnostics>]
// Diagnostics are printed in the canonical MSBuild format so the Exec task reports them on their YAML line.
const string Usage = "Usage: --spec <yaml> --output <dir> --repo-root <dir with .config/dotnet-tools.json> [--spec-display <path>]";
var arguments = new Dictionary<string, string>(StringComparer.Ordinal);
for (var i = 0; i < args.Length; i++)
{
    if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
    {
        Console.Error.WriteLine($"error RTKGEN000: Unexpected argument '{args[i]}'. {Usage}");
        return 2;
    }

    arguments[args[i][2..]] = args[++i];
}

if (!arguments.TryGetValue("spec", out var spec) || !arguments.TryGetValue("output", out var output) || !arguments.TryGetValue("repo-root", out var root))
{
    Console.Error.WriteLine($"error RTKGEN000: --spec, --output and --repo-root are required. {Usage}");
    return 2;
}

var result = GenerationPipeline.Run(new GenerationRequest(spec, arguments.GetValueOrDefault("spec-display", spec), output, root));
foreach (var diagnostic in result.Diagnostics)
{
    Console.Error.WriteLine(diagnostic);
}

Console.WriteLine($"RealtimeKit.Generator: {result.Summary}");
return result.Succeeded ? 0 : 1;
