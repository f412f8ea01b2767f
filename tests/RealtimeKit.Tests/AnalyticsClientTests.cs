using System.Net;
using RealtimeKit.Tests.Support;
using static RealtimeKit.Tests.SessionsClientTests;
using static RealtimeKit.Tests.Support.TestClients;

namespace RealtimeKit.Tests;

/// <summary>The analytics client: dates and times converted to the wire's formats, and ranges checked first.</summary>
public class AnalyticsClientTests
{
    private const string AppPrefix = $"/client/v4/accounts/{AccountId}/realtime/kit/{AppId}";
    private const string LivestreamDay = """{"success":true,"data":[{"count":4,"date":"2023-07-15","total_ingest_seconds":531,"total_viewer_seconds":116}]}""";
    private const string LivestreamTotals = """{"success":true,"data":{"count":4,"total_ingest_seconds":531,"total_viewer_seconds":116}}""";

    private readonly ScriptedTransport _transport = new();

    [Fact]
    public async Task Day_wise_analytics_sends_dates_as_year_month_day()
    {
        _transport.Respond(HttpStatusCode.OK, """{"success":true,"data":{"session_stats":{"sessions_count":5,"day_stats":[{"day":"2022-09-01","total_sessions":5}]}}}""");
        using var client = Over(_transport);

        var analytics = await client.Analytics.GetDaywiseAsync(new DateOnly(2022, 9, 1), new DateOnly(2022, 9, 22));

        var request = Assert.Single(_transport.Requests);
        Assert.Equal(AppPrefix + "/analytics/daywise", request.RequestUri!.AbsolutePath);
        var query = Query(request);
        Assert.Equal(("2022-09-01", "2022-09-22"), (query["start_date"], query["end_date"]));
        Assert.Equal(5, analytics.SessionStats!.SessionsCount);
        Assert.Equal("2022-09-01", Assert.Single(analytics.SessionStats.DayStats!).Day);
    }

    [Fact]
    public async Task Without_dates_nothing_goes_in_the_query_so_the_service_default_applies()
    {
        _transport.Respond(HttpStatusCode.OK, """{"success":true,"data":{}}""").Respond(HttpStatusCode.OK, LivestreamTotals);
        using var client = Over(_transport);

        await client.Analytics.GetDaywiseAsync();
        await client.Analytics.GetLivestreamOverallAsync();

        Assert.Equal(
            [AppPrefix + "/analytics/daywise", AppPrefix + "/analytics/livestreams/overall"],
            _transport.Requests.Select(r => r.RequestUri!.PathAndQuery));
    }

    [Fact]
    public async Task Livestream_analytics_send_times_as_unix_seconds_and_the_filters_as_given()
    {
        _transport.Respond(HttpStatusCode.OK, LivestreamDay).Respond(HttpStatusCode.OK, LivestreamTotals);
        using var client = Over(_transport);
        var start = new DateTimeOffset(2023, 7, 15, 0, 0, 0, TimeSpan.FromHours(2));
        var end = new DateTimeOffset(2023, 7, 16, 0, 0, 0, TimeSpan.Zero);

        var days = await client.Analytics.GetLivestreamDaywiseAsync(start, end, "region:eu");
        var totals = await client.Analytics.GetLivestreamOverallAsync(start, end);

        var daywise = Query(_transport.Requests[0]);
        Assert.Equal(AppPrefix + "/analytics/livestreams/daywise", _transport.Requests[0].RequestUri!.AbsolutePath);
        Assert.Equal(("1689372000", "1689465600", "region:eu"), (daywise["start_time"], daywise["end_time"], daywise["filters"]));
        var overall = Query(_transport.Requests[1]);
        Assert.Equal(("1689372000", "1689465600", null), (overall["start_time"], overall["end_time"], overall["filters"]));
        Assert.Equal(531, Assert.Single(days).TotalIngestSeconds);
        Assert.Equal(116, totals.TotalViewerSeconds);
    }

    [Fact]
    public async Task Ranges_that_end_before_they_start_and_blank_filters_are_refused_before_sending()
    {
        using var client = Over(_transport);
        var now = new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

        var dates = await Assert.ThrowsAsync<ArgumentException>(() => client.Analytics.GetDaywiseAsync(new DateOnly(2022, 9, 2), new DateOnly(2022, 9, 1)));
        var daywise = await Assert.ThrowsAsync<ArgumentException>(() => client.Analytics.GetLivestreamDaywiseAsync(now, now.AddSeconds(-1)));
        var overall = await Assert.ThrowsAsync<ArgumentException>(() => client.Analytics.GetLivestreamOverallAsync(filters: " "));

        Assert.Equal(("endDate", "endTime", "filters"), (dates.ParamName, daywise.ParamName, overall.ParamName));
        Assert.Contains("Expected endDate (2022-09-01) to be on or after startDate (2022-09-02)", dates.Message, StringComparison.Ordinal);
        Assert.Empty(_transport.Requests);
    }

    [Fact]
    public async Task A_single_day_range_is_allowed()
    {
        _transport.Respond(HttpStatusCode.OK, """{"success":true,"data":{}}""");
        using var client = Over(_transport);

        await client.Analytics.GetDaywiseAsync(new DateOnly(2022, 9, 1), new DateOnly(2022, 9, 1));

        Assert.Single(_transport.Requests);
    }
}
