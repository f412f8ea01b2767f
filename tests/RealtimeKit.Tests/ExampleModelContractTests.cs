using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Runtime.Serialization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Serialization.Json;
using RealtimeKit.TestSupport;

namespace RealtimeKit.Tests;

/// <summary>
/// Every example in the spec (requests, responses, errors) deserializes into its generated model with every
/// field reachable through typed properties, and serializes back to the same JSON value. NSwag's client of the same
/// spec (tests/RealtimeKit.NSwagClient) is a second, independent reading: each example reads into its NSwag type
/// with the same value in every field, and writes back the same JSON. A disagreement means the spec is ambiguous
/// or one generator misreads it.
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
        var (example, type, model) = await ReadWithKiotaAsync(name);

        Assert.IsType(type, model);
        Assert.Empty(Leftovers(model, "$"));
        var back = JsonNode.Parse(await KiotaJsonSerializer.SerializeAsStringAsync(model, serializeOnlyChangedValues: false));
        JsonAssert.Equivalent(example.Value, back);
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task The_example_reads_into_the_NSwag_type_with_the_same_values_and_writes_the_same_JSON_back(string name)
    {
        var (example, kiotaType, kiota) = await ReadWithKiotaAsync(name);
        var nswagType = typeof(NSwagClient.RealtimeKitNSwagClient).Assembly.GetType("RealtimeKit.NSwagClient." + kiotaType.Name)
            ?? throw new InvalidOperationException($"No NSwag type for {kiotaType.Name}.");

        var nswag = JsonSerializer.Deserialize(example.Value.ToJsonString(), nswagType, NSwagJson);

        Assert.Empty(NSwagLeftovers(nswag, "$"));
        Assert.Empty(Disagreements(example.Value, kiota, nswag, "$"));
        var back = JsonNode.Parse(JsonSerializer.Serialize(nswag, nswagType, NSwagJson));
        JsonAssert.Equivalent(example.Value, back);
    }

    // NSwag's client's own settings; writing leaves out what was never set, as Kiota does.
    private static readonly JsonSerializerOptions NSwagJson = new(NSwagClient.RealtimeKitNSwagClient.JsonOptions) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    private static async Task<(SpecExample Example, Type Type, IParsable Model)> ReadWithKiotaAsync(string name)
    {
        var example = SpecDocument.Examples().Single(e => e.ToString() == name);
        var schemaName = example.Schema["$ref"]!.GetValue<string>().Split('/')[^1];
        var type = typeof(Generated.Models.ActiveSession).Assembly.GetType("RealtimeKit.Generated.Models." + schemaName)
            ?? throw new InvalidOperationException($"No generated model for {schemaName}.");
        var factory = (ParsableFactory<IParsable>)Delegate.CreateDelegate(typeof(ParsableFactory<IParsable>), type.GetMethod("CreateFromDiscriminatorValue")!);
        return (example, type, await KiotaJsonSerializer.DeserializeAsync(example.Value.ToJsonString(), factory));
    }

    // Every place, by JSON path, where the example's value as Kiota typed it differs from NSwag's typing of it.
    private static IEnumerable<string> Disagreements(JsonNode? json, object? kiota, object? nswag, string path)
    {
        switch (json)
        {
            case not null when kiota is UntypedNode || nswag is JsonElement:
                // A free-form value: both must hold the same JSON.
                if (JsonAssert.Difference(json, Untyped(kiota)) is not null || JsonAssert.Difference(json, Untyped(nswag)) is not null)
                {
                    yield return $"{path}: the free-form value differs";
                }

                break;
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    var kiotaProperty = kiota is IParsable parsable ? KiotaProperty(parsable, key, value) : null;
                    var nswagProperty = nswag?.GetType().GetProperties().SingleOrDefault(p => p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name == key);
                    if (kiotaProperty is null || nswagProperty is null)
                    {
                        yield return $"{path}.{key}: no typed property in {(kiotaProperty is null ? "the Kiota model" : "the NSwag type")}";
                        continue;
                    }

                    foreach (var difference in Disagreements(value, kiotaProperty.GetValue(kiota), nswagProperty.GetValue(nswag), $"{path}.{key}"))
                    {
                        yield return difference;
                    }
                }

                break;
            case JsonArray array:
                var kiotaItems = (kiota as IEnumerable)?.Cast<object?>().ToList() ?? [];
                var nswagItems = (nswag as IEnumerable)?.Cast<object?>().ToList() ?? [];
                if (kiotaItems.Count != array.Count || nswagItems.Count != array.Count)
                {
                    yield return $"{path}: {array.Count} items in the example, {kiotaItems.Count} read by Kiota, {nswagItems.Count} by NSwag";
                    break;
                }

                for (var i = 0; i < array.Count; i++)
                {
                    foreach (var difference in Disagreements(array[i], kiotaItems[i], nswagItems[i], $"{path}[{i}]"))
                    {
                        yield return difference;
                    }
                }

                break;
            default:
                if (Plain(kiota) != Plain(nswag))
                {
                    yield return $"{path}: Kiota read {Plain(kiota) ?? "null"}, NSwag read {Plain(nswag) ?? "null"}";
                }

                break;
        }
    }

    // The property a Kiota model's deserializer for the JSON key sets: found by running it on a fresh instance.
    private static PropertyInfo? KiotaProperty(IParsable model, string key, JsonNode? value)
    {
        var fresh = (IParsable)Activator.CreateInstance(model.GetType())!;
        if (!fresh.GetFieldDeserializers().TryGetValue(key, out var deserialize))
        {
            return null;
        }

        // Settable properties only: an error model is also an exception, whose Message follows its fields.
        var properties = model.GetType().GetProperties()
            .Where(p => p.CanWrite && p.GetIndexParameters().Length == 0 && p.Name != nameof(IAdditionalDataHolder.AdditionalData))
            .ToList();
        var before = properties.Select(p => p.GetValue(fresh)).ToList();
        using var document = JsonDocument.Parse(value?.ToJsonString() ?? "null");
        deserialize(new JsonParseNode(document.RootElement));
        return properties.Where((p, i) => !Equals(p.GetValue(fresh), before[i])).SingleOrDefault();
    }

    // A typed value as one comparable text: enums by their wire names, instants in UTC, numbers invariant.
    private static string? Plain(object? value) => value switch
    {
        null => null,
        Enum e => e.GetType().GetField(e.ToString())?.GetCustomAttribute<EnumMemberAttribute>()?.Value ?? e.ToString(),
        DateTimeOffset d => d.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
        DateTime d => d.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
        Guid g => g.ToString("D"),
        Uri u => u.OriginalString,
        bool b => b ? "true" : "false",
        IConvertible number and not string => Convert.ToDecimal(number, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture),
        JsonElement element => element.ValueKind == JsonValueKind.String ? element.GetString() : element.GetRawText(),
        UntypedNode => Untyped(value)?.ToJsonString(),
        _ => value.ToString(),
    };

    private static JsonNode? Untyped(object? value) => value switch
    {
        UntypedNode node => JsonNode.Parse(KiotaJsonSerializer.SerializeAsString(node)),
        JsonElement element => JsonNode.Parse(element.GetRawText()),
        _ => null,
    };

    // Every AdditionalProperties entry anywhere in an NSwag graph: a field its typed properties did not catch.
    private static IEnumerable<string> NSwagLeftovers(object? node, string path)
    {
        if (node is null or string or JsonElement || node.GetType().IsValueType)
        {
            yield break;
        }

        if (node is IEnumerable items)
        {
            var i = 0;
            foreach (var item in items)
            {
                foreach (var leftover in NSwagLeftovers(item, $"{path}[{i++}]"))
                {
                    yield return leftover;
                }
            }

            yield break;
        }

        foreach (var property in node.GetType().GetProperties().Where(p => p.GetIndexParameters().Length == 0))
        {
            var value = property.GetValue(node);
            if (property.Name == "AdditionalProperties" && value is IDictionary<string, object> extra)
            {
                foreach (var key in extra.Keys)
                {
                    yield return $"{path}.{key}";
                }
            }
            else
            {
                foreach (var leftover in NSwagLeftovers(value, $"{path}.{property.Name}"))
                {
                    yield return leftover;
                }
            }
        }
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
