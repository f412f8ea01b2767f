using System.Text.Json;
using Microsoft.Kiota.Serialization.Json;
using RealtimeKit.Generated.Models;
using RealtimeKit.TestSupport;
using static RealtimeKit.Emulator.Tests.ErrorBody;

namespace RealtimeKit.Emulator.Tests;

/// <summary>Presets: every app starts with the default ones; created, paged, renamed, replaced and deleted; a participant's preset must exist.</summary>
public sealed class PresetsTests
{
    private const string Presets = "client/v4/accounts/" + EmulatorOptions.DefaultAccountId + "/realtime/kit/" + EmulatorOptions.DefaultAppId + "/presets";

    [Fact]
    public async Task A_new_app_has_the_default_presets_paged_and_searchable()
    {
        await using var h = await EmulatorHarness.StartAsync();

        var first = await h.Client.Presets.ListAsync(pageNumber: 1, perPage: 3);
        var last = await h.Client.Presets.ListAsync(pageNumber: 3, perPage: 3);
        var beyond = await h.Client.Presets.ListAsync(pageNumber: int.MaxValue, perPage: 2);
        var webinar = await h.Client.Presets.ListAsync(search: "WEBINAR");
        var host = await h.Client.Presets.GetAsync(first.Items.Single(p => p.Name == "group_call_host").Id);

        Assert.Equal(8, first.TotalCount);
        Assert.Equal(["group_call_host", "group_call_participant", "group_call_guest"], first.Items.Select(p => p.Name));
        Assert.Equal(2, last.Items.Count);
        Assert.Equal((0, 8), (beyond.Items.Count, beyond.TotalCount));
        Assert.Equal(["webinar_host", "webinar_participant"], webinar.Items.Select(p => p.Name));
        Assert.Equal(PresetViewType.GROUP_CALL, host.Config!.ViewType);
        Assert.True(host.Permissions!.KickParticipant);
    }

    [Fact]
    public async Task A_preset_is_created_renamed_replaced_and_deleted_and_a_taken_name_is_a_409()
    {
        await using var h = await EmulatorHarness.StartAsync();

        var created = await h.Client.Presets.CreateAsync(WebinarHost("coach"));
        var duplicate = await Assert.ThrowsAsync<RealtimeKitException>(() => h.Client.Presets.CreateAsync(WebinarHost("coach")));
        var renamed = await h.Client.Presets.UpdateAsync(created.Id, new UpdatePresetBody { Name = "head_coach" });
        var clash = await Assert.ThrowsAsync<RealtimeKitException>(() => h.Client.Presets.UpdateAsync(created.Id, new UpdatePresetBody { Name = "group_call_host" }));
        var replacement = WebinarHost("assistant");
        replacement.Config!.ViewType = PresetViewType.AUDIO_ROOM;
        var replaced = await h.Client.Presets.ReplaceAsync(created.Id, replacement);
        var deleted = await h.Client.Presets.DeleteAsync(created.Id);
        var gone = await Assert.ThrowsAsync<RealtimeKitException>(() => h.Client.Presets.GetAsync(created.Id));

        Assert.Equal("coach", created.Name);
        Assert.Equal(409, duplicate.StatusCode);
        Assert.Contains("coach", duplicate.ServiceMessage, StringComparison.Ordinal);
        Assert.Equal(("head_coach", PresetViewType.WEBINAR), (renamed.Name, renamed.Config!.ViewType));
        Assert.Equal(409, clash.StatusCode);
        Assert.Equal(("assistant", PresetViewType.AUDIO_ROOM), (replaced.Name, replaced.Config!.ViewType));
        Assert.Equal(created.Id, deleted.Id);
        Assert.Equal(404, gone.StatusCode);
        Assert.Equal(8, (await h.Client.Presets.ListAsync()).TotalCount);
    }

    [Fact]
    public async Task A_participant_needs_a_preset_of_its_app_and_reports_its_id_when_deleted()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var meeting = await h.Emulator.Control.CreateMeetingAsync("Presets");
        var coach = await h.Client.Presets.CreateAsync(WebinarHost("coach"));

        var unknown = await Assert.ThrowsAsync<RealtimeKitException>(() => h.Client.Participants.AddAsync(meeting.Id, "ada", "webinar_presenter"));
        var ada = await h.Client.Participants.AddAsync(meeting.Id, "ada", "coach", "Ada");
        var badEdit = await Assert.ThrowsAsync<RealtimeKitException>(() => h.Client.Participants.EditAsync(meeting.Id, ada.Id, presetName: "nobody"));
        var badReplace = await Assert.ThrowsAsync<RealtimeKitException>(() => h.Client.Participants.ReplaceAsync(meeting.Id, ada.Id, "ada", "nobody"));
        var deleted = await h.Client.Participants.DeleteAsync(meeting.Id, ada.Id);
        var otherApp = await h.Emulator.Control.CreateMeetingAsync("Elsewhere", appId: "other-app");
        var (notThere, body) = await h.RawAsync(HttpMethod.Post, $"client/v4/accounts/{h.Emulator.AccountId}/realtime/kit/other-app/meetings/{otherApp.Id}/participants", """{"custom_participant_id":"ada","preset_name":"coach"}""");

        Assert.Equal(400, unknown.StatusCode);
        Assert.Contains("No preset found with name webinar_presenter", unknown.ServiceMessage, StringComparison.Ordinal);
        Assert.Equal((400, 400), (badEdit.StatusCode, badReplace.StatusCode));
        Assert.Equal(coach.Id, deleted.PresetId);
        Assert.Equal(400, notThere);
        Assert.Contains("No preset found with name coach in app other-app", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reset_forgets_created_presets_and_brings_back_the_defaults()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var coach = await h.Client.Presets.CreateAsync(WebinarHost("coach"));
        var host = (await h.Client.Presets.ListAsync(search: "group_call_host")).Items.Single();
        await h.Client.Presets.DeleteAsync(host.Id);

        await h.Emulator.Control.ResetAsync();
        var after = await h.Client.Presets.ListAsync();

        Assert.Equal(8, after.TotalCount);
        Assert.DoesNotContain(after.Items, p => p.Name == "coach" || p.Id == host.Id);
        Assert.Contains(after.Items, p => p.Name == "group_call_host");
        Assert.Equal(404, (await Assert.ThrowsAsync<RealtimeKitException>(() => h.Client.Presets.GetAsync(coach.Id))).StatusCode);
    }

    [Theory]
    [InlineData("POST", "", """{"name":"x","permissions":{},"ui":{}}""", 400, "config is required")]
    [InlineData("POST", "", """{"name":"x","config":{"max_video_streams":{"mobile":1,"desktop":1},"max_screenshare_count":1,"media":{"video":{"quality":"hd","frame_rate":30},"screenshare":{"quality":"hd","frame_rate":5}}},"permissions":{},"ui":{}}""", 400, "config.view_type is required")]
    [InlineData("POST", "", """{"name":"x","config":{"view_type":"PARTY","max_video_streams":{"mobile":1,"desktop":1},"max_screenshare_count":1,"media":{"video":{"quality":"hd","frame_rate":30},"screenshare":{"quality":"hd","frame_rate":5}}},"permissions":{},"ui":{}}""", 400, "config.view_type must be one of GROUP_CALL, WEBINAR, AUDIO_ROOM, LIVESTREAM, got \"PARTY\"")]
    [InlineData("POST", "", """{"name":"x","config":{"view_type":"WEBINAR","max_video_streams":{"mobile":1,"desktop":1},"max_screenshare_count":1,"media":{"video":{"quality":"hd","frame_rate":60},"screenshare":{"quality":"hd","frame_rate":5}}},"permissions":{},"ui":{}}""", 400, "config.media.video.frame_rate must be a number of at most 30, got 60")]
    [InlineData("GET", "/webinar_host", null, 400, "preset_id must be a UUID, got 'webinar_host'")]
    [InlineData("DELETE", "/8f4b2c1e-5d3a-4e6f-9a7b-1c2d3e4f5a6b", null, 404, "No preset found with id 8f4b2c1e-5d3a-4e6f-9a7b-1c2d3e4f5a6b")]
    [InlineData("GET", "?page_no=0", null, 400, "page_no must be an integer of at least 1")]
    public async Task A_bad_preset_request_is_refused_naming_what_is_wrong(string method, string path, string? body, int status, string message)
    {
        await using var h = await EmulatorHarness.StartAsync();

        var (actual, text) = await h.RawAsync(new HttpMethod(method), Presets + path, body);

        Assert.Equal(status, actual);
        Assert.Contains(message, Message(text), StringComparison.Ordinal);
        Assert.True(SpecSchemaValidator.Validate(SpecDocument.Pointer("#/components/schemas/RealtimeKitError"), text).Count == 0, text);
    }

    [Fact]
    public async Task Presets_need_the_api_token()
    {
        await using var h = await EmulatorHarness.StartAsync();

        var (status, _) = await h.RawAsync(HttpMethod.Get, Presets, token: "wrong");

        Assert.Equal(401, status);
    }

    /// <summary>The spec's createPreset example, named <paramref name="name"/>, as the SDK's model.</summary>
    internal static CreatePresetBody WebinarHost(string name)
    {
        var example = SpecDocument.Operation("createPreset")["requestBody"]!["content"]!["application/json"]!["examples"]!["webinarHost"]!["value"]!;
        using var document = JsonDocument.Parse(example.ToJsonString());
        var body = new JsonParseNode(document.RootElement).GetObjectValue(CreatePresetBody.CreateFromDiscriminatorValue)!;
        body.Name = name;
        return body;
    }
}
