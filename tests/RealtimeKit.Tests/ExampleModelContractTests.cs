using System.Collections;
using System.Text.Json.Nodes;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Serialization.Json;
using RealtimeKit.TestSupport;

namespace RealtimeKit.Tests;

/// <summary>
/// Every example in the spec (requests, responses, errors) deserializes into its generated model with every
/// field reachable through typed properties, and serializes back to the same JSON value.
/// </summary>
public class ExampleModelContractTests
{
    static ExampleModelContractTests()
    {
        // Parsing before any client exists: register the JSON factories Kiota's registries need.
        ParseNodeFactoryRegistry.DefaultInstance.ContentTypeAssociatedFactories.TryAdd("application/json", new JsonParseNodeFactory());
        SerializationWriterFactoryRegistry.DefaultInstance.ContentTypeAssociatedFactories.TryAdd("application/json", new JsonSerializationWriterFactory());
    }

    public static TheoryData<string> Examples() => new(SpecDocument.Examples().Select(e => e.ToString()));

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task The_example_round_trips_through_its_generated_model_with_nothing_left_over(string name)
    {
        var example = SpecDocument.Examples().Single(e => e.ToString() == name);
        var schemaName = example.Schema["$ref"]!.GetValue<string>().Split('/')[^1];
        var type = typeof(Generated.Models.ActiveSession).Assembly.GetType("RealtimeKit.Generated.Models." + schemaName)
            ?? throw new InvalidOperationException($"No generated model for {schemaName}.");
        var factory = (ParsableFactory<IParsable>)Delegate.CreateDelegate(typeof(ParsableFactory<IParsable>), type.GetMethod("CreateFromDiscriminatorValue")!);

        var model = await KiotaJsonSerializer.DeserializeAsync(example.Value.ToJsonString(), factory);

        Assert.IsType(type, model);
        Assert.Empty(Leftovers(model, "$"));
        var back = JsonNode.Parse(await KiotaJsonSerializer.SerializeAsStringAsync(model, serializeOnlyChangedValues: false));
        JsonAssert.Equivalent(example.Value, back);
    }

    [Fact]
    public async Task An_unknown_field_is_kept_in_AdditionalData_and_written_back()
    {
        var json = """{"success":true,"data":{"action":"kicked","kicked_participants_count":2,"region":"eu"}}""";

        var model = await KiotaJsonSerializer.DeserializeAsync(json, Generated.Models.KickAllResponse.CreateFromDiscriminatorValue);

        Assert.Equal("eu", model!.Data!.AdditionalData["region"]);
        Assert.Contains("\"region\":\"eu\"", await KiotaJsonSerializer.SerializeAsStringAsync(model, serializeOnlyChangedValues: false), StringComparison.Ordinal);
    }

    // Every AdditionalData entry anywhere in the graph: a field the typed properties did not catch.
    private static IEnumerable<string> Leftovers(object? node, string path)
    {
        switch (node)
        {
            case null or string or UntypedNode:
                yield break;
            case IAdditionalDataHolder holder:
                foreach (var key in holder.AdditionalData.Keys)
                {
                    yield return $"{path}.{key}";
                }

                foreach (var property in node.GetType().GetProperties().Where(p => p.GetIndexParameters().Length == 0 && p.Name != nameof(IAdditionalDataHolder.AdditionalData) && p.DeclaringType!.Namespace!.StartsWith("RealtimeKit.Generated", StringComparison.Ordinal)))
                {
                    foreach (var leftover in Leftovers(property.GetValue(node), $"{path}.{property.Name}"))
                    {
                        yield return leftover;
                    }
                }

                break;
            case IEnumerable items:
                var i = 0;
                foreach (var item in items)
                {
                    foreach (var leftover in Leftovers(item, $"{path}[{i++}]"))
                    {
                        yield return leftover;
                    }
                }

                break;
        }
    }
}
