namespace RealtimeKit;

/// <summary>Unwraps <c>{ "success": true, "data": ... }</c>: a success without data is an error, not a null.</summary>
internal static class Envelope
{
    public static T Data<T>(T? data, int status, string operation)
        where T : class =>
        data ?? throw new RealtimeKitException(status, $"the response to {operation} carried no data.");
}
