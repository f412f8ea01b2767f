namespace RealtimeKit;

/// <summary>
/// An attempt took longer than <see cref="RealtimeKitClientOptions.Timeout"/> (after any retries). Distinct from
/// the caller's own cancellation, which stays an <see cref="OperationCanceledException"/>.
/// </summary>
public class RealtimeKitTimeoutException : TimeoutException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What timed out, without secrets.</param>
    /// <param name="innerException">The cancellation that ended the attempt.</param>
    public RealtimeKitTimeoutException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
