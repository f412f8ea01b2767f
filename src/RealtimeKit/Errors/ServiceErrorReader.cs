using System.Net.Http.Headers;
using System.Text.Json;

namespace RealtimeKit.Errors;

/// <summary>Turns a failed response (status, headers, body text) into one <see cref="RealtimeKitException"/>.</summary>
internal static class ServiceErrorReader
{
    /// <summary>The header Cloudflare puts its request id in.</summary>
    public const string RequestIdHeader = "cf-ray";

    /// <summary>Whether a 2xx body nevertheless says <c>"success": false</c>.</summary>
    public static bool SaysUnsuccessful(string body)
    {
        if (!LooksLikeJsonObject(body))
        {
            return false;
        }

        try
        {
            using var doc = JsonDocument.Parse(body);
            return doc.RootElement.ValueKind == JsonValueKind.Object
                && doc.RootElement.TryGetProperty("success", out var success)
                && success.ValueKind == JsonValueKind.False;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>Builds the exception for a response that failed.</summary>
    public static RealtimeKitException Read(int status, HttpResponseHeaders headers, string? contentType, string body)
    {
        var requestId = headers.TryGetValues(RequestIdHeader, out var values) ? values.FirstOrDefault() : null;
        var excerpt = body.Length == 0 ? null : body;
        var (message, code, errors) = Describe(contentType, body);
        return new RealtimeKitException(status, message, code, requestId, excerpt, errors);
    }

    private static (string Message, int? Code, IReadOnlyList<RealtimeKitServiceError>? Errors) Describe(string? contentType, string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return ("the response had no body.", null, null);
        }

        if (LooksLikeJsonObject(body))
        {
            try
            {
                using var doc = JsonDocument.Parse(body);
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

        return ($"the response was not a RealtimeKit error ({contentType ?? "no content type"}); see ResponseExcerpt.", null, null);
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

            if (error.ValueKind == JsonValueKind.String && error.GetString() is { Length: > 0 } plain)
            {
                return (plain, null, null);
            }
        }

        // Cloudflare: { "success": false, "errors": [ { "code": 10000, "message": "..." } ], "messages": [] }
        if (root.TryGetProperty("errors", out var list) && list.ValueKind == JsonValueKind.Array && list.GetArrayLength() > 0)
        {
            var errors = list.EnumerateArray()
                .Where(e => e.ValueKind == JsonValueKind.Object)
                .Select(e => new RealtimeKitServiceError(Code(e) ?? 0, Text(e, "message") ?? "(no message)"))
                .ToList();
            if (errors.Count > 0)
            {
                return (string.Join("; ", errors.Select(e => e.Message)), errors[0].Code, errors);
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

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } s ? s : null;

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
            JsonValueKind.String when int.TryParse(code.GetString(), System.Globalization.CultureInfo.InvariantCulture, out var s) => s,
            _ => null,
        };
    }

    private static bool LooksLikeJsonObject(string body) => body.AsSpan().TrimStart().StartsWith("{");
}
