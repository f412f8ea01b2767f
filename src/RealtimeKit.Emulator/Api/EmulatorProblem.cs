namespace RealtimeKit.Emulator.Api;

/// <summary>
/// A request the emulator refuses: becomes the RealtimeKit error body with this status and message. The message is
/// made safe to log here (<see cref="LogSafe"/>), so no id a request carries can forge a log line through it.
/// </summary>
internal sealed class EmulatorProblem(int status, string message) : Exception(LogSafe.Text(message))
{
    public int Status { get; } = status;

    public static EmulatorProblem BadRequest(string message) => new(400, message);

    public static EmulatorProblem NotFound(string message) => new(404, message);
}
