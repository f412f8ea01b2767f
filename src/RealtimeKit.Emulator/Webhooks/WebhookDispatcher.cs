using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace RealtimeKit.Emulator.Webhooks;

/// <summary>A registered webhook as delivery needs it.</summary>
/// <param name="Id">The webhook's id.</param>
/// <param name="Url">Where events go (loopback only).</param>
/// <param name="Events">The event names it subscribed to.</param>
/// <param name="Enabled">Whether it receives events.</param>
internal sealed record WebhookSubscription(string Id, Uri Url, IReadOnlyCollection<string> Events, bool Enabled);

/// <summary>One attempt to deliver one event to one webhook, as the delivery log shows it.</summary>
/// <param name="EventId">The event's id (the same on every attempt and every webhook).</param>
/// <param name="Event">The event name, e.g. <c>meeting.participantJoined</c>.</param>
/// <param name="WebhookId">The webhook it went to.</param>
/// <param name="Url">The URL it was posted to.</param>
/// <param name="Attempt">1 for the first attempt.</param>
/// <param name="Status">The receiver's HTTP status, or null when no answer came.</param>
/// <param name="Error">Why the attempt failed, or null.</param>
/// <param name="Delivered">Whether the receiver accepted it (2xx).</param>
/// <param name="At">When the attempt was made.</param>
public sealed record WebhookDelivery(string EventId, string Event, string WebhookId, string Url, int Attempt, int? Status, string? Error, bool Delivered, DateTimeOffset At);

/// <summary>
/// Delivers events to registered webhooks: a signed JSON POST per subscribed, enabled webhook, retried with
/// backoff (1 s, 2 s, 4 s on the emulator's clock) until a 2xx or <see cref="MaxAttempts"/>, each attempt in
/// the delivery log. Each webhook gets its events one at a time, in the order they were published (a receiver sees
/// INVOKED before LIVE); different webhooks are served side by side. Only loopback URLs are ever called.
/// </summary>
internal sealed class WebhookDispatcher : IAsyncDisposable
{
    public const int MaxAttempts = 4;
    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(10);

    private readonly Func<IReadOnlyList<WebhookSubscription>> _subscriptions;
    private readonly WebhookSigner _signer;
    private readonly TimeProvider _time;
    private readonly HttpClient _http;
    private readonly ConcurrentQueue<WebhookDelivery> _log = new();
    private readonly ConcurrentDictionary<Task, byte> _pending = new();
    // The last delivery queued for each webhook id: the next one starts when it has finished.
    private readonly Dictionary<string, Task> _tails = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();

    public WebhookDispatcher(Func<IReadOnlyList<WebhookSubscription>> subscriptions, WebhookSigner signer, TimeProvider time, HttpMessageHandler? handler = null)
    {
        _subscriptions = subscriptions;
        _signer = signer;
        _time = time;
        // Redirects are not followed: a receiver cannot bounce a delivery to another host.
        _http = handler is null
            ? new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseProxy = false }) { Timeout = AttemptTimeout }
            : new HttpClient(handler) { Timeout = AttemptTimeout };
    }

    /// <summary>Every attempt so far, oldest first.</summary>
    public IReadOnlyList<WebhookDelivery> Deliveries => _log.ToArray();

    /// <summary>Whether a URL may receive deliveries: http(s) on a loopback address or <c>localhost</c>.</summary>
    public static bool IsAllowed(Uri url) =>
        url.IsAbsoluteUri && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps) && url.IsLoopback;

    /// <summary>Sends <paramref name="eventName"/> with <paramref name="objects"/> (meeting, participant...) to every subscribed webhook, in the background.</summary>
    public void Publish(string eventName, IReadOnlyDictionary<string, object?> objects)
    {
        var eventId = Guid.NewGuid().ToString();
        var payload = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["event"] = eventName,
            ["id"] = eventId,
            ["created_at"] = _time.GetUtcNow().ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        };
        foreach (var (name, value) in objects)
        {
            payload[name] = value;
        }

        var body = JsonSerializer.SerializeToUtf8Bytes(payload, Api.Responses.Json);
        lock (_tails)
        {
            foreach (var webhook in _subscriptions().Where(w => w.Enabled && w.Events.Contains(eventName)))
            {
                var delivery = DeliverAfterAsync(_tails.GetValueOrDefault(webhook.Id), webhook, eventId, eventName, body);
                _tails[webhook.Id] = delivery;
                Track(delivery);
            }
        }
    }

    /// <summary>Waits until every delivery under way has succeeded or used up its attempts.</summary>
    public async Task DrainAsync(CancellationToken cancellationToken = default)
    {
        while (!_pending.IsEmpty)
        {
            await Task.WhenAll(_pending.Keys).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private void Track(Task delivery)
    {
        _pending[delivery] = 0;
        delivery.ContinueWith(t => _pending.TryRemove(t, out _), TaskScheduler.Default);
    }

    private async Task DeliverAfterAsync(Task? previous, WebhookSubscription webhook, string eventId, string eventName, byte[] body)
    {
        if (previous is not null)
        {
            await previous.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        await DeliverAsync(webhook, eventId, eventName, body).ConfigureAwait(false);
    }

    private async Task DeliverAsync(WebhookSubscription webhook, string eventId, string eventName, byte[] body)
    {
        var signature = _signer.Sign(body);
        for (var attempt = 1; attempt <= MaxAttempts && !_stopping.IsCancellationRequested; attempt++)
        {
            if (attempt > 1)
            {
                await Task.Delay(TimeSpan.FromSeconds(Math.Pow(2, attempt - 2)), _time, _stopping.Token).ConfigureAwait(false);
            }

            var (status, error) = IsAllowed(webhook.Url)
                ? await PostAsync(webhook.Url, eventName, body, signature).ConfigureAwait(false)
                : (null, "only loopback URLs receive deliveries from the emulator");
            var delivered = status is >= 200 and < 300;
            _log.Enqueue(new WebhookDelivery(eventId, eventName, webhook.Id, webhook.Url.ToString(), attempt, status, error, delivered, _time.GetUtcNow()));
            if (delivered || !IsAllowed(webhook.Url))
            {
                return;
            }
        }
    }

    private async Task<(int? Status, string? Error)> PostAsync(Uri url, string eventName, byte[] body, string signature)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.TryAddWithoutValidation(WebhookSignature.HeaderName, signature);
        request.Headers.TryAddWithoutValidation("rtk-event", eventName);
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, _stopping.Token).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            return (status, status is >= 200 and < 300 ? null : $"the receiver answered {status}");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !_stopping.IsCancellationRequested)
        {
            return (null, e is TaskCanceledException ? "the receiver did not answer in time" : "the receiver could not be reached: " + e.Message);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        try
        {
            await Task.WhenAll(_pending.Keys).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopping: undelivered events are dropped with the emulator.
        }

        _http.Dispose();
        _stopping.Dispose();
    }
}
