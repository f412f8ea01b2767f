using System.Text.Json;

namespace RealtimeKit.Emulator.Tests;

/// <summary>Reads RealtimeKit's error body as a client would (JSON escapes such as <c>\u0027</c> decoded).</summary>
internal static class ErrorBody
{
    /// <summary>The <c>error.message</c> of a RealtimeKit error body.</summary>
    public static string Message(string body) => JsonDocument.Parse(body).RootElement.GetProperty("error").GetProperty("message").GetString()!;
}
