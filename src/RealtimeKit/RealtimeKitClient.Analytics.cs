namespace RealtimeKit;

public partial class RealtimeKitClient
{
    /// <summary>Usage of the app: sessions and recordings day by day, livestreams day by day and overall.</summary>
    public virtual AnalyticsClient Analytics => field ??= new AnalyticsClient(Paths);
}
