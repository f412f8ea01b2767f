using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace RealtimeKit.Generator.Tests;

/// <summary>Compiles generated files with Roslyn against the Kiota runtime, in memory.</summary>
internal static class InMemoryCompiler
{
    private static readonly Lazy<IReadOnlyList<MetadataReference>> References = new(() =>
    {
        // The test's own RealtimeKit assemblies would clash with the code being compiled.
        var platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => !Path.GetFileName(p).StartsWith("RealtimeKit.", StringComparison.Ordinal));
        var kiota = new[]
        {
            typeof(Microsoft.Kiota.Abstractions.BaseRequestBuilder).Assembly,
            typeof(Microsoft.Kiota.Serialization.Json.JsonParseNodeFactory).Assembly,
            typeof(Microsoft.Kiota.Http.HttpClientLibrary.HttpClientRequestAdapter).Assembly,
            typeof(Std.UriTemplate).Assembly,
        }.Select(a => a.Location);
        return platform.Concat(kiota).Distinct().Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToList();
    });

    /// <summary>Every warning and error from compiling the files as a nullable-enabled library with XML docs.</summary>
    public static IReadOnlyList<Diagnostic> Compile(IEnumerable<KeyValuePair<string, string>> files, string assemblyName = "Snapshot") =>
        Compilation(files, assemblyName).GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();

    /// <summary>Compiles and loads the files into a collectible context, to run the generated code.</summary>
    public static Assembly Load(IEnumerable<KeyValuePair<string, string>> files, string assemblyName)
    {
        using var image = new MemoryStream();
        var result = Compilation(files, assemblyName).Emit(image);
        if (!result.Success)
        {
            throw new InvalidOperationException(string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        }

        image.Position = 0;
        return new System.Runtime.Loader.AssemblyLoadContext(assemblyName, isCollectible: true).LoadFromStream(image);
    }

    private static CSharpCompilation Compilation(IEnumerable<KeyValuePair<string, string>> files, string assemblyName)
    {
        var parse = new CSharpParseOptions(LanguageVersion.Latest, DocumentationMode.Diagnose);
        var trees = files.Where(f => f.Key.EndsWith(".cs", StringComparison.Ordinal))
            .Select(f => CSharpSyntaxTree.ParseText(f.Value, parse, path: f.Key));
        var options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, warningLevel: 9999);
        return CSharpCompilation.Create(assemblyName, trees, References.Value, options);
    }
}
