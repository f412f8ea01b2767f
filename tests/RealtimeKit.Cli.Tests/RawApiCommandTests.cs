using System.Text.Json.Nodes;
using RealtimeKit.TestSupport;

namespace RealtimeKit.Cli.Tests;

/// <summary><c>rtk api</c>: every operation of the spec by operationId, through the SDK's pipeline.</summary>
public class RawApiCommandTests
{
    [Fact]
    public async Task Listing_shows_every_operation_of_the_spec()
    {
        var result = await CliHarness.RunWithAsync(_ => null, "api", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var listed = JsonNode.Parse(result.Stdout)!.AsArray().Select(o => o!["operation_id"]!.GetValue<string>()).Order(StringComparer.Ordinal);
        var spec = SpecDocument.Operations().Select(o => o.Operation["operationId"]!.GetValue<string>()).Order(StringComparer.Ordinal);
        Assert.Equal(spec, listed);
    }

    [Fact]
    public async Task A_body_from_a_file_creates_a_participant_and_the_response_is_printed()
    {
        await using var h = await CliHarness.StartAsync();
        var meeting = await h.Emulator.Control.CreateMeetingAsync("raw");
        var file = Path.GetTempFileName();
        await File.WriteAllTextAsync(file, """{"custom_participant_id":"ada@example.com","preset_name":"group_call_host","name":"Ada"}""");
        try
        {
            var result = await h.RunAsync("api", "addParticipant", "--path", $"meeting_id={meeting.Id}", "--body", "@" + file, "--json");

            Assert.True(result.ExitCode == 0, result.ToString());
            var response = JsonNode.Parse(result.Stdout)!;
            Assert.True(response["success"]!.GetValue<bool>());
            Assert.Equal("Ada", response["data"]!["name"]!.GetValue<string>());
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Api_errors_exit_1_as_for_every_command()
    {
        await using var h = await CliHarness.StartAsync();

        var result = await h.RunAsync("api", "getActiveSession", "--path", "meeting_id=nope");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Error: 404 Not Found (code 404): No active session found for meeting_id nope", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "api", "getActiveSession" }, "getActiveSession needs --path meeting_id=<value>.")]
    [InlineData(new[] { "api", "getActiveSession", "--path", "meeting=1" }, "--path meeting: getActiveSession has no path parameter 'meeting'; it takes account_id, app_id, meeting_id.")]
    [InlineData(new[] { "api", "getActiveSession", "--path", "meeting_id" }, "--path: expected name=value, got 'meeting_id'.")]
    [InlineData(new[] { "api", "getActiveSession", "--path", "meeting_id=.." }, "--path meeting_id: expected an id, got '..'.")]
    [InlineData(new[] { "api", "getActiveSession", "--path", "meeting_id=m", "--query", "x=1" }, "--query x: getActiveSession has no query parameter 'x'; it takes none.")]
    [InlineData(new[] { "api", "kickAllParticipants", "--path", "meeting_id=m", "--body", "{}" }, "--body: kickAllParticipants takes no request body.")]
    [InlineData(new[] { "api", "addParticipant", "--path", "meeting_id=m", "--body", "{nope" }, "--body: expected JSON (or @file)")]
    public async Task Bad_raw_calls_are_usage_errors_before_anything_is_sent(string[] args, string expected)
    {
        await using var h = await CliHarness.StartAsync();

        var result = await h.RunAsync(args);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains(expected, result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_response_is_indented_for_people_and_on_one_line_with_json()
    {
        await using var h = await CliHarness.StartAsync();
        var meeting = await h.Emulator.Control.CreateMeetingAsync("raw");

        var people = await h.RunAsync("api", "getMeeting", "--path", $"meeting_id={meeting.Id}");
        var scripts = await h.RunAsync("api", "getMeeting", "--path", $"meeting_id={meeting.Id}", "--json");

        Assert.True(people.ExitCode == 0, people.ToString());
        Assert.StartsWith("{\n  \"", people.Stdout.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Single(scripts.Stdout.TrimEnd().Split('\n'));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(people.Stdout), JsonNode.Parse(scripts.Stdout)));
    }
}
