namespace RealtimeKit;

public partial class RealtimeKitClient
{
    /// <summary>Livestreams: independent ones and livestreams of meetings (list, create, start, stop) and their sessions.</summary>
    public virtual LivestreamsClient Livestreams => field ??= new LivestreamsClient(Paths);
}
