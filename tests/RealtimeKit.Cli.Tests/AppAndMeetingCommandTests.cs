using System.Text.Json.Nodes;
using static RealtimeKit.Cli.Tests.SpecExampleServer;

namespace RealtimeKit.Cli.Tests;

/// <summary><c>rtk apps</c> and <c>rtk meetings</c> against the spec's documented examples.</summary>
public class AppAndMeetingCommandTests
{
    private const string MeetingId = "97440c6a-140b-40a9-9499-b23fd7a3868a";

    [Fact]
    public async Task Apps_list_sends_the_page_and_search_and_prints_the_apps()
    {
        await using var s = await StartAsync("listApps");

        var result = await s.RunAsync("apps", "list", "--search", "my", "--page", "2", "--per-page", "10");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("GET", s.Request.Method);
        Assert.Equal("/client/v4/accounts/acc-1/realtime/kit/apps", s.Request.RawPath);
        var query = Wire.Query(s.Request);
        Assert.Equal("2", query["page_no"]);
        Assert.Equal("10", query["per_page"]);
        Assert.Equal("my", query["search"]);
        Assert.Matches(@"14a396e7-ca44-4937-bf1f-050a69118543\s*│\s*my-first-app", result.Stdout);
        Assert.Contains("Page 2: 1 of 1 app(s)", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Apps_list_all_pages_until_the_total_and_prints_a_json_array()
    {
        await using var s = await StartAsync("listApps");

        var result = await s.RunAsync("apps", "list", "--all", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("50", Wire.Query(s.Request)["per_page"]);
        var apps = JsonNode.Parse(result.Stdout)!.AsArray();
        Assert.Equal("my-first-app", Assert.Single(apps)!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Apps_create_posts_the_name()
    {
        await using var s = await StartAsync("createApp");

        var result = await s.RunAsync("apps", "create", "--name", "my-new-app");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("POST", s.Request.Method);
        Assert.Equal("/client/v4/accounts/acc-1/realtime/kit/apps", s.Request.RawPath);
        Assert.Equal("my-new-app", Wire.Body(s.Request)["name"]!.GetValue<string>());
        Assert.Matches(@"Name\s*│\s*my-new-app", result.Stdout);
    }

    [Fact]
    public async Task Apps_get_defaults_to_the_configured_app()
    {
        await using var s = await StartAsync("getApp");

        var configured = await s.RunAsync("apps", "get");
        var other = await s.RunAsync("apps", "get", "--app", "other-app", "--json");

        Assert.True(configured.ExitCode == 0, configured.ToString());
        Assert.Equal("/client/v4/accounts/acc-1/realtime/kit/apps/app-1", s.Server.Requests[0].RawPath);
        Assert.Equal("/client/v4/accounts/acc-1/realtime/kit/apps/other-app", s.Server.Requests[1].RawPath);
        Assert.Matches(@"App\s*│\s*14a396e7-ca44-4937-bf1f-050a69118543", configured.Stdout);
        Assert.Equal("my-first-app", JsonNode.Parse(other.Stdout)!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Meetings_list_sends_the_filters_and_prints_the_meetings()
    {
        await using var s = await StartAsync("listMeetings");

        var result = await s.RunAsync("meetings", "list", "--search", "stand-up", "--status", "active", "--per-page", "5");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("GET", s.Request.Method);
        Assert.Equal(AppPath + "/meetings", s.Request.RawPath);
        var query = Wire.Query(s.Request);
        Assert.Equal("stand-up", query["search"]);
        Assert.Equal("ACTIVE", query["status"]);
        Assert.Equal("5", query["per_page"]);
        Assert.Equal("1", query["page_no"]);
        Assert.Matches(MeetingId + @"\s*│\s*Daily stand-up\s*│\s*ACTIVE", result.Stdout);
    }

    [Fact]
    public async Task Meetings_list_all_prints_every_meeting_as_json()
    {
        await using var s = await StartAsync("listMeetings");
        var expected = Example("listMeetings").Value["data"]!.AsArray().Count;

        var result = await s.RunAsync("meetings", "list", "--all", "--per-page", "100", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(expected, JsonNode.Parse(result.Stdout)!.AsArray().Count);
        Assert.Equal("100", Wire.Query(Assert.Single(s.Server.Requests))["per_page"]);
    }

    [Fact]
    public async Task Meetings_create_sends_only_the_settings_given()
    {
        await using var s = await StartAsync("createMeeting");

        var result = await s.RunAsync("meetings", "create", "--title", "Daily stand-up", "--summarize-on-end", "--transcribe-on-end", "--keep-alive", "120", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("POST", s.Request.Method);
        Assert.Equal(AppPath + "/meetings", s.Request.RawPath);
        var body = Wire.Body(s.Request).AsObject();
        Assert.Equal("Daily stand-up", body["title"]!.GetValue<string>());
        Assert.True(body["summarize_on_end"]!.GetValue<bool>());
        Assert.True(body["transcribe_on_end"]!.GetValue<bool>());
        Assert.Equal(120, body["session_keep_alive_time_in_secs"]!.GetValue<double>());
        Assert.False(body.ContainsKey("record_on_start"));
        Assert.Equal(MeetingId, JsonNode.Parse(result.Stdout)!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Meetings_get_prints_the_settings()
    {
        await using var s = await StartAsync("getMeeting");

        var result = await s.RunAsync("meetings", "get", "-m", MeetingId);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("GET", s.Request.Method);
        Assert.Equal(AppPath + "/meetings/" + MeetingId, s.Request.RawPath);
        Assert.Matches(@"Title\s*│\s*Daily stand-up", result.Stdout);
        Assert.Matches(@"Summarize on end\s*│\s*yes", result.Stdout);
        Assert.Matches(@"Keep alive \(s\)\s*│\s*120", result.Stdout);
    }

    [Fact]
    public async Task Meetings_update_patches_the_given_settings()
    {
        await using var s = await StartAsync("updateMeeting");

        var result = await s.RunAsync("meetings", "update", "-m", MeetingId, "--status", "INACTIVE", "--record-on-start", "false");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("PATCH", s.Request.Method);
        Assert.Equal(AppPath + "/meetings/" + MeetingId, s.Request.RawPath);
        var body = Wire.Body(s.Request).AsObject();
        Assert.Equal("INACTIVE", body["status"]!.GetValue<string>());
        Assert.False(body["record_on_start"]!.GetValue<bool>());
        Assert.Equal(2, body.Count);
        Assert.Matches(@"Status\s*│\s*INACTIVE", result.Stdout);
    }

    [Theory]
    [InlineData("--title", "Renamed", "title", "\"Renamed\"")]
    [InlineData("--status", "active", "status", "\"ACTIVE\"")]
    [InlineData("--record-on-start", "true", "record_on_start", "true")]
    [InlineData("--live-stream-on-start", "true", "live_stream_on_start", "true")]
    [InlineData("--persist-chat", "false", "persist_chat", "false")]
    [InlineData("--summarize-on-end", "true", "summarize_on_end", "true")]
    [InlineData("--transcribe-on-end", "false", "transcribe_on_end", "false")]
    [InlineData("--keep-alive", "600", "session_keep_alive_time_in_secs", "600")]
    [InlineData("--keep-alive", "60", "session_keep_alive_time_in_secs", "60")]
    public async Task Meetings_update_sends_any_one_setting_alone(string flag, string value, string field, string json)
    {
        await using var s = await StartAsync("updateMeeting");

        var result = await s.RunAsync("meetings", "update", "-m", MeetingId, flag, value);

        Assert.True(result.ExitCode == 0, result.ToString());
        var body = Wire.Body(s.Request).AsObject();
        Assert.Equal(json, Assert.Single(body, p => p.Key == field).Value!.ToJsonString());
        Assert.Single(body);
    }

    [Fact]
    public async Task Meetings_update_with_nothing_to_change_is_a_usage_error_listing_what_can_change()
    {
        var result = await CliHarness.RunWithAsync(_ => null, "meetings", "update", "-m", MeetingId, "--account-id", "a", "--app-id", "b", "--api-token", "t");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("Usage error: Nothing to change: pass at least one of --title, --status, --record-on-start, --live-stream-on-start, --persist-chat, --summarize-on-end, --transcribe-on-end, --keep-alive.", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("59")]
    [InlineData("601")]
    public async Task Keep_alive_outside_60_to_600_is_refused(string seconds)
    {
        var result = await CliHarness.RunWithAsync(_ => null, "meetings", "update", "-m", MeetingId, "--keep-alive", seconds);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"--keep-alive: expected 60 to 600 seconds, got {seconds}.", result.Stderr, StringComparison.Ordinal);
    }
}
