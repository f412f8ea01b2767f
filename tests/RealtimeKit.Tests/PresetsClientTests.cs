using System.Net;
using System.Text.Json.Nodes;
using System.Web;
using Microsoft.Kiota.Abstractions.Serialization;
using RealtimeKit.Generated.Models;
using RealtimeKit.Tests.Contract;
using RealtimeKit.Tests.Support;
using RealtimeKit.TestSupport;
using static RealtimeKit.Tests.Support.TestClients;

namespace RealtimeKit.Tests;

/// <summary>The presets client: UUID ids, whole-preset checks, query parameters, auto-paging, retry safety.</summary>
public class PresetsClientTests
{
    private const string PresetsPath = $"/client/v4/accounts/{AccountId}/realtime/kit/{AppId}/presets";
    private const string PresetId = "8f4b2c1e-5d3a-4e6f-9a7b-1c2d3e4f5a6b";

    private readonly ScriptedTransport _transport = new();

    [Theory]
    [InlineData(null, "Expected a non-empty value for presetId")]
    [InlineData(" ", "Expected a non-empty value for presetId")]
    [InlineData("webinar_host", "Expected a UUID for presetId, got 'webinar_host'")]
    public async Task Preset_ids_must_be_uuids_and_are_checked_before_anything_is_sent(string? presetId, string message)
    {
        using var client = Over(_transport);
        var calls = new Func<Task>[]
        {
            () => client.Presets.GetAsync(presetId),
            () => client.Presets.UpdateAsync(presetId, new() { Name = "n" }),
            () => client.Presets.ReplaceAsync(presetId, OperationCalls.WebinarHost(complete: false)),
            () => client.Presets.DeleteAsync(presetId),
        };

        foreach (var call in calls)
        {
            var error = await Assert.ThrowsAnyAsync<ArgumentException>(call);
            Assert.Equal("presetId", error.ParamName);
            Assert.Contains(message, error.Message, StringComparison.Ordinal);
        }

        Assert.Empty(_transport.Requests);
    }

    [Fact]
    public async Task A_preset_must_be_whole_and_a_change_must_change_something()
    {
        using var client = Over(_transport);
        var noUi = OperationCalls.WebinarHost(complete: false);
        noUi.Ui = null;
        noUi.Permissions = null;
        var blankName = OperationCalls.WebinarHost(complete: false);
        blankName.Name = " ";

        var missing = await Assert.ThrowsAsync<ArgumentException>(() => client.Presets.CreateAsync(noUi));
        var unnamed = await Assert.ThrowsAsync<ArgumentException>(() => client.Presets.ReplaceAsync(PresetId, blankName));
        var none = await Assert.ThrowsAsync<ArgumentNullException>(() => client.Presets.CreateAsync(null!));
        var nothing = await Assert.ThrowsAsync<ArgumentException>(() => client.Presets.UpdateAsync(PresetId, new UpdatePresetBody()));
        var blankRename = await Assert.ThrowsAsync<ArgumentException>(() => client.Presets.UpdateAsync(PresetId, new() { Name = "" }));

        Assert.Equal("preset", missing.ParamName);
        Assert.Contains("missing: Permissions, Ui", missing.Message, StringComparison.Ordinal);
        Assert.Equal("preset", unnamed.ParamName);
        Assert.Equal("preset", none.ParamName);
        Assert.Equal("changes", nothing.ParamName);
        Assert.Equal("changes", blankRename.ParamName);
        Assert.Empty(_transport.Requests);
    }

    [Fact]
    public async Task A_guid_id_goes_into_the_path_in_its_canonical_form()
    {
        _transport.Respond(HttpStatusCode.OK, Example("getPreset"));
        using var client = Over(_transport);

        var preset = await client.Presets.GetAsync("{8F4B2C1E-5D3A-4E6F-9A7B-1C2D3E4F5A6B}");

        Assert.Equal($"{PresetsPath}/{PresetId}", _transport.Requests[0].RequestUri!.AbsolutePath);
        Assert.Equal("#d37c30", preset.Ui!.DesignTokens!.Colors!.Brand!.SixZeroZero);
    }

    [Fact]
    public async Task List_sends_the_search_and_page()
    {
        _transport.Respond(HttpStatusCode.OK, Example("listPresets"));
        using var client = Over(_transport);

        var page = await client.Presets.ListAsync("webinar", pageNumber: 2, perPage: 10);

        var query = HttpUtility.ParseQueryString(_transport.Requests[0].RequestUri!.Query);
        Assert.Equal(("webinar", "2", "10"), (query["search"], query["page_no"], query["per_page"]));
        Assert.Equal(["webinar_host", "webinar_participant"], page.Items.Select(p => p.Name));
    }

    [Fact]
    public async Task List_all_fetches_lazily_and_stops_at_a_short_page()
    {
        _transport.Respond(HttpStatusCode.OK, Page(2)).Respond(HttpStatusCode.OK, Page(1));
        using var client = Over(_transport);

        await using var presets = client.Presets.ListAllAsync(perPage: 2).GetAsyncEnumerator();
        Assert.Empty(_transport.Requests);
        var count = 0;
        while (await presets.MoveNextAsync())
        {
            count++;
        }

        Assert.Equal(3, count);
        Assert.Equal(2, _transport.Requests.Count);
    }

    [Fact]
    public async Task Create_is_not_retried_after_a_500_but_delete_is()
    {
        const string serverError = """{"success":false,"error":{"code":500,"message":"boom"}}""";
        _transport.Respond(HttpStatusCode.InternalServerError, serverError)
            .Respond(HttpStatusCode.InternalServerError, serverError)
            .Respond(HttpStatusCode.OK, Example("deletePreset"));
        using var client = Over(_transport, maxRetries: 2, time: new ImmediateTimeProvider(), timeout: Timeout.InfiniteTimeSpan);

        await Assert.ThrowsAsync<RealtimeKitException>(() => client.Presets.CreateAsync(OperationCalls.WebinarHost(complete: true)));
        var deleted = await client.Presets.DeleteAsync(PresetId);

        Assert.Equal([HttpMethod.Post, HttpMethod.Delete, HttpMethod.Delete], _transport.Requests.Select(r => r.Method));
        Assert.Equal("webinar_host", deleted.Name);
    }

    [Fact]
    public async Task Update_sends_only_the_parts_set()
    {
        _transport.Respond(HttpStatusCode.OK, Example("updatePreset"));
        using var client = Over(_transport);
        var ui = OperationCalls.WebinarHost(complete: false).Ui;

        await client.Presets.UpdateAsync(PresetId, new() { Ui = ui });

        var body = JsonNode.Parse(_transport.Bodies[0]!)!.AsObject();
        Assert.Equal(["ui"], body.Select(p => p.Key));
        Assert.Equal("dark", body["ui"]!["design_tokens"]!["theme"]!.GetValue<string>());
    }

    [Fact]
    public async Task Plugin_access_is_a_map_by_plugin_id_kept_in_AdditionalData_both_ways()
    {
        const string pluginId = "ad0cde8d-4d1c-4f3e-8a6b-7c9d0e1f2a3b";
        const string PluginAccess = """{"PLUGIN":{"access_control":"VIEW_ONLY","handles_view_only":true}}""";
        var found = JsonNode.Parse(Example("getPreset"))!;
        found["data"]!["permissions"]!["plugins"]!["config"] = JsonNode.Parse(PluginAccess.Replace("PLUGIN", pluginId, StringComparison.Ordinal));
        _transport.Respond(HttpStatusCode.OK, found.ToJsonString()).Respond(HttpStatusCode.OK, Example("updatePreset"));
        using var client = Over(_transport);

        var preset = await client.Presets.GetAsync(PresetId);
        var access = Assert.IsType<UntypedObject>(preset.Permissions!.Plugins!.Config!.AdditionalData[pluginId]);
        Assert.Equal("VIEW_ONLY", Assert.IsType<UntypedString>(access.GetValue()["access_control"]).GetValue());
        await client.Presets.UpdateAsync(PresetId, new() { Permissions = preset.Permissions });

        var sent = JsonNode.Parse(_transport.Bodies[1]!)!["permissions"]!["plugins"]!["config"];
        JsonAssert.Equivalent(JsonNode.Parse(PluginAccess.Replace("PLUGIN", pluginId, StringComparison.Ordinal)), sent);
    }

    private static string Example(string operationId) =>
        SpecDocument.Examples().First(e => e.OperationId == operationId && e.IsSuccess).Value.ToJsonString();

    private static string Page(int count) => new JsonObject
    {
        ["success"] = true,
        ["data"] = new JsonArray(Enumerable.Range(0, count).Select(i => (JsonNode)new JsonObject { ["id"] = Guid.NewGuid().ToString(), ["name"] = $"preset{i}" }).ToArray()),
    }.ToJsonString();
}
