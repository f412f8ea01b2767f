using Microsoft.Extensions.Logging;
using RealtimeKit.Configuration;

namespace RealtimeKit.Http;

/// <summary>The SDK's HTTP handlers, outermost first: errors → retries (with per-attempt timeout) → User-Agent.</summary>
internal static class Pipeline
{
    /// <summary>The handlers in order, to chain in front of a transport or add to an <c>IHttpClientBuilder</c>.</summary>
    public static DelegatingHandler[] CreateHandlers(ResolvedOptions options, ILogger logger) =>
    [
        new ErrorResponseHandler(),
        new RetryHandler(new RetryPolicy(options.MaxRetries, options.TimeProvider, Random.Shared.NextDouble), options.Timeout, options.TimeProvider, logger),
        new SdkHeadersHandler(),
    ];

    /// <summary>An <see cref="HttpClient"/> of the SDK handlers in front of <paramref name="transport"/>.</summary>
    public static HttpClient CreateClient(ResolvedOptions options, ILogger logger, HttpMessageHandler? transport)
    {
        HttpMessageHandler inner = transport ?? new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        foreach (var handler in Enumerable.Reverse(CreateHandlers(options, logger)))
        {
            handler.InnerHandler = inner;
            inner = handler;
        }

        // Timeouts are per attempt, in RetryHandler; HttpClient's own would cut across retries.
        return new HttpClient(inner, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
    }
}
