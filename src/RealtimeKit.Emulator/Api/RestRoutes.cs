namespace RealtimeKit.Emulator.Api;

/// <summary>Every REST operation the emulator answers, by the spec's method and path template.</summary>
internal static class RestRoutes
{
    private const string App = "/accounts/{account_id}/realtime/kit/{app_id}";
    private const string Meeting = App + "/meetings/{meeting_id}";

    public static IEnumerable<Route> All =>
    [
        new("GET", Meeting + "/active-session", RestApi.GetActiveSession),
        new("POST", Meeting + "/active-session/kick", RestApi.Kick),
        new("POST", Meeting + "/active-session/kick-all", RestApi.KickAll),
        new("POST", Meeting + "/active-session/mute", RestApi.Mute),
        new("POST", Meeting + "/active-session/mute-all", RestApi.MuteAll),
        new("POST", Meeting + "/active-session/poll", RestApi.CreatePoll),
        new("POST", Meeting + "/participants", RestApi.AddParticipant),
        new("DELETE", Meeting + "/participants/{participant_id}", RestApi.DeleteParticipant),
    ];
}
