using System.Diagnostics;
using System.Text.RegularExpressions;

namespace RealtimeKit.Cli.Tests;

public class DemoAndEmulatorTests
{
    [Fact]
    public async Task The_demo_walks_the_whole_meeting_and_exits_0()
    {
        var result = await CliHarness.RunWithAsync(_ => null, "demo");

        Assert.True(result.ExitCode == 0, result.ToString());
        string[] steps =
        [
            "1. Register a webhook for every event", "2. Create a preset from group_call_host", "3. Create a meeting", "4. Add three participants",
            "5. Join them to the live session", "6. Show the active session", "7. Mute one participant", "8. Mute everyone, allowing them to unmute",
            "9. Run a poll", "10. Record the meeting", "11. Stop the recording", "12. Kick one participant", "13. End the meeting: kick everyone else",
            "14. Read the session history", "15. Download the session's chat", "16. The recording's final status",
            "17. The webhook events the demo's listener received",
        ];
        var positions = steps.Select(s => result.Stdout.IndexOf(s, StringComparison.Ordinal)).ToList();
        Assert.All(positions, p => Assert.True(p >= 0, result.Stdout));
        Assert.Equal(positions.Order(), positions);
        string[] shown =
        [
            "│ Name    │ demo_host", "Linus joined; 3 in the session", "mute_all: 3 participant(s) muted", "Grace and Linus vote Sushi: 2 vote(s)",
            "│ Status       │ RECORDING", "│ Status       │ UPLOADING", "kick_all: 2 participant(s) kicked",
            "404 Not Found: No active session found for meeting_id", "│ ENDED  │", "3 participant(s)", "│ ada@example.com   │ Ada   │ demo_host",
            "Grace,\"Sushi it is, then.\"", "Ada,Booked for 12:30.", "│ Status           │ UPLOADED",
            "meeting.started: 1", "meeting.participantJoined: 3", "meeting.participantLeft: 3", "meeting.ended: 1", "meeting.chatSynced: 1",
        ];
        Assert.All(shown, text => Assert.Contains(text, result.Stdout, StringComparison.Ordinal));
        var received = Regex.Match(result.Stdout, @"(\d+) event\(s\), (\d+) with a valid signature");
        Assert.True(received.Success, result.Stdout);
        Assert.Equal(received.Groups[1].Value, received.Groups[2].Value);
        Assert.Matches(@"recording\.statusUpdate: [3-9]", result.Stdout);
        Assert.Empty(result.Stderr);
    }

    [Fact]
    public async Task Rtk_emulator_serves_until_cancelled()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        using var stop = new CancellationTokenSource();
        var run = new RtkApp(TextWriter.Synchronized(stdout), stderr, _ => null).RunAsync(["emulator", "--port", "0", "--token", "cli-test-token"], stop.Token);

        string? baseUrl = null;
        for (var i = 0; i < 300 && baseUrl is null; i++)
        {
            baseUrl = Regex.Match(stdout.ToString(), @"CLOUDFLARE_BASE_URL=(\S+)").Groups[1].Value is { Length: > 0 } url ? url : null;
            await Task.Delay(10);
        }

        Assert.NotNull(baseUrl);
        using var client = new RealtimeKitClient(new RealtimeKitClientOptions { AccountId = "a", AppId = "b", ApiToken = "cli-test-token", BaseUrl = new Uri(baseUrl), MaxRetries = 0 });
        var error = await Assert.ThrowsAsync<RealtimeKitException>(() => client.ActiveSession.GetAsync("m1"));
        Assert.Equal(404, error.StatusCode);

        await stop.CancelAsync();
        Assert.Equal(0, await run);
    }

    [Fact]
    public async Task As_a_process_bad_usage_exits_2()
    {
        var rtk = Path.Combine(AppContext.BaseDirectory, "rtk.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add(rtk);
        start.ArgumentList.Add("session");
        start.ArgumentList.Add("get");
        using var process = Process.Start(start)!;
        var stderr = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.Equal(2, process.ExitCode);
        Assert.Contains("Option '--meeting' is required", stderr, StringComparison.Ordinal);
    }
}
