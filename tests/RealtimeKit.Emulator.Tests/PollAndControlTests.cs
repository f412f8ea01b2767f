using RealtimeKit.Emulator.Control;
using System.Text.Json.Nodes;

namespace RealtimeKit.Emulator.Tests;

/// <summary>
/// Polls as a test author reads them back (anonymous polls hide who voted, <c>hide_votes</c> is kept), the vote's
/// rules (an option index in range, a voter in the live session), the control surface's admin operations needing the
/// emulator's API token, and a configured token being the one the emulator accepts.
/// </summary>
public sealed class PollAndControlTests
{
    [Theory]
    [InlineData(false, false)]
    [InlineData(true, true)]
    public async Task A_poll_keeps_its_anonymous_and_hide_votes_flags(bool anonymous, bool hideVotes)
    {
        await using var h = await EmulatorHarness.StartAsync();
        var (meetingId, _) = await h.LiveMeetingAsync(1);

        await h.Client.ActiveSession.CreatePollAsync(meetingId, "Lunch?", ["Pizza", "Sushi"], anonymous, hideVotes);

        var poll = JsonNode.Parse(h.Responses.Last().Body)!["data"]!["poll"]!;
        Assert.Equal(anonymous, poll["anonymous"]!.GetValue<bool>());
        Assert.Equal(hideVotes, poll["hide_votes"]!.GetValue<bool>());
    }

    [Fact]
    public async Task An_anonymous_poll_counts_votes_without_naming_voters_and_a_named_one_names_them()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var (meetingId, people) = await h.LiveMeetingAsync(1);
        var secret = await h.Client.ActiveSession.CreatePollAsync(meetingId, "Secret?", ["Yes", "No"], anonymous: true);
        var open = await h.Client.ActiveSession.CreatePollAsync(meetingId, "Open?", ["Yes", "No"]);
        await h.Emulator.Control.VoteAsync(people[0].Token!, secret.Poll!.Id!, 0);
        await h.Emulator.Control.VoteAsync(people[0].Token!, open.Poll!.Id!, 0);

        var polls = await PollsOfAsync(h, meetingId);

        var secretYes = polls.Single(p => p!["question"]!.GetValue<string>() == "Secret?")!["options"]![0]!;
        var openYes = polls.Single(p => p!["question"]!.GetValue<string>() == "Open?")!["options"]![0]!;
        Assert.Equal(1, secretYes["count"]!.GetValue<int>());
        Assert.Empty(secretYes["votes"]!.AsArray());
        Assert.Equal(1, openYes["count"]!.GetValue<int>());
        var voter = Assert.Single(openYes["votes"]!.AsArray())!;
        Assert.Equal(people[0].Id!.Value.ToString(), voter["id"]!.GetValue<string>());
        Assert.Equal("User 0", voter["name"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(2)]
    public async Task A_vote_for_an_option_out_of_range_is_refused(int option)
    {
        await using var h = await EmulatorHarness.StartAsync();
        var (meetingId, people) = await h.LiveMeetingAsync(1);
        var poll = await h.Client.ActiveSession.CreatePollAsync(meetingId, "Lunch?", ["Pizza", "Sushi"]);

        var (status, body) = await VoteRawAsync(h, people[0].Token!, poll.Poll!.Id!, option);

        Assert.Equal(400, status);
        Assert.Contains($"option must be between 0 and 1, got {option}", body, StringComparison.Ordinal);
        Assert.Equal(1, await h.Emulator.Control.VoteAsync(people[0].Token!, poll.Poll.Id!, 1));
    }

    [Fact]
    public async Task A_participant_who_left_the_session_cannot_vote()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var (meetingId, people) = await h.LiveMeetingAsync(2);
        var poll = await h.Client.ActiveSession.CreatePollAsync(meetingId, "Lunch?", ["Pizza", "Sushi"]);
        await h.Emulator.Control.LeaveAsync(people[1].Token!);

        var (status, body) = await VoteRawAsync(h, people[1].Token!, poll.Poll!.Id!, 0);

        Assert.Equal(400, status);
        Assert.Contains("must be in the live session to vote", body, StringComparison.Ordinal);
        Assert.Equal(1, await h.Emulator.Control.VoteAsync(people[0].Token!, poll.Poll.Id!, 0));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not-the-emulators-token")]
    public async Task Ending_a_session_needs_the_emulators_API_token(string? token)
    {
        await using var h = await EmulatorHarness.StartAsync();
        var (meetingId, _) = await h.LiveMeetingAsync(1);

        var (status, _) = await h.RawAsync(HttpMethod.Post, $"_emulator/meetings/{meetingId}/end-session", token: token);

        Assert.Equal(401, status);
        Assert.Equal(1d, (await h.Client.ActiveSession.GetAsync(meetingId)).LiveParticipants);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not-the-emulators-token")]
    public async Task Reset_needs_the_emulators_API_token(string? token)
    {
        await using var h = await EmulatorHarness.StartAsync();
        var (meetingId, _) = await h.LiveMeetingAsync(1);

        var (status, _) = await h.RawAsync(HttpMethod.Post, "_emulator/reset", token: token);

        Assert.Equal(401, status);
        Assert.Equal(1d, (await h.Client.ActiveSession.GetAsync(meetingId)).LiveParticipants);
    }

    [Fact]
    public async Task A_configured_API_token_is_the_one_the_emulator_accepts()
    {
        await using var h = await EmulatorHarness.StartAsync(new EmulatorOptions { ApiToken = "configured-token-4821" });

        var accepted = await h.RawAsync(HttpMethod.Post, "_emulator/reset", token: "configured-token-4821");
        var meetings = await h.RawAsync(HttpMethod.Get, $"client/v4/accounts/{h.Emulator.AccountId}/realtime/kit/{h.Emulator.AppId}/meetings", token: "configured-token-4821");

        Assert.Equal("configured-token-4821", h.Emulator.ApiToken);
        Assert.Equal(200, accepted.Status);
        Assert.Equal(200, meetings.Status);
    }

    [Fact]
    public async Task A_control_client_refused_by_the_emulator_says_what_was_refused_with_status_and_reason()
    {
        await using var h = await EmulatorHarness.StartAsync();
        using var http = new HttpClient();
        // Pointed at the API base URL instead of the root: the control path does not exist there.
        var misdirected = new EmulatorControlClient(http, h.Emulator.BaseUrl, h.Emulator.ApiToken);
        var wrongToken = new EmulatorControlClient(http, h.Emulator.Root, "not-the-emulators-token");

        var notFound = await Assert.ThrowsAsync<InvalidOperationException>(() => misdirected.CreateMeetingAsync("x"));
        var unauthorized = await Assert.ThrowsAsync<InvalidOperationException>(() => wrongToken.ResetAsync());

        Assert.StartsWith("The emulator refused _emulator/accounts/", notFound.Message, StringComparison.Ordinal);
        Assert.Contains(": 404 Could not route to /client/", notFound.Message, StringComparison.Ordinal);
        Assert.Equal("The emulator refused _emulator/reset: 401 The control surface needs the emulator's API token as Authorization: Bearer.", unauthorized.Message);
    }

    private static Task<(int Status, string Body)> VoteRawAsync(EmulatorHarness h, string token, string pollId, int option) =>
        h.RawAsync(HttpMethod.Post, $"_emulator/polls/{pollId}/votes", new JsonObject { ["token"] = token, ["option"] = option }.ToJsonString(), token: null);

    // The live session's polls, as the emulator shows them in the session's meta.
    private static async Task<JsonArray> PollsOfAsync(EmulatorHarness h, string meetingId)
    {
        var session = Assert.Single((await h.Client.Sessions.ListAsync(meetingId: meetingId)).Items);
        await h.Client.Sessions.GetAsync(session.Id!);
        return JsonNode.Parse(h.Responses.Last().Body)!["data"]!["meta"]!["polls"]!.AsArray();
    }
}
