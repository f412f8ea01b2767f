using RealtimeKit.Generated.Accounts.Item.Realtime.Kit.Item;
using RealtimeKit.Generated.Models;
using RealtimeKit.Http;

namespace RealtimeKit;

/// <summary>
/// Webhooks that call your backend on meeting, recording and livestream events. Reached through
/// <see cref="RealtimeKitClient.Webhooks"/>.
/// </summary>
/// <remarks>
/// Bodies are built from parameters (a webhook has only four fields), with the URL as a <see cref="Uri"/> and the
/// events as <see cref="WebhookEvent"/> values, so a typo in either fails before anything is sent. Webhook ids are
/// UUIDs; an id that is not one is refused with an <see cref="ArgumentException"/>.
/// </remarks>
public class WebhooksClient
{
    private readonly AppPaths _app = null!;

    /// <summary>For mocking frameworks and test doubles; every member is virtual.</summary>
    protected WebhooksClient()
    {
    }

    internal WebhooksClient(AppPaths app) => _app = app;

    /// <summary>Lists every webhook of the app (the service does not page this list).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The webhooks.</returns>
    /// <exception cref="RealtimeKitException">The service failed the request.</exception>
    public virtual async Task<IReadOnlyList<Webhook>> ListAsync(CancellationToken cancellationToken = default)
    {
        var response = await _app.Webhooks.GetAsync(RetrySafety.Configure(RetrySafety.IdempotentRequest), cancellationToken).ConfigureAwait(false);
        return Envelope.Data(response?.Data, 200, "list webhooks");
    }

    /// <summary>
    /// Adds a webhook that calls <paramref name="url"/> for each of <paramref name="events"/>. Not idempotent: it is
    /// retried only when the service provably did not process it (connection never made, 429, or 503 with
    /// Retry-After), so a webhook is never added twice.
    /// </summary>
    /// <param name="name">A name for the webhook; not blank.</param>
    /// <param name="url">The absolute http or https URL to call.</param>
    /// <param name="events">The events to call it for; at least one.</param>
    /// <param name="enabled">Whether the webhook starts active (the service default, active, when null).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The webhook, with its id.</returns>
    /// <exception cref="ArgumentException">A blank <paramref name="name"/>, a missing or non-http(s) <paramref name="url"/>, or no <paramref name="events"/>.</exception>
    /// <exception cref="RealtimeKitException">The service failed the request, e.g. 400 for a malformed webhook.</exception>
    public virtual async Task<Webhook> CreateAsync(string name, Uri url, IEnumerable<WebhookEvent> events, bool? enabled = null, CancellationToken cancellationToken = default)
    {
        var body = Body(name, url, events, enabled);
        var response = await _app.Webhooks.PostAsync(body, RetrySafety.Configure(RetrySafety.NonIdempotentRequest), cancellationToken).ConfigureAwait(false);
        return Envelope.Data(response?.Data, 201, "add a webhook");
    }

    /// <summary>
    /// Lists every event a webhook can be called for. Events newer than this SDK (which <see cref="WebhookEvent"/>
    /// cannot name) are left out.
    /// </summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The events.</returns>
    /// <exception cref="RealtimeKitException">The service failed the request.</exception>
    public virtual async Task<IReadOnlyList<WebhookEvent>> ListEventsAsync(CancellationToken cancellationToken = default)
    {
        var response = await _app.Webhooks.All.GetAsync(RetrySafety.Configure(RetrySafety.IdempotentRequest), cancellationToken).ConfigureAwait(false);
        var events = Envelope.Data(response?.Data, 200, "list webhook events");
        return events.Where(e => e.HasValue).Select(e => e!.Value).ToList();
    }

    /// <summary>Fetches a webhook.</summary>
    /// <param name="webhookId">The webhook (a UUID).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The webhook.</returns>
    /// <exception cref="ArgumentException"><paramref name="webhookId"/> is blank or not a UUID.</exception>
    /// <exception cref="RealtimeKitException">The service failed the request.</exception>
    public virtual async Task<Webhook> GetAsync(RealtimeKitId webhookId, CancellationToken cancellationToken = default)
    {
        var webhook = Guard.Uuid(webhookId, nameof(webhookId));
        var response = await _app.Webhook(webhook).GetAsync(RetrySafety.Configure(RetrySafety.IdempotentRequest), cancellationToken).ConfigureAwait(false);
        return Envelope.Data(response?.Data, 200, "get a webhook");
    }

    /// <summary>Changes the given fields of a webhook; fields left null keep their value.</summary>
    /// <param name="webhookId">The webhook (a UUID).</param>
    /// <param name="name">A new name; not blank.</param>
    /// <param name="url">A new absolute http or https URL.</param>
    /// <param name="events">The new set of events; at least one.</param>
    /// <param name="enabled">Whether the webhook is active.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The webhook after the change.</returns>
    /// <exception cref="ArgumentException">A <paramref name="webhookId"/> that is blank or not a UUID, nothing to change, a blank <paramref name="name"/>, a non-http(s) <paramref name="url"/>, or an empty <paramref name="events"/>.</exception>
    /// <exception cref="RealtimeKitException">The service failed the request.</exception>
    public virtual async Task<Webhook> UpdateAsync(RealtimeKitId webhookId, string? name = null, Uri? url = null, IEnumerable<WebhookEvent>? events = null, bool? enabled = null, CancellationToken cancellationToken = default)
    {
        var webhook = Guard.Uuid(webhookId, nameof(webhookId));
        if (name is null && url is null && events is null && enabled is null)
        {
            throw new ArgumentException("Expected at least one of name, url, events or enabled to change; all are null.", nameof(name));
        }

        var body = new EditWebhookBody
        {
            Name = name is null ? null : Guard.NotBlank(name, nameof(name)),
            Url = url is null ? null : Url(url),
            Events = events is null ? null : Events(events),
            Enabled = enabled,
        };
        var response = await _app.Webhook(webhook).PatchAsync(body, RetrySafety.Configure(RetrySafety.IdempotentRequest), cancellationToken).ConfigureAwait(false);
        return Envelope.Data(response?.Data, 200, "edit a webhook");
    }

    /// <summary>Replaces every field of a webhook.</summary>
    /// <param name="webhookId">The webhook (a UUID).</param>
    /// <param name="name">The name; not blank.</param>
    /// <param name="url">The absolute http or https URL to call.</param>
    /// <param name="events">The events to call it for; at least one.</param>
    /// <param name="enabled">Whether the webhook is active (the service default, active, when null).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The webhook after the change.</returns>
    /// <exception cref="ArgumentException">A <paramref name="webhookId"/> that is blank or not a UUID, a blank <paramref name="name"/>, a missing or non-http(s) <paramref name="url"/>, or no <paramref name="events"/>.</exception>
    /// <exception cref="RealtimeKitException">The service failed the request.</exception>
    public virtual async Task<Webhook> ReplaceAsync(RealtimeKitId webhookId, string name, Uri url, IEnumerable<WebhookEvent> events, bool? enabled = null, CancellationToken cancellationToken = default)
    {
        var webhook = Guard.Uuid(webhookId, nameof(webhookId));
        var body = Body(name, url, events, enabled);
        var response = await _app.Webhook(webhook).PutAsync(body, RetrySafety.Configure(RetrySafety.IdempotentRequest), cancellationToken).ConfigureAwait(false);
        return Envelope.Data(response?.Data, 200, "replace a webhook");
    }

    /// <summary>Removes a webhook.</summary>
    /// <param name="webhookId">The webhook (a UUID).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The webhook that was removed.</returns>
    /// <exception cref="ArgumentException"><paramref name="webhookId"/> is blank or not a UUID.</exception>
    /// <exception cref="RealtimeKitException">The service failed the request.</exception>
    public virtual async Task<Webhook> DeleteAsync(RealtimeKitId webhookId, CancellationToken cancellationToken = default)
    {
        var webhook = Guard.Uuid(webhookId, nameof(webhookId));
        var response = await _app.Webhook(webhook).DeleteAsync(RetrySafety.Configure(RetrySafety.IdempotentRequest), cancellationToken).ConfigureAwait(false);
        return Envelope.Data(response?.Data, 200, "delete a webhook");
    }

    private static WebhookBody Body(string name, Uri url, IEnumerable<WebhookEvent> events, bool? enabled)
    {
        Guard.NotBlank(name, nameof(name));
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(events);

        // A null Enabled leaves the field out, so the service's default (active) applies.
        return new WebhookBody { Name = name, Url = Url(url), Events = Events(events), Enabled = enabled };
    }

    private static string Url(Uri url) =>
        url is { IsAbsoluteUri: true } && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp)
            ? url.AbsoluteUri
            : throw new ArgumentException($"Expected an absolute http or https URL for url, got '{url}'.", nameof(url));

    private static List<WebhookEvent?> Events(IEnumerable<WebhookEvent> events)
    {
        var list = events.Select(e => Enum.IsDefined(e)
            ? (WebhookEvent?)e
            : throw new ArgumentException($"Expected every item of events to be a defined WebhookEvent, got {(int)e}.", nameof(events))).ToList();
        return list.Count > 0
            ? list
            : throw new ArgumentException("Expected at least one event in events.", nameof(events));
    }
}
