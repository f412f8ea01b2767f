using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Serialization.Json;
using RealtimeKit.Generated.Models;
using System.Net;
using RealtimeKit.Http;
using RealtimeKit.TestSupport;
using RealtimeKit.Tests.Support;

namespace RealtimeKit.Tests;

/// <summary>
/// The SDK's parse node reads every model exactly as Kiota's <see cref="JsonParseNode"/> does, through its learned
/// field tables where it can and through Kiota where it cannot.
/// </summary>
public class SdkJsonParseNodeTests
{
    static SdkJsonParseNodeTests()
    {
        SerializationWriterFactoryRegistry.DefaultInstance.ContentTypeAssociatedFactories.TryAdd("application/json", new JsonSerializationWriterFactory());
    }

    public static TheoryData<string> Examples() => new(SpecDocument.Examples().Select(e => e.ToString()));

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task Every_example_reads_into_the_same_model_as_with_Kiotas_parse_node(string name)
    {
        var example = SpecDocument.Examples().Single(e => e.ToString() == name);
        var factory = Factory(example.Schema["$ref"]!.GetValue<string>().Split('/')[^1]);

        await AssertSameAsKiotaAsync(example.Value.ToJsonString(), factory);
    }

    [Fact]
    public void Every_generated_model_has_a_field_table_so_it_is_read_without_Kiotas_cost_per_object()
    {
        var models = typeof(ActiveSession).Assembly.GetTypes()
            .Where(t => t.Namespace == "RealtimeKit.Generated.Models" && !t.IsAbstract && typeof(IParsable).IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) is not null)
            .ToList();

        Assert.NotEmpty(models);
        Assert.All(models, type => Assert.NotNull(SdkJsonParseNode.FieldTable.For((IParsable)Activator.CreateInstance(type)!)));
    }

    [Fact]
    public void A_table_sets_the_instance_it_is_given_not_the_one_it_was_learned_from()
    {
        var table = SdkJsonParseNode.FieldTable.For(new SessionParticipant())!;
        var other = new SessionParticipant();
        var name = table.Fields.Single(f => f.Utf8Name.AsSpan().SequenceEqual("name"u8));

        using var json = JsonDocument.Parse("\"Ada\"");
        name.Assign(other, new SdkJsonParseNode(json.RootElement));

        Assert.Equal("Ada", other.Name);
    }

    [Theory]
    // A field the model does not know: kept in AdditionalData, as Kiota keeps it (typed by Kiota's rules).
    [InlineData("""{"data":{"action":"kicked","participants":[{"id":"p1","created_at":"c","updated_at":"u","region":"eu","score":3,"tags":["a"]}]},"success":true}""")]
    // The same key twice: Kiota's reading decides which wins.
    [InlineData("""{"data":{"action":"first","action":"second","participants":[]},"success":true}""")]
    // Nulls are skipped, and a value of the wrong kind is read as Kiota reads it.
    [InlineData("""{"data":{"action":null,"participants":[{"id":123,"created_at":true,"updated_at":"u","name":null}]},"success":"yes"}""")]
    // Escaped property names match the field they spell.
    [InlineData("""{"d\u0061ta":{"\u0061ction":"kicked","participants":[]},"success":true}""")]
    // Not an object where one is expected, and not an array where one is expected.
    [InlineData("""{"data":[1,2],"success":true}""")]
    [InlineData("""{"data":{"action":"kicked","participants":{"id":"p1"}},"success":true}""")]
    // An object where a list belongs, with fields after it that must still be read.
    [InlineData("""{"data":{"participants":{},"action":"kicked"},"success":true}""")]
    public async Task Unusual_bodies_read_as_Kiota_reads_them(string json) =>
        await AssertSameAsKiotaAsync(json, SessionParticipantsResponse.CreateFromDiscriminatorValue);

    [Fact]
    public async Task Numbers_dates_and_ids_read_as_Kiota_reads_them_when_well_formed_and_when_not()
    {
        // Participant ids are UUIDs and times date-times in the list; a malformed one goes to Kiota, which decides.
        await AssertSameAsKiotaAsync("""{"success":true,"data":[{"id":"b0a65f63-42db-4cfd-999f-f377bed574ca","custom_participant_id":"a","preset_name":"p","created_at":"2025-01-01T08:20:00.000Z","updated_at":"2025-01-01T08:20:00Z"}],"paging":{"total_count":1,"start_offset":1,"end_offset":1}}""", ListParticipantsResponse.CreateFromDiscriminatorValue);
        await AssertSameAsKiotaAsync("""{"success":true,"data":[{"id":"","custom_participant_id":"a","preset_name":"p","created_at":"","updated_at":"2025-01-01 08:20"}],"paging":{"total_count":1.0,"start_offset":1,"end_offset":1}}""", ListParticipantsResponse.CreateFromDiscriminatorValue);
        await AssertSameAsKiotaAsync("""{"success":true,"data":[{"id":"not-a-uuid","custom_participant_id":"a","preset_name":"p","created_at":"2025-01-01T08:20:00.000Z","updated_at":"2025-01-01T08:20:00Z"}],"paging":{"total_count":1,"start_offset":1,"end_offset":1}}""", ListParticipantsResponse.CreateFromDiscriminatorValue);
    }

    [Fact]
    public void The_hooks_Kiota_uses_for_backing_stores_run_for_every_object_read()
    {
        using var json = JsonDocument.Parse("""{"data":{"action":"kicked","participants":[{"id":"p1","created_at":"c","updated_at":"u"},{"id":"p2","created_at":"c","updated_at":"u"}]},"success":true}""");
        var before = new List<string>();
        var after = new List<string>();
        var node = new SdkJsonParseNode(json.RootElement)
        {
            OnBeforeAssignFieldValues = item => before.Add(item.GetType().Name),
            OnAfterAssignFieldValues = item => after.Add(item.GetType().Name),
        };

        node.GetObjectValue(SessionParticipantsResponse.CreateFromDiscriminatorValue);

        string[] expected = ["SessionParticipantsResponse", "SessionParticipantsResult", "SessionParticipant", "SessionParticipant"];
        Assert.Equal(expected.Order(), before.Order());
        Assert.Equal(expected.Order(), after.Order());
    }

    [Fact]
    public async Task Untyped_values_and_unknown_fields_still_read_after_the_call_that_parsed_them()
    {
        // Kiota reads arrays inside untyped values and AdditionalData lazily, from the parsed document: it must stay.
        var transport = new ScriptedTransport().Respond(HttpStatusCode.OK, """
            {"success":true,"data":{"id":"s","associated_id":"m","created_at":"c","live_participants":1,"max_concurrent_participants":1,
             "meeting_display_name":"d","minutes_consumed":1,"organization_id":"o","started_at":"s","status":"LIVE","type":"meeting","updated_at":"u",
             "meta":{"tags":["a","b"]},"regions":["eu","us"]}}
            """);
        using var client = TestClients.Over(transport);

        var session = await client.ActiveSession.GetAsync(TestClients.MeetingId);

        var tags = (UntypedArray)((UntypedObject)session.Meta!).GetValue()["tags"];
        Assert.Equal(["a", "b"], tags.GetValue().Select(t => ((UntypedString)t).GetValue()));
        Assert.Equal(["eu", "us"], ((UntypedArray)session.AdditionalData["regions"]).GetValue().Select(t => ((UntypedString)t).GetValue()));
    }

    [Fact]
    public async Task A_body_read_whole_into_typed_fields_gives_its_parsed_document_back()
    {
        var typed = await CheckedBodyAsync("""{"success":true,"data":[],"paging":{"total_count":0,"start_offset":0,"end_offset":0}}""");
        var document = typed.ParseJson();
        new SdkJsonParseNode(document.RootElement, typed).GetObjectValue(ListParticipantsResponse.CreateFromDiscriminatorValue);
        typed.ReleaseJson();
        Assert.Null(typed.Json);
        Assert.Throws<ObjectDisposedException>(() => document.RootElement.ValueKind);

        var kept = await CheckedBodyAsync("""{"success":true,"data":[],"paging":{"total_count":0,"start_offset":0,"end_offset":0},"extra":[1]}""");
        var withUnknown = kept.ParseJson();
        new SdkJsonParseNode(withUnknown.RootElement, kept).GetObjectValue(ListParticipantsResponse.CreateFromDiscriminatorValue);
        kept.ReleaseJson();
        Assert.Same(withUnknown, kept.Json);
        withUnknown.Dispose();
    }

    /// <summary>A body as <see cref="ErrorResponseHandler"/> leaves a checked 2xx JSON body.</summary>
    internal static async Task<BufferedBody> CheckedBodyAsync(string json)
    {
        using var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(json) };
        var body = await BufferedBody.ReplaceContentAsync(response, 1 << 20, CancellationToken.None);
        body.CheckedJson = body.Bytes;
        return body;
    }

    internal static async Task AssertSameAsKiotaAsync<T>(string json, ParsableFactory<T> factory)
        where T : IParsable
    {
        using var document = JsonDocument.Parse(json);
        var (kiota, kiotaError) = Read(() => new JsonParseNode(document.RootElement).GetObjectValue(factory));
        var (sdk, sdkError) = Read(() => new SdkJsonParseNode(document.RootElement).GetObjectValue(factory));
        // And the node the SDK's adapter reads from: the model straight from the bytes where it can, else the above.
        var body = await CheckedBodyAsync(json);
        var (streamed, streamedError) = Read(() => new BufferedJsonRootNode(body).GetObjectValue(factory));

        Assert.Equal(kiotaError?.GetType(), sdkError?.GetType());
        Assert.Equal(kiotaError?.Message, sdkError?.Message);
        Assert.Equal(kiotaError?.GetType(), streamedError?.GetType());
        Assert.Equal(kiotaError?.Message, streamedError?.Message);
        if (kiota is not null)
        {
            var expected = JsonNode.Parse(await KiotaJsonSerializer.SerializeAsStringAsync(kiota, serializeOnlyChangedValues: false));
            JsonAssert.Equivalent(expected, JsonNode.Parse(await KiotaJsonSerializer.SerializeAsStringAsync(sdk!, serializeOnlyChangedValues: false)));
            JsonAssert.Equivalent(expected, JsonNode.Parse(await KiotaJsonSerializer.SerializeAsStringAsync(streamed!, serializeOnlyChangedValues: false)));
        }
    }

    private static (T? Model, Exception? Error) Read<T>(Func<T> read)
    {
        try
        {
            return (read(), null);
        }
        catch (Exception e)
        {
            return (default, e);
        }
    }

    /// <summary>The generated factory of the model named <paramref name="schemaName"/> in the spec.</summary>
    internal static ParsableFactory<IParsable> Factory(string schemaName)
    {
        var type = typeof(ActiveSession).Assembly.GetType("RealtimeKit.Generated.Models." + schemaName)
            ?? throw new InvalidOperationException($"No generated model for {schemaName}.");
        return (ParsableFactory<IParsable>)Delegate.CreateDelegate(typeof(ParsableFactory<IParsable>), type.GetMethod("CreateFromDiscriminatorValue")!);
    }
}
