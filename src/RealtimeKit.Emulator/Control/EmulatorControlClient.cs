using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace RealtimeKit.Emulator.Control;

/// <summary>A meeting the emulator created.</summary>
/// <param name="Id">The meeting id (a UUID).</param>
/// <param name="Title">Its title.</param>
public sealed record EmulatedMeeting(string Id, string Title);

/// <summary>The result of joining or leaving a live session.</summary>
/// <param name="MeetingId">The meeting.</param>
/// <param name="SessionId">The live session.</param>
/// <param name="ParticipantId">Who joined or left.</param>
/// <param name="LiveParticipants">How many are in the session now.</param>
public sealed record SessionPresence(string MeetingId, string SessionId, string ParticipantId, int LiveParticipants);

/// <summary>Someone in a meeting's live session, with the audio state the mute operations change.</summary>
/// <param name="ParticipantId">The participant's id.</param>
/// <param name="CustomParticipantId">The participant's custom id.</param>
/// <param name="Name">The display name, if the participant has one.</param>
/// <param name="JoinedAt">When they joined (ISO 8601, UTC).</param>
/// <param name="Muted">Whether they are muted (by mute or mute-all, until they unmute themselves).</param>
/// <param name="MayUnmute">Whether they may unmute themselves (false after a mute-all with <c>allow_unmute</c> false).</param>
public sealed record LiveParticipant(string ParticipantId, string CustomParticipantId, string? Name, string JoinedAt, bool Muted, bool MayUnmute);

/// <summary>
/// The emulator's control surface (under <c>/_emulator</c>), for what the REST API cannot do: create a meeting,
/// join or leave a live session with a participant's token (as the client SDK would), see who is in it and muted,
/// unmute, vote, end a session, reset.
/// Works against an in-process emulator or a standalone one.
/// </summary>
/// <param name="http">The HTTP client to send with.</param>
/// <param name="root">The emulator's root URL (not the <c>/client/v4</c> base URL).</param>
/// <param name="apiToken">The emulator's API token.</param>
public sealed class EmulatorControlClient(HttpClient http, Uri root, string apiToken)
{
    /// <summary>Creates a meeting in an app.</summary>
    /// <param name="title">The meeting title.</param>
    /// <param name="accountId">The account; the emulator's default when null.</param>
    /// <param name="appId">The app; the emulator's default when null.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The meeting.</returns>
    public async Task<EmulatedMeeting> CreateMeetingAsync(string? title = null, string? accountId = null, string? appId = null, CancellationToken cancellationToken = default)
    {
        var path = $"_emulator/accounts/{Uri.EscapeDataString(accountId ?? EmulatorOptions.DefaultAccountId)}/apps/{Uri.EscapeDataString(appId ?? EmulatorOptions.DefaultAppId)}/meetings";
        var data = await SendAsync(path, new JsonObject { ["title"] = title }, admin: true, cancellationToken);
        return new EmulatedMeeting(data["id"]!.GetValue<string>(), data["title"]!.GetValue<string>());
    }

    /// <summary>Makes the participant with <paramref name="participantToken"/> join its meeting's live session (starting one if none is live).</summary>
    /// <param name="participantToken">The token returned when the participant was added.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Who is in the session now.</returns>
    public async Task<SessionPresence> JoinAsync(string participantToken, CancellationToken cancellationToken = default) =>
        Presence(await SendAsync("_emulator/sessions/join", new JsonObject { ["token"] = participantToken }, admin: false, cancellationToken));

    /// <summary>Makes the participant leave the live session (the last one out ends it).</summary>
    /// <param name="participantToken">The participant's token.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Who is left in the session.</returns>
    public async Task<SessionPresence> LeaveAsync(string participantToken, CancellationToken cancellationToken = default) =>
        Presence(await SendAsync("_emulator/sessions/leave", new JsonObject { ["token"] = participantToken }, admin: false, cancellationToken));

    /// <summary>Sends a chat message in the live session as the participant with <paramref name="participantToken"/>.</summary>
    /// <param name="participantToken">The sender's token; the sender must be in the live session.</param>
    /// <param name="message">The message text.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The message's id.</returns>
    public async Task<string> ChatAsync(string participantToken, string message, CancellationToken cancellationToken = default)
    {
        var data = await SendAsync("_emulator/sessions/chat", new JsonObject { ["token"] = participantToken, ["message"] = message }, admin: false, cancellationToken);
        return data["message_id"]!.GetValue<string>();
    }

    /// <summary>Who is in a meeting's live session now, in joining order, and whether each is muted.</summary>
    /// <param name="meetingId">The meeting.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The live participants; empty when no session is live.</returns>
    public async Task<IReadOnlyList<LiveParticipant>> GetLiveParticipantsAsync(string meetingId, CancellationToken cancellationToken = default)
    {
        var data = await SendAsync($"_emulator/meetings/{Uri.EscapeDataString(meetingId)}/live-participants", null, admin: true, cancellationToken, HttpMethod.Get);
        return data.Deserialize<List<LiveParticipant>>(SnakeCase)!;
    }

    /// <summary>
    /// The participant with <paramref name="participantToken"/> unmutes themselves, as the client SDK would; refused
    /// (<see cref="InvalidOperationException"/>) after a mute-all with <c>allow_unmute</c> false.
    /// </summary>
    /// <param name="participantToken">The participant's token; the participant must be in the live session.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The participant's state after unmuting.</returns>
    public async Task<LiveParticipant> UnmuteAsync(string participantToken, CancellationToken cancellationToken = default)
    {
        var data = await SendAsync("_emulator/sessions/unmute", new JsonObject { ["token"] = participantToken }, admin: false, cancellationToken);
        return data.Deserialize<LiveParticipant>(SnakeCase)!;
    }

    /// <summary>Every webhook delivery attempt so far, oldest first.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The delivery log.</returns>
    public async Task<IReadOnlyList<Webhooks.WebhookDelivery>> GetWebhookDeliveriesAsync(CancellationToken cancellationToken = default)
    {
        var data = await SendAsync("_emulator/webhooks/deliveries", null, admin: true, cancellationToken, HttpMethod.Get);
        return data.Deserialize<List<Webhooks.WebhookDelivery>>(SnakeCase)!;
    }

    /// <summary>The public key (PEM) that verifies the <c>rtk-signature</c> header of webhook deliveries.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The PEM text.</returns>
    public async Task<string> GetWebhookPublicKeyPemAsync(CancellationToken cancellationToken = default)
    {
        using var response = await http.GetAsync(new Uri(root, "_emulator/webhooks/public-key"), cancellationToken);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync(cancellationToken);
    }

    /// <summary>Votes on a poll as the participant with <paramref name="participantToken"/>.</summary>
    /// <param name="participantToken">The voter's token; the voter must be in the live session.</param>
    /// <param name="pollId">The poll.</param>
    /// <param name="option">The index of the chosen option.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>How many votes the option has now.</returns>
    public async Task<int> VoteAsync(string participantToken, string pollId, int option, CancellationToken cancellationToken = default)
    {
        var data = await SendAsync($"_emulator/polls/{Uri.EscapeDataString(pollId)}/votes", new JsonObject { ["token"] = participantToken, ["option"] = option }, admin: false, cancellationToken);
        return data["count"]!.GetValue<int>();
    }

    /// <summary>Ends the live session of a meeting.</summary>
    /// <param name="meetingId">The meeting.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the session has ended.</returns>
    public Task EndSessionAsync(string meetingId, CancellationToken cancellationToken = default) =>
        SendAsync($"_emulator/meetings/{Uri.EscapeDataString(meetingId)}/end-session", null, admin: true, cancellationToken);

    /// <summary>Forgets every meeting, participant and session.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the state is empty.</returns>
    public Task ResetAsync(CancellationToken cancellationToken = default) => SendAsync("_emulator/reset", null, admin: true, cancellationToken);

    private async Task<JsonNode> SendAsync(string path, JsonObject? body, bool admin, CancellationToken cancellationToken, HttpMethod? method = null)
    {
        using var request = new HttpRequestMessage(method ?? HttpMethod.Post, new Uri(root, path)) { Content = body is null ? null : JsonContent.Create(body) };
        if (admin)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiToken);
        }

        using var response = await http.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        var json = JsonNode.Parse(text);
        if (!response.IsSuccessStatusCode)
        {
            var message = json?["error"]?["message"]?.GetValue<string>() ?? json?["errors"]?[0]?["message"]?.GetValue<string>() ?? text;
            throw new InvalidOperationException($"The emulator refused {path}: {(int)response.StatusCode} {message}");
        }

        return json!["data"]!;
    }

    private static readonly JsonSerializerOptions SnakeCase = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    private static SessionPresence Presence(JsonNode data) => data.Deserialize<SessionPresence>(SnakeCase)!;
}
