namespace RealtimeKit;

/// <summary>The service could not be reached (DNS, refused or dropped connection, TLS), after any retries.</summary>
public class RealtimeKitConnectionException : RealtimeKitClientException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What failed, without secrets.</param>
    /// <param name="innerException">The transport's exception.</param>
    public RealtimeKitConnectionException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }

    /// <summary>Whether the request provably never reached the service (so repeating it cannot duplicate it).</summary>
    public bool RequestNotSent { get; init; }
}
