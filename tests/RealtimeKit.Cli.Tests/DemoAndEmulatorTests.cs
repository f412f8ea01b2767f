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
            "1. Create a meeting", "2. Add three participants", "3. Join them to the live session", "4. Show the active session",
            "5. Mute one participant", "6. Mute everyone, allowing them to unmute", "7. Run a poll", "8. Kick one participant",
            "9. Kick everyone else", "10. Delete a participant", "11. Show the session again",
        ];
        var positions = steps.Select(s => result.Stdout.IndexOf(s, StringComparison.Ordinal)).ToList();
        Assert.All(positions, p => Assert.True(p >= 0, result.Stdout));
        Assert.Equal(positions.Order(), positions);
        Assert.Contains("Linus joined; 3 in the session", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("mute_all: 3 participant(s) muted", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("Grace and Linus vote Sushi: 2 vote(s)", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("kick_all: 2 participant(s) kicked", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("404 Not Found: No active session found for meeting_id", result.Stdout, StringComparison.Ordinal);
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
