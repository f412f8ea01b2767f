using BenchmarkDotNet.Attributes;
using RealtimeKit.Generator;
using RealtimeKit.Generator.Loading;
using RealtimeKit.TestSupport;

namespace RealtimeKit.Benchmarks;

/// <summary>
/// Generation time (load → code model → C# text, in memory) for the real spec and for the synthetic
/// 300-operation / 150-schema fixture. Run: dotnet run -c Release --project tests/RealtimeKit.Benchmarks -- --filter *Generator*
/// </summary>
[MemoryDiagnoser]
public class GeneratorBenchmarks
{
    private string _realYaml = string.Empty;
    private string _syntheticYaml = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        _realYaml = File.ReadAllText(RepoPaths.Spec);
        _syntheticYaml = File.ReadAllText(Path.Combine(RepoPaths.Root, "tests", "RealtimeKit.Generator.Tests", "Fixtures", "synthetic-300.yaml"));
    }

    /// <summary>The eight-operation RealtimeKit spec, end to end.</summary>
    [Benchmark(Baseline = true)]
    public int RealSpec() => Generate(_realYaml);

    /// <summary>300 operations and 150 schemas, end to end.</summary>
    [Benchmark]
    public int SyntheticSpec() => Generate(_syntheticYaml);

    /// <summary>Only the load stage (YAML → JSON → OpenAPI document) of the synthetic spec.</summary>
    [Benchmark]
    public object SyntheticLoadOnly() => SpecLoader.Load(_syntheticYaml, "synthetic.yaml");

    private static int Generate(string yaml) =>
        ClientGenerator.GenerateFiles(SpecLoader.Load(yaml, "spec.yaml"), "RealtimeKit.Generated", "RealtimeKitApiClient").Count;
}
