using Microsoft.Extensions.Logging;

namespace RealtimeKit.Telemetry;

/// <summary>
/// Outermost SDK handler: one span, one duration and (when there were any) the retries and the failure of each
/// operation, and a Debug log line for its request and its outcome. Requests are named by their spec operation and
/// URL template, never by their ids; neither a header (the token among them) nor a body is ever recorded. When no
/// listener and no Debug logger is there, it only checks that and passes the request on.
/// </summary>
internal sealed partial class TelemetryHandler(Uri baseUrl, TimeProvider time, ILogger logger) : DelegatingHandler
{
    private const string Unmatched = "(no spec operation)";

    // The base URL's path ("/client/v4"), which comes before every template of the spec.
    private readonly string _basePath = baseUrl.AbsolutePath.TrimEnd('/');

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var logging = logger.IsEnabled(LogLevel.Debug);
        return logging || SdkTelemetry.IsObserved ? ObserveAsync(request, logging, cancellationToken) : base.SendAsync(request, cancellationToken);
    }

    private async Task<HttpResponseMessage> ObserveAsync(HttpRequestMessage request, bool logging, CancellationToken cancellationToken)
    {
        var operation = Describe(request);
        var attempts = AttemptCounter.Attach(request);
        var started = time.GetTimestamp();
        var activity = SdkTelemetry.StartActivity(request, operation);
        var method = request.Method.Method;
        if (logging)
        {
            LogRequest(logger, operation?.OperationId ?? Unmatched, method, operation?.Template ?? Unmatched);
        }

        int? status = null;
        string? errorType = null;
        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            status = (int)response.StatusCode;
            return response;
        }
        catch (Exception e)
        {
            status = (e as RealtimeKitException)?.StatusCode;
            errorType = SdkTelemetry.ErrorType(e, status);
            throw;
        }
        finally
        {
            var elapsed = time.GetElapsedTime(started);
            SdkTelemetry.Record(activity, request, operation, status, errorType, attempts.Retries, elapsed);
            if (logging)
            {
                var name = operation?.OperationId ?? Unmatched;
                var template = operation?.Template ?? Unmatched;
                if (errorType is null)
                {
                    LogResponse(logger, name, method, template, status ?? 0, elapsed.TotalMilliseconds, attempts.Retries);
                }
                else
                {
                    LogFailure(logger, name, method, template, errorType, elapsed.TotalMilliseconds, attempts.Retries);
                }
            }
        }
    }

    private OperationCatalog.Operation? Describe(HttpRequestMessage request)
    {
        var path = request.RequestUri?.AbsolutePath;
        return path is not null && path.StartsWith(_basePath, StringComparison.Ordinal)
            ? OperationCatalog.Find(request.Method.Method, path.Substring(_basePath.Length))
            : null;
    }

    [LoggerMessage(EventId = 10, Level = LogLevel.Debug, Message = "Sending {Operation}: {Method} {UrlTemplate}")]
    private static partial void LogRequest(ILogger logger, string operation, string method, string urlTemplate);

    [LoggerMessage(EventId = 11, Level = LogLevel.Debug, Message = "Received {StatusCode} for {Operation}: {Method} {UrlTemplate} in {DurationMs:0.0} ms ({Retries} retries)")]
    private static partial void LogResponse(ILogger logger, string operation, string method, string urlTemplate, int statusCode, double durationMs, int retries);

    [LoggerMessage(EventId = 12, Level = LogLevel.Debug, Message = "{Operation}: {Method} {UrlTemplate} failed ({ErrorType}) after {DurationMs:0.0} ms ({Retries} retries)")]
    private static partial void LogFailure(ILogger logger, string operation, string method, string urlTemplate, string errorType, double durationMs, int retries);
}
