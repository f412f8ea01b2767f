namespace RealtimeKit.Emulator.Api;

/// <summary>A request the emulator refuses: becomes the RealtimeKit error body with this status and message.</summary>
internal sealed class EmulatorProblem(int status, string message) : Exception(message)
{
    public int Status { get; } = status;

    public static EmulatorProblem BadRequest(string message) => new(400, message);

    public static EmulatorProblem NotFound(string message) => new(404, message);
}
