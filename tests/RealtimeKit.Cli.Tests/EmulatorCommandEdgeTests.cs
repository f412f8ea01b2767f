using System.Text.Json.Nodes;

namespace RealtimeKit.Cli.Tests;

/// <summary>
/// <c>rtk emulator</c> at its edges: ports it refuses, every line of its text and JSON output, and the
/// participant commands when the emulator is somewhere else or nowhere.
/// </summary>
public class EmulatorCommandEdgeTests
{
    [Theory]
    [InlineData("-1")]
    [InlineData("65536")]
    public async Task A_port_outside_0_to_65535_is_a_usage_error_naming_it(string port)
    {
        var result = await CliHarness.RunWithAsync(_ => null, "emulator", "--port", port);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"--port must be between 0 and 65535, got {port}.", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("65535")]
    public void The_ends_of_the_port_range_are_accepted(string port)
    {
        var parse = new RtkApp(TextWriter.Null, TextWriter.Null, _ => null).CreateRootCommand().Parse(["emulator", "--port", port]);

        Assert.Empty(parse.Errors);
    }

    [Fact]
    public async Task The_text_output_is_every_line_a_shell_needs_and_with_a_given_token_says_so_instead_of_printing_it()
    {
        const string Token = "given-token-7f2a";
        var lines = (await FirstOutputAsync(name => name == RealtimeKitClientOptions.ApiTokenVariable ? Token : null, "Ctrl+C", "emulator", "--port", "0")).Split(Environment.NewLine);

        var root = Assert.Single(lines, l => l.StartsWith("RealtimeKit emulator listening on http://127.0.0.1:", StringComparison.Ordinal))["RealtimeKit emulator listening on ".Length..];
        Assert.Equal(
            [
                $"RealtimeKit emulator listening on {root}",
                $"export CLOUDFLARE_BASE_URL={root}client/v4",
                "export CLOUDFLARE_ACCOUNT_ID=" + lines[2]["export CLOUDFLARE_ACCOUNT_ID=".Length..],
                "export CLOUDFLARE_REALTIMEKIT_APP_ID=" + lines[3]["export CLOUDFLARE_REALTIMEKIT_APP_ID=".Length..],
                "# CLOUDFLARE_API_TOKEN: the token you gave (--api-token or the variable) is the one it accepts",
                $"# control surface: {root}_emulator/ (rtk emulator join|leave|vote)",
                "Press Ctrl+C to stop.",
            ],
            lines.Take(7));
        Assert.DoesNotContain(Token, string.Join('\n', lines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_json_output_names_the_root_the_control_surface_and_ids_a_client_can_use()
    {
        var json = JsonNode.Parse(await FirstOutputAsync(_ => null, "\n", "emulator", "--port", "0", "--json", "--api-token", "flag-token-3c9e"))!.AsObject();

        var root = json["root"]!.GetValue<string>();
        Assert.Equal(["root", "base_url", "port", "account_id", "app_id", "api_token", "control_url"], json.Select(p => p.Key));
        Assert.Equal(root + "_emulator/", json["control_url"]!.GetValue<string>());
        Assert.Equal($"http://127.0.0.1:{json["port"]!.GetValue<int>()}/", root);
        Assert.Null(json["api_token"]);
        Assert.False(string.IsNullOrEmpty(json["account_id"]!.GetValue<string>()));
        Assert.False(string.IsNullOrEmpty(json["app_id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Participant_commands_find_the_emulator_through_the_variable_and_say_what_happened()
    {
        await using var h = await CliHarness.StartAsync();
        var (meetingId, ada) = await h.MeetingWithParticipantAsync();

        var join = await h.RunAsync("emulator", "join", "-t", ada.Token!);
        var session = await h.Client.ActiveSession.GetAsync(meetingId);
        var leave = await h.RunAsync("emulator", "leave", "-t", ada.Token!);

        Assert.Equal($"Joined session {session.Id} of meeting {meetingId}: 1 live.", join.Stdout.TrimEnd());
        Assert.Equal($"Left session {session.Id} of meeting {meetingId}: 0 live.", leave.Stdout.TrimEnd());
    }

    [Fact]
    public async Task A_base_url_flag_wins_over_the_variable()
    {
        await using var h = await CliHarness.StartAsync();
        var (meetingId, ada) = await h.MeetingWithParticipantAsync();

        var result = await CliHarness.RunWithAsync(
            name => name == RealtimeKitClientOptions.BaseUrlVariable ? "http://127.0.0.1:1/client/v4" : null,
            "emulator", "join", "-t", ada.Token!, "--base-url", h.Emulator.BaseUrl.ToString());

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.StartsWith("Joined session ", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_emulator_at_the_url_is_exit_1_saying_where_it_looked_and_how_to_start_one()
    {
        var result = await CliHarness.RunWithAsync(_ => null, "emulator", "join", "-t", "tok", "--base-url", "http://127.0.0.1:1/client/v4");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("Error: No emulator answers at http://127.0.0.1:1/ (", result.Stderr, StringComparison.Ordinal);
        Assert.EndsWith("); start one with 'rtk emulator'.", result.Stderr.TrimEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_base_url_that_is_not_absolute_is_a_usage_error()
    {
        var result = await CliHarness.RunWithAsync(_ => null, "emulator", "vote", "-t", "tok", "--poll", "p", "-o", "0", "--base-url", "localhost/x");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--base-url 'localhost/x' is not an absolute URL.", result.Stderr, StringComparison.Ordinal);
    }

    /// <summary>Runs rtk until its output holds <paramref name="until"/>, then stops it with Ctrl+C and returns what it printed.</summary>
    private static async Task<string> FirstOutputAsync(Func<string, string?> environment, string until, params string[] args)
    {
        var stdout = new StringWriter();
        using var stop = new CancellationTokenSource();
        var run = new RtkApp(TextWriter.Synchronized(stdout), new StringWriter(), environment).RunAsync(args, stop.Token);
        for (var i = 0; i < 500 && !stdout.ToString().Contains(until, StringComparison.Ordinal); i++)
        {
            Assert.False(run.IsCompleted, "rtk emulator stopped early: " + stdout);
            await Task.Delay(10);
        }

        await stop.CancelAsync();
        Assert.Equal(0, await run);
        return stdout.ToString();
    }
}
