using System.Net;
using System.Text.Json.Nodes;
using System.Web;
using RealtimeKit.Generated.Models;
using RealtimeKit.Tests.Support;
using static RealtimeKit.Tests.Support.TestClients;

namespace RealtimeKit.Tests;

/// <summary>The sessions client: argument checks, query parameters on the wire, paging and auto-paging.</summary>
public class SessionsClientTests
{
    private const string SessionId = "5f3a1b2c-7d8e-4f90-a1b2-c3d4e5f6a7b8";
    private const string ParticipantId = "005f4e0c-4d08-4d4e-a391-a76be75cd296";
    private const string PeerId = "79d87ca5-7e47-452a-b3c1-b6842ad84bf5";
    private const string AppPrefix = $"/client/v4/accounts/{AccountId}/realtime/kit/{AppId}";

    private readonly ScriptedTransport _transport = new();

    public static TheoryData<string?> Blanks() => new(null, "", "   ");

    [Theory]
    [MemberData(nameof(Blanks))]
    public async Task Blank_session_ids_are_refused_by_every_session_operation(string? sessionId)
    {
        using var client = Over(_transport);
        var calls = new Func<Task>[]
        {
            () => client.Sessions.GetAsync(sessionId),
            () => client.Sessions.ListParticipantsAsync(sessionId),
            () => client.Sessions.GetParticipantAsync(sessionId, ParticipantId),
            () => client.Sessions.GetChatAsync(sessionId),
            () => client.Sessions.GetTranscriptAsync(sessionId),
            () => client.Sessions.GetSummaryAsync(sessionId),
            () => client.Sessions.GenerateSummaryAsync(sessionId),
        };

        foreach (var call in calls)
        {
            var error = await Assert.ThrowsAnyAsync<ArgumentException>(call);
            Assert.Equal("sessionId", error.ParamName);
            Assert.Contains("Expected a non-empty value for sessionId", error.Message, StringComparison.Ordinal);
        }

        await Assert.ThrowsAnyAsync<ArgumentException>(async () => await client.Sessions.ListAllParticipantsAsync(sessionId).GetAsyncEnumerator().MoveNextAsync());
        Assert.Empty(_transport.Requests);
    }

    [Fact]
    public async Task Ids_that_are_not_UUIDs_are_refused_naming_the_parameter()
    {
        using var client = Over(_transport);

        var session = await Assert.ThrowsAsync<ArgumentException>(() => client.Sessions.GetAsync("abcdef-ghijkl"));
        var participant = await Assert.ThrowsAsync<ArgumentException>(() => client.Sessions.GetParticipantAsync(SessionId, "alice"));
        var peer = await Assert.ThrowsAsync<ArgumentException>(() => client.Sessions.GetPeerReportAsync("peer-1"));
        var meeting = await Assert.ThrowsAsync<ArgumentException>(() => client.Sessions.ListAsync(meetingId: "room-name"));

        Assert.Equal(("sessionId", "participantId", "peerId", "meetingId"), (session.ParamName, participant.ParamName, peer.ParamName, meeting.ParamName));
        Assert.Equal("Expected a UUID for sessionId, got 'abcdef-ghijkl'. (Parameter 'sessionId')", session.Message);
        Assert.Empty(_transport.Requests);
    }

    [Fact]
    public async Task Filters_that_cannot_be_right_are_refused_before_sending()
    {
        using var client = Over(_transport);
        var later = new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);

        var range = await Assert.ThrowsAsync<ArgumentException>(() => client.Sessions.ListAsync(startTime: later, endTime: later.AddHours(-1)));
        var search = await Assert.ThrowsAsync<ArgumentException>(() => client.Sessions.ListAsync(search: " "));
        var count = await Assert.ThrowsAsync<ArgumentException>(() => client.Sessions.ListAsync(participantCountRange: ""));
        var participantSearch = await Assert.ThrowsAsync<ArgumentException>(() => client.Sessions.ListParticipantsAsync(SessionId, search: "\t"));
        var page = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => client.Sessions.ListAsync(pageNumber: 0));
        var perPage = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => client.Sessions.ListParticipantsAsync(SessionId, perPage: 0));

        Assert.Equal("endTime", range.ParamName);
        Assert.Contains("to be at or after startTime", range.Message, StringComparison.Ordinal);
        Assert.Equal(("search", "participantCountRange", "search"), (search.ParamName, count.ParamName, participantSearch.ParamName));
        Assert.Equal(("pageNumber", "perPage"), (page.ParamName, perPage.ParamName));
        Assert.Empty(_transport.Requests);
    }

    [Fact]
    public async Task Every_session_list_filter_goes_on_the_wire_under_its_spec_name()
    {
        _transport.Respond(HttpStatusCode.OK, SessionsPage(1, totalCount: 7));
        using var client = Over(_transport);
        var meetingId = Guid.Parse("97440c6a-140b-40a9-9499-b23fd7a3868a");

        var page = await client.Sessions.ListAsync(
            meetingId: meetingId,
            status: ActiveSessionStatus.ENDED,
            startTime: new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero),
            endTime: new DateTimeOffset(2026, 11, 30, 23, 59, 59, TimeSpan.Zero),
            search: "stand up",
            participantCountRange: "1:10",
            sortBy: SessionSortBy.MinutesConsumed,
            sortOrder: SessionSortOrder.DESC,
            pageNumber: 3,
            perPage: 2);

        var request = Assert.Single(_transport.Requests);
        Assert.Equal(HttpMethod.Get, request.Method);
        Assert.Equal(AppPrefix + "/sessions", request.RequestUri!.AbsolutePath);
        var query = Query(request);
        Assert.Equal("97440c6a-140b-40a9-9499-b23fd7a3868a", query["associated_id"]);
        Assert.Equal("ENDED", query["status"]);
        Assert.Equal(new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero), DateTimeOffset.Parse(query["start_time"]!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 23, 59, 59, TimeSpan.Zero), DateTimeOffset.Parse(query["end_time"]!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("stand up", query["search"]);
        Assert.Equal("1:10", query["participants"]);
        Assert.Equal("minutesConsumed", query["sort_by"]);
        Assert.Equal("DESC", query["sort_order"]);
        Assert.Equal(("3", "2"), (query["page_no"], query["per_page"]));
        Assert.Equal(10, query.Count);
        Assert.Equal((3, 2, 7L), (page.PageNumber, page.PerPage, page.TotalCount));
        Assert.Equal("s-0", Assert.Single(page.Items).Id);
    }

    [Fact]
    public async Task A_session_list_without_filters_sends_only_the_page()
    {
        _transport.Respond(HttpStatusCode.OK, SessionsPage(0, totalCount: 0));
        using var client = Over(_transport);

        var page = await client.Sessions.ListAsync();

        var query = Query(Assert.Single(_transport.Requests));
        Assert.Equal(["page_no", "per_page"], query.AllKeys.Order(StringComparer.Ordinal));
        Assert.Equal(("1", "50"), (query["page_no"], query["per_page"]));
        Assert.Empty(page.Items);
        Assert.False(page.HasNextPage);
    }

    [Fact]
    public async Task Participant_list_filters_go_on_the_wire_and_the_total_comes_from_data_paging()
    {
        _transport.Respond(HttpStatusCode.OK, ParticipantsPage(2, totalCount: 40));
        using var client = Over(_transport);

        var page = await client.Sessions.ListParticipantsAsync(SessionId, search: "Mark", sortBy: SessionParticipantSortBy.Duration, sortOrder: SessionSortOrder.ASC, includePeerEvents: true, view: SessionParticipantsView.Consolidated, pageNumber: 2, perPage: 2);

        var request = Assert.Single(_transport.Requests);
        Assert.Equal($"{AppPrefix}/sessions/{SessionId}/participants", request.RequestUri!.AbsolutePath);
        var query = Query(request);
        Assert.Equal(("Mark", "duration", "ASC", "true", "consolidated"), (query["search"], query["sort_by"], query["sort_order"], query["include_peer_events"], query["view"]));
        Assert.Equal(("2", "2"), (query["page_no"], query["per_page"]));
        Assert.Equal(40L, page.TotalCount);
        Assert.Equal(["p-0", "p-1"], page.Items.Select(p => p.Id));
        Assert.True(page.HasNextPage);
    }

    [Fact]
    public async Task Optional_switches_are_left_off_the_wire_unless_set()
    {
        _transport
            .Respond(HttpStatusCode.OK, """{"success":true,"data":{"id":"s"}}""")
            .Respond(HttpStatusCode.OK, """{"success":true,"data":{"id":"s"}}""")
            .Respond(HttpStatusCode.OK, """{"success":true,"data":{"participant":{"id":"p"}}}""")
            .Respond(HttpStatusCode.OK, """{"success":true,"data":{"participant":{"id":"p"}}}""");
        using var client = Over(_transport);

        await client.Sessions.GetAsync(SessionId);
        await client.Sessions.GetAsync(SessionId, includeBreakoutRooms: true);
        await client.Sessions.GetParticipantAsync(SessionId, ParticipantId);
        await client.Sessions.GetParticipantAsync(SessionId, ParticipantId, includePeerEvents: true);

        Assert.Equal(
            [
                $"{AppPrefix}/sessions/{SessionId}",
                $"{AppPrefix}/sessions/{SessionId}?include_breakout_rooms=true",
                $"{AppPrefix}/sessions/{SessionId}/participants/{ParticipantId}",
                $"{AppPrefix}/sessions/{SessionId}/participants/{ParticipantId}?include_peer_events=true",
            ],
            _transport.Requests.Select(r => r.RequestUri!.PathAndQuery));
    }

    [Fact]
    public async Task Transcript_format_and_peer_report_filter_use_their_wire_names()
    {
        _transport
            .Respond(HttpStatusCode.OK, """{"success":true,"data":{"sessionId":"s","transcript_download_url":"u","transcript_download_url_expiry":"e"}}""")
            .Respond(HttpStatusCode.OK, """{"success":true,"data":{"participant":{"id":"79d87ca5-7e47-452a-b3c1-b6842ad84bf5","peer_report":{"metadata":{"sdk_name":"web-core"}}}}}""");
        using var client = Over(_transport);

        var transcript = await client.Sessions.GetTranscriptAsync(SessionId, SessionTranscriptFormat.VTT);
        var peer = await client.Sessions.GetPeerReportAsync(PeerId, PeerReportFilter.Ip_information, includePeerEvents: true);

        Assert.Equal($"{AppPrefix}/sessions/{SessionId}/transcript?format=VTT", _transport.Requests[0].RequestUri!.PathAndQuery);
        var peerQuery = Query(_transport.Requests[1]);
        Assert.Equal($"{AppPrefix}/sessions/peer-report/{PeerId}", _transport.Requests[1].RequestUri!.AbsolutePath);
        Assert.Equal(("ip_information", "true"), (peerQuery["filters"], peerQuery["include_peer_events"]));
        Assert.Equal("u", transcript.TranscriptDownloadUrl);
        Assert.Equal("web-core", peer.PeerReport!.Metadata!.SdkName);
    }

    [Fact]
    public async Task A_participant_response_without_the_participant_is_an_error_not_a_null()
    {
        _transport.Respond(HttpStatusCode.OK, """{"success":true,"data":{}}""");
        using var client = Over(_transport);

        var error = await Assert.ThrowsAsync<RealtimeKitException>(() => client.Sessions.GetParticipantAsync(SessionId, ParticipantId));

        Assert.Contains("get a participant of a session carried no data", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Generating_a_summary_is_sent_as_a_POST_without_a_body_and_not_retried_after_a_500()
    {
        _transport.Respond(HttpStatusCode.InternalServerError, """{"success":false,"error":{"code":500,"message":"boom"}}""");
        using var client = Over(_transport, maxRetries: 2, time: new ImmediateTimeProvider(), timeout: Timeout.InfiniteTimeSpan);

        var error = await Assert.ThrowsAsync<RealtimeKitException>(() => client.Sessions.GenerateSummaryAsync(SessionId));

        Assert.Equal(500, error.StatusCode);
        var request = Assert.Single(_transport.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal($"{AppPrefix}/sessions/{SessionId}/summary", request.RequestUri!.AbsolutePath);
        Assert.True(string.IsNullOrEmpty(_transport.Bodies[0]), "No JSON body (a non-idempotent request carries an empty one).");
    }

    [Fact]
    public async Task Fetching_a_summary_is_retried_after_a_500()
    {
        _transport
            .Respond(HttpStatusCode.InternalServerError, """{"success":false,"error":{"code":500,"message":"boom"}}""")
            .Respond(HttpStatusCode.OK, """{"success":true,"data":{"sessionId":"s","summaryDownloadUrl":"u","summaryDownloadUrlExpiry":"e"}}""");
        using var client = Over(_transport, maxRetries: 2, time: new ImmediateTimeProvider(), timeout: Timeout.InfiniteTimeSpan);

        var summary = await client.Sessions.GetSummaryAsync(SessionId);

        Assert.Equal("u", summary.SummaryDownloadUrl);
        Assert.Equal(2, _transport.Requests.Count);
    }

    [Fact]
    public async Task ListAll_fetches_the_next_page_only_when_enumeration_reaches_it()
    {
        _transport.Respond(HttpStatusCode.OK, SessionsPage(2, totalCount: 3)).Respond(HttpStatusCode.OK, SessionsPage(1, totalCount: 3, first: 2));
        using var client = Over(_transport);

        await using var sessions = client.Sessions.ListAllAsync(status: ActiveSessionStatus.LIVE, perPage: 2).GetAsyncEnumerator();

        Assert.Empty(_transport.Requests);
        Assert.True(await sessions.MoveNextAsync());
        Assert.True(await sessions.MoveNextAsync());
        Assert.Single(_transport.Requests);
        Assert.True(await sessions.MoveNextAsync());
        Assert.Equal("s-2", sessions.Current.Id);
        Assert.Equal(2, _transport.Requests.Count);
        var second = Query(_transport.Requests[1]);
        Assert.Equal(("2", "2", "LIVE"), (second["page_no"], second["per_page"], second["status"]));
    }

    [Fact]
    public async Task ListAll_stops_when_total_count_is_reached_even_on_a_full_page()
    {
        _transport.Respond(HttpStatusCode.OK, SessionsPage(2, totalCount: 4)).Respond(HttpStatusCode.OK, SessionsPage(2, totalCount: 4, first: 2));
        using var client = Over(_transport);

        var ids = await ToListAsync(client.Sessions.ListAllAsync(perPage: 2));

        Assert.Equal(["s-0", "s-1", "s-2", "s-3"], ids.Select(s => s.Id));
        Assert.Equal(2, _transport.Requests.Count);
    }

    [Fact]
    public async Task ListAll_stops_at_a_short_page_when_the_service_gives_no_total()
    {
        _transport.Respond(HttpStatusCode.OK, ParticipantsPage(3, totalCount: null)).Respond(HttpStatusCode.OK, ParticipantsPage(1, totalCount: null, first: 3));
        using var client = Over(_transport);

        var participants = await ToListAsync(client.Sessions.ListAllParticipantsAsync(SessionId, perPage: 3));

        Assert.Equal(["p-0", "p-1", "p-2", "p-3"], participants.Select(p => p.Id));
        Assert.Equal(2, _transport.Requests.Count);
        Assert.Equal("2", Query(_transport.Requests[1])["page_no"]);
    }

    [Theory]
    [InlineData(typeof(SessionsClient))]
    [InlineData(typeof(AnalyticsClient))]
    [InlineData(typeof(WebhooksClient))]
    public void The_sessions_analytics_and_webhooks_clients_can_be_faked(Type type)
    {
        Assert.Contains(type.GetConstructors(System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance), c => c.IsFamily && c.GetParameters().Length == 0);
        var operations = type.GetMethods(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.DeclaredOnly);
        Assert.NotEmpty(operations);
        Assert.All(operations, m => Assert.True(m.IsVirtual && !m.IsFinal, $"{type.Name}.{m.Name} is not virtual"));
        var property = typeof(RealtimeKitClient).GetProperty(type.Name[..^"Client".Length])!;
        Assert.Equal(type, property.PropertyType);
        Assert.True(property.GetMethod!.IsVirtual);
    }

    [Fact]
    public void The_sub_clients_are_created_once_per_client()
    {
        using var client = Over(_transport);

        Assert.Same(client.Sessions, client.Sessions);
        Assert.Same(client.Analytics, client.Analytics);
        Assert.Same(client.Webhooks, client.Webhooks);
    }

    internal static System.Collections.Specialized.NameValueCollection Query(HttpRequestMessage request) =>
        HttpUtility.ParseQueryString(request.RequestUri!.Query);

    internal static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }

    private static string SessionsPage(int count, long totalCount, int first = 0)
    {
        var sessions = new JsonArray(Enumerable.Range(first, count).Select(i => (JsonNode?)new JsonObject
        {
            ["id"] = $"s-{i}",
            ["associated_id"] = "m",
            ["meeting_display_name"] = "n",
            ["type"] = "meeting",
            ["status"] = "ENDED",
            ["live_participants"] = 0,
            ["max_concurrent_participants"] = 1,
            ["minutes_consumed"] = 1,
            ["organization_id"] = "o",
            ["started_at"] = "s",
            ["created_at"] = "c",
            ["updated_at"] = "u",
        }).ToArray());
        return new JsonObject
        {
            ["success"] = true,
            ["data"] = new JsonObject { ["sessions"] = sessions },
            ["paging"] = new JsonObject { ["total_count"] = totalCount, ["start_offset"] = first + 1, ["end_offset"] = first + count },
        }.ToJsonString();
    }

    private static string ParticipantsPage(int count, long? totalCount, int first = 0)
    {
        var data = new JsonObject
        {
            ["participants"] = new JsonArray(Enumerable.Range(first, count).Select(i => (JsonNode?)new JsonObject { ["id"] = $"p-{i}", ["display_name"] = $"P{i}" }).ToArray()),
        };
        if (totalCount is { } total)
        {
            data["paging"] = new JsonObject { ["total_count"] = total, ["start_offset"] = first + 1, ["end_offset"] = first + count };
        }

        return new JsonObject { ["success"] = true, ["data"] = data }.ToJsonString();
    }
}
