using Microsoft.Kiota.Abstractions;
using RealtimeKit.Generated.Accounts.Item.Realtime.Kit.Item;
using RealtimeKit.Generated.Accounts.Item.Realtime.Kit.Item.Analytics;
using RealtimeKit.Generated.Accounts.Item.Realtime.Kit.Item.Livestreams;
using RealtimeKit.Generated.Accounts.Item.Realtime.Kit.Item.Livestreams.Item;
using RealtimeKit.Generated.Accounts.Item.Realtime.Kit.Item.Meetings;
using RealtimeKit.Generated.Accounts.Item.Realtime.Kit.Item.Meetings.Item;
using RealtimeKit.Generated.Accounts.Item.Realtime.Kit.Item.Presets;
using RealtimeKit.Generated.Accounts.Item.Realtime.Kit.Item.Presets.Item;
using RealtimeKit.Generated.Accounts.Item.Realtime.Kit.Item.Recordings;
using RealtimeKit.Generated.Accounts.Item.Realtime.Kit.Item.Recordings.Item;
using RealtimeKit.Generated.Accounts.Item.Realtime.Kit.Item.Sessions;
using RealtimeKit.Generated.Accounts.Item.Realtime.Kit.Item.Sessions.Item;
using RealtimeKit.Generated.Accounts.Item.Realtime.Kit.Item.Webhooks;
using RealtimeKit.Generated.Accounts.Item.Realtime.Kit.Item.Webhooks.Item;
using MeetingParticipantBuilder = RealtimeKit.Generated.Accounts.Item.Realtime.Kit.Item.Meetings.Item.Participants.Item.WithParticipant_ItemRequestBuilder;

namespace RealtimeKit;

/// <summary>
/// The generated request builders of one app, as the facade reaches them. The builder of an item (a meeting, a
/// session, …) is made directly from its path parameters: the generated chain (<c>app.Meetings[id]</c>) copies the
/// parameter dictionary at every step, three times and a resize for one item, on every call. What comes out is the
/// same builder with the same parameters; the groups (<see cref="Meetings"/>, …) are the generated ones.
/// </summary>
internal sealed class AppPaths(WithApp_ItemRequestBuilder app, IRequestAdapter adapter, string accountId, string appId)
{
    public MeetingsRequestBuilder Meetings => app.Meetings;

    public SessionsRequestBuilder Sessions => app.Sessions;

    public PresetsRequestBuilder Presets => app.Presets;

    public RecordingsRequestBuilder Recordings => app.Recordings;

    public WebhooksRequestBuilder Webhooks => app.Webhooks;

    public LivestreamsRequestBuilder Livestreams => app.Livestreams;

    public AnalyticsRequestBuilder Analytics => app.Analytics;

    /// <summary>Same as <c>app.Meetings[meetingId]</c>.</summary>
    public WithMeeting_ItemRequestBuilder Meeting(string meetingId) => new(Parameters(1, "meeting_id", meetingId), adapter);

    /// <summary>Same as <c>app.Meetings[meetingId].Participants[participantId]</c>.</summary>
    public MeetingParticipantBuilder MeetingParticipant(string meetingId, string participantId)
    {
        var parameters = Parameters(2, "meeting_id", meetingId);
        parameters.Add("participant_id", participantId);
        return new(parameters, adapter);
    }

    /// <summary>Same as <c>app.Sessions[sessionId]</c>.</summary>
    public WithSession_ItemRequestBuilder Session(Guid sessionId) => new(Parameters(1, "session_id", sessionId), adapter);

    /// <summary>Same as <c>app.Presets[presetId]</c>.</summary>
    public WithPreset_ItemRequestBuilder Preset(Guid presetId) => new(Parameters(1, "preset_id", presetId), adapter);

    /// <summary>Same as <c>app.Recordings[recordingId]</c>.</summary>
    public WithRecording_ItemRequestBuilder Recording(Guid recordingId) => new(Parameters(1, "recording_id", recordingId), adapter);

    /// <summary>Same as <c>app.Webhooks[webhookId]</c>.</summary>
    public WithWebhook_ItemRequestBuilder Webhook(Guid webhookId) => new(Parameters(1, "webhook_id", webhookId), adapter);

    /// <summary>Same as <c>app.Livestreams[livestreamId]</c>.</summary>
    public WithLivestream_ItemRequestBuilder Livestream(string livestreamId) => new(Parameters(1, "livestream_id", livestreamId), adapter);

    // The app's parameters, as the generated root and chain put them (the root's base URL, the account, the app),
    // and the item's; sized for what the caller adds.
    private Dictionary<string, object> Parameters(int items, string name, object value) => new(3 + items)
    {
        ["baseurl"] = adapter.BaseUrl!,
        ["account_id"] = accountId,
        ["app_id"] = appId,
        [name] = value,
    };
}
