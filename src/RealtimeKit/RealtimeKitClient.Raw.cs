using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Kiota.Abstractions;
using RealtimeKit.Http;

namespace RealtimeKit;

public partial class RealtimeKitClient
{
    private static readonly Dictionary<string, Method> RawMethods = new(StringComparer.OrdinalIgnoreCase)
    {
        ["GET"] = Method.GET,
        ["POST"] = Method.POST,
        ["PUT"] = Method.PUT,
        ["PATCH"] = Method.PATCH,
        ["DELETE"] = Method.DELETE,
    };

    /// <summary>
    /// Sends one request to any RealtimeKit path through this client's pipeline: the same token, retries,
    /// timeouts and <see cref="RealtimeKitException"/> errors as every other call. For tools (such as
    /// <c>rtk api</c>) and operations the facade does not wrap; prefer the typed sub-clients in code.
    /// </summary>
    /// <param name="method">GET, POST, PUT, PATCH or DELETE.</param>
    /// <param name="pathAndQuery">
    /// The path after the base URL, with every id already escaped to one segment, and an optional query, e.g.
    /// <c>/accounts/{account}/realtime/kit/{app}/meetings?page_no=2</c>. It must start with <c>/accounts/</c>;
    /// <c>.</c> and <c>..</c> segments, <c>//</c>, <c>#</c>, <c>{</c> and <c>}</c> are refused.
    /// </param>
    /// <param name="jsonBody">The request body as JSON text, or null for none.</param>
    /// <param name="idempotent">
    /// Whether the request may be repeated after an outcome that leaves its fate unknown; when null, GET, PUT and
    /// DELETE are, POST and PATCH are not.
    /// </param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The whole response body as JSON (envelope included), or null when the response has no body.</returns>
    /// <exception cref="ArgumentException">An unknown method, a path that is not a RealtimeKit path, or a body that is not JSON.</exception>
    /// <exception cref="RealtimeKitException">The service failed the request, or answered with something that is not JSON.</exception>
    public virtual async Task<JsonNode?> SendAsync(string method, string pathAndQuery, string? jsonBody = null, bool? idempotent = null, CancellationToken cancellationToken = default)
    {
        Guard.NotBlank(method, nameof(method));
        if (!RawMethods.TryGetValue(method, out var kiotaMethod))
        {
            throw new ArgumentException($"Expected GET, POST, PUT, PATCH or DELETE for method, got '{method}'.", nameof(method));
        }

        CheckRawPath(pathAndQuery);
        byte[]? body = null;
        if (jsonBody is not null)
        {
            try
            {
                using var parsed = JsonDocument.Parse(jsonBody);
            }
            catch (JsonException e)
            {
                throw new ArgumentException($"Expected JSON text for jsonBody: {e.Message}", nameof(jsonBody), e);
            }

            body = Encoding.UTF8.GetBytes(jsonBody);
        }

        var request = new RequestInformation { HttpMethod = kiotaMethod, UrlTemplate = "{+baseurl}" + pathAndQuery };
        request.Headers.TryAdd("Accept", "application/json");
        if (body is not null)
        {
            request.SetStreamContent(new MemoryStream(body), "application/json");
        }

        var repeatable = idempotent ?? kiotaMethod is not (Method.POST or Method.PATCH);
        request.AddRequestOptions([repeatable ? RetrySafety.IdempotentRequest : RetrySafety.NonIdempotentRequest]);
        var stream = await Adapter.SendPrimitiveAsync<Stream>(request, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (stream is null)
        {
            return null;
        }

        await using (stream.ConfigureAwait(false))
        {
            try
            {
                return await JsonNode.ParseAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false);
            }
            catch (JsonException e)
            {
                throw new RealtimeKitException(200, $"the response to {method.ToUpperInvariant()} {pathAndQuery.Split('?')[0]} is not JSON: {e.Message}");
            }
        }
    }

    private static void CheckRawPath(string pathAndQuery)
    {
        Guard.NotBlank(pathAndQuery, nameof(pathAndQuery));
        var path = pathAndQuery.Split('?', 2)[0];
        var problem =
            !path.StartsWith("/accounts/", StringComparison.Ordinal) ? "it must start with '/accounts/'"
            : path.Contains("//", StringComparison.Ordinal) ? "it contains an empty segment ('//')"
            : path.Split('/').Any(segment => segment is "." or "..") ? "it contains a '.' or '..' segment"
            : pathAndQuery.IndexOfAny(['#', '{', '}', ' ', '\r', '\n']) >= 0 ? "it contains '#', '{', '}', a space or a line break (escape ids first)"
            : null;
        if (problem is not null)
        {
            throw new ArgumentException($"Expected a RealtimeKit path for pathAndQuery, got '{pathAndQuery}': {problem}.", nameof(pathAndQuery));
        }
    }
}
