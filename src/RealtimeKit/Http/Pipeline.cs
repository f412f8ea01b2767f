using Microsoft.Extensions.Logging;
using RealtimeKit.Configuration;
using RealtimeKit.Telemetry;

namespace RealtimeKit.Http;

/// <summary>
/// The SDK's HTTP handlers, outermost first: telemetry → errors → retries (with per-attempt timeout and bounded body)
/// → attempt count (for telemetry) → User-Agent.
/// </summary>
internal static class Pipeline
{
    /// <summary>The handlers in order, to chain in front of a transport or add to an <c>IHttpClientBuilder</c>.</summary>
    public static DelegatingHandler[] CreateHandlers(ResolvedOptions options, ILogger logger) =>
    [
        new TelemetryHandler(options.BaseUrl, options.TimeProvider, logger),
        new ErrorResponseHandler(options.BaseUrl, options.MaxResponseSize, options.TimeProvider),
        new RetryHandler(new RetryPolicy(options.MaxRetries, options.TimeProvider, Random.Shared.NextDouble), options.Timeout, options.TimeProvider, logger, options.MaxResponseSize),
        new AttemptCounter(),
        new SdkHeadersHandler(),
    ];

    /// <summary>An <see cref="HttpClient"/> of the SDK handlers in front of <paramref name="transport"/>.</summary>
    public static HttpClient CreateClient(ResolvedOptions options, ILogger logger, HttpMessageHandler? transport)
    {
#if NET5_0_OR_GREATER
        HttpMessageHandler inner = transport ?? new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), AllowAutoRedirect = false };
#else
        HttpMessageHandler inner = transport ?? new HttpClientHandler { AllowAutoRedirect = false };
#endif
        DisableRedirects(inner);
        foreach (var handler in Enumerable.Reverse(CreateHandlers(options, logger)))
        {
            handler.InnerHandler = inner;
            inner = handler;
        }

        return new SdkHttpClient(inner, disposeHandler: true);
    }

    /// <summary>
    /// Turns off following redirects on the framework's handlers (the SDK never follows one: a 3xx becomes a
    /// <see cref="RealtimeKitException"/>). A handler already in use cannot be changed; a redirect it follows is
    /// still caught after the fact by <see cref="ErrorResponseHandler"/>.
    /// </summary>
    public static void DisableRedirects(HttpMessageHandler? handler)
    {
        for (var depth = 0; handler is not null && depth < 32; depth++)
        {
            try
            {
                switch (handler)
                {
#if NET5_0_OR_GREATER
                    case SocketsHttpHandler sockets:
                        sockets.AllowAutoRedirect = false;
                        return;
#endif
                    case HttpClientHandler client:
                        client.AllowAutoRedirect = false;
                        return;
                }
            }
            catch (InvalidOperationException)
            {
                // Already started: see above.
                return;
            }

            // A chain of the caller's handlers: the one at the end does the redirecting.
            handler = (handler as DelegatingHandler)?.InnerHandler;
        }
    }
}
