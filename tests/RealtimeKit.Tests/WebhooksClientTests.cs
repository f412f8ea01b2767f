using System.Net;
using System.Text.Json.Nodes;
using RealtimeKit.Generated.Models;
using RealtimeKit.Tests.Support;
using RealtimeKit.TestSupport;
using static RealtimeKit.Tests.Support.TestClients;

namespace RealtimeKit.Tests;

/// <summary>The webhooks client: bodies built from parameters, argument checks, and retry safety per method.</summary>
public class WebhooksClientTests
{
    private const string WebhookId = "0d1f069d-43bb-489a-ad8c-7eb95592ba8e";
    private const string AppPrefix = $"/client/v4/accounts/{AccountId}/realtime/kit/{AppId}";
    private const string Webhook = """{"success":true,"data":{"id":"0d1f069d-43bb-489a-ad8c-7eb95592ba8e","name":"n","url":"https://example.com/h","events":["meeting.started"],"enabled":true,"created_at":"2022-05-28T07:01:53.075Z","updated_at":"2022-05-28T07:01:53.075Z"}}""";
    private const string ServerError = """{"success":false,"error":{"code":500,"message":"boom"}}""";

    private static readonly Uri Url = new("https://example.com/hooks/rtk");

    private readonly ScriptedTransport _transport = new();

    public static TheoryData<string?> Blanks() => new(null, "", "   ");

    [Theory]
    [MemberData(nameof(Blanks))]
    public async Task Blank_webhook_ids_are_refused_by_every_webhook_operation(string? webhookId)
    {
        using var client = Over(_transport);
        var calls = new Func<Task>[]
        {
            () => client.Webhooks.GetAsync(webhookId),
            () => client.Webhooks.UpdateAsync(webhookId, enabled: false),
            () => client.Webhooks.ReplaceAsync(webhookId, "n", Url, [WebhookEvent.MeetingStarted]),
            () => client.Webhooks.DeleteAsync(webhookId),
        };

        foreach (var call in calls)
        {
            var error = await Assert.ThrowsAnyAsync<ArgumentException>(call);
            Assert.Equal("webhookId", error.ParamName);
            Assert.Contains("Expected a non-empty value for webhookId", error.Message, StringComparison.Ordinal);
        }

        Assert.Equal("webhookId", (await Assert.ThrowsAsync<ArgumentException>(() => client.Webhooks.DeleteAsync("hook-1"))).ParamName);
        Assert.Empty(_transport.Requests);
    }

    [Fact]
    public async Task A_webhook_needs_a_name_an_http_url_and_at_least_one_event()
    {
        using var client = Over(_transport);

        Assert.Equal("name", (await Assert.ThrowsAnyAsync<ArgumentException>(() => client.Webhooks.CreateAsync(" ", Url, [WebhookEvent.MeetingStarted]))).ParamName);
        Assert.Equal("url", (await Assert.ThrowsAnyAsync<ArgumentException>(() => client.Webhooks.CreateAsync("n", null!, [WebhookEvent.MeetingStarted]))).ParamName);
        Assert.Equal("url", (await Assert.ThrowsAnyAsync<ArgumentException>(() => client.Webhooks.CreateAsync("n", new Uri("/hooks", UriKind.Relative), [WebhookEvent.MeetingStarted]))).ParamName);
        var ftp = await Assert.ThrowsAsync<ArgumentException>(() => client.Webhooks.ReplaceAsync(WebhookId, "n", new Uri("ftp://example.com/h"), [WebhookEvent.MeetingStarted]));
        Assert.Equal("url", ftp.ParamName);
        Assert.Contains("Expected an absolute http or https URL for url, got 'ftp://example.com/h'", ftp.Message, StringComparison.Ordinal);
        Assert.Equal("events", (await Assert.ThrowsAnyAsync<ArgumentException>(() => client.Webhooks.CreateAsync("n", Url, []))).ParamName);
        Assert.Equal("events", (await Assert.ThrowsAnyAsync<ArgumentException>(() => client.Webhooks.CreateAsync("n", Url, null!))).ParamName);
        Assert.Equal("events", (await Assert.ThrowsAnyAsync<ArgumentException>(() => client.Webhooks.CreateAsync("n", Url, [(WebhookEvent)42]))).ParamName);
        Assert.Empty(_transport.Requests);
    }

    [Fact]
    public async Task An_edit_needs_something_to_change_and_checks_what_it_is_given()
    {
        using var client = Over(_transport);

        var nothing = await Assert.ThrowsAsync<ArgumentException>(() => client.Webhooks.UpdateAsync(WebhookId));
        var blankName = await Assert.ThrowsAsync<ArgumentException>(() => client.Webhooks.UpdateAsync(WebhookId, name: ""));
        var noEvents = await Assert.ThrowsAsync<ArgumentException>(() => client.Webhooks.UpdateAsync(WebhookId, events: []));

        Assert.Contains("at least one of name, url, events or enabled", nothing.Message, StringComparison.Ordinal);
        Assert.Equal(("name", "events"), (blankName.ParamName, noEvents.ParamName));
        Assert.Empty(_transport.Requests);
    }

    [Fact]
    public async Task Create_sends_the_events_by_their_wire_names_and_leaves_enabled_to_the_service()
    {
        _transport.Respond(HttpStatusCode.Created, Webhook);
        using var client = Over(_transport);

        var webhook = await client.Webhooks.CreateAsync("Hooks", Url, [WebhookEvent.MeetingParticipantJoined, WebhookEvent.LivestreamingStatusUpdate]);

        var request = Assert.Single(_transport.Requests);
        Assert.Equal((HttpMethod.Post, AppPrefix + "/webhooks"), (request.Method, request.RequestUri!.AbsolutePath));
        JsonAssert.Equivalent(
            JsonNode.Parse("""{"name":"Hooks","url":"https://example.com/hooks/rtk","events":["meeting.participantJoined","livestreaming.statusUpdate"]}"""),
            JsonNode.Parse(_transport.Bodies[0]!));
        Assert.Equal(Guid.Parse(WebhookId), webhook.Id);
        Assert.Equal([WebhookEvent.MeetingStarted], webhook.Events!.Select(e => e!.Value));
    }

    [Fact]
    public async Task An_edit_sends_only_the_fields_it_is_given()
    {
        _transport.Respond(HttpStatusCode.OK, Webhook).Respond(HttpStatusCode.OK, Webhook);
        using var client = Over(_transport);

        await client.Webhooks.UpdateAsync(WebhookId, name: "Renamed");
        await client.Webhooks.UpdateAsync(WebhookId, url: Url, events: [WebhookEvent.MeetingSummary], enabled: true);

        Assert.All(_transport.Requests, r => Assert.Equal((HttpMethod.Patch, $"{AppPrefix}/webhooks/{WebhookId}"), (r.Method, r.RequestUri!.AbsolutePath)));
        JsonAssert.Equivalent(JsonNode.Parse("""{"name":"Renamed"}"""), JsonNode.Parse(_transport.Bodies[0]!));
        JsonAssert.Equivalent(JsonNode.Parse("""{"url":"https://example.com/hooks/rtk","events":["meeting.summary"],"enabled":true}"""), JsonNode.Parse(_transport.Bodies[1]!));
    }

    [Fact]
    public async Task Replace_sends_every_field_with_a_PUT()
    {
        _transport.Respond(HttpStatusCode.OK, Webhook);
        using var client = Over(_transport);

        await client.Webhooks.ReplaceAsync(WebhookId, "Hooks", Url, [WebhookEvent.MeetingEnded], enabled: false);

        var request = Assert.Single(_transport.Requests);
        Assert.Equal((HttpMethod.Put, $"{AppPrefix}/webhooks/{WebhookId}"), (request.Method, request.RequestUri!.AbsolutePath));
        JsonAssert.Equivalent(JsonNode.Parse("""{"name":"Hooks","url":"https://example.com/hooks/rtk","events":["meeting.ended"],"enabled":false}"""), JsonNode.Parse(_transport.Bodies[0]!));
    }

    [Fact]
    public async Task The_event_list_reads_the_all_segment_and_leaves_out_events_this_SDK_cannot_name()
    {
        _transport.Respond(HttpStatusCode.OK, """{"success":true,"data":["meeting.started","meeting.somethingNew","meeting.summary"]}""");
        using var client = Over(_transport);

        var events = await client.Webhooks.ListEventsAsync();

        Assert.Equal(AppPrefix + "/webhooks/all", Assert.Single(_transport.Requests).RequestUri!.AbsolutePath);
        Assert.Equal([WebhookEvent.MeetingStarted, WebhookEvent.MeetingSummary], events);
    }

    [Fact]
    public async Task Creating_a_webhook_is_not_retried_after_a_500()
    {
        _transport.Respond(HttpStatusCode.InternalServerError, ServerError);
        using var client = Over(_transport, maxRetries: 2, time: new ImmediateTimeProvider(), timeout: Timeout.InfiniteTimeSpan);

        await Assert.ThrowsAsync<RealtimeKitException>(() => client.Webhooks.CreateAsync("n", Url, [WebhookEvent.MeetingStarted]));

        Assert.Single(_transport.Requests);
    }

    [Fact]
    public async Task Editing_replacing_and_deleting_are_retried_after_a_500()
    {
        _transport
            .Respond(HttpStatusCode.InternalServerError, ServerError).Respond(HttpStatusCode.OK, Webhook)
            .Respond(HttpStatusCode.InternalServerError, ServerError).Respond(HttpStatusCode.OK, Webhook)
            .Respond(HttpStatusCode.InternalServerError, ServerError).Respond(HttpStatusCode.OK, Webhook);
        using var client = Over(_transport, maxRetries: 2, time: new ImmediateTimeProvider(), timeout: Timeout.InfiniteTimeSpan);

        await client.Webhooks.UpdateAsync(WebhookId, enabled: false);
        await client.Webhooks.ReplaceAsync(WebhookId, "n", Url, [WebhookEvent.MeetingStarted]);
        await client.Webhooks.DeleteAsync(WebhookId);

        Assert.Equal(
            [HttpMethod.Patch, HttpMethod.Patch, HttpMethod.Put, HttpMethod.Put, HttpMethod.Delete, HttpMethod.Delete],
            _transport.Requests.Select(r => r.Method));
    }
}
