using System.Text;
using System.Text.Json.Nodes;
using RealtimeKit.Emulator.Webhooks;
using RealtimeKit.Generated.Models;
using RealtimeKit.TestSupport;

namespace RealtimeKit.Emulator.Tests;

/// <summary>Webhooks registered through the API receive signed events that the emulator's state publishes.</summary>
public sealed class WebhookEventsTests
{
    private static readonly WebhookEvent[] AllEvents = Enum.GetValues<WebhookEvent>();

    [Fact]
    public async Task A_loopback_webhook_receives_every_meeting_event_signed_with_the_emulators_key()
    {
        await using var receiver = await LoopbackServer.StartAsync(_ => new ScriptedResponse(200));
        await using var h = await EmulatorHarness.StartAsync();
        var webhook = await h.Client.Webhooks.CreateAsync("Everything", new Uri(receiver.BaseUrl + "/hooks"), AllEvents);

        var meeting = await h.Emulator.Control.CreateMeetingAsync("Webhook stand-up");
        var ada = await h.Client.Participants.AddAsync(meeting.Id, "ada@example.com", "group_call_host", "Ada");
        var bob = await h.Client.Participants.AddAsync(meeting.Id, "bob@example.com", "group_call_host", "Bob");
        await h.Emulator.Control.JoinAsync(ada.Token!);
        await h.Emulator.Control.JoinAsync(bob.Token!);
        await h.Emulator.Control.ChatAsync(ada.Token!, "Hello from Ada");
        await h.Client.ActiveSession.KickAsync(meeting.Id, participantIds: [bob.Id]);
        await h.Emulator.Control.LeaveAsync(ada.Token!);
        await h.Emulator.DrainWebhooksAsync();

        var received = receiver.Requests.Select(r => (Request: r, Body: JsonNode.Parse(r.Body)!)).ToList();
        Assert.Equal(
            new[] { "meeting.started", "meeting.participantJoined", "meeting.participantJoined", "meeting.participantLeft", "meeting.participantLeft", "meeting.ended", "meeting.chatSynced", "meeting.transcript", "meeting.summary" }.Order(StringComparer.Ordinal),
            received.Select(r => r.Body["event"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        var pem = await h.Emulator.Control.GetWebhookPublicKeyPemAsync();
        Assert.Equal(h.Emulator.WebhookPublicKeyPem, pem);
        foreach (var (request, body) in received)
        {
            Assert.True(WebhookSignature.Verify(pem, Encoding.UTF8.GetBytes(request.Body), request.Header(WebhookSignature.HeaderName)), request.Body);
            Assert.Equal(body["event"]!.GetValue<string>(), request.Header("rtk-event"));
            Assert.Equal(meeting.Id, body["meeting"]!["id"]!.GetValue<string>());
            Assert.NotNull(body["session"]!["id"]);
        }

        var joined = received.Where(r => r.Body["event"]!.GetValue<string>() == "meeting.participantJoined").Select(r => r.Body["participant"]!).ToList();
        Assert.Equal(new[] { ada.Id.ToString(), bob.Id.ToString() }.Order(StringComparer.Ordinal), joined.Select(p => p["id"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.All(joined, p => Assert.Null(p["token"]));
        var chat = received.Single(r => r.Body["event"]!.GetValue<string>() == "meeting.chatSynced").Body["chat"]!.AsArray();
        Assert.Equal("Hello from Ada", Assert.Single(chat)!["message"]!.GetValue<string>());
        Assert.Contains("emulator", received.Single(r => r.Body["event"]!.GetValue<string>() == "meeting.transcript").Body["transcript"]!.GetValue<string>(), StringComparison.Ordinal);

        var deliveries = await h.Emulator.Control.GetWebhookDeliveriesAsync();
        Assert.Equal(received.Count, deliveries.Count);
        Assert.All(deliveries, d => Assert.True(d.Delivered && d.WebhookId == webhook.Id.ToString() && d.Attempt == 1));
    }

    [Fact]
    public async Task Webhooks_can_be_listed_edited_replaced_disabled_and_deleted()
    {
        await using var receiver = await LoopbackServer.StartAsync(_ => new ScriptedResponse(200));
        await using var h = await EmulatorHarness.StartAsync();
        var url = new Uri(receiver.BaseUrl + "/a");
        var created = await h.Client.Webhooks.CreateAsync("Lifecycle", url, [WebhookEvent.MeetingStarted]);

        Assert.True(created.Enabled);
        Assert.Equal(AllEvents, await h.Client.Webhooks.ListEventsAsync());
        Assert.Equal(created.Id, Assert.Single(await h.Client.Webhooks.ListAsync()).Id);
        var edited = await h.Client.Webhooks.UpdateAsync(created.Id!, enabled: false);
        Assert.False(edited.Enabled);
        Assert.Equal("Lifecycle", edited.Name);
        var replaced = await h.Client.Webhooks.ReplaceAsync(created.Id!, "Recordings", new Uri(receiver.BaseUrl + "/b"), [WebhookEvent.RecordingStatusUpdate]);
        Assert.True(replaced.Enabled);
        Assert.Equal("Recordings", (await h.Client.Webhooks.GetAsync(created.Id!)).Name);
        Assert.Equal(created.Id, (await h.Client.Webhooks.DeleteAsync(created.Id!)).Id);
        Assert.Empty(await h.Client.Webhooks.ListAsync());
        var gone = await Assert.ThrowsAsync<RealtimeKitException>(() => h.Client.Webhooks.GetAsync(created.Id!));
        Assert.Equal(404, gone.StatusCode);
    }

    [Fact]
    public async Task A_webhook_url_off_the_loopback_interface_is_refused_naming_url()
    {
        await using var h = await EmulatorHarness.StartAsync();

        var refused = await Assert.ThrowsAsync<RealtimeKitException>(() => h.Client.Webhooks.CreateAsync("Out", new Uri("https://example.com/hook"), [WebhookEvent.MeetingStarted]));

        Assert.Equal(400, refused.StatusCode);
        Assert.StartsWith("url ", refused.ServiceMessage, StringComparison.Ordinal);
        var (status, body) = await h.RawAsync(HttpMethod.Get, $"client/v4/accounts/{h.Emulator.AccountId}/realtime/kit/{h.Emulator.AppId}/webhooks/not%0D%0Aa-uuid");
        Assert.Equal(400, status);
        Assert.Contains("webhook_id", body, StringComparison.Ordinal);
        Assert.DoesNotContain("\\r", body.Replace("\\\\u000d", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Empty(await h.Client.Webhooks.ListAsync());
    }

    [Fact]
    public async Task A_disabled_webhook_receives_nothing()
    {
        await using var receiver = await LoopbackServer.StartAsync(_ => new ScriptedResponse(200));
        await using var h = await EmulatorHarness.StartAsync();
        await h.Client.Webhooks.CreateAsync("Off", new Uri(receiver.BaseUrl + "/off"), AllEvents, enabled: false);

        await h.LiveMeetingAsync(1);
        await h.Emulator.DrainWebhooksAsync();

        Assert.Empty(receiver.Requests);
        Assert.Empty(await h.Emulator.Control.GetWebhookDeliveriesAsync());
    }
}
