namespace RealtimeKit;

/// <summary>
/// The names under which the SDK publishes traces and metrics, for OpenTelemetry's <c>AddSource</c> and
/// <c>AddMeter</c>. Nothing is recorded (and almost nothing is spent) until something listens to them.
/// </summary>
public static class RealtimeKitTelemetry
{
    /// <summary>The <see cref="System.Diagnostics.ActivitySource"/> name: one client span per operation, retries included.</summary>
    public const string ActivitySourceName = "RealtimeKit";

    /// <summary>The <see cref="System.Diagnostics.Metrics.Meter"/> name.</summary>
    public const string MeterName = "RealtimeKit";

    /// <summary>Histogram of operation durations in seconds, from the first attempt to the end of the last response body.</summary>
    public const string OperationDurationMetric = "realtimekit.client.operation.duration";

    /// <summary>Counter of retries (attempts after the first).</summary>
    public const string RetriesMetric = "realtimekit.client.operation.retries";

    /// <summary>Counter of operations that ended in an error (an error status, a timeout, a connection failure...).</summary>
    public const string FailuresMetric = "realtimekit.client.operation.failures";

    /// <summary>The span and metric attribute holding the spec's operationId, e.g. <c>getActiveSession</c>.</summary>
    public const string OperationNameAttribute = "realtimekit.operation.name";
}
