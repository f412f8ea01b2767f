namespace RealtimeKit.Emulator.Tests;

/// <summary>The README's client example, line for line, against the emulator: the README shows code that works.</summary>
public class ReadmeExampleTests
{
    [Fact]
    public async Task The_readme_example_runs()
    {
        await using var emulator = await RealtimeKitEmulator.StartAsync();
        var (accountId, appId, token) = (emulator.AccountId, emulator.AppId, emulator.ApiToken);
        var meetingId = (await emulator.Control.CreateMeetingAsync("README")).Id;

        using var client = new RealtimeKitClient(new RealtimeKitClientOptions { AccountId = accountId, AppId = appId, ApiToken = token, BaseUrl = emulator.BaseUrl });

        var alice = await client.Participants.AddAsync(meetingId, "alice@example.com", "group_call_host", name: "Alice");
        await emulator.Control.JoinAsync(alice.Token!); // in real life, Alice's app joins with her token
        var session = await client.ActiveSession.GetAsync(meetingId);            // 404 → RealtimeKitException
        await client.ActiveSession.MuteAsync(meetingId, participantIds: [alice.Id]);
        await client.ActiveSession.MuteAllAsync(meetingId, allowUnmute: true);
        var poll = await client.ActiveSession.CreatePollAsync(meetingId, "Lunch?", ["Pizza", "Sushi"]);
        await client.ActiveSession.KickAllAsync(meetingId);

        Assert.Equal(1d, session.LiveParticipants);
        Assert.Equal("Lunch?", poll.Poll!.Question);
    }
}
