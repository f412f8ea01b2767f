using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using RealtimeKit.Emulator.Webhooks;

namespace RealtimeKit.Cli.Demo;

/// <summary>
/// The demo's own webhook receiver: a loopback HTTP listener that accepts RealtimeKit webhook deliveries,
/// verifies each <c>rtk-signature</c> against the emulator's public key, and keeps the events in arrival order.
/// It is what a team's backend does with a webhook, in a few lines.
/// </summary>
internal sealed class WebhookListener : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly string _publicKeyPem;
    private readonly ConcurrentQueue<ReceivedEvent> _events = new();
    private readonly Task _loop;

    private WebhookListener(string publicKeyPem)
    {
        _publicKeyPem = publicKeyPem;
        var port = FreeLoopbackPort();
        Url = new Uri($"http://127.0.0.1:{port}/rtk-webhooks/");
        _listener.Prefixes.Add(Url.ToString());
        _listener.Start();
        _loop = Task.Run(AcceptAsync);
    }

    /// <summary>Where the listener receives deliveries.</summary>
    public Uri Url { get; }

    /// <summary>The events received so far, in arrival order.</summary>
    public IReadOnlyList<ReceivedEvent> Events => [.. _events];

    /// <summary>Starts listening on a free loopback port.</summary>
    public static WebhookListener Start(string publicKeyPem) => new(publicKeyPem);

    private async Task AcceptAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return; // stopped
            }

            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body).ConfigureAwait(false);
            var bytes = body.ToArray();
            var verified = WebhookSignature.Verify(_publicKeyPem, bytes, context.Request.Headers[WebhookSignature.HeaderName]);
            _events.Enqueue(new ReceivedEvent(EventName(bytes), verified));

            // A 2xx tells the sender the delivery was accepted; an unverified one is refused, as a real receiver would.
            context.Response.StatusCode = verified ? (int)HttpStatusCode.NoContent : (int)HttpStatusCode.Unauthorized;
            context.Response.Close();
        }
    }

    private static string EventName(byte[] body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.TryGetProperty("event", out var name) && name.ValueKind == JsonValueKind.String ? name.GetString()! : "(no event field)";
        }
        catch (JsonException)
        {
            return "(not JSON)";
        }
    }

    private static int FreeLoopbackPort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _loop.ConfigureAwait(false);
    }
}

/// <summary>One delivery the listener received: the event's name and whether its signature verified.</summary>
internal sealed record ReceivedEvent(string Name, bool SignatureVerified);
