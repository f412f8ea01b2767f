namespace RealtimeKit;

/// <summary>
/// The service refused or failed a request: any non-success status, or a success status whose body says
/// <c>"success": false</c>. Raised alike for RealtimeKit's <c>{ "error": { "code", "message" } }</c> body,
/// Cloudflare's general <c>{ "errors": [...] }</c> envelope, and HTML or empty bodies from the edge.
/// </summary>
public class RealtimeKitException : Exception
{
    /// <summary>The longest <see cref="ResponseExcerpt"/> kept, in characters.</summary>
    public const int MaxExcerptLength = 1024;

    /// <summary>Creates the exception (public so code that fakes the client can throw it too).</summary>
    /// <param name="statusCode">The HTTP status code.</param>
    /// <param name="serviceMessage">The service's message, or a description of the response when it had none.</param>
    /// <param name="errorCode">The service's error code, when it sent one.</param>
    /// <param name="requestId">The <c>cf-ray</c> request id, when present.</param>
    /// <param name="responseExcerpt">The start of the response body (cut to <see cref="MaxExcerptLength"/>).</param>
    /// <param name="errors">Every error the body listed.</param>
    public RealtimeKitException(int statusCode, string serviceMessage, int? errorCode = null, string? requestId = null, string? responseExcerpt = null, IReadOnlyList<RealtimeKitServiceError>? errors = null)
        : base($"{statusCode} {ReasonPhrase(statusCode)}: {serviceMessage}")
    {
        StatusCode = statusCode;
        ServiceMessage = serviceMessage;
        ErrorCode = errorCode;
        RequestId = requestId;
        ResponseExcerpt = responseExcerpt is { Length: > MaxExcerptLength } ? responseExcerpt[..MaxExcerptLength] : responseExcerpt;
        Errors = errors ?? (errorCode is null ? [] : [new RealtimeKitServiceError(errorCode.Value, serviceMessage)]);
    }

    /// <summary>The HTTP status code (for example 404).</summary>
    public int StatusCode { get; }

    /// <summary>The service's error code: RealtimeKit's <c>error.code</c> or the first of Cloudflare's <c>errors[].code</c>.</summary>
    public int? ErrorCode { get; }

    /// <summary>The service's message, or a description of the response when it sent none (HTML, empty body).</summary>
    public string ServiceMessage { get; }

    /// <summary>The Cloudflare request id (<c>cf-ray</c> header), to quote to Cloudflare support.</summary>
    public string? RequestId { get; }

    /// <summary>The start of the response body, at most <see cref="MaxExcerptLength"/> characters.</summary>
    public string? ResponseExcerpt { get; }

    /// <summary>Every error the body listed (Cloudflare's envelope can hold several).</summary>
    public IReadOnlyList<RealtimeKitServiceError> Errors { get; }

    /// <summary>Whether the status is 404 Not Found.</summary>
    public bool IsNotFound => StatusCode == 404;

    /// <summary>The standard reason phrase of a status code (<c>404</c> → <c>Not Found</c>).</summary>
    public static string ReasonPhrase(int statusCode) => statusCode switch
    {
        200 => "OK",
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        408 => "Request Timeout",
        409 => "Conflict",
        413 => "Content Too Large",
        415 => "Unsupported Media Type",
        422 => "Unprocessable Entity",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        501 => "Not Implemented",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        >= 200 and < 300 => "Success",
        >= 400 and < 500 => "Client Error",
        >= 500 and < 600 => "Server Error",
        _ => "HTTP " + statusCode.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}

/// <summary>One error the service reported.</summary>
/// <param name="Code">The error code.</param>
/// <param name="Message">The error message.</param>
public sealed record RealtimeKitServiceError(int Code, string Message);
