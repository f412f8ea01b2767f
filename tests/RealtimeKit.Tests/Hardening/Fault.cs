using System.Text;
using RealtimeKit.TestSupport;

namespace RealtimeKit.Tests.Hardening;

/// <summary>How many attempts the server must see for a fault.</summary>
public enum Attempts
{
    /// <summary>One: the outcome is final (or retrying could repeat a processed request).</summary>
    Once,

    /// <summary>Every attempt allowed (1 + MaxRetries), whatever the operation.</summary>
    All,

    /// <summary>Every attempt for an idempotent operation; one for the others, which may have been processed.</summary>
    AllIfIdempotent,
}

/// <summary>What the fault suite knows of an operation when it misbehaves at it.</summary>
/// <param name="OperationId">The spec's operationId.</param>
/// <param name="DataIsArray">Whether the operation's documented <c>data</c> is an array (else an object).</param>
/// <param name="ElsewhereUrl">The root of a second server, the "other host" redirects point at.</param>
public sealed record FaultTarget(string OperationId, bool DataIsArray, string ElsewhereUrl)
{
    /// <summary>A <c>data</c> value of the documented container kind, holding <paramref name="member"/>.</summary>
    public string Data(string member) => DataIsArray ? $"[{{{member}}}]" : $"{{{member}}}";
}

/// <summary>
/// One way a server misbehaves, and what every operation must make of it: the exception type, part of its
/// message, the status, and how many attempts reach the server.
/// </summary>
/// <param name="Name">The fault, for test names.</param>
/// <param name="Reply">What the server does.</param>
/// <param name="Expected">The exact exception type.</param>
/// <param name="MessagePart">Text the message must contain.</param>
/// <param name="Attempts">How many attempts the server must see.</param>
/// <param name="Status">The status a <see cref="RealtimeKitException"/> must carry.</param>
/// <param name="Check">Further checks on the exception.</param>
/// <param name="MayBeProcessed">Whether the first attempt may have been processed, so that a second one of a non-idempotent operation would be a duplicate.</param>
/// <param name="TransportResends">
/// Whether the connection closes before any answer, after which .NET's SocketsHttpHandler itself resends an
/// idempotent request that has no body on a new connection, up to 3 times per attempt (the SDK stops it for the
/// others): such requests may then reach the server up to 4 times per attempt.
/// </param>
public sealed record Fault(
    string Name,
    Func<FaultTarget, RawReply> Reply,
    Type Expected,
    string MessagePart,
    Attempts Attempts,
    int? Status = null,
    Action<Exception>? Check = null,
    bool MayBeProcessed = true,
    bool TransportResends = false)
{
    public override string ToString() => Name;

    private const string Json = "application/json";

    /// <summary>Every fault the suite tries on every operation.</summary>
    public static IReadOnlyList<Fault> All { get; } =
    [
        // Successes that cannot be read as the operation's result.
        new("200 truncated JSON", _ => RawReply.Response(200, """{"success":true,"data":{"id":"""), typeof(RealtimeKitException), "not valid JSON", Attempts.Once, 200),
        new("200 invalid JSON", _ => RawReply.Response(200, """{"success":true,"data":{'id':1}}"""), typeof(RealtimeKitException), "not valid JSON", Attempts.Once, 200),
        new("200 JSON nested 100 deep", _ => RawReply.Response(200, "{\"success\":true,\"data\":{\"x\":" + new string('[', 100) + new string(']', 100) + "}}"), typeof(RealtimeKitException), "depth", Attempts.Once, 200),
        new("200 labelled text/html", _ => RawReply.Response(200, "<html><body>Welcome to the captive portal</body></html>", "text/html"), typeof(RealtimeKitException), "the response is text/html, not JSON", Attempts.Once, 200),
        new("200 with no Content-Type", _ => RawReply.Response(200, """{"success":true,"data":{}}""", contentType: null), typeof(RealtimeKitException), "of no content type, not JSON", Attempts.Once, 200),
        new("200 with a bogus charset", _ => RawReply.Response(200, """{"success":true,"data":{}}""", "application/json; charset=x-bogus-7"), typeof(RealtimeKitException), "charset 'x-bogus-7'", Attempts.Once, 200),
        new("200 in UTF-16", _ => RawReply.Response(200, Encoding.Unicode.GetBytes("""{"success":true,"data":{}}"""), "application/json; charset=utf-16"), typeof(RealtimeKitException), "charset 'utf-16'", Attempts.Once, 200),
        new("200 with invalid UTF-8", _ => RawReply.Response(200, [.. "{\"success\":true,\"data\":{\"id\":\""u8, 0xC3, 0x28, 0xFF, .. "\"}}"u8], Json), typeof(RealtimeKitException), "not valid UTF-8", Attempts.Once, 200),
        new("200 JSON array at the root", _ => RawReply.Response(200, """[{"success":true,"data":{}}]"""), typeof(RealtimeKitException), "a JSON array, not an object", Attempts.Once, 200),
        new("200 data is a string", _ => RawReply.Response(200, """{"success":true,"data":"hello"}"""), typeof(RealtimeKitException), "data is a JSON string, not an object or an array", Attempts.Once, 200),
        new("200 data is a number", _ => RawReply.Response(200, """{"success":true,"data":42}"""), typeof(RealtimeKitException), "data is a JSON number", Attempts.Once, 200),
        new("200 data of the other container kind", t => RawReply.Response(200, t.DataIsArray ? """{"success":true,"data":{}}""" : """{"success":true,"data":[]}"""), typeof(RealtimeKitException), "the operation returns", Attempts.Once, 200),
        new("200 data is null", _ => RawReply.Response(200, """{"success":true,"data":null}"""), typeof(RealtimeKitException), "200 OK: the response carried no data.", Attempts.Once, 200),
        new("200 without data", _ => RawReply.Response(200, """{"success":true}"""), typeof(RealtimeKitException), "200 OK: the response carried no data.", Attempts.Once, 200),
        new("200 with an escaped lone surrogate", t => RawReply.Response(200, "{\"success\":true,\"data\":" + t.Data("\"zz_extra\":\"\\ud800\"") + "}"), typeof(RealtimeKitException), "could not be read as", Attempts.Once, 200),
        new("200 saying success false", _ => RawReply.Response(200, """{"success":false,"error":{"code":422,"message":"Poll options must be unique"}}"""), typeof(RealtimeKitException), "200 OK: Poll options must be unique", Attempts.Once, 200, e => Assert.Equal(422, ((RealtimeKitException)e).ErrorCode)),
        new("204 No Content", _ => RawReply.Response(204, (string?)null), typeof(RealtimeKitException), "204 No Content: the response had no body.", Attempts.Once, 204),
        new("200 with an empty body", _ => RawReply.Response(200, ""), typeof(RealtimeKitException), "200 OK: the response had no body.", Attempts.Once, 200),

        // Bodies that do not end, or claim not to.
        new("200 chunked body that never ends", _ => RawReply.Endless(200), typeof(RealtimeKitException), "was longer, above MaxResponseSize", Attempts.Once, 200),
        new("200 close-delimited body that never ends", _ => new RawReply("close-delimited", async (s, ct) =>
        {
            await s.WriteAsync("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\r\n{\"success\":true,\"data\":\""u8.ToArray(), ct);
            var filler = new byte[64 * 1024];
            Array.Fill(filler, (byte)'x');
            for (long written = 0; written < RawReply.MaxBytesWritten; written += filler.Length)
            {
                await s.WriteAsync(filler, ct);
            }
        }), typeof(RealtimeKitException), "was longer, above MaxResponseSize", Attempts.Once, 200),
        new("200 declaring 1.1 GB", _ => RawReply.Long(200, 1_100_000_000, "{\"success\":true,\"data\":\""), typeof(RealtimeKitException), "declared 1100000000 bytes, above MaxResponseSize", Attempts.Once, 200),

        // Redirects: never followed, never sent on.
        new("301 to another host", t => RawReply.Response(301, (string?)null, null, ("Location", t.ElsewhereUrl + "/stolen")), typeof(RealtimeKitException), "redirected to http://127.0.0.1", Attempts.Once, 301),
        new("302 to another host", t => RawReply.Response(302, "moved", "text/plain", ("Location", t.ElsewhereUrl + "/stolen")), typeof(RealtimeKitException), "the SDK does not follow redirects", Attempts.Once, 302),
        new("303 to another host", t => RawReply.Response(303, (string?)null, null, ("Location", t.ElsewhereUrl + "/stolen")), typeof(RealtimeKitException), "303 See Other: the service redirected to", Attempts.Once, 303),
        new("307 to itself (a loop)", _ => RawReply.Response(307, (string?)null, null, ("Location", "/client/v4/loop")), typeof(RealtimeKitException), "307 Temporary Redirect: the service redirected to /client/v4/loop", Attempts.Once, 307),
        new("308 to another host", t => RawReply.Response(308, (string?)null, null, ("Location", t.ElsewhereUrl + "/stolen")), typeof(RealtimeKitException), "308 Permanent Redirect", Attempts.Once, 308),

        // Retry-After: honoured up to 60 s, otherwise surfaced; malformed values ignored.
        new("429 asking to wait 120 s", _ => RawReply.Response(429, """{"success":false,"errors":[{"code":971,"message":"Please wait"}]}""", Json, ("Retry-After", "120")), typeof(RealtimeKitException), "429 Too Many Requests: Please wait", Attempts.Once, 429, e => Assert.Equal(TimeSpan.FromSeconds(120), ((RealtimeKitException)e).RetryAfter), MayBeProcessed: false),
        new("429 with retry-after-ms NaN", _ => RawReply.Response(429, "{}", Json, ("retry-after-ms", "NaN")), typeof(RealtimeKitException), "429 Too Many Requests", Attempts.All, 429, e => Assert.Null(((RealtimeKitException)e).RetryAfter), MayBeProcessed: false),
        new("429 with retry-after-ms 1e300", _ => RawReply.Response(429, "{}", Json, ("retry-after-ms", "1e300")), typeof(RealtimeKitException), "429 Too Many Requests", Attempts.All, 429, e => Assert.Null(((RealtimeKitException)e).RetryAfter), MayBeProcessed: false),
        new("429 with a garbage Retry-After", _ => RawReply.Response(429, "{}", Json, ("Retry-After", "soon-ish")), typeof(RealtimeKitException), "429 Too Many Requests", Attempts.All, 429, MayBeProcessed: false),
        new("503 asking to wait 1 s", _ => RawReply.Response(503, """{"success":false,"error":{"code":503,"message":"Try later"}}""", Json, ("Retry-After", "1")), typeof(RealtimeKitException), "503 Service Unavailable: Try later", Attempts.All, 503, e => Assert.Equal(TimeSpan.FromSeconds(1), ((RealtimeKitException)e).RetryAfter), MayBeProcessed: false),

        // Errors that are too big, too many, or forge log lines.
        new("500 with a 60 KiB service message", _ => RawReply.Response(500, "{\"success\":false,\"error\":{\"code\":500,\"message\":\"" + new string('m', 60 * 1024) + "\"}}"), typeof(RealtimeKitException), "500 Internal Server Error: mmmm", Attempts.AllIfIdempotent, 500, e => Assert.InRange(((RealtimeKitException)e).ServiceMessage.Length, 1, RealtimeKitException.MaxServiceMessageLength)),
        new("500 with a 50 MB error body", _ => RawReply.Long(500, 50_000_000, "{\"success\":false,\"error\":{\"code\":500,\"message\":\""), typeof(RealtimeKitException), "longer than 65536 bytes, not a RealtimeKit error", Attempts.AllIfIdempotent, 500),
        new("500 with an endless error body", _ => RawReply.Endless(500, "{\"success\":false,\"error\":{\"code\":500,\"message\":\""), typeof(RealtimeKitException), "not a RealtimeKit error", Attempts.AllIfIdempotent, 500),
        new("400 whose message forges a log line", _ => RawReply.Response(400, """{"success":false,"error":{"code":400,"message":"bad\r\n2026-01-01 INFO admin logged in"}}"""), typeof(RealtimeKitException), @"bad\u000D\u000A2026-01-01 INFO admin logged in", Attempts.Once, 400),
        new("400 listing 500 errors", _ => RawReply.Response(400, "{\"success\":false,\"errors\":[" + string.Join(',', Enumerable.Range(1, 500).Select(i => $"{{\"code\":{i},\"message\":\"e{i}\"}}")) + "]}"), typeof(RealtimeKitException), "400 Bad Request: e1; e2", Attempts.Once, 400, e => Assert.Equal(RealtimeKitException.MaxErrors, ((RealtimeKitException)e).Errors.Count)),
        new("400 with a 10 KB cf-ray", _ => RawReply.Response(400, """{"success":false,"error":{"code":400,"message":"no"}}""", Json, ("cf-ray", new string('r', 10_000))), typeof(RealtimeKitException), "400 Bad Request: no", Attempts.Once, 400, e => Assert.InRange(((RealtimeKitException)e).RequestId!.Length, 1, 100)),
        new("status 999", _ => RawReply.Response(999, "{}"), typeof(RealtimeKitException), "999 HTTP 999", Attempts.Once, 999),

        // Broken connections and framing.
        new("connection closed without an answer", _ => RawReply.Close, typeof(RealtimeKitConnectionException), "failed to reach the service", Attempts.AllIfIdempotent, Check: e => Assert.False(((RealtimeKitConnectionException)e).RequestNotSent), TransportResends: true),
        new("body cut short of its Content-Length", _ => RawReply.Raw("cut short", "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"success\":true"), typeof(RealtimeKitConnectionException), "failed to reach the service", Attempts.AllIfIdempotent),
        new("a broken status line", _ => RawReply.Raw("broken status line", "HTTP/1.1 two hundred OK\r\n\r\n"), typeof(RealtimeKitConnectionException), "failed to reach the service", Attempts.AllIfIdempotent),
        new("a 1 MB response header", _ => RawReply.Response(200, "{}", Json, ("X-Huge", new string('h', 1024 * 1024))), typeof(RealtimeKitConnectionException), "failed to reach the service", Attempts.AllIfIdempotent),
        new("chunked framing that lies", _ => RawReply.Raw("bad chunk", "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n"), typeof(RealtimeKitConnectionException), "failed to reach the service", Attempts.AllIfIdempotent),
    ];
}
