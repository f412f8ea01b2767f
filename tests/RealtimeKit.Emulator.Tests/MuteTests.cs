using System.Text.Json.Nodes;

namespace RealtimeKit.Emulator.Tests;

/// <summary>
/// What a mute does, as a test author sees it through the control surface: mute marks exactly the participants named,
/// mute-all marks everyone and records whether they may unmute themselves, and a participant's own unmute is honoured
/// or refused accordingly.
/// </summary>
public sealed class MuteTests
{
    [Fact]
    public async Task Nobody_is_muted_on_joining_and_the_live_view_lists_everyone_in_joining_order()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var (meetingId, people) = await h.LiveMeetingAsync(2);

        var live = await h.Emulator.Control.GetLiveParticipantsAsync(meetingId);

        Assert.Equal([people[0].Id!.Value.ToString(), people[1].Id!.Value.ToString()], live.Select(p => p.ParticipantId));
        Assert.Equal(["user-0@example.com", "user-1@example.com"], live.Select(p => p.CustomParticipantId));
        Assert.Equal(["User 0", "User 1"], live.Select(p => p.Name));
        Assert.All(live, p => Assert.False(p.Muted));
        Assert.All(live, p => Assert.True(p.MayUnmute));
        Assert.All(live, p => Assert.True(DateTimeOffset.TryParse(p.JoinedAt, out _)));
    }

    [Fact]
    public async Task Mute_marks_only_the_participants_it_names()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var (meetingId, people) = await h.LiveMeetingAsync(3);

        await h.Client.ActiveSession.MuteAsync(meetingId, participantIds: [people[0].Id!.Value.ToString()], customParticipantIds: ["user-2@example.com"]);

        var live = await h.Emulator.Control.GetLiveParticipantsAsync(meetingId);
        Assert.Equal([true, false, true], live.Select(p => p.Muted));
        Assert.All(live, p => Assert.True(p.MayUnmute));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Mute_all_mutes_everyone_and_records_whether_they_may_unmute(bool allowUnmute)
    {
        await using var h = await EmulatorHarness.StartAsync();
        var (meetingId, _) = await h.LiveMeetingAsync(2);

        await h.Client.ActiveSession.MuteAllAsync(meetingId, allowUnmute);

        var live = await h.Emulator.Control.GetLiveParticipantsAsync(meetingId);
        Assert.All(live, p => Assert.True(p.Muted));
        Assert.All(live, p => Assert.Equal(allowUnmute, p.MayUnmute));
    }

    [Fact]
    public async Task A_muted_participant_may_unmute_themselves_unless_mute_all_forbade_it()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var (meetingId, people) = await h.LiveMeetingAsync(2);
        await h.Client.ActiveSession.MuteAsync(meetingId, participantIds: [people[0].Id!.Value.ToString()]);

        var unmuted = await h.Emulator.Control.UnmuteAsync(people[0].Token!);

        Assert.False(unmuted.Muted);
        Assert.Equal(people[0].Id!.Value.ToString(), unmuted.ParticipantId);
        Assert.False((await h.Emulator.Control.GetLiveParticipantsAsync(meetingId))[0].Muted);

        await h.Client.ActiveSession.MuteAllAsync(meetingId, allowUnmute: false);
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => h.Emulator.Control.UnmuteAsync(people[1].Token!));

        Assert.Contains("403", refused.Message, StringComparison.Ordinal);
        Assert.Contains("allow_unmute false", refused.Message, StringComparison.Ordinal);
        Assert.True((await h.Emulator.Control.GetLiveParticipantsAsync(meetingId))[1].Muted);
    }

    [Fact]
    public async Task Only_someone_in_the_live_session_can_unmute()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var (meetingId, people) = await h.LiveMeetingAsync(2);
        await h.Emulator.Control.LeaveAsync(people[1].Token!);

        var (status, body) = await h.RawAsync(HttpMethod.Post, "_emulator/sessions/unmute", new JsonObject { ["token"] = people[1].Token }.ToJsonString(), token: null);

        Assert.Equal(400, status);
        Assert.Contains("must be in the live session", body, StringComparison.Ordinal);
        Assert.Single(await h.Emulator.Control.GetLiveParticipantsAsync(meetingId));
    }

    [Fact]
    public async Task Rejoining_after_a_mute_starts_unmuted()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var (meetingId, people) = await h.LiveMeetingAsync(2);
        await h.Client.ActiveSession.MuteAllAsync(meetingId, allowUnmute: false);
        await h.Emulator.Control.LeaveAsync(people[1].Token!);

        await h.Emulator.Control.JoinAsync(people[1].Token!);

        var rejoined = (await h.Emulator.Control.GetLiveParticipantsAsync(meetingId))[1];
        Assert.Equal(people[1].Id!.Value.ToString(), rejoined.ParticipantId);
        Assert.False(rejoined.Muted);
        Assert.True(rejoined.MayUnmute);
    }

    [Fact]
    public async Task The_live_view_is_empty_once_the_session_ends_and_unknown_meetings_are_not_found()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var (meetingId, _) = await h.LiveMeetingAsync(1);
        await h.Emulator.Control.EndSessionAsync(meetingId);

        Assert.Empty(await h.Emulator.Control.GetLiveParticipantsAsync(meetingId));
        var unknown = await Assert.ThrowsAsync<InvalidOperationException>(() => h.Emulator.Control.GetLiveParticipantsAsync(Guid.NewGuid().ToString()));
        Assert.Contains("404", unknown.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not-the-emulators-token")]
    public async Task The_live_view_needs_the_emulators_API_token(string? token)
    {
        await using var h = await EmulatorHarness.StartAsync();
        var (meetingId, _) = await h.LiveMeetingAsync(1);

        var (status, body) = await h.RawAsync(HttpMethod.Get, $"_emulator/meetings/{meetingId}/live-participants", token: token);

        Assert.Equal(401, status);
        Assert.DoesNotContain("user-0", body, StringComparison.Ordinal);
    }
}
