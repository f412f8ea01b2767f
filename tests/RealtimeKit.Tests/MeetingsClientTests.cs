using System.Net;
using System.Text.Json.Nodes;
using System.Web;
using RealtimeKit.Generated.Models;
using RealtimeKit.Tests.Support;
using RealtimeKit.TestSupport;
using static RealtimeKit.Tests.Support.TestClients;

namespace RealtimeKit.Tests;

/// <summary>The meetings client: argument checks, filters and paging on the wire, the auto-paging enumerable, retry safety.</summary>
public class MeetingsClientTests
{
    private const string MeetingsPath = $"/client/v4/accounts/{AccountId}/realtime/kit/{AppId}/meetings";

    private readonly ScriptedTransport _transport = new();
    private readonly ImmediateTimeProvider _time = new();

    public static TheoryData<string?> Blanks() => new(null, "", "   ");

    [Theory]
    [MemberData(nameof(Blanks))]
    public async Task Blank_meeting_ids_are_refused_before_anything_is_sent(string? meetingId)
    {
        using var client = Over(_transport);
        var calls = new Func<Task>[]
        {
            () => client.Meetings.GetAsync(meetingId),
            () => client.Meetings.UpdateAsync(meetingId, new() { Title = "t" }),
            () => client.Meetings.ReplaceAsync(meetingId, new()),
        };

        foreach (var call in calls)
        {
            var error = await Assert.ThrowsAnyAsync<ArgumentException>(call);
            Assert.Equal("meetingId", error.ParamName);
            Assert.Contains("Expected a non-empty value for meetingId", error.Message, StringComparison.Ordinal);
        }

        Assert.Empty(_transport.Requests);
    }

    [Fact]
    public async Task Bodies_are_checked_before_anything_is_sent()
    {
        using var client = Over(_transport);

        var noChanges = await Assert.ThrowsAsync<ArgumentException>(() => client.Meetings.UpdateAsync(MeetingId, new UpdateMeetingBody()));
        var nullChanges = await Assert.ThrowsAsync<ArgumentNullException>(() => client.Meetings.UpdateAsync(MeetingId, null!));
        var nullReplacement = await Assert.ThrowsAsync<ArgumentNullException>(() => client.Meetings.ReplaceAsync(MeetingId, null!));
        var keepAliveTooShort = await Assert.ThrowsAsync<ArgumentException>(() => client.Meetings.CreateAsync(new() { SessionKeepAliveTimeInSecs = 30 }));
        var keepAliveTooLong = await Assert.ThrowsAsync<ArgumentException>(() => client.Meetings.UpdateAsync(MeetingId, new() { SessionKeepAliveTimeInSecs = 601 }));

        Assert.Equal("changes", noChanges.ParamName);
        Assert.Contains("at least one setting", noChanges.Message, StringComparison.Ordinal);
        Assert.Equal("changes", nullChanges.ParamName);
        Assert.Equal("meeting", nullReplacement.ParamName);
        Assert.Equal("meeting", keepAliveTooShort.ParamName);
        Assert.Contains("between 60 and 600 seconds, got 30", keepAliveTooShort.Message, StringComparison.Ordinal);
        Assert.Equal("changes", keepAliveTooLong.ParamName);
        Assert.Empty(_transport.Requests);
    }

    [Fact]
    public async Task Filters_and_page_arguments_are_checked_before_anything_is_sent()
    {
        using var client = Over(_transport);
        var start = new DateTimeOffset(2025, 1, 2, 0, 0, 0, TimeSpan.Zero);

        var reversed = await Assert.ThrowsAsync<ArgumentException>(() => client.Meetings.ListAsync(startTime: start, endTime: start.AddDays(-1)));
        var blankSearch = await Assert.ThrowsAsync<ArgumentException>(() => client.Meetings.ListAsync(search: " "));
        var pageZero = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => client.Meetings.ListAsync(pageNumber: 0));
        var eagerAll = Assert.Throws<ArgumentOutOfRangeException>(() => client.Meetings.ListAllAsync(perPage: 0));

        Assert.Equal("endTime", reversed.ParamName);
        Assert.Equal("search", blankSearch.ParamName);
        Assert.Equal("pageNumber", pageZero.ParamName);
        Assert.Equal("perPage", eagerAll.ParamName);
        Assert.Empty(_transport.Requests);
    }

    [Fact]
    public async Task List_sends_every_filter_and_the_page_as_query_parameters()
    {
        _transport.Respond(HttpStatusCode.OK, Page(total: 0));
        using var client = Over(_transport);
        var start = new DateTimeOffset(2025, 1, 1, 8, 0, 0, TimeSpan.Zero);
        var end = new DateTimeOffset(2025, 1, 31, 18, 30, 0, TimeSpan.FromHours(1));

        var page = await client.Meetings.ListAsync("stand up", start, end, MeetingStatus.INACTIVE, pageNumber: 3, perPage: 25);

        var request = Assert.Single(_transport.Requests);
        Assert.Equal(HttpMethod.Get, request.Method);
        Assert.Equal(MeetingsPath, request.RequestUri!.AbsolutePath);
        var query = HttpUtility.ParseQueryString(request.RequestUri.Query);
        Assert.Equal("3", query["page_no"]);
        Assert.Equal("25", query["per_page"]);
        Assert.Equal("stand up", query["search"]);
        Assert.Equal(start, DateTimeOffset.Parse(query["start_time"]!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(end, DateTimeOffset.Parse(query["end_time"]!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("INACTIVE", query["status"]);
        Assert.Equal((3, 25, 0L), (page.PageNumber, page.PerPage, page.TotalCount!.Value));
    }

    [Fact]
    public async Task Filters_left_out_are_not_sent()
    {
        _transport.Respond(HttpStatusCode.OK, Page(total: 0));
        using var client = Over(_transport);

        await client.Meetings.ListAsync();

        var query = HttpUtility.ParseQueryString(_transport.Requests[0].RequestUri!.Query);
        Assert.Equal(["page_no", "per_page"], query.AllKeys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task List_all_fetches_lazily_and_stops_at_the_total_count()
    {
        _transport.Respond(HttpStatusCode.OK, Page(total: 3, "m1", "m2")).Respond(HttpStatusCode.OK, Page(total: 3, "m3"));
        using var client = Over(_transport);

        await using var meetings = client.Meetings.ListAllAsync(status: MeetingStatus.ACTIVE, perPage: 2).GetAsyncEnumerator();
        Assert.Empty(_transport.Requests);
        Assert.True(await meetings.MoveNextAsync());
        Assert.Single(_transport.Requests);
        var ids = new List<Guid?> { meetings.Current.Id };
        while (await meetings.MoveNextAsync())
        {
            ids.Add(meetings.Current.Id);
        }

        Assert.Equal(new Guid?[] { Id("m1"), Id("m2"), Id("m3") }, ids);
        Assert.Equal(2, _transport.Requests.Count);
        var second = HttpUtility.ParseQueryString(_transport.Requests[1].RequestUri!.Query);
        Assert.Equal(("2", "2", "ACTIVE"), (second["page_no"], second["per_page"], second["status"]));
    }

    [Fact]
    public async Task List_all_stops_at_a_short_page_when_the_service_gives_no_total()
    {
        _transport.Respond(HttpStatusCode.OK, Page(total: null, "m1", "m2")).Respond(HttpStatusCode.OK, Page(total: null, "m3"));
        using var client = Over(_transport);

        var meetings = new List<Meeting>();
        await foreach (var meeting in client.Meetings.ListAllAsync(perPage: 2))
        {
            meetings.Add(meeting);
        }

        Assert.Equal(3, meetings.Count);
        Assert.Equal(2, _transport.Requests.Count);
    }

    [Fact]
    public async Task Create_with_no_settings_sends_an_empty_object_and_is_not_retried_after_a_500()
    {
        _transport.Respond(HttpStatusCode.InternalServerError, """{"success":false,"error":{"code":500,"message":"boom"}}""");
        using var client = Over(_transport, maxRetries: 2, time: _time, timeout: Timeout.InfiniteTimeSpan);

        await Assert.ThrowsAsync<RealtimeKitException>(() => client.Meetings.CreateAsync());

        var request = Assert.Single(_transport.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("{}", _transport.Bodies[0]);
    }

    [Fact]
    public async Task Update_sends_only_the_settings_set_and_is_retried_like_a_read()
    {
        var updated = SpecDocument.Examples().First(e => e.OperationId == "updateMeeting" && e.IsSuccess).Value.ToJsonString();
        _transport.Respond(HttpStatusCode.InternalServerError, """{"success":false,"error":{"code":500,"message":"boom"}}""").Respond(HttpStatusCode.OK, updated);
        using var client = Over(_transport, maxRetries: 2, time: _time, timeout: Timeout.InfiniteTimeSpan);

        var meeting = await client.Meetings.UpdateAsync(MeetingId, new() { Title = "Retro", PersistChat = true });

        Assert.Equal(MeetingStatus.INACTIVE, meeting.Status);
        Assert.Equal(2, _transport.Requests.Count);
        Assert.All(_transport.Requests, r => Assert.Equal(HttpMethod.Patch, r.Method));
        JsonAssert.Equivalent(JsonNode.Parse("""{"title":"Retro","persist_chat":true}"""), JsonNode.Parse(_transport.Bodies[1]!));
    }

    [Fact]
    public async Task A_meeting_id_from_a_model_goes_straight_into_the_next_call()
    {
        var found = SpecDocument.Examples().First(e => e.OperationId == "getMeeting" && e.IsSuccess).Value.ToJsonString();
        _transport.Respond(HttpStatusCode.OK, found).Respond(HttpStatusCode.OK, found);
        using var client = Over(_transport);

        var meeting = await client.Meetings.GetAsync(MeetingId);
        await client.Meetings.GetAsync(meeting.Id);

        Assert.Equal($"{MeetingsPath}/97440c6a-140b-40a9-9499-b23fd7a3868a", _transport.Requests[1].RequestUri!.AbsolutePath);
    }

    private static Guid Id(string name) => Guid.Parse("00000000-0000-4000-8000-" + Convert.ToHexString(System.Text.Encoding.UTF8.GetBytes(name)).PadLeft(12, '0'));

    private static string Page(long? total, params string[] names)
    {
        var data = new JsonArray(names.Select(n => (JsonNode)new JsonObject
        {
            ["id"] = Id(n).ToString(),
            ["title"] = n,
            ["created_at"] = "2025-01-01T08:16:40.644Z",
            ["updated_at"] = "2025-01-01T08:16:40.644Z",
        }).ToArray());
        var body = new JsonObject { ["success"] = true, ["data"] = data };
        if (total is { } count)
        {
            body["paging"] = new JsonObject { ["total_count"] = count, ["start_offset"] = 1, ["end_offset"] = names.Length };
        }

        return body.ToJsonString();
    }
}
