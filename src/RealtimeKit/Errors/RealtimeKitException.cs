namespace RealtimeKit;

/// <summary>
/// The service refused or failed a request, or answered with something that cannot be read as the operation's
/// result: any non-success status (redirects included: the SDK never follows them), a success status whose body
/// says <c>"success": false</c>, and a success whose body is too large, not JSON, not UTF-8, malformed, or of the
/// wrong shape. Raised alike for RealtimeKit's <c>{ "error": { "code", "message" } }</c> body, Cloudflare's general
/// <c>{ "errors": [...] }</c> envelope, and HTML or empty bodies from the edge.
/// </summary>
public class RealtimeKitException : RealtimeKitClientException
{
    /// <summary>The longest <see cref="ResponseExcerpt"/> kept, in characters.</summary>
    public const int MaxExcerptLength = 1024;

    /// <summary>The longest <see cref="ServiceMessage"/> (and <see cref="RealtimeKitServiceError.Message"/>) kept, in characters.</summary>
    public const int MaxServiceMessageLength = 1024;

    /// <summary>The most entries <see cref="Errors"/> keeps.</summary>
    public const int MaxErrors = 20;

    /// <summary>Creates the exception (public so code that fakes the client can throw it too).</summary>
    /// <param name="statusCode">The HTTP status code.</param>
    /// <param name="serviceMessage">The service's message, or a description of the response when it had none.</param>
    /// <param name="errorCode">The service's error code, when it sent one.</param>
    /// <param name="requestId">The <c>cf-ray</c> request id, when present.</param>
    /// <param name="responseExcerpt">The start of the response body (cut to <see cref="MaxExcerptLength"/>).</param>
    /// <param name="errors">Every error the body listed (the first <see cref="MaxErrors"/> are kept).</param>
    public RealtimeKitException(int statusCode, string serviceMessage, int? errorCode = null, string? requestId = null, string? responseExcerpt = null, IReadOnlyList<RealtimeKitServiceError>? errors = null)
        : this(statusCode, serviceMessage, null, errorCode, requestId, responseExcerpt, errors)
    {
    }

    internal RealtimeKitException(int statusCode, string serviceMessage, Exception? innerException, int? errorCode = null, string? requestId = null, string? responseExcerpt = null, IReadOnlyList<RealtimeKitServiceError>? errors = null)
        : base(Describe(statusCode, Bounded(serviceMessage)), innerException)
    {
        StatusCode = statusCode;
        ServiceMessage = Bounded(serviceMessage);
        ErrorCode = errorCode;
        RequestId = requestId is null ? null : SafeText.Quote(requestId);
        ResponseExcerpt = responseExcerpt is { Length: > MaxExcerptLength } ? responseExcerpt[..MaxExcerptLength] : responseExcerpt;
        Errors = errors is null
            ? (errorCode is null ? [] : [new RealtimeKitServiceError(errorCode.Value, ServiceMessage)])
            : errors.Take(MaxErrors).Select(e => e with { Message = Bounded(e.Message) }).ToList();
    }

    /// <summary>The HTTP status code (for example 404).</summary>
    public int StatusCode { get; }

    /// <summary>The service's error code: RealtimeKit's <c>error.code</c> or the first of Cloudflare's <c>errors[].code</c>.</summary>
    public int? ErrorCode { get; }

    /// <summary>
    /// The service's message, or a description of the response when it sent none (HTML, empty body, unreadable
    /// success); at most <see cref="MaxServiceMessageLength"/> characters, control characters escaped.
    /// </summary>
    public string ServiceMessage { get; }

    /// <summary>The Cloudflare request id (<c>cf-ray</c> header), to quote to Cloudflare support.</summary>
    public string? RequestId { get; }

    /// <summary>The start of the response body, at most <see cref="MaxExcerptLength"/> characters.</summary>
    public string? ResponseExcerpt { get; }

    /// <summary>Every error the body listed (Cloudflare's envelope can hold several), at most <see cref="MaxErrors"/>.</summary>
    public IReadOnlyList<RealtimeKitServiceError> Errors { get; }

    /// <summary>
    /// How long the service asked callers to wait before trying again (<c>Retry-After</c> or <c>retry-after-ms</c>),
    /// when it said so. The SDK waits on its own only up to 60 seconds: a longer wait is not retried but reported
    /// here, so that you can schedule the call again.
    /// </summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>Whether the status is 404 Not Found.</summary>
    public bool IsNotFound => StatusCode == 404;

    /// <summary>The standard reason phrase of a status code (<c>404</c> → <c>Not Found</c>).</summary>
    /// <param name="statusCode">The HTTP status code.</param>
    /// <returns>The phrase, or the class of the status when it has no standard one.</returns>
    public static string ReasonPhrase(int statusCode) => statusCode switch
    {
        200 => "OK",
        201 => "Created",
        202 => "Accepted",
        204 => "No Content",
        206 => "Partial Content",
        300 => "Multiple Choices",
        301 => "Moved Permanently",
        302 => "Found",
        303 => "See Other",
        304 => "Not Modified",
        307 => "Temporary Redirect",
        308 => "Permanent Redirect",
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        408 => "Request Timeout",
        409 => "Conflict",
        410 => "Gone",
        413 => "Content Too Large",
        415 => "Unsupported Media Type",
        422 => "Unprocessable Entity",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        501 => "Not Implemented",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        >= 100 and < 200 => "Informational",
        >= 200 and < 300 => "Success",
        >= 300 and < 400 => "Redirection",
        >= 400 and < 500 => "Client Error",
        >= 500 and < 600 => "Server Error",
        _ => "HTTP " + statusCode.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private static string Bounded(string? message) => SafeText.Clean(message, MaxServiceMessageLength);

    private static string Describe(int statusCode, string serviceMessage) =>
        $"{statusCode.ToString(System.Globalization.CultureInfo.InvariantCulture)} {ReasonPhrase(statusCode)}: {serviceMessage}";
}

/// <summary>One error the service reported.</summary>
/// <param name="Code">The error code.</param>
/// <param name="Message">The error message.</param>
public sealed record RealtimeKitServiceError(int Code, string Message);
