using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using RealtimeKit.Emulator.Webhooks;
using RealtimeKit.TestSupport;

namespace RealtimeKit.Emulator.Tests;

/// <summary>Webhook delivery: signed JSON POSTs to subscribed, enabled, loopback webhooks, retried with backoff, logged.</summary>
public sealed class WebhookDispatcherTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero));
    private readonly WebhookSigner _signer = new();
    private readonly List<WebhookSubscription> _webhooks = [];
    private readonly Queue<int> _statuses = new();
    private LoopbackServer _receiver = null!;
    private WebhookDispatcher _dispatcher = null!;

    public async Task InitializeAsync()
    {
        _receiver = await LoopbackServer.StartAsync(_ => new ScriptedResponse(_statuses.TryDequeue(out var s) ? s : 200));
        _dispatcher = new WebhookDispatcher(() => _webhooks, _signer, _time);
    }

    public async Task DisposeAsync()
    {
        await _dispatcher.DisposeAsync();
        await _receiver.DisposeAsync();
        _signer.Dispose();
    }

    private WebhookSubscription Webhook(string id, bool enabled = true, Uri? url = null, params string[] events) =>
        new(id, url ?? new Uri(_receiver.BaseUrl + "/hooks/" + id), events.Length == 0 ? ["meeting.participantJoined"] : events, enabled);

    // Retries wait on the emulator's clock: move it on until every delivery is settled (bounded).
    private async Task SettleAsync()
    {
        var drained = _dispatcher.DrainAsync();
        for (var i = 0; i < 200 && !drained.IsCompleted; i++)
        {
            _time.Advance(TimeSpan.FromSeconds(1));
            await Task.WhenAny(drained, Task.Delay(10));
        }

        await drained;
    }

    [Fact]
    public async Task An_event_is_posted_as_signed_json_naming_the_event_with_the_api_objects()
    {
        _webhooks.Add(Webhook("w1"));

        _dispatcher.Publish("meeting.participantJoined", new Dictionary<string, object?> { ["meeting"] = new { id = "m1", title = "Stand-up" }, ["participant"] = new { id = "p1" } });
        await SettleAsync();

        var request = Assert.Single(_receiver.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/hooks/w1", request.RawPath);
        Assert.StartsWith("application/json", request.Header("Content-Type"), StringComparison.Ordinal);
        var body = JsonNode.Parse(request.Body)!;
        Assert.Equal("meeting.participantJoined", body["event"]!.GetValue<string>());
        Assert.Equal("Stand-up", body["meeting"]!["title"]!.GetValue<string>());
        Assert.Equal("p1", body["participant"]!["id"]!.GetValue<string>());
        Assert.True(WebhookSignature.Verify(_signer.PublicKeyPem, Encoding.UTF8.GetBytes(request.Body), request.Header("rtk-signature")));
        var delivery = Assert.Single(_dispatcher.Deliveries);
        Assert.True(delivery.Delivered);
        Assert.Equal((1, 200), (delivery.Attempt, delivery.Status));
    }

    [Fact]
    public void A_signature_over_other_bytes_or_from_another_key_does_not_verify()
    {
        var body = Encoding.UTF8.GetBytes("""{"event":"meeting.started"}""");
        var signature = _signer.Sign(body);
        using var other = new WebhookSigner();

        Assert.True(WebhookSignature.Verify(_signer.PublicKeyPem, body, signature));
        Assert.False(WebhookSignature.Verify(_signer.PublicKeyPem, Encoding.UTF8.GetBytes("""{"event":"meeting.ended"}"""), signature));
        Assert.False(WebhookSignature.Verify(other.PublicKeyPem, body, signature));
        Assert.False(WebhookSignature.Verify(_signer.PublicKeyPem, body, "not base64!"));
        Assert.False(WebhookSignature.Verify(_signer.PublicKeyPem, body, null));
    }

    [Fact]
    public async Task A_failing_receiver_is_retried_with_backoff_until_it_accepts()
    {
        _webhooks.Add(Webhook("w1"));
        _statuses.Enqueue(500);
        _statuses.Enqueue(503);

        _dispatcher.Publish("meeting.participantJoined", new Dictionary<string, object?>());
        await SettleAsync();

        Assert.Equal(3, _receiver.Requests.Count);
        Assert.Equal([500, 503, 200], _dispatcher.Deliveries.Select(d => d.Status ?? 0));
        Assert.Equal([1, 2, 3], _dispatcher.Deliveries.Select(d => d.Attempt));
        Assert.Single(_dispatcher.Deliveries.Select(d => d.EventId).Distinct());
        Assert.Single(_receiver.Requests.Select(r => r.Header("rtk-signature")).Distinct());
    }

    [Fact]
    public async Task A_receiver_that_never_accepts_gets_the_maximum_attempts_then_the_event_is_dropped()
    {
        _webhooks.Add(Webhook("w1"));
        for (var i = 0; i < 10; i++)
        {
            _statuses.Enqueue(500);
        }

        _dispatcher.Publish("meeting.participantJoined", new Dictionary<string, object?>());
        await SettleAsync();

        Assert.Equal(WebhookDispatcher.MaxAttempts, _receiver.Requests.Count);
        Assert.All(_dispatcher.Deliveries, d => Assert.False(d.Delivered));
    }

    [Fact]
    public async Task Only_enabled_webhooks_subscribed_to_the_event_receive_it()
    {
        _webhooks.Add(Webhook("joined"));
        _webhooks.Add(Webhook("disabled", enabled: false));
        _webhooks.Add(Webhook("ended", events: "meeting.ended"));

        _dispatcher.Publish("meeting.participantJoined", new Dictionary<string, object?>());
        await SettleAsync();

        Assert.Equal(["/hooks/joined"], _receiver.Requests.Select(r => r.RawPath));
    }

    [Theory]
    [InlineData("http://example.com/hook", false)]
    [InlineData("http://10.0.0.1/hook", false)]
    [InlineData("ftp://127.0.0.1/hook", false)]
    [InlineData("http://127.0.0.1:9/hook", true)]
    [InlineData("http://localhost:9/hook", true)]
    [InlineData("http://[::1]:9/hook", true)]
    public void Only_loopback_http_urls_are_allowed(string url, bool allowed)
    {
        Assert.Equal(allowed, WebhookDispatcher.IsAllowed(new Uri(url)));
    }

    [Fact]
    public async Task A_non_loopback_webhook_is_never_called_and_the_log_says_why()
    {
        _webhooks.Add(Webhook("remote", url: new Uri("http://example.com/hook")));

        _dispatcher.Publish("meeting.participantJoined", new Dictionary<string, object?>());
        await SettleAsync();

        var delivery = Assert.Single(_dispatcher.Deliveries);
        Assert.False(delivery.Delivered);
        Assert.Null(delivery.Status);
        Assert.Contains("only loopback", delivery.Error, StringComparison.Ordinal);
    }
}
