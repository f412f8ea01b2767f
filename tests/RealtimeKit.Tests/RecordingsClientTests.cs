using System.Globalization;
using System.Net;
using System.Reflection;
using System.Text.Json.Nodes;
using RealtimeKit.Generated.Models;
using RealtimeKit.Tests.Support;
using RealtimeKit.TestSupport;
using static RealtimeKit.Tests.Support.TestClients;

namespace RealtimeKit.Tests;

/// <summary>The recordings client: argument checks, the request on the wire, retry safety and auto-paging.</summary>
public class RecordingsClientTests
{
    private const string RecordingId = "2a3b4c5d-6e7f-4a8b-9c0d-1e2f3a4b5c6d";
    private const string Recording = $$$"""{"success":true,"data":{"id":"{{{RecordingId}}}","status":"RECORDING","invoked_time":"2026-11-23T10:00:00Z"}}""";
    private const string TrackRecording = $$$$"""{"success":true,"data":{"recording":{"id":"{{{{RecordingId}}}}","status":"INVOKED"}}}""";

    private readonly ScriptedTransport _transport = new();

    public static TheoryData<string?> Blanks() => new(null, "", "   ");

    [Theory]
    [MemberData(nameof(Blanks))]
    public async Task Blank_ids_are_refused_by_every_operation_naming_the_parameter(string? id)
    {
        using var client = Over(_transport);
        var calls = new (string Parameter, Func<Task> Call)[]
        {
            ("meetingId", () => client.Recordings.GetActiveAsync(id!)),
            ("meetingId", () => client.Recordings.StartTrackAsync(id!)),
            ("recordingId", () => client.Recordings.GetAsync(id!)),
            ("recordingId", () => client.Recordings.PauseAsync(id!)),
            ("recordingId", () => client.Recordings.ResumeAsync(id!)),
            ("recordingId", () => client.Recordings.StopAsync(id!)),
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
    public async Task A_blank_meeting_filter_is_refused_but_a_null_one_means_every_meeting()
    {
        _transport.Respond(HttpStatusCode.OK, Page(total: 0)).Respond(HttpStatusCode.OK, Page(total: 0));
        using var client = Over(_transport);

        var blank = await Assert.ThrowsAsync<ArgumentException>(() => client.Recordings.ListAsync(meetingId: " "));
        await client.Recordings.ListAsync(meetingId: (string?)null);
        await client.Recordings.ListAsync(meetingId: (Guid?)null);

        Assert.Equal("meetingId", blank.ParamName);
        Assert.All(_transport.Requests, r => Assert.DoesNotContain("meeting_id", Query(r).Keys));
        Assert.Equal(2, _transport.Requests.Count);
    }

    [Fact]
    public async Task Ids_the_api_declares_uuids_must_be_uuids()
    {
        using var client = Over(_transport);

        var get = await Assert.ThrowsAsync<ArgumentException>(() => client.Recordings.GetAsync("rec-1"));
        var stop = await Assert.ThrowsAsync<ArgumentException>(() => client.Recordings.StopAsync("rec-1"));
        var list = await Assert.ThrowsAsync<ArgumentException>(() => client.Recordings.ListAsync(meetingId: "abcdef-ghijkl"));
        var track = await Assert.ThrowsAsync<ArgumentException>(() => client.Recordings.StartTrackAsync("abcdef-ghijkl"));

        Assert.Equal("recordingId", get.ParamName);
        Assert.Contains("Expected a UUID for recordingId, got 'rec-1'", get.Message, StringComparison.Ordinal);
        Assert.Equal("recordingId", stop.ParamName);
        Assert.Equal("meetingId", list.ParamName);
        Assert.Equal("meetingId", track.ParamName);
        Assert.Empty(_transport.Requests);
    }

    [Fact]
    public async Task Listing_refuses_bad_pages_a_blank_search_and_an_inverted_time_range()
    {
        using var client = Over(_transport);
        var now = DateTimeOffset.UtcNow;

        Assert.Equal("pageNumber", (await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => client.Recordings.ListAsync(pageNumber: 0))).ParamName);
        Assert.Equal("perPage", (await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => client.Recordings.ListAsync(perPage: 0))).ParamName);
        Assert.Equal("search", (await Assert.ThrowsAsync<ArgumentException>(() => client.Recordings.ListAsync(search: " "))).ParamName);
        var range = await Assert.ThrowsAsync<ArgumentException>(() => client.Recordings.ListAsync(startTime: now, endTime: now.AddHours(-1)));
        Assert.Equal("startTime", range.ParamName);
        Assert.Contains("at or before endTime", range.Message, StringComparison.Ordinal);
        Assert.Empty(_transport.Requests);
    }

    [Fact]
    public void Auto_paging_checks_its_arguments_when_called_not_when_first_enumerated()
    {
        using var client = Over(_transport);

        Assert.Equal("perPage", Assert.Throws<ArgumentOutOfRangeException>(() => client.Recordings.ListAllAsync(perPage: 0)).ParamName);
        Assert.Equal("meetingId", Assert.Throws<ArgumentException>(() => client.Recordings.ListAllAsync(meetingId: "not-a-uuid")).ParamName);
        Assert.Empty(_transport.Requests);
    }

    [Fact]
    public async Task Starting_a_recording_needs_a_body_with_a_meeting_and_a_duration_in_range()
    {
        using var client = Over(_transport);

        Assert.Equal("body", (await Assert.ThrowsAsync<ArgumentNullException>(() => client.Recordings.StartAsync(null!))).ParamName);
        var noMeeting = await Assert.ThrowsAsync<ArgumentException>(() => client.Recordings.StartAsync(new StartRecordingBody()));
        var tooShort = await Assert.ThrowsAsync<ArgumentException>(() => client.Recordings.StartAsync(new StartRecordingBody { MeetingId = Guid.NewGuid(), MaxSeconds = 30 }));
        var tooLong = await Assert.ThrowsAsync<ArgumentException>(() => client.Recordings.StartAsync(new StartRecordingBody { MeetingId = Guid.NewGuid(), MaxSeconds = 86401 }));

        Assert.Contains("body.MeetingId", noMeeting.Message, StringComparison.Ordinal);
        Assert.Contains("between 60 and 86400 seconds, got 30", tooShort.Message, StringComparison.Ordinal);
        Assert.Contains("got 86401", tooLong.Message, StringComparison.Ordinal);
        Assert.Empty(_transport.Requests);
    }

    [Fact]
    public async Task A_track_recording_refuses_a_blank_prefix_and_an_empty_oversized_or_blank_user_list()
    {
        using var client = Over(_transport);
        var meeting = Guid.NewGuid();

        Assert.Equal("fileNamePrefix", (await Assert.ThrowsAsync<ArgumentException>(() => client.Recordings.StartTrackAsync(meeting, fileNamePrefix: ""))).ParamName);
        var empty = await Assert.ThrowsAsync<ArgumentException>(() => client.Recordings.StartTrackAsync(meeting, userIds: []));
        var tooMany = await Assert.ThrowsAsync<ArgumentException>(() => client.Recordings.StartTrackAsync(meeting, userIds: Enumerable.Range(0, 101).Select(i => $"u{i}")));
        var blank = await Assert.ThrowsAsync<ArgumentException>(() => client.Recordings.StartTrackAsync(meeting, userIds: ["u1", " "]));

        Assert.Equal("userIds", empty.ParamName);
        Assert.Contains("Expected 1 to 100 user ids in userIds (or null to record everyone), got 0", empty.Message, StringComparison.Ordinal);
        Assert.Contains("got 101", tooMany.Message, StringComparison.Ordinal);
        Assert.Contains("item 1 is ' '", blank.Message, StringComparison.Ordinal);
        Assert.Empty(_transport.Requests);
    }

    [Fact]
    public async Task Every_filter_goes_on_the_query_string_with_statuses_comma_separated()
    {
        _transport.Respond(HttpStatusCode.OK, Page(total: 0));
        using var client = Over(_transport);
        var meeting = Guid.Parse("97440c6a-140b-40a9-9499-b23fd7a3868a");
        var from = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
        var to = new DateTimeOffset(2026, 11, 30, 23, 59, 59, TimeSpan.Zero);

        await client.Recordings.ListAsync(
            meeting, [RecordingStatus.RECORDING, RecordingStatus.PAUSED], expired: false, search: "stand up", startTime: from, endTime: to,
            sortBy: RecordingSortBy.InvokedTime, sortOrder: RecordingSortOrder.DESC, pageNumber: 3, perPage: 20);

        var request = Assert.Single(_transport.Requests);
        Assert.Equal(HttpMethod.Get, request.Method);
        Assert.Equal($"/client/v4/accounts/{AccountId}/realtime/kit/{AppId}/recordings", request.RequestUri!.AbsolutePath);
        var query = Query(request);
        Assert.Equal("97440c6a-140b-40a9-9499-b23fd7a3868a", query["meeting_id"]);
        Assert.Equal("RECORDING,PAUSED", query["status"]);
        Assert.Equal("false", query["expired"]);
        Assert.Equal("stand up", query["search"]);
        Assert.Equal(from, DateTimeOffset.Parse(query["start_time"], CultureInfo.InvariantCulture));
        Assert.Equal(to, DateTimeOffset.Parse(query["end_time"], CultureInfo.InvariantCulture));
        Assert.Equal("invokedTime", query["sort_by"]);
        Assert.Equal("DESC", query["sort_order"]);
        Assert.Equal("3", query["page_no"]);
        Assert.Equal("20", query["per_page"]);
        Assert.Equal(10, query.Count);
    }

    [Fact]
    public async Task Without_filters_only_the_page_is_sent()
    {
        _transport.Respond(HttpStatusCode.OK, Page(total: 0)).Respond(HttpStatusCode.OK, Page(total: 0));
        using var client = Over(_transport);

        await client.Recordings.ListAsync();
        await client.Recordings.ListAsync(statuses: []);

        Assert.All(_transport.Requests, r => Assert.Equal(new Dictionary<string, string> { ["page_no"] = "1", ["per_page"] = "50" }, Query(r)));
    }

    [Fact]
    public async Task A_page_reports_its_items_and_the_total_count()
    {
        _transport.Respond(HttpStatusCode.OK, Page(total: 7, "a1b2c3d4-0000-4000-8000-000000000001", "a1b2c3d4-0000-4000-8000-000000000002"));
        using var client = Over(_transport);

        var page = await client.Recordings.ListAsync(pageNumber: 2, perPage: 2);

        Assert.Equal([Guid.Parse("a1b2c3d4-0000-4000-8000-000000000001"), Guid.Parse("a1b2c3d4-0000-4000-8000-000000000002")], page.Items.Select(r => r.Id!.Value));
        Assert.Equal(7, page.TotalCount);
        Assert.Equal(2, page.PageNumber);
        Assert.True(page.HasNextPage);
    }

    [Fact]
    public async Task Auto_paging_fetches_lazily_and_stops_at_the_total_count()
    {
        _transport
            .Respond(HttpStatusCode.OK, Page(total: 3, Id(1), Id(2)))
            .Respond(HttpStatusCode.OK, Page(total: 3, Id(3)));
        using var client = Over(_transport);

        var all = client.Recordings.ListAllAsync(statuses: [RecordingStatus.UPLOADED], perPage: 2);
        Assert.Empty(_transport.Requests);
        await using var e = all.GetAsyncEnumerator();
        Assert.True(await e.MoveNextAsync());
        Assert.Single(_transport.Requests);
        Assert.True(await e.MoveNextAsync());
        Assert.Single(_transport.Requests);
        Assert.True(await e.MoveNextAsync());
        Assert.Equal(Guid.Parse(Id(3)), e.Current.Id);
        Assert.False(await e.MoveNextAsync());

        Assert.Equal(2, _transport.Requests.Count);
        Assert.Equal(["1", "2"], _transport.Requests.Select(r => Query(r)["page_no"]));
        Assert.All(_transport.Requests, r => Assert.Equal("UPLOADED", Query(r)["status"]));
    }

    [Fact]
    public async Task Auto_paging_stops_at_a_short_page_when_no_total_is_given()
    {
        _transport
            .Respond(HttpStatusCode.OK, Page(total: null, Id(1), Id(2)))
            .Respond(HttpStatusCode.OK, Page(total: null, Id(3)));
        using var client = Over(_transport);

        var ids = new List<Guid?>();
        await foreach (var recording in client.Recordings.ListAllAsync(perPage: 2))
        {
            ids.Add(recording.Id);
        }

        Assert.Equal(3, ids.Count);
        Assert.Equal(2, _transport.Requests.Count);
    }

    [Theory]
    [InlineData("pause")]
    [InlineData("resume")]
    [InlineData("stop")]
    public async Task Pause_resume_and_stop_put_their_action_on_the_recording(string action)
    {
        _transport.Respond(HttpStatusCode.OK, Recording);
        using var client = Over(_transport);

        var recording = action switch
        {
            "pause" => await client.Recordings.PauseAsync(RecordingId),
            "resume" => await client.Recordings.ResumeAsync(RecordingId),
            _ => await client.Recordings.StopAsync(RecordingId),
        };

        var request = Assert.Single(_transport.Requests);
        Assert.Equal(HttpMethod.Put, request.Method);
        Assert.Equal($"/client/v4/accounts/{AccountId}/realtime/kit/{AppId}/recordings/{RecordingId}", request.RequestUri!.AbsolutePath);
        JsonAssert.Equivalent(new JsonObject { ["action"] = action }, JsonNode.Parse(_transport.Bodies[0]!));
        Assert.Equal(RecordingStatus.RECORDING, recording.Status);
    }

    [Fact]
    public async Task A_track_recording_sends_only_the_meeting_unless_a_prefix_or_users_are_given()
    {
        _transport.Respond(HttpStatusCode.OK, TrackRecording).Respond(HttpStatusCode.OK, TrackRecording);
        using var client = Over(_transport);
        var meeting = Guid.Parse("97440c6a-140b-40a9-9499-b23fd7a3868a");

        var started = await client.Recordings.StartTrackAsync(meeting);
        await client.Recordings.StartTrackAsync(meeting, userIds: ["u1", "u2"]);

        Assert.Equal(Guid.Parse(RecordingId), started.Recording!.Id);
        JsonAssert.Equivalent(JsonNode.Parse("""{"meeting_id":"97440c6a-140b-40a9-9499-b23fd7a3868a"}"""), JsonNode.Parse(_transport.Bodies[0]!));
        JsonAssert.Equivalent(JsonNode.Parse("""{"meeting_id":"97440c6a-140b-40a9-9499-b23fd7a3868a","user_ids":["u1","u2"]}"""), JsonNode.Parse(_transport.Bodies[1]!));
    }

    [Fact]
    public async Task The_active_recording_of_a_V1_room_name_is_looked_up_by_that_name()
    {
        _transport.Respond(HttpStatusCode.OK, Recording);
        using var client = Over(_transport);

        await client.Recordings.GetActiveAsync("abcdef-ghijkl");

        Assert.Equal($"/client/v4/accounts/{AccountId}/realtime/kit/{AppId}/recordings/active-recording/abcdef-ghijkl", _transport.Requests[0].RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task Starting_is_not_retried_after_a_500_but_stopping_is()
    {
        const string boom = """{"success":false,"error":{"code":500,"message":"boom"}}""";
        var start = new ScriptedTransport().Respond(HttpStatusCode.InternalServerError, boom);
        var track = new ScriptedTransport().Respond(HttpStatusCode.InternalServerError, boom);
        var stop = new ScriptedTransport().Respond(HttpStatusCode.InternalServerError, boom).Respond(HttpStatusCode.OK, Recording);
        var time = new ImmediateTimeProvider();
        using var startClient = Over(start, maxRetries: 2, time: time, timeout: Timeout.InfiniteTimeSpan);
        using var trackClient = Over(track, maxRetries: 2, time: time, timeout: Timeout.InfiniteTimeSpan);
        using var stopClient = Over(stop, maxRetries: 2, time: time, timeout: Timeout.InfiniteTimeSpan);

        await Assert.ThrowsAsync<RealtimeKitException>(() => startClient.Recordings.StartAsync(new StartRecordingBody { MeetingId = Guid.NewGuid() }));
        await Assert.ThrowsAsync<RealtimeKitException>(() => trackClient.Recordings.StartTrackAsync(Guid.NewGuid()));
        await stopClient.Recordings.StopAsync(RecordingId);

        Assert.Single(start.Requests);
        Assert.Single(track.Requests);
        Assert.Equal(2, stop.Requests.Count);
    }

    [Fact]
    public async Task A_success_without_data_is_an_error_naming_the_operation()
    {
        _transport.Respond(HttpStatusCode.OK, """{"success":true}""");
        using var client = Over(_transport);

        var error = await Assert.ThrowsAsync<RealtimeKitException>(() => client.Recordings.GetAsync(RecordingId));

        Assert.Equal("200 OK: the response carried no data.", error.Message);
    }

    [Fact]
    public void The_client_can_be_faked_every_operation_is_virtual()
    {
        var type = typeof(RecordingsClient);

        Assert.Contains(type.GetConstructors(BindingFlags.NonPublic | BindingFlags.Instance), c => c.IsFamily && c.GetParameters().Length == 0);
        Assert.All(type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly), m => Assert.True(m.IsVirtual && !m.IsFinal, $"{m.Name} is not virtual"));
        Assert.True(typeof(RealtimeKitClient).GetProperty(nameof(RealtimeKitClient.Recordings))!.GetMethod!.IsVirtual);
    }

    [Fact]
    public void The_sub_client_is_created_once_per_client()
    {
        using var client = Over(_transport);

        Assert.Same(client.Recordings, client.Recordings);
    }

    internal static Dictionary<string, string> Query(HttpRequestMessage request) =>
        request.RequestUri!.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .ToDictionary(p => Uri.UnescapeDataString(p[0]), p => Uri.UnescapeDataString(p[1]), StringComparer.Ordinal);

    private static string Id(int n) => $"a1b2c3d4-0000-4000-8000-{n:D12}";

    private static string Page(long? total, params string[] ids)
    {
        var data = new JsonArray(ids.Select(id => (JsonNode)new JsonObject { ["id"] = id, ["status"] = "UPLOADED" }).ToArray());
        var body = new JsonObject { ["success"] = true, ["data"] = data };
        if (total is { } count)
        {
            body["paging"] = new JsonObject { ["total_count"] = count, ["start_offset"] = 1, ["end_offset"] = ids.Length };
        }

        return body.ToJsonString();
    }
}
