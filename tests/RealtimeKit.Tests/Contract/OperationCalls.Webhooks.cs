using System.Reflection;
using System.Runtime.Serialization;
using System.Text.Json.Nodes;
using RealtimeKit.Generated.Models;
using static RealtimeKit.Tests.Contract.PathValues;

namespace RealtimeKit.Tests.Contract;

public static partial class OperationCalls
{
    private static readonly OperationCall[] Webhooks =
    [
        new("listWebhooks", async c => await c.Webhooks.ListAsync()),
        new("createWebhook", async c => await c.Webhooks.CreateAsync("Meeting lifecycle", new Uri("https://example.com/realtimekit/webhook"), [WebhookEvent.MeetingStarted, WebhookEvent.MeetingEnded])),
        new("listWebhookEvents", async c => WireNames(await c.Webhooks.ListEventsAsync())),
        new("getWebhook", async c => await c.Webhooks.GetAsync(WebhookId)),
        new("updateWebhook", async c => await c.Webhooks.UpdateAsync(WebhookId, enabled: false)),
        new("replaceWebhook", async c => await c.Webhooks.ReplaceAsync(WebhookId, "Recordings", new Uri("https://example.com/realtimekit/recordings"), [WebhookEvent.RecordingStatusUpdate], enabled: true)),
        new("deleteWebhook", async c => await c.Webhooks.DeleteAsync(WebhookId)),
    ];

    /// <summary>Enum values as their JSON names (<c>meeting.started</c>), which <see cref="ToJsonAsync"/> cannot produce from a bare enum.</summary>
    private static JsonArray WireNames(IEnumerable<WebhookEvent> events) =>
        new(events.Select(e => (JsonNode?)JsonValue.Create(typeof(WebhookEvent).GetField(e.ToString())!.GetCustomAttribute<EnumMemberAttribute>()!.Value)).ToArray());
}
