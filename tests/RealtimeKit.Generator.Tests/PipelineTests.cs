using System.Text.Json.Nodes;
using RealtimeKit.Generator.Diagnostics;
using RealtimeKit.Generator.Output;
using RealtimeKit.TestSupport;
using static RealtimeKit.Generator.Tests.SpecFixtures;

namespace RealtimeKit.Generator.Tests;

/// <summary>The whole pipeline with the real Kiota pinned in the repository's tool manifest.</summary>
public sealed class PipelineTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private GenerationRequest Request(string yaml) =>
        new(_temp.Write("spec.yaml", yaml), "spec.yaml", _temp.File("out"), RepoPaths.Root);

    private string Out(string relative) => Path.Combine(_temp.File("out"), relative);

    [Fact]
    public void Kiota_writes_the_client_with_its_lock_file_and_the_stamp_records_the_fingerprint()
    {
        var request = Request(Operation("$ref: '#/components/schemas/Thing'"));

        var result = GenerationPipeline.Run(request);

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics) + result.Summary);
        Assert.True(File.Exists(Out("RealtimeKitApiClient.cs")));
        Assert.True(File.Exists(Out("Models/Thing.cs")));
        var kiotaLock = JsonNode.Parse(File.ReadAllText(Out("kiota-lock.json")))!;
        Assert.Equal("1.38.0", kiotaLock["kiotaVersion"]!.GetValue<string>());
        Assert.Equal("RealtimeKit.Generated", kiotaLock["clientNamespaceName"]!.GetValue<string>());
        Assert.True(kiotaLock["excludeBackwardCompatible"]!.GetValue<bool>());
        Assert.Equal(["Microsoft.Kiota.Serialization.Json.JsonSerializationWriterFactory"], kiotaLock["serializers"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.Equal(["Microsoft.Kiota.Serialization.Json.JsonParseNodeFactory"], kiotaLock["deserializers"]!.AsArray().Select(s => s!.GetValue<string>()));
        var stamp = JsonNode.Parse(File.ReadAllText(Out(GeneratedFolder.StampFileName)))!;
        Assert.Equal(GenerationPipeline.Fingerprint(request.SpecPath, "1.38.0"), stamp["fingerprint"]!.GetValue<string>());
        Assert.False(Directory.Exists(_temp.File("out.staging")));
    }

    [Fact]
    public void An_unchanged_spec_does_not_run_kiota_again_and_a_changed_one_does()
    {
        var request = Request(Operation("$ref: '#/components/schemas/Thing'"));
        Assert.True(GenerationPipeline.Run(request).Succeeded);
        var client = Out("RealtimeKitApiClient.cs");
        var written = File.GetLastWriteTimeUtc(client);

        var again = GenerationPipeline.Run(request);

        Assert.True(again.Succeeded);
        Assert.Contains("already generated", again.Summary, StringComparison.Ordinal);
        Assert.Equal(written, File.GetLastWriteTimeUtc(client));

        File.WriteAllText(request.SpecPath, Operation("type: array\nitems:\n  $ref: '#/components/schemas/Thing'"));
        var changed = GenerationPipeline.Run(request);

        Assert.True(changed.Succeeded);
        Assert.Contains("generated RealtimeKitApiClient", changed.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructs_the_old_generator_refused_are_generated()
    {
        var result = GenerationPipeline.Run(Request(Operation("oneOf:\n  - type: string\n  - $ref: '#/components/schemas/Thing'")));

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.True(File.Exists(Out("Things/ThingsRequestBuilder.cs")));
    }

    [Fact]
    public void A_broken_spec_generates_nothing_and_leaves_the_previous_client_in_place_but_not_current()
    {
        var request = Request(Operation("$ref: '#/components/schemas/Thing'"));
        Assert.True(GenerationPipeline.Run(request).Succeeded);
        File.WriteAllText(request.SpecPath, Operation("$ref: '#/components/schemas/Missing'"));

        var result = GenerationPipeline.Run(request);

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCodes.BrokenReference, error.Code);
        Assert.True(File.Exists(Out("RealtimeKitApiClient.cs")));
        Assert.False(File.Exists(Out(GeneratedFolder.StampFileName)), "A failed run must not leave the old output looking current.");
    }

    [Fact]
    public void Kiota_warnings_come_back_on_their_yaml_lines()
    {
        var yaml = Operation("type: object\nproperties:\n  site:\n    type: string\n    format: uri");

        var result = GenerationPipeline.Run(Request(yaml));

        Assert.True(result.Succeeded);
        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal($"spec.yaml({LineOf(yaml, "site:")},19): warning KIOTA: The format uri is not supported by Kiota and the string type will be used. (#/paths/~1things/get/responses/200/content/application~1json/schema/properties/site)", warning.ToString());
    }

    [Fact]
    public void Concurrent_runs_on_one_folder_generate_once_and_both_succeed()
    {
        var request = Request(Operation("$ref: '#/components/schemas/Thing'"));

        var results = Enumerable.Range(0, 2).AsParallel().WithDegreeOfParallelism(2).Select(_ => GenerationPipeline.Run(request)).ToList();

        Assert.All(results, r => Assert.True(r.Succeeded, r.Summary));
        Assert.Single(results, r => r.Summary.Contains("already generated", StringComparison.Ordinal));
        Assert.True(File.Exists(Out("RealtimeKitApiClient.cs")));
    }
}
