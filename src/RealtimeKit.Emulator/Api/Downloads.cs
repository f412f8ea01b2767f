using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using RealtimeKit.Emulator.State;

namespace RealtimeKit.Emulator.Api;

/// <summary>
/// The download links the sessions operations hand out, served by the emulator itself under
/// <c>/_emulator/downloads/sessions/{session_id}/{file}?expires=...&amp;signature=...</c>: like the service's
/// pre-signed links they need no token, carry an HMAC of what they name and when they expire, and stop working
/// once the emulator's clock passes the expiry.
/// </summary>
internal sealed class Downloads(TimeProvider time)
{
    /// <summary>How long a link works, as the service's (one day).</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(1);

    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);

    /// <summary>A signed link to <paramref name="file"/> of the session (<c>chat.csv</c>, <c>transcript.vtt</c>, <c>summary.txt</c>...), and its expiry.</summary>
    public (string Url, DateTimeOffset Expires) Link(Uri root, Guid sessionId, string file)
    {
        var expires = time.GetUtcNow() + Lifetime;
        var seconds = expires.ToUnixTimeSeconds();
        var url = new Uri(root, $"{RequestRouter.ControlPrefix.TrimStart('/')}/downloads/sessions/{sessionId}/{file}?expires={seconds}&signature={Sign(sessionId, Kind(file), seconds)}");
        return (url.ToString(), DateTimeOffset.FromUnixTimeSeconds(seconds));
    }

    /// <summary>Answers a download request: 403 for a bad or expired signature, 404 for an unknown file or session.</summary>
    public async Task ServeAsync(HttpContext context, EmulatorState state, string sessionId, string file)
    {
        var query = context.Request.Query;
        if (!Guid.TryParseExact(sessionId, "D", out var id)
            || !long.TryParse(query["expires"], NumberStyles.None, CultureInfo.InvariantCulture, out var expires)
            || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(id, Kind(file), expires)), Encoding.ASCII.GetBytes(query["signature"].ToString())))
        {
            throw new EmulatorProblem(403, "The download link is not valid: ask the sessions API for a new one");
        }

        if (time.GetUtcNow().ToUnixTimeSeconds() > expires)
        {
            throw new EmulatorProblem(403, $"The download link expired at {DateTimeOffset.FromUnixTimeSeconds(expires):O}: ask the sessions API for a new one");
        }

        var (session, chat) = state.SessionForDownload(id);
        var (contentType, text) = file switch
        {
            "chat.csv" => ("text/csv", ChatCsv(chat)),
            "chat.json" => ("application/json", JsonSerializer.Serialize(chat, Responses.Json)),
            "transcript.csv" => ("text/csv", "start,end,speaker,text\r\n" + $"0,{Seconds(session)},RealtimeKit emulator,{Csv(EmulatorState.EmulatedTranscript)}\r\n"),
            "transcript.json" => ("application/json", JsonSerializer.Serialize(new[] { new { start = 0, end = Seconds(session), speaker = "RealtimeKit emulator", text = EmulatorState.EmulatedTranscript } })),
            "transcript.srt" => ("application/x-subrip", $"1\n00:00:00,000 --> {Clock(session, ',')}\n{EmulatorState.EmulatedTranscript}\n"),
            "transcript.vtt" => ("text/vtt", $"WEBVTT\n\n00:00:00.000 --> {Clock(session, '.')}\n{EmulatorState.EmulatedTranscript}\n"),
            "summary.txt" => ("text/plain", $"{EmulatorState.EmulatedSummary}\nMeeting: {session.MeetingDisplayName}\nSession: {session.Id}, {session.MinutesConsumed} minutes, {session.MaxConcurrentParticipants} participants at most, {chat.Count} chat messages\n"),
            _ => throw EmulatorProblem.NotFound($"No download named {RestApi.Safe(file)}"),
        };
        context.Response.StatusCode = 200;
        context.Response.ContentType = contentType + "; charset=utf-8";
        await context.Response.WriteAsync(text, context.RequestAborted);
    }

    /// <summary>The chat as CSV: one header row, then one row per message, oldest first.</summary>
    public static string ChatCsv(IEnumerable<ChatMessageBody> chat) =>
        "id,participant_id,display_name,message,sent_at\r\n"
        + string.Concat(chat.Select(c => string.Join(',', c.Id, c.ParticipantId, Csv(c.DisplayName), Csv(c.Message), c.SentAt) + "\r\n"));

    // RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled.
    private static string Csv(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") < 0 ? field : "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    // Chat links work for .csv and .json alike, transcript links for every format: the signature covers the kind.
    private static string Kind(string file) => file.Split('.')[0];

    private string Sign(Guid sessionId, string kind, long expires) =>
        Convert.ToHexString(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes($"{sessionId}/{kind}/{expires}"))).ToLowerInvariant();

    private static long Seconds(ActiveSessionBody session) => (long)Math.Round(session.MinutesConsumed * 60);

    private static string Clock(ActiveSessionBody session, char separator) =>
        TimeSpan.FromSeconds(Math.Max(1, Seconds(session))).ToString($"hh\\:mm\\:ss\\{separator}fff", CultureInfo.InvariantCulture);
}
