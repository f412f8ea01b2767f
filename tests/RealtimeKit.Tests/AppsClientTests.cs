using System.Net;
using System.Text.Json.Nodes;
using System.Web;
using RealtimeKit.Generated.Models;
using RealtimeKit.Tests.Support;
using static RealtimeKit.Tests.Support.TestClients;

namespace RealtimeKit.Tests;

/// <summary>The apps client: account-level paths, argument checks, query parameters, auto-paging, retry safety.</summary>
public class AppsClientTests
{
    private const string AppsPath = $"/client/v4/accounts/{AccountId}/realtime/kit/apps";

    private readonly ScriptedTransport _transport = new();

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ")]
    public async Task Blank_names_and_app_ids_are_refused_before_anything_is_sent(string? blank)
    {
        using var client = Over(_transport);

        var name = await Assert.ThrowsAnyAsync<ArgumentException>(() => client.Apps.CreateAsync(blank!));
        var appId = await Assert.ThrowsAnyAsync<ArgumentException>(() => client.Apps.GetAsync(blank));

        Assert.Equal("name", name.ParamName);
        Assert.Contains("Expected a non-empty value for name", name.Message, StringComparison.Ordinal);
        Assert.Equal("appId", appId.ParamName);
        Assert.Empty(_transport.Requests);
    }

    [Fact]
    public async Task A_blank_or_too_long_search_and_bad_page_arguments_are_refused_before_anything_is_sent()
    {
        using var client = Over(_transport);

        var blank = await Assert.ThrowsAsync<ArgumentException>(() => client.Apps.ListAsync(search: "\t"));
        var tooLong = Assert.Throws<ArgumentException>(() => client.Apps.ListAllAsync(search: new string('a', 126)));
        var perPage = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => client.Apps.ListAsync(perPage: 0));

        Assert.Equal("search", blank.ParamName);
        Assert.Equal("search", tooLong.ParamName);
        Assert.Contains("at most 125 characters in search, got 126", tooLong.Message, StringComparison.Ordinal);
        Assert.Equal("perPage", perPage.ParamName);
        Assert.Empty(_transport.Requests);
    }

    [Fact]
    public async Task List_is_account_level_and_sends_its_filters_and_page()
    {
        _transport.Respond(HttpStatusCode.OK, Page(total: 7, "a1"));
        using var client = Over(_transport);

        var page = await client.Apps.ListAsync("my app", SortOrder.ASC, pageNumber: 2, perPage: 5);

        var request = Assert.Single(_transport.Requests);
        Assert.Equal(AppsPath, request.RequestUri!.AbsolutePath);
        var query = HttpUtility.ParseQueryString(request.RequestUri.Query);
        Assert.Equal(("2", "5", "my app", "ASC"), (query["page_no"], query["per_page"], query["search"], query["sort_order"]));
        Assert.Equal(7, page.TotalCount);
        Assert.True(page.HasNextPage);
    }

    [Fact]
    public async Task Get_reads_the_app_under_the_account_not_under_the_clients_app()
    {
        _transport.Respond(HttpStatusCode.OK, """{"success":true,"data":{"id":"14a396e7-ca44-4937-bf1f-050a69118543","name":null}}""");
        using var client = Over(_transport);

        var app = await client.Apps.GetAsync(Guid.Parse("14A396E7-CA44-4937-BF1F-050A69118543"));

        Assert.Equal($"{AppsPath}/14a396e7-ca44-4937-bf1f-050a69118543", _transport.Requests[0].RequestUri!.AbsolutePath);
        Assert.Null(app.Name);
    }

    [Fact]
    public async Task List_all_fetches_lazily_and_stops_at_the_total_count()
    {
        _transport.Respond(HttpStatusCode.OK, Page(total: 3, "a1", "a2")).Respond(HttpStatusCode.OK, Page(total: 3, "a3"));
        using var client = Over(_transport);

        await using var apps = client.Apps.ListAllAsync(search: "a", perPage: 2).GetAsyncEnumerator();
        Assert.True(await apps.MoveNextAsync());
        Assert.True(await apps.MoveNextAsync());
        Assert.Single(_transport.Requests);
        Assert.True(await apps.MoveNextAsync());
        Assert.Equal("a3", apps.Current.Name);
        Assert.False(await apps.MoveNextAsync());

        Assert.Equal(2, _transport.Requests.Count);
        Assert.Equal("a", HttpUtility.ParseQueryString(_transport.Requests[1].RequestUri!.Query)["search"]);
    }

    [Fact]
    public async Task Create_sends_the_name_returns_the_app_and_is_not_retried_after_a_500()
    {
        _transport.Respond(HttpStatusCode.InternalServerError, """{"success":false,"error":{"code":500,"message":"boom"}}""");
        using var client = Over(_transport, maxRetries: 2, time: new ImmediateTimeProvider(), timeout: Timeout.InfiniteTimeSpan);

        await Assert.ThrowsAsync<RealtimeKitException>(() => client.Apps.CreateAsync("my-new-app"));

        Assert.Single(_transport.Requests);
        Assert.Equal(HttpMethod.Post, _transport.Requests[0].Method);
        Assert.Equal("""{"name":"my-new-app"}""", _transport.Bodies[0]);
    }

    [Theory]
    [InlineData(typeof(AppsClient))]
    [InlineData(typeof(MeetingsClient))]
    [InlineData(typeof(PresetsClient))]
    public void The_new_sub_clients_can_be_faked_by_a_protected_constructor_and_virtual_members(Type type)
    {
        Assert.Contains(type.GetConstructors(System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance), c => c.IsFamily && c.GetParameters().Length == 0);
        var operations = type.GetMethods(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.DeclaredOnly);
        Assert.NotEmpty(operations);
        Assert.All(operations, m => Assert.True(m.IsVirtual && !m.IsFinal, $"{type.Name}.{m.Name} is not virtual"));
    }

    [Fact]
    public void The_client_hands_out_one_instance_of_each_sub_client()
    {
        using var client = Over(_transport);

        Assert.Same(client.Apps, client.Apps);
        Assert.Same(client.Meetings, client.Meetings);
        Assert.Same(client.Presets, client.Presets);
    }

    private static string Page(long total, params string[] names) => new JsonObject
    {
        ["success"] = true,
        ["data"] = new JsonArray(names.Select(n => (JsonNode)new JsonObject { ["id"] = Guid.NewGuid().ToString(), ["name"] = n }).ToArray()),
        ["paging"] = new JsonObject { ["total_count"] = total, ["start_offset"] = 1, ["end_offset"] = names.Length },
    }.ToJsonString();
}
