using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
#if NET8_0_OR_GREATER
using System.Text.Unicode;
#endif
using RealtimeKit.Errors;

namespace RealtimeKit.Http;

/// <summary>
/// Outermost SDK handler, the one place every response is judged:
/// <list type="bullet">
/// <item>Before sending: a request for another origin than <c>BaseUrl</c>'s, or whose path holds a <c>.</c> or
/// <c>..</c> segment (which System.Uri would resolve into another path), is refused and nothing is sent.</item>
/// <item>After: a redirect the transport followed, any non-2xx (3xx included: redirects are never followed), a
/// 2xx whose body was longer than <c>MaxResponseSize</c>, is not JSON, not UTF-8, malformed, too deep, not an object,
/// says <c>"success": false</c>, or whose <c>data</c> is neither an object nor an array, all become one
/// <see cref="RealtimeKitException"/> with the real status and a bounded excerpt.</item>
/// <item>Anything else that escapes the pipeline becomes a <see cref="RealtimeKitClientException"/>.</item>
/// </list>
/// A 2xx body that passes is parsed once here and handed to Kiota without a copy (<see cref="BufferedJsonParseNodeFactory"/>).
/// </summary>
internal sealed class ErrorResponseHandler(Uri baseUrl, long maxResponseSize = RealtimeKitClientOptions.DefaultMaxResponseSize, TimeProvider? time = null) : DelegatingHandler
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var sentTo = request.RequestUri;
        CheckTarget(request);
        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not RealtimeKitClientException && !(e is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            // Only the type: a foreign message may quote headers, the token among them.
            throw new RealtimeKitClientException($"{Target(request)} failed in the HTTP pipeline ({e.GetType().Name}).", e);
        }

        try
        {
            await JudgeAsync(request, sentTo, response, cancellationToken).ConfigureAwait(false);
            return response;
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    private async Task JudgeAsync(HttpRequestMessage request, Uri? sentTo, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        var body = response.Content as BufferedBody
            ?? await BufferedBody.ReplaceContentAsync(response, response.IsSuccessStatusCode ? maxResponseSize : BufferedBody.ErrorBodyLimit, cancellationToken).ConfigureAwait(false);
        if (ResponseRecord.Of(request) is { } record)
        {
            record.Status = status;
            record.Body = body;
            record.RequestId = ServiceErrorReader.RequestId(response.Headers);
        }

        // A transport that follows redirects by itself (a handler the SDK could not configure) changes the request's URI.
        if (response.RequestMessage?.RequestUri is { } final && sentTo is not null && final != sentTo)
        {
            throw new RealtimeKitException(status, $"the transport followed a redirect to {SafeText.Clean(final.GetLeftPart(UriPartial.Path), 256)}; the SDK does not follow redirects (set AllowAutoRedirect = false on your handler).", requestId: ServiceErrorReader.RequestId(response.Headers));
        }

        var contentType = response.Content.Headers.ContentType;
        if (!response.IsSuccessStatusCode)
        {
            throw ServiceErrorReader.Read(status, response.Headers, contentType?.MediaType, body, RetryPolicy.RequestedDelay(response.Headers, _time.GetUtcNow()));
        }

        if (!body.Complete)
        {
            var size = body.DeclaredLength is { } declared ? $"declared {declared.ToString(CultureInfo.InvariantCulture)} bytes" : "was longer";
            throw Unreadable(status, response, body, $"the response body {size}, above MaxResponseSize ({maxResponseSize.ToString(CultureInfo.InvariantCulture)} bytes); it was not read (the request itself was processed).");
        }

        if (body.Length == 0)
        {
            // No body: whether that is acceptable depends on the operation (SdkRequestAdapter decides).
            return;
        }

        if (!IsJson(contentType?.MediaType))
        {
            throw Unreadable(status, response, body, $"the response is {(contentType?.MediaType is { } type ? SafeText.Quote(type) : "of no content type")}, not JSON.");
        }

        if (contentType?.CharSet is { } charset && !IsUtf8(charset))
        {
            throw Unreadable(status, response, body, $"the response declares charset '{SafeText.Quote(charset)}'; JSON is read only as UTF-8.");
        }

        var bytes = body.Bytes;
        if (!IsValidUtf8(bytes.Span))
        {
            throw Unreadable(status, response, body, "the response is not valid UTF-8.");
        }

        if (bytes.Span.StartsWith("\uFEFF"u8))
        {
            bytes = bytes[3..];
        }

        JsonEnvelope envelope;
        try
        {
            envelope = JsonEnvelope.Scan(bytes.Span, ServiceErrorReader.JsonOptions);
        }
        catch (JsonException e)
        {
            throw Unreadable(status, response, body, $"the response is not valid JSON: {SafeText.Clean(e.Message, 300)}");
        }

        if (envelope.Root != JsonValueKind.Object)
        {
            throw Unreadable(status, response, body, $"the response is a JSON {Kind(envelope.Root)}, not an object.");
        }

        if (envelope.Success == JsonValueKind.False)
        {
            // Rare, and small: the error is read from a document, as every error body is.
            throw ServiceErrorReader.Unsuccessful(status, response.Headers, JsonDocument.Parse(bytes, ServiceErrorReader.JsonOptions).RootElement, body);
        }

        body.DataKind = envelope.Data;
        if (body.DataKind is not (JsonValueKind.Undefined or JsonValueKind.Null or JsonValueKind.Object or JsonValueKind.Array))
        {
            throw Unreadable(status, response, body, $"the response's data is a JSON {Kind(body.DataKind)}, not an object or an array.");
        }

        body.CheckedJson = bytes;
    }

    // Only BaseUrl's origin, and only paths that System.Uri will not rewrite.
    private void CheckTarget(HttpRequestMessage request)
    {
        if (request.RequestUri is not { IsAbsoluteUri: true } uri)
        {
            throw new RealtimeKitClientException($"{Target(request)}: the request has no absolute URL; nothing was sent.");
        }

        if (!SameOrigin(uri, baseUrl))
        {
            throw new RealtimeKitClientException($"{request.Method} to {SafeText.Clean(uri.GetLeftPart(UriPartial.Authority), 256)} refused: the client sends only to {baseUrl.GetLeftPart(UriPartial.Authority)} (its BaseUrl); nothing was sent.");
        }

        if (HasDotSegment(uri.OriginalString))
        {
            throw new RealtimeKitClientException($"{request.Method} refused: the URL has a '.' or '..' path segment, which would send it to another path; nothing was sent.");
        }
    }

    /// <summary>Whether scheme, host and port are the same.</summary>
    internal static bool SameOrigin(Uri a, Uri b) =>
        string.Equals(a.Scheme, b.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(a.IdnHost, b.IdnHost, StringComparison.OrdinalIgnoreCase)
        && a.Port == b.Port;

    /// <summary>Whether the path of an absolute URL as written holds a <c>.</c> or <c>..</c> segment (also as <c>%2e</c>).</summary>
    internal static bool HasDotSegment(string url)
    {
        // Read in place: this runs for every request, and a split would allocate every segment.
        var scheme = url.IndexOf("://", StringComparison.Ordinal);
        var pathStart = scheme < 0 ? 0 : url.IndexOf('/', scheme + 3);
        if (pathStart < 0)
        {
            return false;
        }

        var path = url.AsSpan(pathStart);
        var end = path.IndexOfAny('?', '#');
        path = end < 0 ? path : path[..end];
        while (true)
        {
            var slash = path.IndexOf('/');
            if (IsDotSegment(slash < 0 ? path : path[..slash]))
            {
                return true;
            }

            if (slash < 0)
            {
                return false;
            }

            path = path[(slash + 1)..];
        }
    }

    // "." or "..", each dot also as %2e.
    private static bool IsDotSegment(ReadOnlySpan<char> segment)
    {
        var dots = 0;
        while (!segment.IsEmpty)
        {
            if (segment[0] == '.')
            {
                segment = segment[1..];
            }
            else if (segment.StartsWith("%2e", StringComparison.OrdinalIgnoreCase))
            {
                segment = segment[3..];
            }
            else
            {
                return false;
            }

            dots++;
        }

        return dots is 1 or 2;
    }

    private static bool IsJson(string? mediaType) =>
        mediaType is not null
        && (mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || (mediaType.StartsWith("application/", StringComparison.OrdinalIgnoreCase) && mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase)));

    // Utf8.IsValid is .NET 8's; the strict decoder (which throws on invalid bytes) says the same elsewhere.
    private static bool IsValidUtf8(ReadOnlySpan<byte> bytes)
    {
#if NET8_0_OR_GREATER
        return Utf8.IsValid(bytes);
#else
        try
        {
            _ = StrictUtf8.GetCharCount(bytes.ToArray());
            return true;
        }
        catch (System.Text.DecoderFallbackException)
        {
            return false;
        }
#endif
    }

#if !NET8_0_OR_GREATER
    private static readonly System.Text.UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
#endif

    private static bool IsUtf8(string charset) =>
        charset.Trim().Trim('"') is var name && (name.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || name.Equals("utf8", StringComparison.OrdinalIgnoreCase));

    private static string Kind(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };

    private static RealtimeKitException Unreadable(int status, HttpResponseMessage response, BufferedBody body, string message) =>
        new(status, message, requestId: ServiceErrorReader.RequestId(response.Headers), responseExcerpt: body.Excerpt());

    private static string Target(HttpRequestMessage request) => $"{request.Method} {request.RequestUri?.AbsolutePath}";

    /// <summary>The JSON kind names used in messages.</summary>
    internal static string KindName(JsonValueKind kind) => Kind(kind);
}
