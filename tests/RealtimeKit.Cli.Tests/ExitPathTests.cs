using System.Text.Json.Nodes;

namespace RealtimeKit.Cli.Tests;

/// <summary>How rtk ends when it cannot do the job: usage errors (text and JSON), a failure to connect as JSON, Ctrl+C.</summary>
public class ExitPathTests
{
    private static readonly string[] Unreachable = ["session", "get", "-m", "m1", "--account-id", "a", "--app-id", "b", "--api-token", "t", "--base-url", "http://127.0.0.1:1/client/v4", "--max-retries", "0"];

    [Fact]
    public async Task A_text_usage_error_ends_by_pointing_at_help()
    {
        var result = await CliHarness.RunWithAsync(_ => null, "session", "get");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("Run 'rtk --help' (or 'rtk <command> --help') for usage.", result.Stderr.TrimEnd().Split('\n')[^1].TrimEnd());
        Assert.StartsWith("Usage error: ", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_json_usage_error_is_one_object_with_every_message_and_the_exit_code()
    {
        var result = await CliHarness.RunWithAsync(_ => null, "session", "get", "--json", "--max-retries", "x");

        var error = JsonNode.Parse(result.Stderr)!.AsObject();
        Assert.Equal(2, result.ExitCode);
        Assert.Equal(["error", "messages", "exit_code"], error.Select(p => p.Key));
        Assert.Equal(2, error["exit_code"]!.GetValue<int>());
        Assert.True(error["messages"]!.AsArray().Count >= 2, result.Stderr);
        Assert.Single(result.Stderr.Trim().Split('\n'));
    }

    [Fact]
    public async Task A_failure_to_connect_is_json_with_the_json_flag()
    {
        var result = await CliHarness.RunWithAsync(_ => null, [.. Unreachable, "--json"]);

        var error = JsonNode.Parse(result.Stderr)!.AsObject();
        Assert.Equal(1, result.ExitCode);
        Assert.Equal("failure", error["error"]!.GetValue<string>());
        Assert.StartsWith("GET /client/v4/accounts/a/realtime/kit/b/meetings/m1/active-session failed to reach the service", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancelling_a_call_says_cancelled_and_exits_1()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var exit = await new RtkApp(stdout, stderr, _ => null).RunAsync(Unreachable, cancelled.Token);

        Assert.Equal(1, exit);
        Assert.Equal("Cancelled.", stderr.ToString().TrimEnd());
        Assert.Empty(stdout.ToString());
    }
}
