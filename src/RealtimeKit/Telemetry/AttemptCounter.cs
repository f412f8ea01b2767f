namespace RealtimeKit.Telemetry;

/// <summary>
/// Counts the attempts of a request the <see cref="TelemetryHandler"/> observes. It sits inside the retry handler,
/// so each attempt passes it once; requests nobody observes carry no count and pass untouched.
/// </summary>
internal sealed class AttemptCounter : DelegatingHandler
{
    private static readonly Http.RequestProperty<Attempts> Key = new(typeof(Attempts).FullName!);

    /// <summary>Starts counting the attempts of <paramref name="request"/>.</summary>
    public static Attempts Attach(HttpRequestMessage request)
    {
        var attempts = new Attempts();
        Key.Set(request, attempts);
        return attempts;
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (Key.Get(request) is { } attempts)
        {
            attempts.Count++;
        }

        return base.SendAsync(request, cancellationToken);
    }

    /// <summary>How many attempts went out (attempts of one request are sequential).</summary>
    internal sealed class Attempts
    {
        public int Count { get; set; }

        /// <summary>Attempts after the first.</summary>
        public int Retries => Math.Max(0, Count - 1);
    }
}
