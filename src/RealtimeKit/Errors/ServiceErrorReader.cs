using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using RealtimeKit.Http;

namespace RealtimeKit.Errors;

/// <summary>Turns a failed response (status, headers, bounded body) into one <see cref="RealtimeKitException"/>.</summary>
internal static class ServiceErrorReader
{
    /// <summary>The header Cloudflare puts its request id in.</summary>
    public const string RequestIdHeader = "cf-ray";

    /// <summary>How deep JSON may nest, in errors and successes alike (System.Text.Json's default).</summary>
    public const int MaxJsonDepth = 64;

    /// <summary>The options every response body is parsed with.</summary>
    public static readonly JsonDocumentOptions JsonOptions = new() { MaxDepth = MaxJsonDepth };

    /// <summary>The request id of a response, if it carries one.</summary>
    public static string? RequestId(HttpResponseHeaders headers) =>
        headers.TryGetValues(RequestIdHeader, out var values) ? values.FirstOrDefault() : null;

    /// <summary>Builds the exception for a response that failed (any non-2xx status), from the start of its body.</summary>
    public static RealtimeKitException Read(int status, HttpResponseHeaders headers, string? contentType, BufferedBody body, TimeSpan? retryAfter)
    {
        if (status is >= 300 and < 400)
        {
            var location = headers.Location is { } target ? SafeText.Clean(target.ToString(), 256) : "(no Location)";
            return new RealtimeKitException(status, $"the service redirected to {location}; the SDK does not follow redirects.", requestId: RequestId(headers), responseExcerpt: body.Excerpt())
            {
                RetryAfter = retryAfter,
            };
        }

        var (message, code, errors) = Describe(contentType, body);
        return new RealtimeKitException(status, message, code, RequestId(headers), body.Excerpt(), errors) { RetryAfter = retryAfter };
    }

    /// <summary>Builds the exception for a 2xx whose parsed body says <c>"success": false</c>.</summary>
    public static RealtimeKitException Unsuccessful(int status, HttpResponseHeaders headers, JsonElement root, BufferedBody body)
    {
        var (message, code, errors) = FromJson(root) ?? ("the service reported failure without a message.", null, null);
        return new RealtimeKitException(status, message, code, RequestId(headers), body.Excerpt(), errors);
    }

    private static (string Message, int? Code, IReadOnlyList<RealtimeKitServiceError>? Errors) Describe(string? contentType, BufferedBody body)
    {
        var bytes = body.Bytes.Span;
        if (bytes.Trim(" \t\r\n"u8).IsEmpty)
        {
            return ("the response had no body.", null, null);
        }

        if (body.Complete && bytes.TrimStart(" \t\r\n"u8).StartsWith("{"u8))
        {
            try
            {
                using var doc = JsonDocument.Parse(body.Bytes, JsonOptions);
                if (FromJson(doc.RootElement) is { } described)
                {
                    return described;
                }
            }
            catch (JsonException)
            {
                // Not JSON after all: described below as an unreadable body.
            }
        }

        var length = body.Complete ? string.Empty : " longer than " + BufferedBody.ErrorBodyLimit.ToString(CultureInfo.InvariantCulture) + " bytes,";
        var type = SafeText.Quote(contentType) is { Length: > 0 } quoted ? quoted : "no content type";
        return ($"the response was{length} not a RealtimeKit error ({type}); see ResponseExcerpt.", null, null);
    }

    private static (string, int?, IReadOnlyList<RealtimeKitServiceError>?)? FromJson(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        // RealtimeKit: { "success": false, "error": { "code": 404, "message": "..." } }
        if (root.TryGetProperty("error", out var error))
        {
            if (error.ValueKind == JsonValueKind.Object && Text(error, "message") is { } message)
            {
                return (message, Code(error), null);
            }

            if (error.ValueKind == JsonValueKind.String && Plain(error) is { Length: > 0 } plain)
            {
                return (plain, null, null);
            }
        }

        // Cloudflare: { "success": false, "errors": [ { "code": 10000, "message": "..." } ], "messages": [] }
        if (root.TryGetProperty("errors", out var list) && list.ValueKind == JsonValueKind.Array && list.GetArrayLength() > 0)
        {
            var errors = list.EnumerateArray()
                .Where(e => e.ValueKind == JsonValueKind.Object)
                .Take(RealtimeKitException.MaxErrors)
                .Select(e => new RealtimeKitServiceError(Code(e) ?? 0, Text(e, "message") ?? "(no message)"))
                .ToList();
            if (errors.Count > 0)
            {
                return (string.Join("; ", errors.Select(e => SafeText.Clean(e.Message, RealtimeKitException.MaxServiceMessageLength))), errors[0].Code, errors);
            }
        }

        if (Text(root, "message") is { } topLevel)
        {
            return (topLevel, Code(root), null);
        }

        return root.TryGetProperty("success", out var success) && success.ValueKind == JsonValueKind.False
            ? ("the service reported failure without a message.", null, null)
            : null;
    }

    // A string value, or null when it is not one or cannot be decoded (an escaped lone surrogate).
    private static string? Plain(JsonElement value)
    {
        try
        {
            return value.GetString();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && Plain(value) is { Length: > 0 } s ? s : null;

    private static int? Code(JsonElement element)
    {
        if (!element.TryGetProperty("code", out var code))
        {
            return null;
        }

        return code.ValueKind switch
        {
            JsonValueKind.Number when code.TryGetInt32(out var i) => i,
            JsonValueKind.Number when code.TryGetDouble(out var d) && d == Math.Floor(d) && d is >= int.MinValue and <= int.MaxValue => (int)d,
            JsonValueKind.String when int.TryParse(Plain(code), CultureInfo.InvariantCulture, out var s) => s,
            _ => null,
        };
    }
}
