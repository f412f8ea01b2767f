using System.Text.Json.Nodes;

namespace RealtimeKit.Emulator.Tests;

/// <summary>What the router sends where: prefixes matched whole, the control surface's answers, and its refusals.</summary>
public sealed class RequestRouterTests
{
    private static string App(EmulatorHarness h) => $"client/v4/accounts/{h.Emulator.AccountId}/realtime/kit/{h.Emulator.AppId}";

    private static string Message(string body) => JsonNode.Parse(body)!["errors"]![0]!["message"]!.GetValue<string>();

    private static JsonNode Data(string body) => JsonNode.Parse(body)!["data"]!;

    [Fact]
    public async Task A_path_that_only_begins_like_the_api_or_the_control_surface_is_not_routed()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var (meetingId, _) = await h.LiveMeetingAsync(1);

        var api = await h.RawAsync(HttpMethod.Get, $"client/v4accounts/{h.Emulator.AccountId}/realtime/kit/{h.Emulator.AppId}/meetings");
        var control = await h.RawAsync(HttpMethod.Post, "_emulatorreset");
        var unknownControl = await h.RawAsync(HttpMethod.Get, "_emulator/nothing-here");
        var elsewhere = await h.RawAsync(HttpMethod.Get, "elsewhere");

        Assert.Equal((404, $"Could not route to /client/v4accounts/{h.Emulator.AccountId}/realtime/kit/{h.Emulator.AppId}/meetings, perhaps your object identifier is invalid?"), (api.Status, Message(api.Body)));
        Assert.Equal((404, "Could not route to /_emulatorreset, perhaps your object identifier is invalid?"), (control.Status, Message(control.Body)));
        Assert.Equal((404, "Could not route to /_emulator/nothing-here, perhaps your object identifier is invalid?"), (unknownControl.Status, Message(unknownControl.Body)));
        Assert.Equal(404, elsewhere.Status);
        Assert.Equal(1d, (await h.Client.ActiveSession.GetAsync(meetingId)).LiveParticipants); // nothing was reset
    }

    [Fact]
    public async Task A_method_a_known_path_does_not_take_is_refused_naming_it()
    {
        await using var h = await EmulatorHarness.StartAsync();

        var (status, body) = await h.RawAsync(HttpMethod.Put, $"{App(h)}/meetings");

        Assert.Equal((405, "Method PUT not allowed for this route."), (status, Message(body)));
    }

    [Fact]
    public async Task The_control_surface_answers_say_what_was_done()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var (meetingId, _) = await h.LiveMeetingAsync(1);

        var health = await h.RawAsync(HttpMethod.Get, "_emulator/health", token: null);
        var ended = await h.RawAsync(HttpMethod.Post, $"_emulator/meetings/{meetingId}/end-session");
        var reset = await h.RawAsync(HttpMethod.Post, "_emulator/reset");

        Assert.Equal("""{"status":"ok"}""", Data(health.Body).ToJsonString());
        Assert.Equal($$"""{"meeting_id":"{{meetingId}}","status":"ENDED"}""", Data(ended.Body).ToJsonString());
        Assert.Equal("""{"status":"reset"}""", Data(reset.Body).ToJsonString());
    }

    [Fact]
    public async Task The_webhook_public_key_is_served_as_a_pem_file_to_anyone()
    {
        await using var h = await EmulatorHarness.StartAsync();
        using var http = new HttpClient();

        using var response = await http.GetAsync(new Uri(h.Emulator.Root, "_emulator/webhooks/public-key"));

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("application/x-pem-file", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(h.Emulator.WebhookPublicKeyPem, await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not-the-emulators-token")]
    public async Task Webhook_deliveries_need_the_emulators_API_token(string? token)
    {
        await using var h = await EmulatorHarness.StartAsync();

        var refused = await h.RawAsync(HttpMethod.Get, "_emulator/webhooks/deliveries", token: token);
        var allowed = await h.RawAsync(HttpMethod.Get, "_emulator/webhooks/deliveries");

        Assert.Equal(401, refused.Status);
        Assert.Equal((200, "[]"), (allowed.Status, Data(allowed.Body).ToJsonString()));
    }

    [Fact]
    public async Task A_control_meeting_needs_no_body_and_checks_the_account_and_app_ids()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var longId = new string('a', 33);

        var untitled = await h.RawAsync(HttpMethod.Post, $"_emulator/accounts/{h.Emulator.AccountId}/apps/{h.Emulator.AppId}/meetings");
        var longAccount = await h.RawAsync(HttpMethod.Post, $"_emulator/accounts/{longId}/apps/{h.Emulator.AppId}/meetings", "{}");
        var longApp = await h.RawAsync(HttpMethod.Post, $"_emulator/accounts/{h.Emulator.AccountId}/apps/{longId}/meetings", "{}");

        Assert.Equal(201, untitled.Status);
        Assert.Equal("Emulated meeting", Data(untitled.Body)["title"]!.GetValue<string>()); // the default title
        Assert.Equal((400, "account_id must be at most 32 characters, got 33."), (longAccount.Status, JsonNode.Parse(longAccount.Body)!["error"]!["message"]!.GetValue<string>()));
        Assert.Equal((400, "app_id must be at most 32 characters, got 33."), (longApp.Status, JsonNode.Parse(longApp.Body)!["error"]!["message"]!.GetValue<string>()));
    }
}
