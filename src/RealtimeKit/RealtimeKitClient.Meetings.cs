namespace RealtimeKit;

public partial class RealtimeKitClient
{
    /// <summary>Meetings of the app: list, create, get, update and replace.</summary>
    public virtual MeetingsClient Meetings => field ??= new MeetingsClient(Paths);
}
