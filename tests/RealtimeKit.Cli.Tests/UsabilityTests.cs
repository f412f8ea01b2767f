using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace RealtimeKit.Cli.Tests;

/// <summary>rtk tried as a new user would: bad input is one clear line and exit 2, never a stack trace.</summary>
public class UsabilityTests
{
    private static void AssertOneLineUsageError(CliResult result, string expected)
    {
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains(expected, result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotMatch(new Regex(@"^\s+at ", RegexOptions.Multiline), result.Stderr);
        Assert.DoesNotContain("Exception", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_picture_that_is_not_a_url_is_one_line_naming_the_flag()
    {
        await using var h = await CliHarness.StartAsync();

        var result = await h.RunAsync("participants", "add", "-m", "m1", "-c", "ada", "--preset", "p", "--picture", "notaurl");

        AssertOneLineUsageError(result, "--picture: expected an absolute http(s) URL such as https://example.com/ada.png, got 'notaurl'.");
    }

    [Fact]
    public async Task An_emulator_port_in_use_is_one_line_naming_the_flag()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;

        var result = await CliHarness.RunWithAsync(_ => null, "emulator", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));

        AssertOneLineUsageError(result, $"--port {port}: 127.0.0.1:{port} is already in use; choose another port, or --port 0 for a free one.");
    }

    [Theory]
    [InlineData("--max-retries", "abc", "--max-retries: expected a whole number, got 'abc'.")]
    [InlineData("--max-retries", "11", "--max-retries must be between 0 and 10, got 11")]
    public async Task Numbers_are_explained_in_words_not_clr_types(string flag, string value, string expected)
    {
        await using var h = await CliHarness.StartAsync();

        var result = await h.RunAsync("session", "get", "-m", "m1", flag, value);

        AssertOneLineUsageError(result, expected);
        Assert.DoesNotContain("System.", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sdk_argument_errors_name_the_flags_not_the_parameters()
    {
        await using var h = await CliHarness.StartAsync();

        var result = await h.RunAsync("session", "kick", "-m", "m1");

        AssertOneLineUsageError(result, "Expected at least one id in --participant-id or --custom-id; both are empty.");
        Assert.DoesNotContain("participantIds", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "sesion", "get" }, "Did you mean 'session'?")]
    [InlineData(new[] { "session", "kik", "-m", "m1" }, "Did you mean 'kick'?")]
    [InlineData(new[] { "api", "getActiveSesion" }, "Did you mean 'getActiveSession'?")]
    public async Task A_mistyped_command_gets_a_suggestion(string[] args, string expected)
    {
        await using var h = await CliHarness.StartAsync();

        AssertOneLineUsageError(await h.RunAsync(args), expected);
    }

    [Theory]
    [InlineData("emulator", "--base-url", "http://x")]
    [InlineData("emulator", "--max-retries", "1")]
    [InlineData("demo", "--api-token", "t")]
    [InlineData("demo", "--json", null)]
    public async Task Emulator_and_demo_refuse_the_api_flags_they_would_ignore(string command, string flag, string? value)
    {
        var result = await CliHarness.RunWithAsync(_ => null, value is null ? [command, flag] : [command, flag, value]);

        AssertOneLineUsageError(result, $"Unrecognized command or argument '{flag}'");
    }

    [Fact]
    public async Task Usage_errors_are_json_with_the_json_flag()
    {
        await using var h = await CliHarness.StartAsync();

        var result = await h.RunAsync("session", "get", "-m", "m1", "--max-retries", "abc", "--json");

        Assert.Equal(2, result.ExitCode);
        var error = JsonNode.Parse(result.Stderr)!;
        Assert.Equal("usage", error["error"]!.GetValue<string>());
        Assert.Equal("--max-retries: expected a whole number, got 'abc'.", error["messages"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task Missing_credentials_are_all_reported_at_once()
    {
        var result = await CliHarness.RunWithAsync(_ => null, "session", "get", "-m", "m1");

        AssertOneLineUsageError(result, "Missing account id (pass --account-id or set CLOUDFLARE_ACCOUNT_ID); app id (pass --app-id or set CLOUDFLARE_REALTIMEKIT_APP_ID); API token (set CLOUDFLARE_API_TOKEN (or pass --api-token)).");
    }

    [Fact]
    public async Task Help_shows_examples_and_exit_codes()
    {
        var result = await CliHarness.RunWithAsync(_ => null, "--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Exit codes: 0 success, 1 API or network error, 2 bad usage.", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("rtk emulator --port 8787", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("rtk api", result.Stdout, StringComparison.Ordinal);
    }
}
