using System.Globalization;
using System.Net;

namespace RealtimeKit.Http;

/// <summary>What to do after an attempt: retry after <see cref="Delay"/>, or stop.</summary>
/// <param name="Retry">Whether to send the request again.</param>
/// <param name="Delay">How long to wait first.</param>
/// <param name="Reason">Why, for logs.</param>
internal readonly record struct RetryDecision(bool Retry, TimeSpan Delay, string Reason)
{
    public static RetryDecision Stop(string reason) => new(false, TimeSpan.Zero, reason);
}

/// <summary>
/// The SDK's one retry policy, as pure decisions (no I/O, no waiting) so every rule is unit-testable.
/// Retries 408, 429, 5xx, connection failures and timeouts with exponential backoff (0.5 s doubling to an
/// 8 s cap, up to 25% jitter), honouring <c>Retry-After</c> / <c>retry-after-ms</c> up to 60 s. A server that asks
/// for a longer wait is not retried at all (the exception carries the wait, for the caller to schedule), and a
/// malformed value is ignored. Requests that are not idempotent are repeated only when they provably were not
/// processed: the connection was never made, the answer was 429, or 503 with <c>Retry-After</c>.
/// </summary>
internal sealed class RetryPolicy(int maxRetries, TimeProvider time, Func<double> random)
{
    public static readonly TimeSpan InitialDelay = TimeSpan.FromSeconds(0.5);
    public static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(8);
    public static readonly TimeSpan MaxRetryAfter = TimeSpan.FromSeconds(60);
    public const double MaxJitter = 0.25;

    public int MaxRetries { get; } = maxRetries;

    /// <summary>After a response with <paramref name="status"/> on retry number <paramref name="retriesDone"/>.</summary>
    public RetryDecision ForResponse(int retriesDone, HttpStatusCode status, System.Net.Http.Headers.HttpResponseHeaders headers, bool idempotent)
    {
        var code = (int)status;
        var retryable = code is 408 or 429 or (>= 500 and < 600);
        if (!retryable)
        {
            return RetryDecision.Stop($"{code} is final");
        }

        var requested = RequestedDelay(headers, time.GetUtcNow());
        if (!idempotent && !(code == 429 || (code == 503 && requested is not null)))
        {
            return RetryDecision.Stop($"{code} on a request that is not idempotent may have been processed");
        }

        if (requested > MaxRetryAfter)
        {
            return RetryDecision.Stop($"status {code} asks to wait {requested.Value.TotalSeconds:0.###} s, beyond the {MaxRetryAfter.TotalSeconds:0} s the SDK waits");
        }

        return Next(retriesDone, $"status {code}", requested);
    }

    /// <summary>After the transport failed.</summary>
    public RetryDecision ForConnectionFailure(int retriesDone, HttpRequestException failure, bool idempotent)
    {
        if (!idempotent && !NotSent(failure))
        {
            return RetryDecision.Stop("the connection failed after the request may have been sent");
        }

        return Next(retriesDone, "connection failure", null);
    }

    /// <summary>After an attempt ran out of time.</summary>
    public RetryDecision ForTimeout(int retriesDone, bool idempotent) =>
        idempotent ? Next(retriesDone, "timeout", null) : RetryDecision.Stop("a timed-out request that is not idempotent may have been processed");

    /// <summary>Whether a transport failure happened before anything was sent.</summary>
    public static bool NotSent(HttpRequestException failure) =>
#if NET8_0_OR_GREATER
        failure.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError;
#else
        // Before .NET 8 the exception does not say how far the request got: a connection refused or a name not
        // resolved arrives as a SocketException inside it, anything else may have been sent.
        failure.InnerException is System.Net.Sockets.SocketException;
#endif

    /// <summary>The backoff before retry number <paramref name="retriesDone"/> + 1, jitter included.</summary>
    public TimeSpan Backoff(int retriesDone)
    {
        var seconds = Math.Min(InitialDelay.TotalSeconds * Math.Pow(2, retriesDone), MaxDelay.TotalSeconds);
        return TimeSpan.FromSeconds(seconds * (1 - (random() * MaxJitter)));
    }

    /// <summary>The server's requested wait when it is at most 60 seconds (what the SDK honours), else null.</summary>
    public TimeSpan? RetryAfter(System.Net.Http.Headers.HttpResponseHeaders headers) =>
        RequestedDelay(headers, time.GetUtcNow()) is { } wait && wait <= MaxRetryAfter ? wait : null;

    /// <summary>
    /// The wait the server asked for, uncapped: <c>retry-after-ms</c> (milliseconds) first, then <c>Retry-After</c>
    /// (seconds or an HTTP date). Malformed, negative, non-finite or unrepresentable values, and dates in the past,
    /// count as no request at all: they are ignored, never thrown.
    /// </summary>
    public static TimeSpan? RequestedDelay(System.Net.Http.Headers.HttpResponseHeaders headers, DateTimeOffset now)
    {
        if (headers.TryGetValues("retry-after-ms", out var ms)
            && double.TryParse(ms.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var milliseconds)
            && double.IsFinite(milliseconds) && milliseconds >= 0 && milliseconds < MaxRepresentableMilliseconds)
        {
            return TimeSpan.FromMilliseconds(milliseconds);
        }

        System.Net.Http.Headers.RetryConditionHeaderValue? retryAfter;
        try
        {
            retryAfter = headers.RetryAfter;
        }
        catch (FormatException)
        {
            return null;
        }

        if (retryAfter?.Delta is { } delta)
        {
            return delta >= TimeSpan.Zero ? delta : null;
        }

        if (retryAfter?.Date is { } date)
        {
            var wait = date - now;
            return wait >= TimeSpan.Zero ? wait : null;
        }

        return null;
    }

    // TimeSpan holds about 29,000 years; anything near that is not a wait anyone means.
    private static readonly double MaxRepresentableMilliseconds = TimeSpan.MaxValue.TotalMilliseconds / 2;

    private RetryDecision Next(int retriesDone, string reason, TimeSpan? retryAfter)
    {
        if (retriesDone >= MaxRetries)
        {
            return RetryDecision.Stop($"{reason}; retries exhausted ({MaxRetries})");
        }

        return new RetryDecision(true, retryAfter ?? Backoff(retriesDone), reason);
    }
}
