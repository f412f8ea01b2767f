using RealtimeKit.TestSupport;

namespace RealtimeKit.Cli.Tests;

/// <summary>A flag wins over its environment variable for the account, the app and the token, blank variables included.</summary>
public class CredentialPrecedenceTests
{
    [Theory]
    [InlineData("env-account", "env-app", "env-token")]
    [InlineData("  ", "\t", " ")]
    public async Task Flags_win_over_the_environment(string account, string app, string token)
    {
        await using var server = await LoopbackServer.StartAsync(_ => ScriptedResponse.Json(404, """{"success":false,"errors":[{"code":7003,"message":"No route"}]}"""));
        var environment = new Dictionary<string, string>
        {
            ["CLOUDFLARE_ACCOUNT_ID"] = account,
            ["CLOUDFLARE_REALTIMEKIT_APP_ID"] = app,
            ["CLOUDFLARE_API_TOKEN"] = token,
            ["CLOUDFLARE_BASE_URL"] = server.BaseUrl + "/client/v4",
        };

        var result = await CliHarness.RunWithAsync(
            environment.GetValueOrDefault,
            "session", "get", "-m", "m1", "--account-id", "flag-account", "--app-id", "flag-app", "--api-token", "flag-token", "--max-retries", "0");

        Assert.Equal(1, result.ExitCode);
        var request = Assert.Single(server.Requests);
        Assert.Equal("/client/v4/accounts/flag-account/realtime/kit/flag-app/meetings/m1/active-session", request.RawPath);
        Assert.Equal("Bearer flag-token", request.Header("Authorization"));
    }
}
