using System.Net;
using RealtimeKit.Http;
using RealtimeKit.Tests.Support;

namespace RealtimeKit.Tests;

/// <summary>The retry rules as pure decisions: statuses, idempotency, backoff, jitter, Retry-After.</summary>
public class RetryPolicyTests
{
    private readonly ImmediateTimeProvider _time = new();

    private RetryPolicy Policy(int maxRetries = 2, double random = 0) => new(maxRetries, _time, () => random);

    private static System.Net.Http.Headers.HttpResponseHeaders Headers(params (string Name, string Value)[] headers)
    {
        var response = new HttpResponseMessage();
        foreach (var (name, value) in headers)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return response.Headers;
    }

    // The retry matrix: status × idempotency → retried?
    [Theory]
    [InlineData(408, true, true)]
    [InlineData(429, true, true)]
    [InlineData(500, true, true)]
    [InlineData(502, true, true)]
    [InlineData(503, true, true)]
    [InlineData(504, true, true)]
    [InlineData(400, true, false)]
    [InlineData(401, true, false)]
    [InlineData(403, true, false)]
    [InlineData(404, true, false)]
    [InlineData(409, true, false)]
    [InlineData(422, true, false)]
    [InlineData(408, false, false)]
    [InlineData(429, false, true)]
    [InlineData(500, false, false)]
    [InlineData(502, false, false)]
    [InlineData(503, false, false)]
    [InlineData(504, false, false)]
    [InlineData(599, true, true)]
    [InlineData(600, true, false)]
    [InlineData(499, true, false)]
    public void Statuses_are_retried_by_this_matrix(int status, bool idempotent, bool retried)
    {
        var decision = Policy().ForResponse(0, (HttpStatusCode)status, Headers(), idempotent);

        Assert.Equal(retried, decision.Retry);
    }

    [Theory]
    [InlineData(404, "404 is final")]
    [InlineData(600, "600 is final")]
    public void A_final_status_stops_saying_so(int status, string reason)
    {
        var decision = Policy().ForResponse(0, (HttpStatusCode)status, Headers(), idempotent: true);

        Assert.Equal(RetryDecision.Stop(reason), decision);
    }

    [Fact]
    public void A_503_with_Retry_After_is_retried_even_when_not_idempotent()
    {
        var decision = Policy().ForResponse(0, HttpStatusCode.ServiceUnavailable, Headers(("Retry-After", "3")), idempotent: false);

        Assert.True(decision.Retry);
        Assert.Equal(TimeSpan.FromSeconds(3), decision.Delay);
    }

    [Theory]
    [InlineData(HttpRequestError.ConnectionError, false, true)]
    [InlineData(HttpRequestError.NameResolutionError, false, true)]
    [InlineData(HttpRequestError.SecureConnectionError, false, true)]
    [InlineData(HttpRequestError.ResponseEnded, false, false)]
    [InlineData(HttpRequestError.Unknown, false, false)]
    [InlineData(HttpRequestError.ResponseEnded, true, true)]
    [InlineData(HttpRequestError.Unknown, true, true)]
    public void Connection_failures_are_retried_for_writes_only_when_nothing_was_sent(HttpRequestError error, bool idempotent, bool retried)
    {
        var decision = Policy().ForConnectionFailure(0, new HttpRequestException(error, "x"), idempotent);

        Assert.Equal(retried, decision.Retry);
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData(false, false)]
    public void Timeouts_are_retried_only_when_idempotent(bool idempotent, bool retried)
    {
        Assert.Equal(retried, Policy().ForTimeout(0, idempotent).Retry);
    }

    [Theory]
    [InlineData(0, 0.5)]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 4)]
    [InlineData(4, 8)]
    [InlineData(5, 8)]
    [InlineData(9, 8)]
    public void Backoff_starts_at_half_a_second_doubles_and_caps_at_eight(int retriesDone, double seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds), Policy(maxRetries: 10, random: 0).Backoff(retriesDone));
    }

    [Fact]
    public void Jitter_takes_off_at_most_a_quarter()
    {
        Assert.Equal(TimeSpan.FromSeconds(0.75), Policy(random: 1).Backoff(1));
        Assert.Equal(TimeSpan.FromSeconds(0.875), Policy(random: 0.5).Backoff(1));
    }

    [Fact]
    public void Retries_stop_at_the_maximum()
    {
        var policy = Policy(maxRetries: 2);

        Assert.True(policy.ForResponse(1, HttpStatusCode.BadGateway, Headers(), true).Retry);
        Assert.False(policy.ForResponse(2, HttpStatusCode.BadGateway, Headers(), true).Retry);
        Assert.False(Policy(maxRetries: 0).ForResponse(0, HttpStatusCode.BadGateway, Headers(), true).Retry);
    }

    [Fact]
    public void Retry_After_in_seconds_an_http_date_or_milliseconds_is_honoured()
    {
        var policy = Policy();

        Assert.Equal(TimeSpan.FromSeconds(7), policy.RetryAfter(Headers(("Retry-After", "7"))));
        Assert.Equal(TimeSpan.FromSeconds(30), policy.RetryAfter(Headers(("Retry-After", _time.Now.AddSeconds(30).ToString("R")))));
        Assert.Equal(TimeSpan.FromMilliseconds(1500), policy.RetryAfter(Headers(("retry-after-ms", "1500"), ("Retry-After", "9"))));
    }

    [Fact]
    public void Retry_After_in_the_past_falls_back_to_backoff()
    {
        var policy = Policy(random: 0);

        Assert.Null(policy.RetryAfter(Headers(("Retry-After", _time.Now.AddSeconds(-5).ToString("R")))));
        Assert.Equal(TimeSpan.FromSeconds(0.5), policy.ForResponse(0, HttpStatusCode.TooManyRequests, Headers(("Retry-After", _time.Now.AddSeconds(-5).ToString("R"))), true).Delay);
    }

    [Theory]
    [InlineData("Retry-After", "61", 61)]
    [InlineData("Retry-After", "3600", 3600)]
    [InlineData("retry-after-ms", "90000", 90)]
    public void Retry_After_beyond_sixty_seconds_is_not_retried_sooner_but_not_at_all(string header, string value, double seconds)
    {
        var decision = Policy().ForResponse(0, HttpStatusCode.TooManyRequests, Headers((header, value)), idempotent: true);

        Assert.False(decision.Retry);
        Assert.Contains("beyond the 60 s", decision.Reason, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromSeconds(seconds), RetryPolicy.RequestedDelay(Headers((header, value)), _time.Now));
    }

    [Theory]
    [InlineData("retry-after-ms", "NaN")]
    [InlineData("retry-after-ms", "Infinity")]
    [InlineData("retry-after-ms", "-Infinity")]
    [InlineData("retry-after-ms", "1e300")]
    [InlineData("retry-after-ms", "-5")]
    [InlineData("retry-after-ms", "")]
    [InlineData("retry-after-ms", "12abc")]
    [InlineData("Retry-After", "-3")]
    [InlineData("Retry-After", "soon")]
    [InlineData("Retry-After", "99999999999999999999")]
    [InlineData("Retry-After", "1.5")]
    public void Malformed_Retry_After_values_are_ignored_never_thrown(string header, string value)
    {
        var policy = Policy(random: 0);

        Assert.Null(RetryPolicy.RequestedDelay(Headers((header, value)), _time.Now));
        var decision = policy.ForResponse(0, HttpStatusCode.TooManyRequests, Headers((header, value)), true);
        Assert.True(decision.Retry);
        Assert.Equal(TimeSpan.FromSeconds(0.5), decision.Delay);
    }

    [Fact]
    public void A_429_waits_what_the_server_asks()
    {
        var decision = Policy().ForResponse(0, HttpStatusCode.TooManyRequests, Headers(("Retry-After", "12")), idempotent: false);

        Assert.Equal(TimeSpan.FromSeconds(12), decision.Delay);
    }
}
