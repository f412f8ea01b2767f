using static RealtimeKit.Cli.Tests.SpecExampleServer;

namespace RealtimeKit.Cli.Tests;

/// <summary>What the live-session commands put on the wire for each of their flags, against the spec's examples.</summary>
public class SessionCommandWireTests
{
    private const string MeetingId = "97440c6a-140b-40a9-9499-b23fd7a3868a";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Mute_all_sends_whether_participants_may_unmute(bool allowUnmute)
    {
        await using var s = await StartAsync("muteAllParticipants");

        var result = await s.RunAsync(allowUnmute ? ["session", "mute-all", "-m", MeetingId, "--allow-unmute"] : ["session", "mute-all", "-m", MeetingId]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("POST", s.Request.Method);
        Assert.Equal(AppPath + $"/meetings/{MeetingId}/active-session/mute-all", s.Request.RawPath);
        Assert.Equal(allowUnmute, Wire.Body(s.Request)["allow_unmute"]!.GetValue<bool>());
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public async Task Poll_create_sends_the_question_the_options_in_order_and_both_flags(bool anonymous, bool hideVotes)
    {
        await using var s = await StartAsync("createPoll");
        string[] args = ["poll", "create", "-m", MeetingId, "-q", "Lunch?", "-o", "Pizza", "-o", "Sushi", "-o", "Salad"];

        var result = await s.RunAsync([.. args, .. anonymous ? new[] { "--anonymous" } : [], .. hideVotes ? new[] { "--hide-votes" } : []]);

        Assert.True(result.ExitCode == 0, result.ToString());
        var body = Wire.Body(s.Request);
        Assert.Equal("Lunch?", body["question"]!.GetValue<string>());
        Assert.Equal(["Pizza", "Sushi", "Salad"], body["options"]!.AsArray().Select(o => o!.GetValue<string>()));
        Assert.Equal(anonymous, body["anonymous"]?.GetValue<bool>() ?? false);
        Assert.Equal(hideVotes, body["hide_votes"]?.GetValue<bool>() ?? false);
    }

    [Fact]
    public async Task Kick_and_mute_send_participant_ids_and_custom_ids_as_given()
    {
        const string Ada = "0b7e1d2c-3a4f-4b5c-8d9e-0f1a2b3c4d5e";
        await using var kick = await StartAsync("kickParticipants");
        await using var mute = await StartAsync("muteParticipants");

        var kicked = await kick.RunAsync("session", "kick", "-m", MeetingId, "-p", Ada, "-c", "grace@example.com", "-c", "linus@example.com");
        var muted = await mute.RunAsync("session", "mute", "-m", MeetingId, "-c", "grace@example.com");

        Assert.True(kicked.ExitCode == 0, kicked.ToString());
        Assert.True(muted.ExitCode == 0, muted.ToString());
        Assert.Equal([Ada], Wire.Body(kick.Request)["participant_ids"]!.AsArray().Select(i => i!.GetValue<string>()));
        Assert.Equal(["grace@example.com", "linus@example.com"], Wire.Body(kick.Request)["custom_participant_ids"]!.AsArray().Select(i => i!.GetValue<string>()));
        Assert.Equal(["grace@example.com"], Wire.Body(mute.Request)["custom_participant_ids"]!.AsArray().Select(i => i!.GetValue<string>()));
        Assert.EndsWith("/active-session/kick", kick.Request.RawPath, StringComparison.Ordinal);
        Assert.EndsWith("/active-session/mute", mute.Request.RawPath, StringComparison.Ordinal);
    }
}
