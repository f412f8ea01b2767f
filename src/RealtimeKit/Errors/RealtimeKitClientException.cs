namespace RealtimeKit;

/// <summary>
/// The base of every exception a call can fail with, so one <c>catch (RealtimeKitClientException)</c> takes
/// them all: the service refused or failed the request, or its response could not be read
/// (<see cref="RealtimeKitException"/>); the service could not be reached (<see cref="RealtimeKitConnectionException"/>);
/// an attempt timed out (<see cref="RealtimeKitTimeoutException"/>); or the request could not be made at all (this
/// type itself, for example when a <see cref="RealtimeKitClientOptions.TokenProvider"/> returns a token an HTTP
/// header cannot carry). Your own invalid arguments stay <see cref="ArgumentException"/> and your own
/// cancellation stays <see cref="OperationCanceledException"/>.
/// </summary>
/// <remarks>
/// Messages never hold the API token, are at most <see cref="MaxMessageLength"/> characters, and carry no control
/// characters (they are written as <c>\uXXXX</c>), so they are safe to log.
/// </remarks>
public class RealtimeKitClientException : Exception
{
    /// <summary>The longest <see cref="Exception.Message"/> any SDK exception carries, in characters.</summary>
    public const int MaxMessageLength = 2048;

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What failed, without secrets; cut to <see cref="MaxMessageLength"/> and made safe to log.</param>
    /// <param name="innerException">The cause, if any.</param>
    public RealtimeKitClientException(string message, Exception? innerException = null)
        : base(SafeText.Clean(message, MaxMessageLength), innerException)
    {
    }
}
