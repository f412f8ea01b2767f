using System.Net;
using Microsoft.Extensions.Time.Testing;
using RealtimeKit.Tests.Support;
using static RealtimeKit.Tests.Support.TestClients;

namespace RealtimeKit.Tests;

/// <summary>Retries through the whole client, with a clock that never really waits.</summary>
public class RetryBehaviourTests
{
    private const string ActiveSession = """{"success":true,"data":{"id":"s1","associated_id":"m","created_at":"c","updated_at":"u","started_at":"s","live_participants":1,"max_concurrent_participants":1,"minutes_consumed":0,"meeting_display_name":"n","organization_id":"o","status":"LIVE","type":"meeting"}}""";
    private const string PollCreated = """{"success":true,"data":{"action":"created","poll":{"id":"p1","question":"q","options":[{"text":"a","count":0,"votes":[]}]}}}""";
    private const string Unavailable = """{"success":false,"error":{"code":503,"message":"Try later"}}""";

    private readonly ImmediateTimeProvider _time = new();

    [Fact]
    public async Task A_GET_is_retried_after_a_503_and_succeeds()
    {
        var transport = new ScriptedTransport().Respond(HttpStatusCode.ServiceUnavailable, Unavailable).Respond(HttpStatusCode.OK, ActiveSession);
        using var client = Over(transport, maxRetries: 2, time: _time, timeout: Timeout.InfiniteTimeSpan);

        var session = await client.ActiveSession.GetAsync(MeetingId);

        Assert.Equal("s1", session.Id);
        Assert.Equal(2, transport.Requests.Count);
        var wait = Assert.Single(_time.Waits);
        Assert.InRange(wait, TimeSpan.FromSeconds(0.375), TimeSpan.FromSeconds(0.5));
    }

    [Fact]
    public async Task When_retries_run_out_the_last_RealtimeKitException_is_thrown_not_an_AggregateException()
    {
        var transport = new ScriptedTransport()
            .Respond(HttpStatusCode.BadGateway, "<html>bad gateway</html>")
            .Respond(HttpStatusCode.ServiceUnavailable)
            .Respond(HttpStatusCode.GatewayTimeout, """{"success":false,"error":{"code":504,"message":"Upstream timed out"}}""");
        using var client = Over(transport, maxRetries: 2, time: _time, timeout: Timeout.InfiniteTimeSpan);

        var error = await Assert.ThrowsAsync<RealtimeKitException>(() => client.ActiveSession.KickAllAsync(MeetingId));

        Assert.Equal("504 Gateway Timeout: Upstream timed out", error.Message);
        Assert.Equal(3, transport.Requests.Count);
        Assert.Equal(2, _time.Waits.Count);
        Assert.True(_time.Waits[1] > _time.Waits[0] * 1.4, "backoff grows");
    }

    [Fact]
    public async Task Create_poll_is_not_retried_after_a_500()
    {
        var transport = new ScriptedTransport().Respond(HttpStatusCode.InternalServerError, """{"success":false,"error":{"code":500,"message":"boom"}}""");
        using var client = Over(transport, maxRetries: 2, time: _time, timeout: Timeout.InfiniteTimeSpan);

        await Assert.ThrowsAsync<RealtimeKitException>(() => client.ActiveSession.CreatePollAsync(MeetingId, "q", ["a"]));

        Assert.Single(transport.Requests);
    }

    [Fact]
    public async Task Create_poll_is_retried_after_a_503_with_Retry_After_and_sends_the_same_body()
    {
        var transport = new ScriptedTransport().Respond(HttpStatusCode.ServiceUnavailable, Unavailable, ("Retry-After", "2")).Respond(HttpStatusCode.Created, PollCreated);
        using var client = Over(transport, maxRetries: 2, time: _time, timeout: Timeout.InfiniteTimeSpan);

        var poll = await client.ActiveSession.CreatePollAsync(MeetingId, "q", ["a"]);

        Assert.Equal("p1", poll.Poll!.Id);
        Assert.Equal([TimeSpan.FromSeconds(2)], _time.Waits);
        Assert.Equal(transport.Bodies[0], transport.Bodies[1]);
    }

    [Fact]
    public async Task Create_poll_is_not_retried_after_a_503_without_Retry_After()
    {
        var transport = new ScriptedTransport().Respond(HttpStatusCode.ServiceUnavailable, Unavailable);
        using var client = Over(transport, maxRetries: 2, time: _time, timeout: Timeout.InfiniteTimeSpan);

        var error = await Assert.ThrowsAsync<RealtimeKitException>(() => client.ActiveSession.CreatePollAsync(MeetingId, "q", ["a"]));

        Assert.Equal(503, error.StatusCode);
        Assert.Single(transport.Requests);
    }

    [Fact]
    public async Task Add_participant_is_retried_after_a_429()
    {
        var added = """{"success":true,"data":{"id":"182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e","token":"t","custom_participant_id":"c","preset_name":"p","created_at":"2019-12-27T18:11:19.117Z","updated_at":"2019-12-27T18:11:19.117Z"}}""";
        var transport = new ScriptedTransport().Respond(HttpStatusCode.TooManyRequests, """{"success":false,"errors":[{"code":971,"message":"Please wait"}],"messages":[]}""").Respond(HttpStatusCode.Created, added);
        using var client = Over(transport, maxRetries: 2, time: _time, timeout: Timeout.InfiniteTimeSpan);

        var participant = await client.Participants.AddAsync(MeetingId, "c", "p");

        Assert.Equal("t", participant.Token);
        Assert.Equal(2, transport.Requests.Count);
    }

    [Fact]
    public async Task Add_participant_is_retried_when_the_connection_was_refused_but_not_when_it_dropped_mid_request()
    {
        var added = """{"success":true,"data":{"id":"182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e","token":"t","custom_participant_id":"c","preset_name":"p","created_at":"2019-12-27T18:11:19.117Z","updated_at":"2019-12-27T18:11:19.117Z"}}""";
        var refused = new ScriptedTransport().Fail(HttpRequestError.ConnectionError).Respond(HttpStatusCode.Created, added);
        var dropped = new ScriptedTransport().Fail(HttpRequestError.ResponseEnded);
        using var first = Over(refused, maxRetries: 2, time: _time, timeout: Timeout.InfiniteTimeSpan);
        using var second = Over(dropped, maxRetries: 2, time: _time, timeout: Timeout.InfiniteTimeSpan);

        await first.Participants.AddAsync(MeetingId, "c", "p");
        var error = await Assert.ThrowsAsync<RealtimeKitConnectionException>(() => second.Participants.AddAsync(MeetingId, "c", "p"));

        Assert.Equal(2, refused.Requests.Count);
        Assert.Single(dropped.Requests);
        Assert.False(error.RequestNotSent);
        Assert.IsType<HttpRequestException>(error.InnerException);
    }

    [Fact]
    public async Task Connection_failures_on_reads_are_retried_then_surface_as_RealtimeKitConnectionException()
    {
        var transport = new ScriptedTransport().Fail(HttpRequestError.ConnectionError).Fail(HttpRequestError.ConnectionError).Fail(HttpRequestError.ConnectionError);
        using var client = Over(transport, maxRetries: 2, time: _time, timeout: Timeout.InfiniteTimeSpan);

        var error = await Assert.ThrowsAsync<RealtimeKitConnectionException>(() => client.ActiveSession.GetAsync(MeetingId));

        Assert.Equal(3, transport.Requests.Count);
        Assert.True(error.RequestNotSent);
        Assert.Contains("GET /client/v4/accounts/", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_real_refused_connection_surfaces_as_RealtimeKitConnectionException()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var client = Against($"http://127.0.0.1:{port}");

        var error = await Assert.ThrowsAsync<RealtimeKitConnectionException>(() => client.ActiveSession.GetAsync(MeetingId));

        Assert.True(error.RequestNotSent);
    }

    [Fact]
    public async Task An_attempt_that_outlives_the_timeout_is_a_RealtimeKitTimeoutException()
    {
        var time = new FakeTimeProvider();
        var transport = new ScriptedTransport().Hang();
        using var client = Over(transport, maxRetries: 0, time: time, timeout: TimeSpan.FromSeconds(60));

        var call = client.ActiveSession.GetAsync(MeetingId);
        await WaitUntil(() => transport.Requests.Count == 1);
        time.Advance(TimeSpan.FromSeconds(59));
        Assert.False(call.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1));

        var error = await Assert.ThrowsAsync<RealtimeKitTimeoutException>(() => call);
        Assert.Contains("timed out after 60 s", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_timed_out_read_is_retried_but_a_timed_out_poll_is_not()
    {
        var time = new FakeTimeProvider();
        var reads = new ScriptedTransport().Hang().Respond(HttpStatusCode.OK, ActiveSession);
        var polls = new ScriptedTransport().Hang();
        using var readClient = Over(reads, maxRetries: 2, time: time, timeout: TimeSpan.FromSeconds(5));
        using var pollClient = Over(polls, maxRetries: 2, time: time, timeout: TimeSpan.FromSeconds(5));

        var read = readClient.ActiveSession.GetAsync(MeetingId);
        var poll = pollClient.ActiveSession.CreatePollAsync(MeetingId, "q", ["a"]);
        await WaitUntil(() => reads.Requests.Count == 1 && polls.Requests.Count == 1);
        time.Advance(TimeSpan.FromSeconds(5));
        await Assert.ThrowsAsync<RealtimeKitTimeoutException>(() => poll);
        for (var i = 0; i < 500 && !read.IsCompleted; i++)
        {
            time.Advance(TimeSpan.FromSeconds(1)); // the backoff before the second attempt, whenever its timer exists
            await Task.Delay(10);
        }

        Assert.Equal("s1", (await read).Id);
        Assert.Equal(2, reads.Requests.Count);
        Assert.Single(polls.Requests);
    }

    [Fact]
    public async Task The_callers_cancellation_stays_an_OperationCanceledException_and_is_not_retried()
    {
        var transport = new ScriptedTransport().Hang();
        using var client = Over(transport, maxRetries: 2, time: _time, timeout: Timeout.InfiniteTimeSpan);
        using var cancel = new CancellationTokenSource();

        var call = client.ActiveSession.GetAsync(MeetingId, cancel.Token);
        await WaitUntil(() => transport.Requests.Count == 1);
        await cancel.CancelAsync();

        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.IsNotType<RealtimeKitTimeoutException>(error);
        Assert.Single(transport.Requests);
    }

    // Waits for the client's own background progress (no clock involved); bounded so a bug fails, not hangs.
    private static async Task WaitUntil(Func<bool> condition)
    {
        for (var i = 0; i < 500 && !condition(); i++)
        {
            await Task.Delay(10);
        }

        Assert.True(condition(), "condition not reached");
    }
}
