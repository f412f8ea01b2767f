using System.Text;
using System.Text.Json;
using Microsoft.Kiota.Abstractions.Serialization;
using RealtimeKit.Errors;
using RealtimeKit.Generated.Models;
using RealtimeKit.Http;
using RealtimeKit.TestSupport;

namespace RealtimeKit.Tests;

/// <summary>
/// The SDK reads models straight from a body's bytes (<see cref="StreamedModelReader"/>) and leaves to a document
/// only what it cannot read exactly as Kiota does. That every reading equals Kiota's is checked by
/// <see cref="SdkJsonParseNodeTests"/> (every example and odd bodies, through <see cref="BufferedJsonRootNode"/>);
/// these check which way a body is read, and <see cref="JsonEnvelope"/>, the handler's one pass over a body.
/// </summary>
public class StreamedModelReaderTests
{
    private static readonly JsonReaderOptions Options = JsonEnvelope.ReaderOptions(ServiceErrorReader.JsonOptions);

    public static TheoryData<string> Examples() => new(SpecDocument.Examples().Select(e => e.ToString()));

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task Every_example_is_read_straight_from_its_bytes_without_a_document(string name)
    {
        var example = SpecDocument.Examples().Single(e => e.ToString() == name);
        var body = await SdkJsonParseNodeTests.CheckedBodyAsync(example.Value.ToJsonString());

        var model = new BufferedJsonRootNode(body).GetObjectValue(SdkJsonParseNodeTests.Factory(example.Schema["$ref"]!.GetValue<string>().Split('/')[^1]));

        Assert.NotNull(model);
        Assert.Null(body.Json);
    }

    [Theory]
    // A property the model does not know (Kiota keeps it in AdditionalData).
    [InlineData("""{"success":true,"data":{"action":"kicked","participants":[],"extra":1}}""")]
    // A property twice.
    [InlineData("""{"success":true,"success":true,"data":{"action":"kicked","participants":[]}}""")]
    // A value not of the kind its field reads, and a malformed one.
    [InlineData("""{"success":"yes","data":{"action":"kicked","participants":[]}}""")]
    [InlineData("""{"success":true,"data":{"action":"kicked","participants":[{"id":7,"created_at":"c","updated_at":"u"}]}}""")]
    // A list item that is not an object.
    [InlineData("""{"success":true,"data":{"action":"kicked","participants":[null]}}""")]
    public async Task A_body_the_streamed_reader_cannot_read_exactly_as_Kiota_is_read_from_a_document(string json)
    {
        var body = await SdkJsonParseNodeTests.CheckedBodyAsync(json);

        new BufferedJsonRootNode(body).GetObjectValue(SessionParticipantsResponse.CreateFromDiscriminatorValue);

        Assert.NotNull(body.Json);
    }

    [Fact]
    public async Task A_malformed_id_or_instant_is_read_from_a_document()
    {
        // Participant ids are UUIDs and times instants in the meeting's list; Kiota decides what a malformed one gives.
        foreach (var participant in new[] { """{"id":"not-a-uuid"}""", """{"created_at":"yesterday"}""" })
        {
            var body = await SdkJsonParseNodeTests.CheckedBodyAsync("""{"success":true,"data":[""" + participant + "]}");
            try
            {
                new BufferedJsonRootNode(body).GetObjectValue(ListParticipantsResponse.CreateFromDiscriminatorValue);
            }
            catch (FormatException)
            {
                // Kiota's reading of the malformed value (SdkJsonParseNodeTests checks it is the same).
            }

            Assert.NotNull(body.Json);
        }
    }

    [Fact]
    public async Task An_enum_string_that_names_no_member_and_a_list_of_them_are_read_from_a_document()
    {
        var status = await SdkJsonParseNodeTests.CheckedBodyAsync("""{"success":true,"data":{"id":"s","status":"PAUSED"}}""");
        var session = new BufferedJsonRootNode(status).GetObjectValue(GetActiveSessionResponse.CreateFromDiscriminatorValue);
        Assert.NotNull(status.Json);
        Assert.Null(session.Data!.Status);

        var events = await SdkJsonParseNodeTests.CheckedBodyAsync("""{"success":true,"data":{"id":"00000000-0000-4000-8000-000000000001","events":["meeting.started","no.such.event"]}}""");
        new BufferedJsonRootNode(events).GetObjectValue(WebhookResponse.CreateFromDiscriminatorValue);
        Assert.NotNull(events.Json);
    }

    [Fact]
    public void Enum_members_read_as_Kiota_reads_them_in_any_case_and_however_many_spellings()
    {
        // Kiota ignores case: 200 spellings of the two members, more than the reader remembers, all read right.
        var spellings = Enumerable.Range(0, 200).Select(i => Spell(i % 2 == 0 ? "live" : "ended", i / 2)).ToList();
        foreach (var spelling in spellings)
        {
            var json = Encoding.UTF8.GetBytes("""{"success":true,"data":{"status":""" + JsonSerializer.Serialize(spelling) + "}}");
            Assert.True(StreamedModelReader.TryRead<GetActiveSessionResponse>(json, GetActiveSessionResponse.CreateFromDiscriminatorValue, Options, out var read));
            Assert.Equal(spelling.Equals("live", StringComparison.OrdinalIgnoreCase) ? ActiveSessionStatus.LIVE : ActiveSessionStatus.ENDED, read.Data!.Status);
        }

        // Only so many spellings are kept: a server cannot grow the reader's memory without end. A webhook event's
        // member name (Kiota also reads names, ignoring case) has far more spellings than the bound, and every one
        // still reads as its member.
        var events = Enumerable.Range(0, 3 * StreamedModelReader.MaxRememberedSpellings).Select(i => Spell("meetingstarted", i)).ToList();
        var eventsJson = Encoding.UTF8.GetBytes("""{"events":""" + JsonSerializer.Serialize(events) + "}");
        Assert.True(StreamedModelReader.TryRead<Webhook>(eventsJson, Webhook.CreateFromDiscriminatorValue, Options, out var webhook));
        Assert.All(webhook.Events!, e => Assert.Equal(WebhookEvent.MeetingStarted, e));
        Assert.Equal(StreamedModelReader.MaxRememberedSpellings, StreamedModelReader.RememberedSpellings<WebhookEvent>());
        Assert.Equal(64, StreamedModelReader.MaxRememberedSpellings);

        // Each i gives a different mix of upper and lower case.
        static string Spell(string word, int i) => new(word.Select((c, k) => ((i >> k) & 1) == 1 ? char.ToUpperInvariant(c) : c).ToArray());
    }

    [Fact]
    public void A_factory_that_reads_its_node_makes_nothing_or_is_not_a_generated_static_one_is_left_to_the_document()
    {
        var json = """{"success":true,"data":{"action":"kicked","participants":[]}}"""u8.ToArray();

        // A discriminator: the factory looks at its node to choose the type.
        Assert.False(StreamedModelReader.TryRead<SessionParticipantsResponse>(json, ReadsItsNode, Options, out _));
        Assert.False(StreamedModelReader.TryRead<SessionParticipantsResponse>(json, MakesNothing, Options, out _));
        var made = new SessionParticipantsResponse();
        Assert.False(StreamedModelReader.TryRead<SessionParticipantsResponse>(json, _ => made, Options, out _));
        Assert.True(StreamedModelReader.TryRead<SessionParticipantsResponse>(json, SessionParticipantsResponse.CreateFromDiscriminatorValue, Options, out var read));
        Assert.Equal("kicked", read.Data!.Action);
    }

    [Fact]
    public async Task A_null_field_keeps_its_default_and_the_body_is_still_read_without_a_document()
    {
        var body = await SdkJsonParseNodeTests.CheckedBodyAsync("""{"success":true,"data":{"action":null,"participants":[{"id":"p1","name":null}]}}""");

        var read = new BufferedJsonRootNode(body).GetObjectValue(SessionParticipantsResponse.CreateFromDiscriminatorValue);

        Assert.Null(body.Json);
        Assert.Null(read.Data!.Action);
        Assert.Equal("p1", Assert.Single(read.Data.Participants!).Id);
        Assert.Null(read.Data.Participants![0].Name);
    }

    [Fact]
    public async Task Lists_of_strings_and_of_integers_are_read_from_the_bytes_as_Kiota_reads_them()
    {
        Assert.True(StreamedModelReader.TryRead("""{"participant_ids":["a","b"],"custom_participant_ids":[]}"""u8.ToArray(), KickParticipantsBody.CreateFromDiscriminatorValue, Options, out var kick));
        Assert.Equal(["a", "b"], kick.ParticipantIds!);
        Assert.Empty(kick.CustomParticipantIds!);
        Assert.True(StreamedModelReader.TryRead("""{"livestream_viewer_qualities":[360,720]}"""u8.ToArray(), PresetConfig.CreateFromDiscriminatorValue, Options, out var config));
        Assert.Equal<int?>([360, 720], config.LivestreamViewerQualities!);

        // An item of another kind, or an object where the list belongs (with a field after it): Kiota's reading.
        foreach (var json in new[] { """{"participant_ids":["a",1,"b"]}""", """{"participant_ids":{},"custom_participant_ids":["c"]}""", """{"custom_participant_ids":["c"],"participant_ids":[null]}""" })
        {
            Assert.False(StreamedModelReader.TryRead<KickParticipantsBody>(Encoding.UTF8.GetBytes(json), KickParticipantsBody.CreateFromDiscriminatorValue, Options, out _));
            await SdkJsonParseNodeTests.AssertSameAsKiotaAsync(json, KickParticipantsBody.CreateFromDiscriminatorValue);
        }

        foreach (var json in new[] { """{"livestream_viewer_qualities":[360,"hd"]}""", """{"livestream_viewer_qualities":[360.5]}""", """{"livestream_viewer_qualities":{},"max_screenshare_count":2}""" })
        {
            Assert.False(StreamedModelReader.TryRead<PresetConfig>(Encoding.UTF8.GetBytes(json), PresetConfig.CreateFromDiscriminatorValue, Options, out _));
            await SdkJsonParseNodeTests.AssertSameAsKiotaAsync(json, PresetConfig.CreateFromDiscriminatorValue);
        }
    }

    [Fact]
    public async Task The_root_node_refuses_a_null_factory_and_a_body_parses_into_one_document_at_most()
    {
        var body = await SdkJsonParseNodeTests.CheckedBodyAsync("""{"success":true}""");

        Assert.Throws<ArgumentNullException>(() => new BufferedJsonRootNode(body).GetObjectValue<SessionParticipantsResponse>(null!));
        Assert.Same(body.ParseJson(), body.ParseJson());

        using var response = new HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = new StringContent("{}") };
        var unchecked_ = await BufferedBody.ReplaceContentAsync(response, 1 << 20, CancellationToken.None);
        Assert.Throws<InvalidOperationException>(() => unchecked_.ParseJson());
    }

    private static SessionParticipantsResponse ReadsItsNode(IParseNode node)
    {
        node.GetChildNode("kind");
        return new SessionParticipantsResponse();
    }

    private static SessionParticipantsResponse MakesNothing(IParseNode node) => null!;

    [Fact]
    public async Task Kiotas_backing_store_hooks_are_run_by_the_document_reading()
    {
        var body = await SdkJsonParseNodeTests.CheckedBodyAsync("""{"success":true,"data":{"action":"kicked","participants":[]}}""");
        var seen = new List<string>();

        new BufferedJsonRootNode(body) { OnAfterAssignFieldValues = item => seen.Add(item.GetType().Name) }
            .GetObjectValue(SessionParticipantsResponse.CreateFromDiscriminatorValue);

        Assert.Contains("SessionParticipantsResponse", seen);
        Assert.NotNull(body.Json);
    }

    [Fact]
    public async Task Any_other_read_of_the_root_is_a_document_read()
    {
        var body = await SdkJsonParseNodeTests.CheckedBodyAsync("""{"success":true,"data":{"action":"kicked"}}""");
        var root = new BufferedJsonRootNode(body);

        Assert.Equal("kicked", root.GetChildNode("data")!.GetChildNode("action")!.GetStringValue());
        Assert.NotNull(body.Json);
    }

    [Fact]
    public void Reading_stops_at_a_body_that_is_not_JSON_after_all()
    {
        Assert.False(StreamedModelReader.TryRead("""{"success":true,"data":{"action":"kic"""u8.ToArray(), SessionParticipantsResponse.CreateFromDiscriminatorValue, Options, out _));
        Assert.False(StreamedModelReader.TryRead<SessionParticipantsResponse>("""[{"success":true}]"""u8.ToArray(), SessionParticipantsResponse.CreateFromDiscriminatorValue, Options, out _));
    }

    [Theory]
    [InlineData("""{"success":true,"data":{}}""", JsonValueKind.Object, JsonValueKind.True, JsonValueKind.Object)]
    [InlineData("""{"success":false,"errors":[]}""", JsonValueKind.Object, JsonValueKind.False, JsonValueKind.Undefined)]
    [InlineData("""{"data":[1,{"success":false}],"meta":{"success":false,"data":"x"}}""", JsonValueKind.Object, JsonValueKind.Undefined, JsonValueKind.Array)]
    // A repeated property counts by its last value, as JsonElement.TryGetProperty finds it.
    [InlineData("""{"success":false,"data":"x","success":true,"data":null}""", JsonValueKind.Object, JsonValueKind.True, JsonValueKind.Null)]
    [InlineData("""{"s\u0075ccess":false,"d\u0061ta":12}""", JsonValueKind.Object, JsonValueKind.False, JsonValueKind.Number)]
    [InlineData("""[{"success":false}]""", JsonValueKind.Array, JsonValueKind.Undefined, JsonValueKind.Undefined)]
    [InlineData("\"text\"", JsonValueKind.String, JsonValueKind.Undefined, JsonValueKind.Undefined)]
    [InlineData(" 12 ", JsonValueKind.Number, JsonValueKind.Undefined, JsonValueKind.Undefined)]
    [InlineData("null", JsonValueKind.Null, JsonValueKind.Undefined, JsonValueKind.Undefined)]
    [InlineData("false", JsonValueKind.False, JsonValueKind.Undefined, JsonValueKind.Undefined)]
    public void The_envelope_scan_finds_the_root_and_its_success_and_data_as_a_document_would(string json, JsonValueKind root, JsonValueKind success, JsonValueKind data)
    {
        var envelope = JsonEnvelope.Scan(Encoding.UTF8.GetBytes(json), ServiceErrorReader.JsonOptions);

        using var document = JsonDocument.Parse(json, ServiceErrorReader.JsonOptions);
        Assert.Equal(document.RootElement.ValueKind, envelope.Root);
        Assert.Equal(root, envelope.Root);
        Assert.Equal(success, envelope.Success);
        Assert.Equal(data, envelope.Data);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("""{"success":true,"data":{}} {}""")]
    [InlineData("""{"success":true,"data":[1,]}""")]
    [InlineData("""{"success":true /* c */}""")]
    [InlineData("""{'success':true}""")]
    public void The_envelope_scan_refuses_what_a_document_would_refuse_with_the_same_message(string json)
    {
        var expected = Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(json, ServiceErrorReader.JsonOptions));

        var thrown = Assert.ThrowsAny<JsonException>(() => JsonEnvelope.Scan(Encoding.UTF8.GetBytes(json), ServiceErrorReader.JsonOptions));

        Assert.Equal(expected.Message, thrown.Message);
    }

    [Fact]
    public void The_envelope_scan_keeps_the_documents_depth_limit()
    {
        var deep = new string('[', ServiceErrorReader.JsonOptions.MaxDepth + 1) + new string(']', ServiceErrorReader.JsonOptions.MaxDepth + 1);
        var atLimit = new string('[', ServiceErrorReader.JsonOptions.MaxDepth) + new string(']', ServiceErrorReader.JsonOptions.MaxDepth);

        Assert.ThrowsAny<JsonException>(() => JsonEnvelope.Scan(Encoding.UTF8.GetBytes(deep), ServiceErrorReader.JsonOptions));
        Assert.Equal(JsonValueKind.Array, JsonEnvelope.Scan(Encoding.UTF8.GetBytes(atLimit), ServiceErrorReader.JsonOptions).Root);
    }
}
