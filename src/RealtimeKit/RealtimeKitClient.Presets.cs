namespace RealtimeKit;

public partial class RealtimeKitClient
{
    /// <summary>Presets of the app (what a participant can see and do): list, create, get, update, replace and delete.</summary>
    public virtual PresetsClient Presets => field ??= new PresetsClient(Paths);
}
