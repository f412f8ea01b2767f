using System.Text.Json.Nodes;

namespace RealtimeKit.Cli.Tests;

/// <summary><c>rtk emulator</c>: machine-readable connection details, the token from the environment, participant actions.</summary>
public class EmulatorCommandTests
{
    private static async Task<(Task<int> Run, JsonNode Connection, CancellationTokenSource Stop)> StartAsync(Func<string, string?> environment, params string[] args)
    {
        var stdout = new StringWriter();
        var stop = new CancellationTokenSource();
        var run = new RtkApp(TextWriter.Synchronized(stdout), new StringWriter(), environment).RunAsync(["emulator", "--port", "0", "--json", .. args], stop.Token);
        for (var i = 0; i < 500 && !stdout.ToString().Contains('\n', StringComparison.Ordinal); i++)
        {
            Assert.False(run.IsCompleted, "rtk emulator stopped early.");
            await Task.Delay(10);
        }

        return (run, JsonNode.Parse(stdout.ToString())!, stop);
    }

    [Fact]
    public async Task Port_0_is_reported_as_json_with_everything_a_script_needs()
    {
        var (run, connection, stop) = await StartAsync(_ => null);

        var port = connection["port"]!.GetValue<int>();
        Assert.InRange(port, 1, 65535);
        Assert.Equal($"http://127.0.0.1:{port}/client/v4", connection["base_url"]!.GetValue<string>());
        Assert.StartsWith("emu_", connection["api_token"]!.GetValue<string>(), StringComparison.Ordinal);
        using var client = new RealtimeKitClient(new RealtimeKitClientOptions { AccountId = connection["account_id"]!.GetValue<string>(), AppId = connection["app_id"]!.GetValue<string>(), ApiToken = connection["api_token"]!.GetValue<string>(), BaseUrl = new Uri(connection["base_url"]!.GetValue<string>()), MaxRetries = 0 });
        Assert.Equal(404, (await Assert.ThrowsAsync<RealtimeKitException>(() => client.ActiveSession.GetAsync("m1"))).StatusCode);

        await stop.CancelAsync();
        Assert.Equal(0, await run);
    }

    [Fact]
    public async Task The_token_in_the_environment_is_the_one_it_accepts_and_is_never_printed()
    {
        const string Token = "exported-token-5d1c";
        var (run, connection, stop) = await StartAsync(name => name == RealtimeKitClientOptions.ApiTokenVariable ? Token : null);

        Assert.Null(connection["api_token"]);
        Assert.DoesNotContain(Token, connection.ToJsonString(), StringComparison.Ordinal);
        using var client = new RealtimeKitClient(new RealtimeKitClientOptions { AccountId = connection["account_id"]!.GetValue<string>(), AppId = connection["app_id"]!.GetValue<string>(), ApiToken = Token, BaseUrl = new Uri(connection["base_url"]!.GetValue<string>()), MaxRetries = 0 });
        Assert.Equal(404, (await Assert.ThrowsAsync<RealtimeKitException>(() => client.ActiveSession.GetAsync("m1"))).StatusCode);

        await stop.CancelAsync();
        await run;
    }

    [Fact]
    public async Task A_token_flag_wins_over_the_variable()
    {
        var (run, connection, stop) = await StartAsync(name => name == RealtimeKitClientOptions.ApiTokenVariable ? "from-variable" : null, "--token", "from-flag");

        RealtimeKitClient Client(string token) => new(new RealtimeKitClientOptions { AccountId = connection["account_id"]!.GetValue<string>(), AppId = connection["app_id"]!.GetValue<string>(), ApiToken = token, BaseUrl = new Uri(connection["base_url"]!.GetValue<string>()), MaxRetries = 0 });
        using var flag = Client("from-flag");
        using var variable = Client("from-variable");
        Assert.Equal(404, (await Assert.ThrowsAsync<RealtimeKitException>(() => flag.ActiveSession.GetAsync("m1"))).StatusCode);
        Assert.Equal(401, (await Assert.ThrowsAsync<RealtimeKitException>(() => variable.ActiveSession.GetAsync("m1"))).StatusCode);

        await stop.CancelAsync();
        await run;
    }

    [Fact]
    public async Task The_text_output_has_export_lines()
    {
        var stdout = new StringWriter();
        using var stop = new CancellationTokenSource();
        var run = new RtkApp(TextWriter.Synchronized(stdout), new StringWriter(), _ => null).RunAsync(["emulator", "--port", "0"], stop.Token);
        for (var i = 0; i < 500 && !stdout.ToString().Contains("Ctrl+C", StringComparison.Ordinal); i++)
        {
            await Task.Delay(10);
        }

        Assert.Matches(@"(?m)^export CLOUDFLARE_BASE_URL=http://127\.0\.0\.1:\d+/client/v4$", stdout.ToString());
        Assert.Matches("(?m)^export CLOUDFLARE_API_TOKEN=emu_", stdout.ToString());
        Assert.Matches("(?m)^export CLOUDFLARE_ACCOUNT_ID=", stdout.ToString());
        Assert.Matches("(?m)^export CLOUDFLARE_REALTIMEKIT_APP_ID=", stdout.ToString());
        await stop.CancelAsync();
        await run;
    }

    [Fact]
    public async Task Participants_join_vote_and_leave_from_the_shell()
    {
        await using var h = await CliHarness.StartAsync();
        var (meetingId, ada) = await h.MeetingWithParticipantAsync();

        var join = await h.RunAsync("emulator", "join", "-t", ada.Token!);
        var poll = await h.Client.ActiveSession.CreatePollAsync(meetingId, "Lunch?", ["Pizza", "Sushi"]);
        var vote = await h.RunAsync("emulator", "vote", "-t", ada.Token!, "--poll", poll.Poll!.Id!, "-o", "1");
        var leave = await h.RunAsync("emulator", "leave", "-t", ada.Token!);
        var bad = await h.RunAsync("emulator", "join", "-t", "not-a-token");

        Assert.True(join.ExitCode == 0, join.ToString());
        Assert.Contains("1 live", join.Stdout, StringComparison.Ordinal);
        Assert.True(vote.ExitCode == 0, vote.ToString());
        Assert.Contains("option 1 has 1 vote(s)", vote.Stdout, StringComparison.Ordinal);
        Assert.True(leave.ExitCode == 0, leave.ToString());
        Assert.Contains("0 live", leave.Stdout, StringComparison.Ordinal);
        Assert.Equal(1, bad.ExitCode);
        Assert.Contains("401", bad.Stderr, StringComparison.Ordinal);
    }
}
