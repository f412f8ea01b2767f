using System.Text.Json.Nodes;
using RealtimeKit.TestSupport;

namespace RealtimeKit.Cli.Tests;

/// <summary>How an API error reads on stderr: status, reason, code (or "none"), message and request id, as text or JSON.</summary>
public class ErrorOutputTests
{
    [Fact]
    public async Task An_error_with_a_request_id_quotes_it_and_one_without_a_code_says_none()
    {
        await using var server = await LoopbackServer.StartAsync(_ => ScriptedResponse.Json(403, """{"success":false,"error":"Forbidden here"}""", ("cf-ray", "8a1b2c3d4e5f-LHR")));

        var text = await RunAsync(server);
        var json = await RunAsync(server, "--json");

        Assert.Equal(1, text.ExitCode);
        Assert.Equal("Error: 403 Forbidden (code none): Forbidden here [request id 8a1b2c3d4e5f-LHR]", text.Stderr.TrimEnd());
        Assert.Equal(1, json.ExitCode);
        Assert.Equal("""{"status":403,"code":null,"message":"Forbidden here","request_id":"8a1b2c3d4e5f-LHR"}""", json.Stderr.TrimEnd());
    }

    [Fact]
    public async Task An_error_without_a_request_id_ends_at_its_message()
    {
        await using var server = await LoopbackServer.StartAsync(_ => ScriptedResponse.Json(409, """{"success":false,"errors":[{"code":7,"message":"Busy"}]}"""));

        var text = await RunAsync(server);
        var json = await RunAsync(server, "--json");

        Assert.Equal("Error: 409 Conflict (code 7): Busy", text.Stderr.TrimEnd());
        Assert.Null(JsonNode.Parse(json.Stderr)!["request_id"]);
        Assert.Equal(7, JsonNode.Parse(json.Stderr)!["code"]!.GetValue<int>());
    }

    private static Task<CliResult> RunAsync(LoopbackServer server, params string[] extra) =>
        CliHarness.RunWithAsync(_ => null, ["session", "get", "-m", "m1", "--account-id", "a", "--app-id", "b", "--api-token", "t", "--base-url", server.BaseUrl + "/client/v4", "--max-retries", "0", .. extra]);
}
