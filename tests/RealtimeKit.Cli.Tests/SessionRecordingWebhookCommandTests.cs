using System.Text.Json.Nodes;
using RealtimeKit.TestSupport;
using static RealtimeKit.Cli.Tests.SpecExampleServer;

namespace RealtimeKit.Cli.Tests;

/// <summary><c>rtk sessions</c>, <c>rtk recordings</c> and <c>rtk webhooks</c> against the spec's documented examples.</summary>
public class SessionRecordingWebhookCommandTests
{
    private const string MeetingId = "97440c6a-140b-40a9-9499-b23fd7a3868a";
    private const string SessionId = "5f3a1b2c-7d8e-4f90-a1b2-c3d4e5f6a7b8";
    private const string RecordingId = "2a3b4c5d-6e7f-4a8b-9c0d-1e2f3a4b5c6d";
    private const string WebhookId = "0d1f069d-43bb-489a-ad8c-7eb95592ba8e";

    [Fact]
    public async Task Sessions_list_sends_the_filters_and_prints_the_sessions()
    {
        await using var s = await StartAsync("listSessions");

        var result = await s.RunAsync("sessions", "list", "-m", MeetingId, "--status", "ENDED", "--page", "1", "--per-page", "25");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("GET", s.Request.Method);
        Assert.Equal(AppPath + "/sessions", s.Request.RawPath);
        var query = Wire.Query(s.Request);
        Assert.Equal(MeetingId, query["associated_id"]);
        Assert.Equal("ENDED", query["status"]);
        Assert.Equal("25", query["per_page"]);
        Assert.Matches(SessionId + @"\s*│\s*" + MeetingId + @"\s*│\s*Weekly stand-up\s*│\s*ENDED", result.Stdout);
    }

    [Fact]
    public async Task Sessions_get_prints_the_session()
    {
        await using var s = await StartAsync("getSession", name: "session");

        var result = await s.RunAsync("sessions", "get", "-s", SessionId);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(AppPath + "/sessions/" + SessionId, s.Request.RawPath);
        Assert.Matches(@"Peak participants\s*│\s*4", result.Stdout);
        Assert.Matches(@"Minutes consumed\s*│\s*38.5", result.Stdout);
    }

    [Fact]
    public async Task Sessions_participants_lists_the_people_of_a_session()
    {
        await using var s = await StartAsync("listSessionParticipants", name: "participants");

        var table = await s.RunAsync("sessions", "participants", "-s", SessionId, "--search", "Mark");
        var json = await s.RunAsync("sessions", "participants", "-s", SessionId, "--json");

        Assert.True(table.ExitCode == 0, table.ToString());
        Assert.Equal(AppPath + $"/sessions/{SessionId}/participants", s.Server.Requests[0].RawPath);
        Assert.Equal("Mark", Wire.Query(s.Server.Requests[0])["search"]);
        Assert.Matches(@"005f4e0c-4d08-4d4e-a391-a76be75cd296\s*│\s*83qi0i\s*│\s*Mark", table.Stdout);
        Assert.Equal("Mark", JsonNode.Parse(json.Stdout)!.AsArray()[0]!["display_name"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("chat", "getSessionChat", "/chat", "https://dyte-uploads.example.com/chat/")]
    [InlineData("transcript", "getSessionTranscript", "/transcript", "https://dyte-uploads.example.com/transcripts/")]
    [InlineData("summary", "getSessionSummary", "/summary", "https://dyte-uploads.example.com/summaries/")]
    public async Task Sessions_downloads_print_the_link_and_its_expiry(string command, string operationId, string suffix, string url)
    {
        await using var s = await StartAsync(operationId);

        var result = await s.RunAsync("sessions", command, "-s", SessionId);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("GET", s.Request.Method);
        Assert.Equal(AppPath + $"/sessions/{SessionId}{suffix}", s.Request.RawPath);
        Assert.Contains(url + SessionId, result.Stdout, StringComparison.Ordinal);
        Assert.Matches(@"Expires\s*│\s*2026-11-21T09:14:41.870Z", result.Stdout);
    }

    [Theory]
    [InlineData("chat", "getSessionChat", "Chat download")]
    [InlineData("transcript", "getSessionTranscript", "Transcript download")]
    [InlineData("summary", "getSessionSummary", "Summary download")]
    public async Task Sessions_downloads_label_their_link(string command, string operationId, string label)
    {
        await using var s = await StartAsync(operationId);

        var result = await s.RunAsync("sessions", command, "-s", SessionId);

        Assert.Matches($@"{label}\s*│\s*https://", result.Stdout);
    }

    [Fact]
    public async Task Sessions_get_asks_for_breakout_rooms_only_with_the_flag_and_list_sends_the_search()
    {
        await using var with = await StartAsync("getSession", name: "session");
        await using var without = await StartAsync("getSession", name: "session");
        await using var list = await StartAsync("listSessions");

        Assert.Equal(0, (await with.RunAsync("sessions", "get", "-s", SessionId, "--breakout-rooms")).ExitCode);
        Assert.Equal(0, (await without.RunAsync("sessions", "get", "-s", SessionId)).ExitCode);
        Assert.Equal(0, (await list.RunAsync("sessions", "list", "--search", "stand")).ExitCode);

        Assert.Equal("true", Wire.Query(with.Request)["include_breakout_rooms"]);
        Assert.False(Wire.Query(without.Request).ContainsKey("include_breakout_rooms") && Wire.Query(without.Request)["include_breakout_rooms"] == "true");
        Assert.Equal("stand", Wire.Query(list.Request)["search"]);
    }

    [Fact]
    public async Task Sessions_transcript_sends_the_format()
    {
        await using var s = await StartAsync("getSessionTranscript");

        var result = await s.RunAsync("sessions", "transcript", "-s", SessionId, "--format", "vtt", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("VTT", Wire.Query(s.Request)["format"]);
        Assert.StartsWith("https://", JsonNode.Parse(result.Stdout)!["transcript_download_url"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Recordings_list_sends_the_filters_and_prints_the_recordings()
    {
        await using var s = await StartAsync("listRecordings");

        var result = await s.RunAsync("recordings", "list", "-m", MeetingId, "--status", "UPLOADED");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(AppPath + "/recordings", s.Request.RawPath);
        var query = Wire.Query(s.Request);
        Assert.Equal(MeetingId, query["meeting_id"]);
        Assert.Equal("UPLOADED", query["status"]);
        Assert.True(System.Text.RegularExpressions.Regex.IsMatch(result.Stdout, RecordingId + @"\s*│\s*UPLOADED"), result.ToString());
    }

    [Fact]
    public async Task Recordings_start_posts_the_meeting_and_settings()
    {
        await using var s = await StartAsync("startRecording");

        var result = await s.RunAsync("recordings", "start", "-m", MeetingId, "--max-seconds", "60", "--file-name-prefix", "standup");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("POST", s.Request.Method);
        Assert.Equal(AppPath + "/recordings", s.Request.RawPath);
        JsonAssertions.Equal($$"""{"meeting_id":"{{MeetingId}}","max_seconds":60,"file_name_prefix":"standup"}""", s.Request.Body);
        Assert.Matches(@"Status\s*│\s*INVOKED", result.Stdout);
    }

    [Theory]
    [InlineData("86400", true)]
    [InlineData("86401", false)]
    [InlineData("59", false)]
    public async Task Recordings_max_seconds_is_60_to_86400(string seconds, bool accepted)
    {
        await using var s = await StartAsync("startRecording");

        var result = await s.RunAsync("recordings", "start", "-m", MeetingId, "--max-seconds", seconds);

        if (accepted)
        {
            Assert.True(result.ExitCode == 0, result.ToString());
            JsonAssertions.Equal($$"""{"meeting_id":"{{MeetingId}}","max_seconds":{{seconds}}}""", s.Request.Body);
            return;
        }

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"--max-seconds: expected 60 to 86400 seconds, got {seconds}.", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Recordings_get_prints_the_download_link()
    {
        await using var s = await StartAsync("getRecording");

        var result = await s.RunAsync("recordings", "get", "-r", RecordingId);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("GET", s.Request.Method);
        Assert.Equal(AppPath + "/recordings/" + RecordingId, s.Request.RawPath);
        Assert.Matches(@"Download\s*│\s*https://recordings.example.com/2a3b4c5d/standup.mp4", result.Stdout);
    }

    [Theory]
    [InlineData("pause")]
    [InlineData("resume")]
    [InlineData("stop")]
    public async Task Recordings_actions_put_the_action(string action)
    {
        await using var s = await StartAsync("updateRecording");

        var result = await s.RunAsync("recordings", action, "-r", RecordingId, "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("PUT", s.Request.Method);
        Assert.Equal(AppPath + "/recordings/" + RecordingId, s.Request.RawPath);
        JsonAssertions.Equal($$"""{"action":"{{action}}"}""", s.Request.Body);
        Assert.Equal(RecordingId, JsonNode.Parse(result.Stdout)!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Webhooks_list_prints_the_webhooks_and_their_events()
    {
        await using var s = await StartAsync("listWebhooks");

        var result = await s.RunAsync("webhooks", "list");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("GET", s.Request.Method);
        Assert.Equal(AppPath + "/webhooks", s.Request.RawPath);
        Assert.Matches(WebhookId + @"\s*│\s*All events webhook", result.Stdout);
        Assert.Contains("meeting.participantJoined", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Webhooks_create_posts_name_url_and_events()
    {
        await using var s = await StartAsync("createWebhook");
        var request = SpecDocument.Examples().First(e => e.OperationId == "createWebhook" && e.IsRequest).Value;

        var result = await s.RunAsync("webhooks", "create", "--name", "Meeting lifecycle", "--url", "https://example.com/realtimekit/webhook", "--event", "meeting.started", "-e", "meeting.ended", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("POST", s.Request.Method);
        Assert.Equal(AppPath + "/webhooks", s.Request.RawPath);
        JsonAssertions.Equal(request.ToJsonString(), s.Request.Body);
        Assert.Equal(WebhookId, JsonNode.Parse(result.Stdout)!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Webhooks_create_disabled_sends_enabled_false_and_the_list_footer_counts_them()
    {
        await using var s = await StartAsync("createWebhook");

        var result = await s.RunAsync("webhooks", "create", "--name", "n", "--url", "https://example.com/h", "-e", "meeting.started", "--disabled");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.False(Wire.Body(s.Request)["enabled"]!.GetValue<bool>());
        await using var listing = await StartAsync("listWebhooks");
        var list = await listing.RunAsync("webhooks", "list");
        var count = SpecDocument.Examples().First(e => e.OperationId == "listWebhooks" && e.IsSuccess).Value["data"]!.AsArray().Count;
        Assert.Equal($"{count} webhook(s)", list.Stdout.TrimEnd().Split('\n')[^1]);
    }

    [Theory]
    [InlineData("get", "getWebhook", "GET")]
    [InlineData("delete", "deleteWebhook", "DELETE")]
    public async Task Webhooks_get_and_delete_address_the_webhook(string command, string operationId, string method)
    {
        await using var s = await StartAsync(operationId);

        var result = await s.RunAsync("webhooks", command, "-w", WebhookId);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(method, s.Request.Method);
        Assert.Equal(AppPath + "/webhooks/" + WebhookId, s.Request.RawPath);
        Assert.Matches(@"Events\s*│\s*meeting.started, meeting.ended", result.Stdout);
    }

    [Fact]
    public async Task Webhooks_events_prints_one_event_a_line_or_a_json_array()
    {
        await using var s = await StartAsync("listWebhookEvents");

        var lines = await s.RunAsync("webhooks", "events");
        var json = await s.RunAsync("webhooks", "events", "--json");

        Assert.True(lines.ExitCode == 0, lines.ToString());
        Assert.Equal(AppPath + "/webhooks/all", s.Server.Requests[0].RawPath);
        var expected = Example("listWebhookEvents").Value["data"]!.AsArray().Select(e => e!.GetValue<string>()).ToList();
        Assert.Equal(expected, lines.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.Equal(expected, JsonNode.Parse(json.Stdout)!.AsArray().Select(e => e!.GetValue<string>()));
    }
}
