using System.Text.Json.Nodes;
using RealtimeKit.TestSupport;
using static RealtimeKit.Cli.Tests.SpecExampleServer;

namespace RealtimeKit.Cli.Tests;

/// <summary><c>rtk participants list|get|edit|token</c> and <c>rtk presets</c> against the spec's documented examples.</summary>
public class ParticipantAndPresetCommandTests
{
    private const string MeetingId = "97440c6a-140b-40a9-9499-b23fd7a3868a";
    private const string ParticipantId = "b0a65f63-42db-4cfd-999f-f377bed574ca";
    private const string PresetId = "8f4b2c1e-5d3a-4e6f-9a7b-1c2d3e4f5a6b";
    private const string Token = "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJiMGE2NWY2MyJ9.c2lnbmF0dXJl";

    [Fact]
    public async Task Participants_list_prints_the_registered_participants()
    {
        await using var s = await StartAsync("listParticipants");

        var result = await s.RunAsync("participants", "list", "-m", MeetingId, "--per-page", "20");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("GET", s.Request.Method);
        Assert.Equal(AppPath + $"/meetings/{MeetingId}/participants", s.Request.RawPath);
        Assert.Equal("20", Wire.Query(s.Request)["per_page"]);
        Assert.Matches(ParticipantId + @"\s*│\s*alice@example.com\s*│\s*Alice\s*│\s*webinar_host", result.Stdout);
        Assert.Contains("bob@example.com", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Participants_get_prints_the_participant_as_json()
    {
        await using var s = await StartAsync("getParticipant");

        var result = await s.RunAsync("participants", "get", "-m", MeetingId, "-p", ParticipantId, "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(AppPath + $"/meetings/{MeetingId}/participants/{ParticipantId}", s.Request.RawPath);
        Assert.Equal("alice@example.com", JsonNode.Parse(result.Stdout)!["custom_participant_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Participants_edit_patches_only_the_given_details()
    {
        await using var s = await StartAsync("editParticipant");

        var result = await s.RunAsync("participants", "edit", "-m", MeetingId, "-p", ParticipantId, "--name", "Alice Smith", "--preset", "group_call_host");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("PATCH", s.Request.Method);
        Assert.Equal(AppPath + $"/meetings/{MeetingId}/participants/{ParticipantId}", s.Request.RawPath);
        JsonAssertions.Equal("""{"name":"Alice Smith","preset_name":"group_call_host"}""", s.Request.Body);
        Assert.Matches(@"Name\s*│\s*Alice Smith", result.Stdout);
        Assert.Contains(Token, result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Participants_edit_can_change_only_the_picture()
    {
        await using var s = await StartAsync("editParticipant");

        var result = await s.RunAsync("participants", "edit", "-m", MeetingId, "-p", ParticipantId, "--picture", "https://example.com/ada.png");

        Assert.True(result.ExitCode == 0, result.ToString());
        JsonAssertions.Equal("""{"picture":"https://example.com/ada.png"}""", s.Request.Body);
    }

    [Fact]
    public async Task Participants_token_posts_and_prints_the_new_token()
    {
        await using var s = await StartAsync("regenerateParticipantToken");

        var table = await s.RunAsync("participants", "token", "-m", MeetingId, "-p", ParticipantId);
        var json = await s.RunAsync("participants", "token", "-m", MeetingId, "-p", ParticipantId, "--json");

        Assert.True(table.ExitCode == 0, table.ToString());
        Assert.Equal("POST", s.Server.Requests[0].Method);
        Assert.Equal(AppPath + $"/meetings/{MeetingId}/participants/{ParticipantId}/token", s.Server.Requests[0].RawPath);
        Assert.Matches(@"Join token\s*│\s*" + Token.Replace(".", @"\.", StringComparison.Ordinal), table.Stdout);
        Assert.Equal(Token, JsonNode.Parse(json.Stdout)!["token"]!.GetValue<string>());
    }

    [Fact]
    public async Task Participants_keeps_add_and_delete_beside_the_new_commands()
    {
        var result = await CliHarness.RunWithAsync(_ => null, "participants", "--help");

        Assert.Equal(0, result.ExitCode);
        foreach (var command in new[] { "add", "delete", "list", "get", "edit", "token" })
        {
            Assert.Matches(@"(?m)^\s+" + command + @"\s", result.Stdout);
        }
    }

    [Fact]
    public async Task Presets_list_prints_the_presets()
    {
        await using var s = await StartAsync("listPresets");

        var result = await s.RunAsync("presets", "list", "--search", "webinar");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(AppPath + "/presets", s.Request.RawPath);
        Assert.Equal("webinar", Wire.Query(s.Request)["search"]);
        Assert.Matches(PresetId + @"\s*│\s*webinar_host", result.Stdout);
        Assert.Contains("webinar_participant", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("Page 1: 2 of 2 preset(s)", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Presets_get_prints_every_setting_with_json()
    {
        await using var s = await StartAsync("getPreset");

        var result = await s.RunAsync("presets", "get", "--preset-id", PresetId, "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("GET", s.Request.Method);
        Assert.Equal(AppPath + "/presets/" + PresetId, s.Request.RawPath);
        var preset = JsonNode.Parse(result.Stdout)!;
        Assert.Equal("WEBINAR", preset["config"]!["view_type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Presets_delete_sends_a_delete()
    {
        await using var s = await StartAsync("deletePreset");

        var result = await s.RunAsync("presets", "delete", "--preset-id", PresetId);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("DELETE", s.Request.Method);
        Assert.Equal(AppPath + "/presets/" + PresetId, s.Request.RawPath);
        Assert.Matches(@"Name\s*│\s*webinar_host", result.Stdout);
    }

    [Fact]
    public async Task Presets_create_reads_the_body_from_a_file_into_the_model()
    {
        await using var s = await StartAsync("createPreset");
        var request = SpecDocument.Examples().First(e => e.OperationId == "createPreset" && e.IsRequest).Value;
        var file = Path.GetTempFileName();
        await File.WriteAllTextAsync(file, request.ToJsonString());
        try
        {
            var result = await s.RunAsync("presets", "create", "--body", "@" + file);

            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.Equal("POST", s.Request.Method);
            Assert.Equal(AppPath + "/presets", s.Request.RawPath);
            JsonAssertions.Equal(request.ToJsonString(), s.Request.Body);
            Assert.Matches(@"Preset\s*│\s*" + PresetId, result.Stdout);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Presets_update_patches_the_json_body()
    {
        await using var s = await StartAsync("updatePreset");

        var result = await s.RunAsync("presets", "update", "--preset-id", PresetId, "--body", """{"name":"webinar_host"}""");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("PATCH", s.Request.Method);
        JsonAssertions.Equal("""{"name":"webinar_host"}""", s.Request.Body);
    }
}
