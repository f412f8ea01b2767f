using System.Net;
using Microsoft.Extensions.Time.Testing;
using RealtimeKit.Http;
using RealtimeKit.Tests.Support;
using static RealtimeKit.Tests.Support.TestClients;

namespace RealtimeKit.Tests.Mutation;

/// <summary>
/// The edges of the retry rules: a server asking for no wait or exactly the 60 s the SDK honours, a cancellation that
/// is not the attempt timeout, a body that stalls after the headers, and what the final timeout and connection
/// errors say (which attempt, and why the SDK stopped).
/// </summary>
public sealed class RetryEdgeTests
{
    private const string ActiveSession = """{"success":true,"data":{"id":"s1","associated_id":"m","created_at":"c","updated_at":"u","started_at":"s","live_participants":1,"max_concurrent_participants":1,"minutes_consumed":0,"meeting_display_name":"n","organization_id":"o","status":"LIVE","type":"meeting"}}""";
    private const string Limited = """{"success":false,"error":{"code":429,"message":"slow down"}}""";
    private readonly ImmediateTimeProvider _time = new();

    [Theory]
    [InlineData("Retry-After", "0")]
    [InlineData("retry-after-ms", "0")]
    public async Task Retry_After_zero_retries_at_once_not_after_the_backoff(string header, string value)
    {
        var transport = new ScriptedTransport().Respond(HttpStatusCode.TooManyRequests, Limited, (header, value)).Respond(HttpStatusCode.OK, ActiveSession);
        using var client = Over(transport, maxRetries: 1, time: _time, timeout: Timeout.InfiniteTimeSpan);

        var session = await client.ActiveSession.GetAsync(MeetingId);

        Assert.Equal("s1", session.Id);
        Assert.Equal(2, transport.Requests.Count);
        Assert.Empty(_time.Waits); // a zero wait sets no timer; the backoff would have asked for 0.375 to 0.5 s
    }

    [Fact]
    public void Retry_After_as_a_date_that_is_now_means_no_wait()
    {
        var headers = new HttpResponseMessage().Headers;
        headers.TryAddWithoutValidation("Retry-After", _time.Now.ToString("R"));

        Assert.Equal(TimeSpan.Zero, RetryPolicy.RequestedDelay(headers, _time.Now));
    }

    [Theory]
    [InlineData("Retry-After", "60")]
    [InlineData("retry-after-ms", "60000")]
    public async Task Retry_After_of_exactly_sixty_seconds_is_honoured_and_waited(string header, string value)
    {
        var transport = new ScriptedTransport().Respond(HttpStatusCode.TooManyRequests, Limited, (header, value)).Respond(HttpStatusCode.OK, ActiveSession);
        using var client = Over(transport, maxRetries: 1, time: _time, timeout: Timeout.InfiniteTimeSpan);

        await client.ActiveSession.GetAsync(MeetingId);

        Assert.Equal(2, transport.Requests.Count);
        Assert.Equal(TimeSpan.FromSeconds(60), Assert.Single(_time.Waits));
    }

    [Fact]
    public async Task A_final_429_asking_for_exactly_sixty_seconds_reports_that_wait()
    {
        var transport = new ScriptedTransport().Respond(HttpStatusCode.TooManyRequests, Limited, ("Retry-After", "60"));
        using var client = Over(transport, maxRetries: 0, time: _time, timeout: Timeout.InfiniteTimeSpan);

        var error = await Assert.ThrowsAsync<RealtimeKitException>(() => client.ActiveSession.GetAsync(MeetingId));

        Assert.Equal(TimeSpan.FromSeconds(60), error.RetryAfter);
    }

    [Fact]
    public async Task A_cancellation_that_is_not_the_attempt_timeout_is_neither_a_timeout_nor_retried()
    {
        // A handler or transport giving up on its own (not the caller, not the SDK's attempt timeout).
        var transport = new ScriptedTransport().Then((_, _) => throw new TaskCanceledException("the transport gave up")).Respond(HttpStatusCode.OK, ActiveSession);
        using var client = Over(transport, maxRetries: 2, time: _time, timeout: Timeout.InfiniteTimeSpan);

        var error = await Assert.ThrowsAnyAsync<Exception>(() => client.ActiveSession.GetAsync(MeetingId));

        Assert.IsNotType<RealtimeKitTimeoutException>(error);
        Assert.IsType<RealtimeKitClientException>(error);
        Assert.Contains("TaskCanceledException", error.Message, StringComparison.Ordinal);
        Assert.Single(transport.Requests);
    }

    [Fact]
    public async Task The_attempt_timeout_covers_reading_a_body_that_stalls_after_the_headers()
    {
        var time = new FakeTimeProvider();
        var transport = new ScriptedTransport().Then((_, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StreamContent(new StallingStream("""{"success":true,"data":{"""u8.ToArray())),
        }));
        using var client = Over(transport, maxRetries: 0, time: time, timeout: TimeSpan.FromSeconds(5));

        var call = client.ActiveSession.GetAsync(MeetingId);
        await WaitUntil(() => transport.Requests.Count == 1);
        for (var i = 0; i < 500 && !call.IsCompleted; i++)
        {
            time.Advance(TimeSpan.FromSeconds(5)); // whenever the attempt's timer exists
            await Task.Delay(10);
        }

        Assert.True(call.IsCompleted, "the stalled body was not cut by the attempt timeout");
        var error = await Assert.ThrowsAsync<RealtimeKitTimeoutException>(() => call);
        Assert.Contains("timed out after 5 s on attempt 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_final_timeout_names_the_attempt_and_why_retries_stopped()
    {
        // The immediate clock fires every attempt's timeout at once.
        var transport = new ScriptedTransport().Hang().Hang();
        using var client = Over(transport, maxRetries: 1, time: _time, timeout: TimeSpan.FromSeconds(5));

        var error = await Assert.ThrowsAsync<RealtimeKitTimeoutException>(() => client.ActiveSession.GetAsync(MeetingId));

        Assert.Equal($"GET /client/v4{Prefix}/active-session timed out after 5 s on attempt 2 (timeout; retries exhausted (1)).", error.Message);
        Assert.IsType<TimeoutException>(error.InnerException);
    }

    [Fact]
    public async Task A_timed_out_write_names_why_it_was_not_retried()
    {
        var transport = new ScriptedTransport().Hang();
        using var client = Over(transport, maxRetries: 2, time: _time, timeout: TimeSpan.FromSeconds(5));

        var error = await Assert.ThrowsAsync<RealtimeKitTimeoutException>(() => client.ActiveSession.CreatePollAsync(MeetingId, "q", ["a"]));

        Assert.EndsWith("on attempt 1 (a timed-out request that is not idempotent may have been processed).", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_final_connection_failure_names_the_attempt_the_cause_and_why_retries_stopped()
    {
        var transport = new ScriptedTransport().Fail(HttpRequestError.ConnectionError).Fail(HttpRequestError.ConnectionError).Fail(HttpRequestError.ConnectionError);
        using var client = Over(transport, maxRetries: 2, time: _time, timeout: Timeout.InfiniteTimeSpan);

        var error = await Assert.ThrowsAsync<RealtimeKitConnectionException>(() => client.ActiveSession.GetAsync(MeetingId));

        Assert.Equal($"GET /client/v4{Prefix}/active-session failed to reach the service on attempt 3: Simulated ConnectionError. (connection failure; retries exhausted (2)).", error.Message);
    }

    [Fact]
    public async Task A_dropped_write_names_why_it_was_not_retried()
    {
        var transport = new ScriptedTransport().Fail(HttpRequestError.ResponseEnded);
        using var client = Over(transport, maxRetries: 2, time: _time, timeout: Timeout.InfiniteTimeSpan);

        var error = await Assert.ThrowsAsync<RealtimeKitConnectionException>(() => client.ActiveSession.CreatePollAsync(MeetingId, "q", ["a"]));

        Assert.EndsWith("on attempt 1: Simulated ResponseEnded. (the connection failed after the request may have been sent).", error.Message, StringComparison.Ordinal);
        Assert.False(error.RequestNotSent);
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        for (var i = 0; i < 500 && !condition(); i++)
        {
            await Task.Delay(10);
        }

        Assert.True(condition(), "condition not reached");
    }

    /// <summary>Gives its start, then never another byte until the read is cancelled.</summary>
    private sealed class StallingStream(byte[] start) : Stream
    {
        private bool _started;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (!_started)
            {
                _started = true;
                start.CopyTo(buffer);
                return start.Length;
            }

            await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
            return 0;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("reads are asynchronous");

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
