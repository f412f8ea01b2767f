namespace RealtimeKit;

/// <summary>
/// An attempt took longer than <see cref="RealtimeKitClientOptions.Timeout"/> (after any retries). Distinct from
/// the caller's own cancellation, which stays an <see cref="OperationCanceledException"/>. Its
/// <see cref="Exception.InnerException"/> is a <see cref="TimeoutException"/>.
/// </summary>
public class RealtimeKitTimeoutException : RealtimeKitClientException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What timed out, without secrets.</param>
    /// <param name="innerException">The cause: a <see cref="TimeoutException"/> when the SDK raises it.</param>
    public RealtimeKitTimeoutException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
