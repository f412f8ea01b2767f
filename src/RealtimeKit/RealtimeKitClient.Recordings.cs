namespace RealtimeKit;

public partial class RealtimeKitClient
{
    /// <summary>Recordings of meetings: list, start (composite or per-track), get the active one, pause, resume and stop.</summary>
    public virtual RecordingsClient Recordings => field ??= new RecordingsClient(Paths);
}
