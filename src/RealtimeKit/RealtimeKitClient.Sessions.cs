namespace RealtimeKit;

public partial class RealtimeKitClient
{
    /// <summary>Sessions of the app's meetings: list and fetch them, their participants, peer reports, chat, transcripts and summaries.</summary>
    public virtual SessionsClient Sessions => field ??= new SessionsClient(Paths);
}
