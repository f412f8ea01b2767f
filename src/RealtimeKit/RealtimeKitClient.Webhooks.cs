namespace RealtimeKit;

public partial class RealtimeKitClient
{
    /// <summary>Webhooks of the app: list, add, fetch, edit, replace and delete them, and the events they can subscribe to.</summary>
    public virtual WebhooksClient Webhooks => field ??= new WebhooksClient(Paths);
}
