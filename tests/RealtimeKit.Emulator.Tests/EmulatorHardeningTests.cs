namespace RealtimeKit.Emulator.Tests;

/// <summary>Ids in the emulator's messages cannot forge log lines, and its indexes stay right as participants come and go.</summary>
public class EmulatorHardeningTests
{
    private const string Api = "client/v4/accounts/023e105f4ecef8ad9ca31a8372d0c353/realtime/kit/emulator-app/meetings";

    [Fact]
    public async Task An_id_with_CR_LF_is_escaped_in_the_message_it_comes_back_in()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var (meetingId, _) = await h.LiveMeetingAsync(1);

        var (status, body) = await h.RawAsync(HttpMethod.Post, $"{Api}/{meetingId}/active-session/kick", """{"participant_ids":[],"custom_participant_ids":["x\r\n2026-01-01 INFO admin logged in"]}""");

        Assert.Equal(404, status);
        var message = System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("error").GetProperty("message").GetString()!;
        Assert.Equal(@"No user found with id x\u000D\u000A2026-01-01 INFO admin logged in", message);
    }

    [Fact]
    public async Task A_path_with_encoded_CR_LF_is_escaped_in_the_routing_error()
    {
        await using var h = await EmulatorHarness.StartAsync();

        var (status, body) = await h.RawAsync(HttpMethod.Get, $"{Api}/m%0D%0Aforged/active-session");

        Assert.Equal(404, status);
        Assert.DoesNotContain("\r", System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("error").GetProperty("message").GetString()!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_custom_id_freed_by_a_delete_can_be_used_again_and_kick_by_custom_id_follows_the_indexes()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var (meetingId, people) = await h.LiveMeetingAsync(3);

        await h.Client.Participants.DeleteAsync(meetingId, people[1].Id);
        var again = await h.Client.Participants.AddAsync(meetingId, "user-1@example.com", "group_call_guest");
        await h.Emulator.Control.JoinAsync(again.Token!);
        var kicked = await h.Client.ActiveSession.KickAsync(meetingId, customParticipantIds: ["user-1@example.com", "user-2@example.com"]);
        var duplicate = await Assert.ThrowsAsync<RealtimeKitException>(() => h.Client.Participants.AddAsync(meetingId, "user-0@example.com", "group_call_host"));
        var oldToken = await Assert.ThrowsAsync<InvalidOperationException>(() => h.Emulator.Control.JoinAsync(people[1].Token!));

        Assert.Equal([again.Id?.ToString(), people[2].Id?.ToString()], kicked.Participants!.Select(p => p.Id?.ToString()));
        Assert.Equal(1d, (await h.Client.ActiveSession.GetAsync(meetingId)).LiveParticipants);
        Assert.Equal(409, duplicate.StatusCode);
        Assert.Contains("401", oldToken.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Kicking_a_member_then_rejoining_finds_them_by_custom_id_again()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var (meetingId, people) = await h.LiveMeetingAsync(2);

        await h.Client.ActiveSession.KickAsync(meetingId, customParticipantIds: ["user-0@example.com"]);
        await h.Emulator.Control.JoinAsync(people[0].Token!);
        var muted = await h.Client.ActiveSession.MuteAsync(meetingId, customParticipantIds: ["user-0@example.com", "user-0@example.com"]);

        Assert.Equal([people[0].Id?.ToString()], muted.Participants!.Select(p => p.Id?.ToString()));
    }
}
