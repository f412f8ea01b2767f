using System.Text.Json.Nodes;
using static RealtimeKit.Cli.Tests.SpecExampleServer;

namespace RealtimeKit.Cli.Tests;

/// <summary>The resource commands' bad input (exit 2, one line naming the flag, nothing sent) and API errors (exit 1).</summary>
public class ResourceCommandErrorTests
{
    private const string Uuid = "97440c6a-140b-40a9-9499-b23fd7a3868a";

    [Theory]
    [InlineData(new[] { "meetings", "list", "--page", "0" }, "--page: expected a whole number of 1 or more, got '0'.")]
    [InlineData(new[] { "meetings", "list", "--per-page", "ten" }, "--per-page: expected a whole number of 1 or more, got 'ten'.")]
    [InlineData(new[] { "meetings", "list", "--status", "OPEN" }, "--status: expected one of ACTIVE, INACTIVE, got 'OPEN'.")]
    [InlineData(new[] { "meetings", "list", "--all", "--page", "2" }, "--page: --all fetches every page")]
    [InlineData(new[] { "meetings", "create", "--keep-alive", "30" }, "--keep-alive: expected 60 to 600 seconds, got 30.")]
    [InlineData(new[] { "meetings", "update", "-m", Uuid }, "Nothing to change: pass at least one of --title")]
    [InlineData(new[] { "meetings", "get" }, "--meeting")]
    [InlineData(new[] { "apps", "create" }, "--name")]
    [InlineData(new[] { "apps", "list", "--search", " " }, "--search")]
    [InlineData(new[] { "participants", "edit", "-m", Uuid, "-p", Uuid }, "--name, --picture or --preset")]
    [InlineData(new[] { "participants", "edit", "-m", Uuid, "-p", Uuid, "--picture", "ada.png" }, "--picture: expected an absolute http(s) URL")]
    [InlineData(new[] { "participants", "token", "-m", Uuid }, "--participant-id")]
    [InlineData(new[] { "presets", "get", "--preset-id", "nope" }, "Expected a UUID for --preset-id, got 'nope'.")]
    [InlineData(new[] { "presets", "create", "--body", "{nope" }, "--body: expected JSON (or @file)")]
    [InlineData(new[] { "presets", "create", "--body", "@/no/such/preset.json" }, "--body: cannot read '/no/such/preset.json'")]
    [InlineData(new[] { "presets", "create", "--body", """{"name":"host"}""" }, "--body: Expected preset.Config, preset.Permissions and preset.Ui")]
    [InlineData(new[] { "presets", "update", "--preset-id", Uuid, "--body", "[]" }, "--body: expected a JSON object, got a JSON array.")]
    [InlineData(new[] { "presets", "update", "--preset-id", Uuid, "--body", "{\"name\": 5}" }, "--body: name: expected a string, got 5.")]
    [InlineData(new[] { "presets", "update", "--preset-id", Uuid, "--body", "{\"config\": \"x\"}" }, "--body: config: expected an object, got \"x\".")]
    [InlineData(new[] { "presets", "create", "--body", "{\"name\": \"p\", \"config\": {\"view_type\": \"BOGUS\"}}" }, "--body: config.view_type: expected one of GROUP_CALL, WEBINAR, AUDIO_ROOM, LIVESTREAM, got \"BOGUS\".")]
    [InlineData(new[] { "sessions", "get", "-s", "nope" }, "Expected a UUID for --session, got 'nope'.")]
    [InlineData(new[] { "sessions", "list", "-m", "nope" }, "--meeting")]
    [InlineData(new[] { "sessions", "transcript", "-s", Uuid, "--format", "DOC" }, "--format: expected one of ")]
    [InlineData(new[] { "recordings", "list", "--status", "RECORDING", "--status", "DONE" }, "--status: expected one of INVOKED, RECORDING, UPLOADING, UPLOADED, ERRORED, PAUSED, got 'DONE'.")]
    [InlineData(new[] { "recordings", "start", "-m", "nope" }, "--meeting: expected a UUID, got 'nope'.")]
    [InlineData(new[] { "recordings", "start", "-m", Uuid, "--max-seconds", "10" }, "--max-seconds: expected 60 to 86400 seconds, got 10.")]
    [InlineData(new[] { "recordings", "pause", "-r", "nope" }, "Expected a UUID for --recording, got 'nope'.")]
    [InlineData(new[] { "webhooks", "create", "--name", "n", "--url", "ftp://example.com", "--event", "meeting.started" }, "--url: expected an absolute http(s) URL")]
    [InlineData(new[] { "webhooks", "create", "--name", "n", "--url", "https://example.com", "--event", "meeting.begun" }, "--event: expected one of meeting.started")]
    [InlineData(new[] { "webhooks", "create", "--name", "n", "--url", "https://example.com" }, "--event")]
    [InlineData(new[] { "webhooks", "delete", "-w", "nope" }, "Expected a UUID for --webhook, got 'nope'.")]
    public async Task Bad_input_exits_2_with_one_line_naming_the_flag_and_sends_nothing(string[] args, string expected)
    {
        await using var s = await StartAsync("getMeeting");

        var result = await s.RunAsync(args);
        var json = await s.RunAsync([.. args, "--json"]);

        Assert.True(result.ExitCode == 2, result.ToString());
        var lines = result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length); // the error, then the pointer to --help
        Assert.StartsWith("Usage error: ", lines[0], StringComparison.Ordinal);
        Assert.Contains(expected, lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal); // no stack trace
        Assert.DoesNotContain("Exception", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Stdout);
        Assert.Equal(2, json.ExitCode);
        var error = JsonNode.Parse(json.Stderr)!;
        Assert.Contains(error["messages"]!.AsArray(), m => m!.GetValue<string>().Contains(expected, StringComparison.Ordinal));
        Assert.Empty(s.Server.Requests);
    }

    [Theory]
    [InlineData("getMeeting", "404", new[] { "meetings", "get", "-m", Uuid }, "Error: 404 Not Found (code 404): No meeting found with id 97440c6a-140b-40a9-9499-b23fd7a3868a")]
    [InlineData("listMeetings", "400", new[] { "meetings", "list", "--all" }, "Error: 400 Bad Request (code 400): start_time must be a valid ISO 8601 date")]
    [InlineData("createApp", "400", new[] { "apps", "create", "--name", "x" }, "Error: 400 Bad Request (code 400): name must not be empty")]
    [InlineData("regenerateParticipantToken", "404", new[] { "participants", "token", "-m", Uuid, "-p", Uuid }, "Error: 404 Not Found (code 404): No user found with id")]
    [InlineData("getPreset", "404", new[] { "presets", "get", "--preset-id", Uuid }, "Error: 404 Not Found (code 404): No preset found with id")]
    [InlineData("getSessionChat", "500", new[] { "sessions", "chat", "-s", Uuid }, "Error: 500 Internal Server Error (code 500): Internal server error")]
    [InlineData("getRecording", "404", new[] { "recordings", "get", "-r", Uuid }, "Error: 404 Not Found (code 404): Recording not found")]
    [InlineData("createWebhook", "400", new[] { "webhooks", "create", "--name", "n", "--url", "https://example.com", "-e", "meeting.ended" }, "Error: 400 Bad Request (code 400): Invalid webhook request")]
    public async Task An_api_error_exits_1_with_one_line_of_status_code_and_message(string operationId, string status, string[] args, string expected)
    {
        await using var s = await StartAsync(operationId, status);

        var result = await s.RunAsync(args);
        var json = await s.RunAsync([.. args, "--json"]);

        Assert.True(result.ExitCode == 1, result.ToString());
        var line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith(expected, line, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Stdout);
        Assert.Equal(1, json.ExitCode);
        Assert.Equal(int.Parse(status, System.Globalization.CultureInfo.InvariantCulture), JsonNode.Parse(json.Stderr)!["status"]!.GetValue<int>());
    }
}
