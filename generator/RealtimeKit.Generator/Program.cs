using RealtimeKit.Generator;
using RealtimeKit.Generator.CodeModel;
using RealtimeKit.Generator.Diagnostics;

// Usage: RealtimeKit.Generator --spec <yaml> --output <dir> [--namespace RealtimeKit.Generated]
//        [--class-name RealtimeKitApiClient] [--spec-display <path shown in diagnostics>]
// Diagnostics are printed in the canonical MSBuild format so the Exec task reports them on their line.
var arguments = new Dictionary<string, string>(StringComparer.Ordinal);
for (var i = 0; i < args.Length; i++)
{
    if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
    {
        Console.Error.WriteLine($"error RTKGEN000: Unexpected argument '{args[i]}'. Usage: --spec <yaml> --output <dir> [--namespace N] [--class-name C] [--spec-display P]");
        return 2;
    }

    arguments[args[i][2..]] = args[++i];
}

if (!arguments.TryGetValue("spec", out var spec) || !arguments.TryGetValue("output", out var output))
{
    Console.Error.WriteLine("error RTKGEN000: --spec and --output are required.");
    return 2;
}

var options = new GeneratorOptions(
    spec,
    output,
    arguments.GetValueOrDefault("namespace", "RealtimeKit.Generated"),
    arguments.GetValueOrDefault("class-name", "RealtimeKitApiClient"),
    arguments.GetValueOrDefault("spec-display"));

try
{
    var stopwatch = System.Diagnostics.Stopwatch.StartNew();
    foreach (var warning in ClientGenerator.Generate(options))
    {
        Console.Error.WriteLine(warning);
    }

    Console.WriteLine($"{GeneratorInfo.Name}: generated {options.ClientClassName} from {options.SpecDisplayPath ?? spec} into {output} in {stopwatch.ElapsedMilliseconds} ms.");
    return 0;
}
catch (SpecException e)
{
    foreach (var diagnostic in e.Diagnostics)
    {
        Console.Error.WriteLine(diagnostic);
    }

    return 1;
}
