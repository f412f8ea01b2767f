using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;

namespace RealtimeKit.Emulator.Tests;

public class EmulatorBehaviourTests
{
    private const string Api = "client/v4/accounts/023e105f4ecef8ad9ca31a8372d0c353/realtime/kit/emulator-app/meetings";

    [Fact]
    public async Task A_session_tracks_who_is_in_who_is_muted_and_peak_attendance()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        await using var h = await EmulatorHarness.StartAsync(new EmulatorOptions { TimeProvider = time });
        var (meetingId, people) = await h.LiveMeetingAsync(3, "Planning");
        await h.Emulator.Control.LeaveAsync(people[2].Token!);
        time.Advance(TimeSpan.FromMinutes(12.5));

        var session = await h.Client.ActiveSession.GetAsync(meetingId);

        Assert.Equal(2d, session.LiveParticipants);
        Assert.Equal(3d, session.MaxConcurrentParticipants);
        Assert.Equal(12.5, session.MinutesConsumed);
        Assert.Equal("Planning", session.MeetingDisplayName);
        Assert.Equal(meetingId, session.AssociatedId);
        Assert.Equal(Generated.Models.ActiveSessionStatus.LIVE, session.Status);
        Assert.Equal("2026-11-23T09:00:00.000Z", session.StartedAt);
    }

    [Fact]
    public async Task Kicking_everyone_ends_the_session_and_the_next_get_is_the_documented_404()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var (meetingId, _) = await h.LiveMeetingAsync(2);

        var kicked = await h.Client.ActiveSession.KickAllAsync(meetingId);
        var error = await Assert.ThrowsAsync<RealtimeKitException>(() => h.Client.ActiveSession.GetAsync(meetingId));

        Assert.Equal(2d, kicked.KickedParticipantsCount);
        Assert.Equal($"404 Not Found: No active session found for meeting_id {meetingId}", error.Message);
        Assert.Equal(404, error.ErrorCode);
    }

    [Fact]
    public async Task Kicking_an_unknown_user_is_the_documented_404_and_kicks_nobody()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var (meetingId, people) = await h.LiveMeetingAsync(2);
        var stranger = "813432c7-3c5a-45e2-9acf-eef7061c7584";

        var error = await Assert.ThrowsAsync<RealtimeKitException>(() => h.Client.ActiveSession.KickAsync(meetingId, [people[0].Id, stranger]));

        Assert.Equal($"404 Not Found: No user found with id {stranger}", error.Message);
        Assert.Equal(2d, (await h.Client.ActiveSession.GetAsync(meetingId)).LiveParticipants);
    }

    [Fact]
    public async Task Mute_all_returns_how_many_were_muted_and_mute_returns_who()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var (meetingId, people) = await h.LiveMeetingAsync(3);

        var one = await h.Client.ActiveSession.MuteAsync(meetingId, customParticipantIds: ["user-1@example.com"]);
        var all = await h.Client.ActiveSession.MuteAllAsync(meetingId, allowUnmute: false);

        Assert.Equal(people[1].Id!.Value.ToString(), Assert.Single(one.Participants!).Id);
        Assert.Equal("User 1", one.Participants![0].Name);
        Assert.Equal(3d, all.MutedParticipantsCount);
    }

    [Fact]
    public async Task Polls_start_with_empty_options_and_count_votes_per_option()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var (meetingId, people) = await h.LiveMeetingAsync(2);
        var poll = await h.Client.ActiveSession.CreatePollAsync(meetingId, "Lunch?", ["Pizza", "Sushi"]);

        Assert.Equal(1, await h.Emulator.Control.VoteAsync(people[0].Token!, poll.Poll!.Id!, 1));
        Assert.Equal(2, await h.Emulator.Control.VoteAsync(people[1].Token!, poll.Poll.Id!, 1));
        Assert.Equal(["Pizza", "Sushi"], poll.Poll.Options!.Select(o => o.Text));
        Assert.All(poll.Poll.Options!, o => Assert.Equal(0d, o.Count));
    }

    [Fact]
    public async Task A_duplicate_custom_participant_id_is_refused_never_duplicated()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var meeting = await h.Emulator.Control.CreateMeetingAsync();
        await h.Client.Participants.AddAsync(meeting.Id, "alice", "host");

        var error = await Assert.ThrowsAsync<RealtimeKitException>(() => h.Client.Participants.AddAsync(meeting.Id, "alice", "host"));

        Assert.Equal(409, error.StatusCode);
        Assert.Contains("custom_participant_id 'alice' already exists", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deleting_a_participant_removes_them_from_the_live_session_and_reports_their_preset()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var (meetingId, people) = await h.LiveMeetingAsync(2);

        var deleted = await h.Client.Participants.DeleteAsync(meetingId, people[0].Id);
        var again = await Assert.ThrowsAsync<RealtimeKitException>(() => h.Client.Participants.DeleteAsync(meetingId, people[0].Id));

        Assert.Equal("user-0@example.com", deleted.CustomParticipantId);
        Assert.NotEqual(Guid.Empty, deleted.PresetId);
        Assert.Equal(404, again.StatusCode);
        Assert.Equal(1d, (await h.Client.ActiveSession.GetAsync(meetingId)).LiveParticipants);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-token")]
    public async Task A_missing_or_wrong_token_gets_401_in_cloudflares_general_envelope(string? token)
    {
        await using var h = await EmulatorHarness.StartAsync();

        var (status, body) = await h.RawAsync(HttpMethod.Get, $"{Api}/{Guid.NewGuid()}/active-session", token: token);

        Assert.Equal(401, status);
        var json = JsonNode.Parse(body)!;
        Assert.False(json["success"]!.GetValue<bool>());
        Assert.Equal(10000, json["errors"]![0]!["code"]!.GetValue<int>());
        Assert.Equal("Authentication error", json["errors"]![0]!["message"]!.GetValue<string>());
        Assert.Empty(json["messages"]!.AsArray());
    }

    public static TheoryData<string, string, string, string?, string> BadRequests() => new()
    {
        { "POST", "client/v4/accounts/0123456789012345678901234567890123/realtime/kit/emulator-app/meetings/{meeting}/participants", "add", """{"custom_participant_id":"a","preset_name":"p"}""", "account_id must be at most 32 characters, got 34" },
        { "POST", "client/v4/accounts/a/realtime/kit/0123456789012345678901234567890123/meetings/{meeting}/active-session/kick-all", "kick-all", null, "app_id must be at most 32 characters" },
        { "POST", Api + "/not-a-uuid/participants", "add", """{"custom_participant_id":"a","preset_name":"p"}""", "meeting_id must be a UUID, got 'not-a-uuid'" },
        { "DELETE", Api + "/not-a-uuid/participants/p1", "delete", null, "meeting_id must be a UUID" },
        { "POST", Api + "/{meeting}/participants", "add", """{"preset_name":"p"}""", "custom_participant_id is required and must be a non-empty string" },
        { "POST", Api + "/{meeting}/participants", "add", """{"custom_participant_id":"a","preset_name":7}""", "preset_name is required and must be a non-empty string, got 7" },
        { "POST", Api + "/{meeting}/participants", "add", """{"custom_participant_id":"a","preset_name":"p","picture":"not a url"}""", "picture must be an absolute URI" },
        { "POST", Api + "/{meeting}/participants", "add", """{"custom_participant_id":"a",""", "The body is not valid JSON" },
        { "POST", Api + "/{meeting}/participants", "add", "[]", "The body must be a JSON object" },
        { "POST", Api + "/{meeting}/active-session/kick", "kick", """{"participant_ids":["x"]}""", "custom_participant_ids is required and must be an array of strings" },
        { "POST", Api + "/{meeting}/active-session/kick", "kick", """{"participant_ids":[],"custom_participant_ids":[]}""", "must hold at least one id" },
        { "POST", Api + "/{meeting}/active-session/mute-all", "mute-all", "{}", "allow_unmute is required and must be a boolean" },
        { "POST", Api + "/{meeting}/active-session/poll", "poll", """{"question":"q","options":[]}""", "options must hold at least one answer option" },
        { "POST", Api + "/{meeting}/active-session/poll", "poll", """{"question":"q","options":["a",1]}""", "options[1] must be a non-empty string, got 1" },
        { "POST", Api + "/{meeting}/active-session/poll", "poll", """{"options":["a"]}""", "question is required" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task Requests_that_break_the_spec_get_400_naming_the_field(string method, string path, string what, string? body, string expected)
    {
        await using var h = await EmulatorHarness.StartAsync();
        var (meetingId, _) = await h.LiveMeetingAsync(1);

        var (status, text) = await h.RawAsync(new HttpMethod(method), path.Replace("{meeting}", meetingId, StringComparison.Ordinal), body);

        Assert.True(status == 400, $"{what}: {status} {text}");
        var json = JsonNode.Parse(text)!;
        Assert.Equal(400, json["error"]!["code"]!.GetValue<int>());
        Assert.Contains(expected, json["error"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_routes_and_methods_answer_like_cloudflare()
    {
        await using var h = await EmulatorHarness.StartAsync();

        var (notFound, body) = await h.RawAsync(HttpMethod.Get, $"{Api}/{Guid.NewGuid()}/recordings");
        var (notAllowed, _) = await h.RawAsync(HttpMethod.Put, $"{Api}/{Guid.NewGuid()}/active-session");

        Assert.Equal(404, notFound);
        Assert.Equal(7003, JsonNode.Parse(body)!["errors"]![0]!["code"]!.GetValue<int>());
        Assert.Equal(405, notAllowed);
    }

    [Fact]
    public async Task An_id_with_reserved_characters_arrives_as_one_id()
    {
        await using var h = await EmulatorHarness.StartAsync();

        var error = await Assert.ThrowsAsync<RealtimeKitException>(() => h.Client.ActiveSession.GetAsync("a/b?c#d%e"));

        Assert.Equal("404 Not Found: No active session found for meeting_id a/b?c#d%e", error.Message);
    }

    [Fact]
    public async Task The_control_surface_needs_the_api_token_for_admin_actions_and_a_participant_token_to_join()
    {
        await using var h = await EmulatorHarness.StartAsync();

        var (createStatus, _) = await h.RawAsync(HttpMethod.Post, "_emulator/accounts/a/apps/b/meetings", "{}", token: null);
        var (joinStatus, joinBody) = await h.RawAsync(HttpMethod.Post, "_emulator/sessions/join", """{"token":"not-a-participant"}""", token: null);
        var (healthStatus, _) = await h.RawAsync(HttpMethod.Get, "_emulator/health", token: null);

        Assert.Equal(401, createStatus);
        Assert.Equal(401, joinStatus);
        Assert.Contains("participant token is not valid", joinBody, StringComparison.Ordinal);
        Assert.Equal(200, healthStatus);
    }

    [Fact]
    public async Task Reset_forgets_everything()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var (meetingId, _) = await h.LiveMeetingAsync(1);

        await h.Emulator.Control.ResetAsync();

        await Assert.ThrowsAsync<RealtimeKitException>(() => h.Client.ActiveSession.GetAsync(meetingId));
        await Assert.ThrowsAsync<RealtimeKitException>(() => h.Client.Participants.AddAsync(meetingId, "x", "p"));
    }

    [Fact]
    public async Task Ending_a_session_through_the_control_surface_makes_it_404()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var (meetingId, _) = await h.LiveMeetingAsync(2);

        await h.Emulator.Control.EndSessionAsync(meetingId);

        Assert.Equal(404, (await Assert.ThrowsAsync<RealtimeKitException>(() => h.Client.ActiveSession.GetAsync(meetingId))).StatusCode);
    }
}
