using System.Diagnostics;
using System.Diagnostics.Metrics;
using RealtimeKit.Http;

namespace RealtimeKit.Telemetry;

/// <summary>
/// The SDK's <see cref="ActivitySource"/>, <see cref="Meter"/> and instruments (names in <see cref="RealtimeKitTelemetry"/>),
/// and how one finished operation is recorded on them. Attribute names follow OpenTelemetry's HTTP client semantic
/// conventions; the instruments have SDK names because they measure whole operations (every attempt and wait),
/// not the single HTTP exchanges System.Net.Http already reports as <c>http.client.request.duration</c>.
/// </summary>
internal static class SdkTelemetry
{
    public static readonly ActivitySource Source = new(RealtimeKitTelemetry.ActivitySourceName, SdkHeadersHandler.SdkVersion);

    public static readonly Meter Meter = new(RealtimeKitTelemetry.MeterName, SdkHeadersHandler.SdkVersion);

    public static readonly Histogram<double> Duration = CreateDuration();

    public static readonly Counter<long> Retries = Meter.CreateCounter<long>(RealtimeKitTelemetry.RetriesMetric, "{retry}", "Retries of RealtimeKit operations (attempts after the first).");

    public static readonly Counter<long> Failures = Meter.CreateCounter<long>(RealtimeKitTelemetry.FailuresMetric, "{operation}", "RealtimeKit operations that ended in an error.");

    /// <summary>Whether anything listens to the SDK's spans or metrics; when not, the handler does no telemetry work at all.</summary>
    public static bool IsObserved => Source.HasListeners() || Duration.Enabled || Retries.Enabled || Failures.Enabled;

    /// <summary>Starts the operation's client span (null when nobody samples it), with the attributes a sampler may use.</summary>
    public static Activity? StartActivity(HttpRequestMessage request, OperationCatalog.Operation? operation)
    {
        if (!Source.HasListeners())
        {
            return null;
        }

        var method = request.Method.Method;
        var activity = Source.StartActivity(operation?.OperationId ?? method, ActivityKind.Client);
        if (activity is { IsAllDataRequested: true })
        {
            foreach (var tag in Tags(request, operation, status: null, errorType: null))
            {
                activity.SetTag(tag.Key, tag.Value);
            }
        }

        return activity;
    }

    /// <summary>Ends the span and records the metrics of one operation.</summary>
    public static void Record(Activity? activity, HttpRequestMessage request, OperationCatalog.Operation? operation, int? status, string? errorType, int retries, TimeSpan elapsed)
    {
        if (activity is { IsAllDataRequested: true })
        {
            if (status is { } code)
            {
                activity.SetTag("http.response.status_code", code);
            }

            if (retries > 0)
            {
                activity.SetTag("http.request.resend_count", retries);
            }

            if (errorType is not null)
            {
                activity.SetTag("error.type", errorType);

                // Only the type: an exception's message may quote the service's answer.
                activity.SetStatus(ActivityStatusCode.Error);
            }
        }

        activity?.Dispose();
        if (!Duration.Enabled && !Retries.Enabled && !Failures.Enabled)
        {
            return;
        }

        var tags = Tags(request, operation, status, errorType);
        Duration.Record(elapsed.TotalSeconds, tags);
        if (retries > 0)
        {
            Retries.Add(retries, tags);
        }

        if (errorType is not null)
        {
            Failures.Add(1, tags);
        }
    }

    /// <summary>
    /// The semantic conventions' <c>error.type</c>: the status code for an error status, else the exception's type.
    /// </summary>
    public static string ErrorType(Exception error, int? status) =>
        status is >= 400 ? status.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) : error.GetType().FullName ?? error.GetType().Name;

    private static TagList Tags(HttpRequestMessage request, OperationCatalog.Operation? operation, int? status, string? errorType)
    {
        var tags = new TagList
        {
            { "http.request.method", request.Method.Method },
        };
        if (operation is not null)
        {
            tags.Add(RealtimeKitTelemetry.OperationNameAttribute, operation.OperationId);
            tags.Add("url.template", operation.Template);
        }

        if (request.RequestUri is { IsAbsoluteUri: true } uri)
        {
            tags.Add("server.address", uri.Host);
            tags.Add("server.port", uri.Port);
        }

        if (status is { } code)
        {
            tags.Add("http.response.status_code", code);
        }

        if (errorType is not null)
        {
            tags.Add("error.type", errorType);
        }

        return tags;
    }

    private static Histogram<double> CreateDuration()
    {
        const string Description = "Duration of RealtimeKit operations, from the first attempt to the end of the last response body.";
#if NET9_0_OR_GREATER
        // The buckets OpenTelemetry recommends for HTTP client durations in seconds (its defaults suit milliseconds).
        return Meter.CreateHistogram(RealtimeKitTelemetry.OperationDurationMetric, "s", Description, tags: null, advice: new InstrumentAdvice<double>
        {
            HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10],
        });
#else
        return Meter.CreateHistogram<double>(RealtimeKitTelemetry.OperationDurationMetric, "s", Description);
#endif
    }
}
