namespace RealtimeKit.Http;

/// <summary>
/// The <see cref="HttpClient"/> under the Kiota adapter. Kiota sends with <see cref="HttpCompletionOption.ResponseContentRead"/>,
/// which makes <see cref="HttpClient"/> buffer every body again (a second copy, with its own 2 GiB limit) after the SDK's
/// handlers have read it within <c>MaxResponseSize</c>; this client completes at the headers instead, so the body
/// <see cref="BufferedBody"/> holds is the only copy.
/// </summary>
internal sealed class SdkHttpClient : HttpClient
{
    public SdkHttpClient(HttpMessageHandler handler, bool disposeHandler)
        : base(handler, disposeHandler)
    {
        // Timeouts are per attempt, in RetryHandler; HttpClient's own would cut across retries.
        Timeout = System.Threading.Timeout.InfiniteTimeSpan;
    }

    public override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
}
