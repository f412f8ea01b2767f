using RealtimeKit.Errors;

namespace RealtimeKit.Http;

/// <summary>
/// Outermost SDK handler: turns every failed response (after retries) into a <see cref="RealtimeKitException"/>,
/// including a 2xx whose body says <c>"success": false</c>, so Kiota only ever parses real successes.
/// </summary>
internal sealed class ErrorResponseHandler : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (response.IsSuccessStatusCode && !ServiceErrorReader.SaysUnsuccessful(body))
        {
            return response;
        }

        using (response)
        {
            throw ServiceErrorReader.Read((int)response.StatusCode, response.Headers, response.Content.Headers.ContentType?.MediaType, body);
        }
    }
}
