namespace RealtimeKit.Emulator.Api;

/// <summary>Every REST operation the emulator answers, by the spec's method and path template.</summary>
internal static class RestRoutes
{
    private const string App = "/accounts/{account_id}/realtime/kit/{app_id}";
    private const string Meeting = App + "/meetings/{meeting_id}";

    public static IEnumerable<Route> All =>
    [
        new("GET", "/accounts/{account_id}/realtime/kit/apps", RestApi.ListApps),
        new("POST", "/accounts/{account_id}/realtime/kit/apps", RestApi.CreateApp),
        new("GET", "/accounts/{account_id}/realtime/kit/apps/{app_id}", RestApi.GetApp),
        new("GET", App + "/meetings", RestApi.ListMeetings),
        new("POST", App + "/meetings", RestApi.CreateMeeting),
        new("GET", Meeting, RestApi.GetMeeting),
        new("PATCH", Meeting, RestApi.UpdateMeeting),
        new("PUT", Meeting, RestApi.ReplaceMeeting),
        new("GET", Meeting + "/active-session", RestApi.GetActiveSession),
        new("POST", Meeting + "/active-session/kick", RestApi.Kick),
        new("POST", Meeting + "/active-session/kick-all", RestApi.KickAll),
        new("POST", Meeting + "/active-session/mute", RestApi.Mute),
        new("POST", Meeting + "/active-session/mute-all", RestApi.MuteAll),
        new("POST", Meeting + "/active-session/poll", RestApi.CreatePoll),
        new("POST", Meeting + "/participants", RestApi.AddParticipant),
        new("DELETE", Meeting + "/participants/{participant_id}", RestApi.DeleteParticipant),
        new("GET", Meeting + "/participants", RestApi.ListParticipants),
        new("GET", Meeting + "/participants/{participant_id}", RestApi.GetParticipant),
        new("PATCH", Meeting + "/participants/{participant_id}", RestApi.EditParticipant),
        new("PUT", Meeting + "/participants/{participant_id}", RestApi.ReplaceParticipant),
        new("POST", Meeting + "/participants/{participant_id}/token", RestApi.RegenerateParticipantToken),
        new("GET", App + "/webhooks", RestApi.ListWebhooks),
        new("POST", App + "/webhooks", RestApi.CreateWebhook),
        new("GET", App + "/webhooks/all", RestApi.ListWebhookEvents),
        new("GET", App + "/webhooks/{webhook_id}", RestApi.GetWebhook),
        new("PATCH", App + "/webhooks/{webhook_id}", RestApi.UpdateWebhook),
        new("PUT", App + "/webhooks/{webhook_id}", RestApi.ReplaceWebhook),
        new("DELETE", App + "/webhooks/{webhook_id}", RestApi.DeleteWebhook),
        new("GET", App + "/presets", RestApi.ListPresets),
        new("POST", App + "/presets", RestApi.CreatePreset),
        new("GET", App + "/presets/{preset_id}", RestApi.GetPreset),
        new("PATCH", App + "/presets/{preset_id}", RestApi.UpdatePreset),
        new("PUT", App + "/presets/{preset_id}", RestApi.ReplacePreset),
        new("DELETE", App + "/presets/{preset_id}", RestApi.DeletePreset),
        new("GET", App + "/recordings", RestApi.ListRecordings),
        new("POST", App + "/recordings", RestApi.StartRecording),
        new("GET", App + "/recordings/active-recording/{meeting_id}", RestApi.GetActiveRecording),
        new("POST", App + "/recordings/track", RestApi.StartTrackRecording),
        new("GET", App + "/recordings/{recording_id}", RestApi.GetRecording),
        new("PUT", App + "/recordings/{recording_id}", RestApi.UpdateRecording),
        new("GET", App + "/livestreams", RestApi.ListLivestreams),
        new("POST", App + "/livestreams", RestApi.CreateLivestream),
        new("GET", App + "/livestreams/sessions/{livestream-session-id}", RestApi.GetLivestreamSession),
        new("GET", App + "/livestreams/{livestream_id}", RestApi.GetLivestream),
        new("GET", App + "/livestreams/{livestream_id}/active-livestream-session", RestApi.GetActiveLivestreamSession),
        new("GET", Meeting + "/active-livestream", RestApi.GetActiveMeetingLivestream),
        new("POST", Meeting + "/active-livestream/stop", RestApi.StopMeetingLivestream),
        new("GET", Meeting + "/livestream", RestApi.GetMeetingLivestreams),
        new("POST", Meeting + "/livestreams", RestApi.StartMeetingLivestream),
        new("GET", App + "/sessions/{session_id}/livestream-sessions", RestApi.ListSessionLivestreamSessions),
    ];
}
