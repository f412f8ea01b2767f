using System.Text.Json.Nodes;

namespace RealtimeKit.Cli.Tests;

/// <summary>Each rtk command against the emulator: output, exit codes, and the error and bad-usage paths.</summary>
public class CommandTests
{
    [Fact]
    public async Task Session_get_prints_a_table_by_default_and_json_with_the_flag()
    {
        await using var h = await CliHarness.StartAsync();
        var (meetingId, _) = await h.LiveMeetingAsync(2);

        var table = await h.RunAsync("session", "get", "--meeting", meetingId);
        var json = await h.RunAsync("session", "get", "-m", meetingId, "--json");

        Assert.True(table.ExitCode == 0, table.ToString());
        Assert.Contains("Live participants", table.Stdout, StringComparison.Ordinal);
        Assert.Matches(@"Live participants\s*│\s*2", table.Stdout);
        Assert.Equal(0, json.ExitCode);
        var body = JsonNode.Parse(json.Stdout)!;
        Assert.Equal(2, body["live_participants"]!.GetValue<double>());
        Assert.Equal("LIVE", body["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Kick_mute_and_their_all_variants_change_the_session()
    {
        await using var h = await CliHarness.StartAsync();
        var (meetingId, people) = await h.LiveMeetingAsync(4);

        var mute = await h.RunAsync("session", "mute", "-m", meetingId, "-p", people[0].Id!.Value.ToString());
        var muteAll = await h.RunAsync("session", "mute-all", "-m", meetingId, "--allow-unmute");
        var kick = await h.RunAsync("session", "kick", "-m", meetingId, "-c", "user1@example.com", "-c", "user2@example.com");
        var left = (await h.Client.ActiveSession.GetAsync(meetingId)).LiveParticipants;
        var kickAll = await h.RunAsync("session", "kick-all", "-m", meetingId, "--json");

        Assert.True(mute.ExitCode == 0, mute.ToString());
        Assert.Contains("mute: 1 participant(s)", mute.Stdout, StringComparison.Ordinal);
        Assert.Contains("mute_all: 4 participant(s) muted", muteAll.Stdout, StringComparison.Ordinal);
        Assert.Contains("kick: 2 participant(s)", kick.Stdout, StringComparison.Ordinal);
        Assert.Contains("User 2", kick.Stdout, StringComparison.Ordinal);
        Assert.Equal(2d, left);
        Assert.Equal(2, JsonNode.Parse(kickAll.Stdout)!["kicked_participants_count"]!.GetValue<double>());
    }

    [Fact]
    public async Task Poll_create_prints_the_options()
    {
        await using var h = await CliHarness.StartAsync();
        var (meetingId, _) = await h.LiveMeetingAsync(1);

        var result = await h.RunAsync("poll", "create", "-m", meetingId, "-q", "Lunch?", "-o", "Pizza", "-o", "Sushi", "--anonymous");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Lunch?", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("Sushi", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Participants_add_and_delete_round_trip()
    {
        await using var h = await CliHarness.StartAsync();
        var meeting = await h.Emulator.Control.CreateMeetingAsync();

        var added = await h.RunAsync("participants", "add", "-m", meeting.Id, "-c", "ada@example.com", "--preset", "group_call_host", "--name", "Ada", "--json");
        var id = JsonNode.Parse(added.Stdout)!["id"]!.GetValue<string>();
        var deleted = await h.RunAsync("participants", "delete", "-m", meeting.Id, "-p", id);

        Assert.True(added.ExitCode == 0, added.ToString());
        Assert.True(deleted.ExitCode == 0, deleted.ToString());
        Assert.Contains("ada@example.com", deleted.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_api_error_exits_1_printing_status_code_and_message()
    {
        await using var h = await CliHarness.StartAsync();
        var meeting = await h.Emulator.Control.CreateMeetingAsync();

        var result = await h.RunAsync("session", "get", "-m", meeting.Id);
        var json = await h.RunAsync("session", "kick-all", "-m", meeting.Id, "--json");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"Error: 404 Not Found (code 404): No active session found for meeting_id {meeting.Id}", result.Stderr.Trim());
        Assert.Empty(result.Stdout);
        Assert.Equal(1, json.ExitCode);
        Assert.Equal(404, JsonNode.Parse(json.Stderr)!["status"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_wrong_token_exits_1_with_cloudflares_authentication_error()
    {
        await using var h = await CliHarness.StartAsync();

        var result = await h.RunAsync("session", "get", "-m", "m1", "--api-token", "wrong");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("401 Unauthorized (code 10000): Authentication error", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_service_exits_1()
    {
        var result = await CliHarness.RunWithAsync(_ => null, "session", "get", "-m", "m1", "--account-id", "a", "--app-id", "b", "--api-token", "t", "--base-url", "http://127.0.0.1:1/client/v4", "--max-retries", "0");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("Error: GET /client/v4/accounts/a/realtime/kit/b/meetings/m1/active-session failed to reach the service", result.Stderr, StringComparison.Ordinal);
    }

    public static TheoryData<string[], string> BadUsage() => new()
    {
        { new[] { "session", "get" }, "Option '--meeting' is required" },
        { new[] { "session", "explode" }, "Unrecognized command or argument 'explode'" },
        { Array.Empty<string>(), "Required command was not provided" },
        { new[] { "session", "kick", "-m", "m1" }, "at least one id in --participant-id or --custom-id" },
        { new[] { "session", "get", "-m", " " }, "Expected a non-empty value for --meeting" },
        { new[] { "poll", "create", "-m", "m1", "-q", "Lunch?" }, "Option '--option' is required" },
        { new[] { "emulator", "--port", "70000" }, "--port must be between 0 and 65535, got 70000" },
        { new[] { "session", "get", "-m", "m1", "--base-url", "not a url" }, "--base-url 'not a url' is not an absolute URL" },
        { new[] { "session", "get", "-m", "m1", "--max-retries", "11" }, "--max-retries must be between 0 and 10, got 11" },
    };

    [Theory]
    [MemberData(nameof(BadUsage))]
    public async Task Bad_usage_exits_2_and_says_what_is_wrong(string[] args, string expected)
    {
        await using var h = await CliHarness.StartAsync();

        var result = await h.RunAsync(args);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains(expected, result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("CLOUDFLARE_ACCOUNT_ID", "pass --account-id or set CLOUDFLARE_ACCOUNT_ID")]
    [InlineData("CLOUDFLARE_API_TOKEN", "set CLOUDFLARE_API_TOKEN (or pass --api-token)")]
    public async Task Missing_credentials_exit_2_naming_the_flag_and_variable(string missing, string expected)
    {
        await using var h = await CliHarness.StartAsync();

        var result = await CliHarness.RunWithAsync(name => name == missing ? null : h.Environment(name), "session", "get", "-m", "m1");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(expected, result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_exits_0()
    {
        var result = await CliHarness.RunWithAsync(_ => null, "--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("participants", result.Stdout, StringComparison.Ordinal);
    }
}
