using System.Globalization;
using System.Net;
using System.Reflection;
using System.Text.Json.Nodes;
using RealtimeKit.Generated.Models;
using RealtimeKit.Tests.Support;
using RealtimeKit.TestSupport;
using static RealtimeKit.Tests.RecordingsClientTests;
using static RealtimeKit.Tests.Support.TestClients;

namespace RealtimeKit.Tests;

/// <summary>The livestreams client: argument checks, the request on the wire, retry safety and auto-paging.</summary>
public class LivestreamsClientTests
{
    private const string LivestreamId = "3b4c5d6e-7f8a-4b9c-8d1e-2f3a4b5c6d7e";
    private const string SessionId = "5f3a1b2c-7d8e-4f90-a1b2-c3d4e5f6a7b8";
    private const string Livestream = $$$"""{"success":true,"data":{"id":"{{{LivestreamId}}}","status":"INVOKED","stream_key":"k"}}""";
    private const string Stopped = """{"success":true,"data":{"message":"Stopped live stream successfully"}}""";
    private const string App = $"/client/v4/accounts/{AccountId}/realtime/kit/{AppId}";

    private readonly ScriptedTransport _transport = new();

    public static TheoryData<string?> Blanks() => new(null, "", "   ");

    [Theory]
    [MemberData(nameof(Blanks))]
    public async Task Blank_ids_are_refused_by_every_operation_naming_the_parameter(string? id)
    {
        using var client = Over(_transport);
        var calls = new (string Parameter, Func<Task> Call)[]
        {
            ("livestreamId", () => client.Livestreams.GetAsync(id!)),
            ("livestreamId", () => client.Livestreams.GetActiveSessionAsync(id!)),
            ("livestreamSessionId", () => client.Livestreams.GetSessionAsync(id!)),
            ("meetingId", () => client.Livestreams.GetActiveForMeetingAsync(id!)),
            ("meetingId", () => client.Livestreams.StartForMeetingAsync(id!)),
            ("meetingId", () => client.Livestreams.StopForMeetingAsync(id!)),
            ("meetingId", () => client.Livestreams.GetForMeetingAsync(id!)),
            ("sessionId", () => client.Livestreams.ListForSessionAsync(id!)),
        };

        foreach (var (parameter, call) in calls)
        {
            var error = await Assert.ThrowsAnyAsync<ArgumentException>(call);
            Assert.Equal(parameter, error.ParamName);
            Assert.Contains($"Expected a non-empty value for {parameter}", error.Message, StringComparison.Ordinal);
        }

        Assert.Empty(_transport.Requests);
    }

    [Fact]
    public async Task Bad_names_sizes_pages_session_ids_and_time_ranges_are_refused_before_sending()
    {
        using var client = Over(_transport);
        var now = DateTimeOffset.UtcNow;

        Assert.Equal("name", (await Assert.ThrowsAsync<ArgumentException>(() => client.Livestreams.CreateAsync(" "))).ParamName);
        Assert.Equal("name", (await Assert.ThrowsAsync<ArgumentException>(() => client.Livestreams.StartForMeetingAsync(MeetingId, ""))).ParamName);
        Assert.Equal("width", (await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => client.Livestreams.StartForMeetingAsync(MeetingId, width: 0))).ParamName);
        Assert.Equal("height", (await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => client.Livestreams.StartForMeetingAsync(MeetingId, height: -1))).ParamName);
        Assert.Equal("pageNumber", (await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => client.Livestreams.ListAsync(pageNumber: 0))).ParamName);
        Assert.Equal("perPage", (await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => client.Livestreams.GetAsync(LivestreamId, perPage: 0))).ParamName);
        Assert.Equal("pageNumber", (await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => client.Livestreams.GetForMeetingAsync(MeetingId, pageNumber: -2))).ParamName);
        Assert.Equal("startTime", (await Assert.ThrowsAsync<ArgumentException>(() => client.Livestreams.ListAsync(startTime: now, endTime: now.AddDays(-1)))).ParamName);
        var session = await Assert.ThrowsAsync<ArgumentException>(() => client.Livestreams.ListForSessionAsync("session-1"));
        Assert.Equal("sessionId", session.ParamName);
        Assert.Contains("Expected a UUID for sessionId, got 'session-1'", session.Message, StringComparison.Ordinal);
        Assert.Equal("perPage", Assert.Throws<ArgumentOutOfRangeException>(() => client.Livestreams.ListAllAsync(perPage: 0)).ParamName);
        Assert.Equal("sessionId", Assert.Throws<ArgumentException>(() => client.Livestreams.ListAllForSessionAsync("x")).ParamName);
        Assert.Empty(_transport.Requests);
    }

    [Fact]
    public async Task Every_list_filter_goes_on_the_query_string()
    {
        _transport.Respond(HttpStatusCode.OK, Page(total: 0));
        using var client = Over(_transport);
        var from = new DateTimeOffset(2026, 11, 1, 8, 30, 0, TimeSpan.FromHours(2));

        await client.Livestreams.ListAsync(excludeMeetings: true, status: LivestreamStatus.LIVE, startTime: from, sortOrder: LivestreamSortOrder.DSC, pageNumber: 2, perPage: 5);

        var request = Assert.Single(_transport.Requests);
        Assert.Equal($"{App}/livestreams", request.RequestUri!.AbsolutePath);
        var query = Query(request);
        Assert.Equal("true", query["exclude_meetings"]);
        Assert.Equal("LIVE", query["status"]);
        Assert.Equal(from, DateTimeOffset.Parse(query["start_time"], CultureInfo.InvariantCulture));
        Assert.Equal("DSC", query["sort_order"]);
        Assert.Equal("2", query["page_no"]);
        Assert.Equal("5", query["per_page"]);
        Assert.Equal(6, query.Count);
    }

    [Fact]
    public async Task Details_send_a_page_only_when_one_is_asked_for()
    {
        const string details = $$$$"""{"success":true,"data":{"livestream":{"id":"{{{{LivestreamId}}}}"}}}""";
        const string meeting = """{"success":true,"data":{"livestreams":[]}}""";
        _transport.Respond(HttpStatusCode.OK, details).Respond(HttpStatusCode.OK, details).Respond(HttpStatusCode.OK, meeting).Respond(HttpStatusCode.OK, meeting);
        using var client = Over(_transport);

        await client.Livestreams.GetAsync(LivestreamId);
        await client.Livestreams.GetAsync(LivestreamId, pageNumber: 2, perPage: 10);
        await client.Livestreams.GetForMeetingAsync(MeetingId);
        await client.Livestreams.GetForMeetingAsync(MeetingId, perPage: 3);

        Assert.Equal($"{App}/livestreams/{LivestreamId}", _transport.Requests[0].RequestUri!.AbsolutePath);
        Assert.Empty(Query(_transport.Requests[0]));
        Assert.Equal(new Dictionary<string, string> { ["page_no"] = "2", ["per_page"] = "10" }, Query(_transport.Requests[1]));
        Assert.Equal($"{Prefix}/livestream", _transport.Requests[2].RequestUri!.AbsolutePath[("/client/v4".Length)..]);
        Assert.Empty(Query(_transport.Requests[2]));
        Assert.Equal(new Dictionary<string, string> { ["per_page"] = "3" }, Query(_transport.Requests[3]));
    }

    [Fact]
    public async Task Auto_paging_fetches_lazily_and_stops_at_the_total_count()
    {
        _transport.Respond(HttpStatusCode.OK, Page(total: 3, Id(1), Id(2))).Respond(HttpStatusCode.OK, Page(total: 3, Id(3)));
        using var client = Over(_transport);

        var all = client.Livestreams.ListAllAsync(excludeMeetings: true, perPage: 2);
        Assert.Empty(_transport.Requests);
        await using var e = all.GetAsyncEnumerator();
        Assert.True(await e.MoveNextAsync());
        Assert.True(await e.MoveNextAsync());
        Assert.Single(_transport.Requests);
        Assert.True(await e.MoveNextAsync());
        Assert.False(await e.MoveNextAsync());

        Assert.Equal(2, _transport.Requests.Count);
        Assert.Equal(["1", "2"], _transport.Requests.Select(r => Query(r)["page_no"]));
        Assert.All(_transport.Requests, r => Assert.Equal("true", Query(r)["exclude_meetings"]));
    }

    [Fact]
    public async Task Auto_paging_stops_at_a_short_page_when_no_total_is_given()
    {
        _transport.Respond(HttpStatusCode.OK, Page(total: null, Id(1), Id(2))).Respond(HttpStatusCode.OK, Page(total: null));
        using var client = Over(_transport);

        var count = 0;
        await foreach (var livestream in client.Livestreams.ListAllAsync(perPage: 2))
        {
            count++;
        }

        Assert.Equal(2, count);
        Assert.Equal(2, _transport.Requests.Count);
    }

    [Fact]
    public async Task Livestream_sessions_of_a_session_come_from_the_nested_page_and_auto_page_until_the_total()
    {
        _transport
            .Respond(HttpStatusCode.OK, SessionPage(total: 3, "s1", "s2"))
            .Respond(HttpStatusCode.OK, SessionPage(total: 3, "s3"));
        using var client = Over(_transport);

        var ids = new List<string?>();
        var all = client.Livestreams.ListAllForSessionAsync(SessionId, perPage: 2);
        Assert.Empty(_transport.Requests);
        await foreach (var session in all)
        {
            ids.Add(session.Id);
        }

        Assert.Equal(["s1", "s2", "s3"], ids);
        Assert.Equal(2, _transport.Requests.Count);
        Assert.Equal($"{App}/sessions/{SessionId}/livestream-sessions", _transport.Requests[0].RequestUri!.AbsolutePath);
        Assert.Equal(new Dictionary<string, string> { ["page_no"] = "2", ["per_page"] = "2" }, Query(_transport.Requests[1]));
    }

    [Fact]
    public async Task One_page_of_livestream_sessions_keeps_the_service_paging()
    {
        _transport.Respond(HttpStatusCode.OK, SessionPage(total: 9, "s1"));
        using var client = Over(_transport);

        var page = await client.Livestreams.ListForSessionAsync(Guid.Parse(SessionId), pageNumber: 4, perPage: 1);

        Assert.Equal("s1", Assert.Single(page.Data!).Id);
        Assert.Equal(9, page.Paging!.TotalCount);
        Assert.Equal(new Dictionary<string, string> { ["page_no"] = "4", ["per_page"] = "1" }, Query(_transport.Requests[0]));
    }

    [Fact]
    public async Task Starting_a_meeting_livestream_sends_the_video_size_only_when_given()
    {
        _transport.Respond(HttpStatusCode.Created, Livestream).Respond(HttpStatusCode.Created, Livestream).Respond(HttpStatusCode.Created, Livestream);
        using var client = Over(_transport);

        var started = await client.Livestreams.StartForMeetingAsync(MeetingId);
        await client.Livestreams.StartForMeetingAsync(MeetingId, "Stand-up", width: 1280, height: 720);
        await client.Livestreams.StartForMeetingAsync(MeetingId, height: 480);

        Assert.Equal(Guid.Parse(LivestreamId), started.Id);
        Assert.Equal(HttpMethod.Post, _transport.Requests[0].Method);
        Assert.Equal($"{Prefix}/livestreams", _transport.Requests[0].RequestUri!.AbsolutePath[("/client/v4".Length)..]);
        JsonAssert.Equivalent(new JsonObject(), JsonNode.Parse(_transport.Bodies[0]!));
        JsonAssert.Equivalent(JsonNode.Parse("""{"name":"Stand-up","video_config":{"width":1280,"height":720}}"""), JsonNode.Parse(_transport.Bodies[1]!));
        JsonAssert.Equivalent(JsonNode.Parse("""{"video_config":{"height":480}}"""), JsonNode.Parse(_transport.Bodies[2]!));
    }

    [Fact]
    public async Task Creating_an_unnamed_livestream_sends_an_empty_object()
    {
        _transport.Respond(HttpStatusCode.Created, Livestream);
        using var client = Over(_transport);

        await client.Livestreams.CreateAsync();

        Assert.Equal($"{App}/livestreams", _transport.Requests[0].RequestUri!.AbsolutePath);
        JsonAssert.Equivalent(new JsonObject(), JsonNode.Parse(_transport.Bodies[0]!));
    }

    [Fact]
    public async Task Stopping_a_meeting_livestream_sends_no_body()
    {
        _transport.Respond(HttpStatusCode.OK, Stopped);
        using var client = Over(_transport);

        var result = await client.Livestreams.StopForMeetingAsync(MeetingId);

        var request = Assert.Single(_transport.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal($"{Prefix}/active-livestream/stop", request.RequestUri!.AbsolutePath[("/client/v4".Length)..]);
        Assert.Null(request.Content);
        Assert.Equal("Stopped live stream successfully", result.Message);
    }

    [Fact]
    public async Task A_livestream_session_id_goes_in_the_path_as_given()
    {
        _transport.Respond(HttpStatusCode.OK, """{"success":true,"data":{"id":"a b/c"}}""");
        using var client = Over(_transport);

        await client.Livestreams.GetSessionAsync("a b/c");

        Assert.Equal($"{App}/livestreams/sessions/a%20b%2Fc", _transport.Requests[0].RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task Creating_and_starting_are_not_retried_after_a_500_but_stopping_is()
    {
        const string boom = """{"success":false,"error":{"code":500,"message":"boom"}}""";
        var create = new ScriptedTransport().Respond(HttpStatusCode.InternalServerError, boom);
        var start = new ScriptedTransport().Respond(HttpStatusCode.InternalServerError, boom);
        var stop = new ScriptedTransport().Respond(HttpStatusCode.InternalServerError, boom).Respond(HttpStatusCode.OK, Stopped);
        var time = new ImmediateTimeProvider();
        using var createClient = Over(create, maxRetries: 2, time: time, timeout: Timeout.InfiniteTimeSpan);
        using var startClient = Over(start, maxRetries: 2, time: time, timeout: Timeout.InfiniteTimeSpan);
        using var stopClient = Over(stop, maxRetries: 2, time: time, timeout: Timeout.InfiniteTimeSpan);

        await Assert.ThrowsAsync<RealtimeKitException>(() => createClient.Livestreams.CreateAsync("x"));
        await Assert.ThrowsAsync<RealtimeKitException>(() => startClient.Livestreams.StartForMeetingAsync(MeetingId));
        await stopClient.Livestreams.StopForMeetingAsync(MeetingId);

        Assert.Single(create.Requests);
        Assert.Single(start.Requests);
        Assert.Equal(2, stop.Requests.Count);
    }

    [Fact]
    public void The_client_can_be_faked_every_operation_is_virtual()
    {
        var type = typeof(LivestreamsClient);

        Assert.Contains(type.GetConstructors(BindingFlags.NonPublic | BindingFlags.Instance), c => c.IsFamily && c.GetParameters().Length == 0);
        Assert.All(type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly), m => Assert.True(m.IsVirtual && !m.IsFinal, $"{m.Name} is not virtual"));
        Assert.True(typeof(RealtimeKitClient).GetProperty(nameof(RealtimeKitClient.Livestreams))!.GetMethod!.IsVirtual);
    }

    private static string Id(int n) => $"b1c2d3e4-0000-4000-8000-{n:D12}";

    private static string Page(long? total, params string[] ids)
    {
        var data = new JsonArray(ids.Select(id => (JsonNode)new JsonObject { ["id"] = id, ["status"] = "LIVE" }).ToArray());
        var body = new JsonObject { ["success"] = true, ["data"] = data };
        if (total is { } count)
        {
            body["paging"] = new JsonObject { ["total_count"] = count, ["start_offset"] = 1, ["end_offset"] = ids.Length };
        }

        return body.ToJsonString();
    }

    private static string SessionPage(long total, params string[] ids) => new JsonObject
    {
        ["success"] = true,
        ["data"] = new JsonObject
        {
            ["data"] = new JsonArray(ids.Select(id => (JsonNode)new JsonObject { ["id"] = id, ["ingest_seconds"] = 10 }).ToArray()),
            ["paging"] = new JsonObject { ["total_count"] = total, ["start_offset"] = 1, ["end_offset"] = ids.Length },
        },
    }.ToJsonString();
}
