using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace RealtimeKit.TestSupport;

/// <summary>A request as a <see cref="MisbehavingServer"/> read it off the socket.</summary>
/// <param name="Method">HTTP method.</param>
/// <param name="Target">The request target exactly as sent.</param>
/// <param name="Headers">Request headers, case-insensitive.</param>
/// <param name="Body">The body bytes (by Content-Length).</param>
public sealed record ReceivedRequest(string Method, string Target, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    /// <summary>The body as UTF-8 text.</summary>
    public string BodyText => Encoding.UTF8.GetString(Body);
}

/// <summary>
/// What a <see cref="MisbehavingServer"/> does with one connection once it has read the request: any bytes at all,
/// including lies about the length, bodies that never end, or nothing.
/// </summary>
/// <param name="Name">A readable name for test output.</param>
/// <param name="Write">Writes to the connection; the server closes it afterwards.</param>
public sealed record RawReply(string Name, Func<Stream, CancellationToken, Task> Write)
{
    /// <summary>The most any reply writes, so that a hostile body stops by itself if the client never does.</summary>
    public const long MaxBytesWritten = 2L * 1024 * 1024 * 1024;

    private static readonly byte[] Filler = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("0123456789abcdef", 4096)));

    /// <summary>A well-formed response with Content-Length.</summary>
    public static RawReply Response(int status, string? body, string? contentType = "application/json", params (string Name, string Value)[] headers) =>
        Response(status, body is null ? null : Encoding.UTF8.GetBytes(body), contentType, headers);

    /// <summary>A well-formed response with Content-Length, from bytes.</summary>
    public static RawReply Response(int status, byte[]? body, string? contentType, params (string Name, string Value)[] headers) =>
        new($"{status} {contentType}", async (stream, ct) =>
        {
            var head = new StringBuilder().Append(CultureInfo.InvariantCulture, $"HTTP/1.1 {status} X\r\nConnection: close\r\n");
            if (body is not null)
            {
                if (contentType is not null)
                {
                    head.Append(CultureInfo.InvariantCulture, $"Content-Type: {contentType}\r\n");
                }

                head.Append(CultureInfo.InvariantCulture, $"Content-Length: {body.Length}\r\n");
            }
            else if (status is not (204 or 304) and >= 200)
            {
                head.Append("Content-Length: 0\r\n");
            }

            foreach (var (name, value) in headers)
            {
                head.Append(CultureInfo.InvariantCulture, $"{name}: {value}\r\n");
            }

            head.Append("\r\n");
            await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()), ct);
            if (body is not null)
            {
                await stream.WriteAsync(body, ct);
            }
        });

    /// <summary>Raw bytes, written as they are (a broken status line, a body shorter than its Content-Length...).</summary>
    public static RawReply Raw(string name, string text) => new(name, (stream, ct) => stream.WriteAsync(Encoding.Latin1.GetBytes(text), ct).AsTask());

    /// <summary>Headers, then a chunked body that starts with <paramref name="prefix"/> and never ends (until the client goes, or <see cref="MaxBytesWritten"/>).</summary>
    public static RawReply Endless(int status, string prefix = "{\"success\":true,\"data\":{\"padding\":\"", string contentType = "application/json") =>
        new($"endless {status}", async (stream, ct) =>
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes($"HTTP/1.1 {status} X\r\nContent-Type: {contentType}\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"), ct);
            await WriteChunkAsync(stream, Encoding.UTF8.GetBytes(prefix), ct);
            for (long written = 0; written < MaxBytesWritten; written += Filler.Length)
            {
                await WriteChunkAsync(stream, Filler, ct);
            }
        });

    /// <summary>Headers declaring <paramref name="declaredLength"/> bytes, then <paramref name="prefix"/> and filler up to that length.</summary>
    public static RawReply Long(int status, long declaredLength, string prefix, string contentType = "application/json") =>
        new($"long {status}", async (stream, ct) =>
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes($"HTTP/1.1 {status} X\r\nContent-Type: {contentType}\r\nContent-Length: {declaredLength}\r\nConnection: close\r\n\r\n"), ct);
            var start = Encoding.UTF8.GetBytes(prefix);
            await stream.WriteAsync(start, ct);
            for (long written = start.Length; written < Math.Min(declaredLength, MaxBytesWritten);)
            {
                var count = (int)Math.Min(Filler.Length, declaredLength - written);
                await stream.WriteAsync(Filler.AsMemory(0, count), ct);
                written += count;
            }
        });

    /// <summary>Closes the connection without answering.</summary>
    public static RawReply Close { get; } = new("close without answering", (_, _) => Task.CompletedTask);

    private static async Task WriteChunkAsync(Stream stream, ReadOnlyMemory<byte> chunk, CancellationToken ct)
    {
        await stream.WriteAsync(Encoding.ASCII.GetBytes(chunk.Length.ToString("x", CultureInfo.InvariantCulture) + "\r\n"), ct);
        await stream.WriteAsync(chunk, ct);
        await stream.WriteAsync("\r\n"u8.ToArray(), ct);
    }
}

/// <summary>
/// A raw TCP server on 127.0.0.1 (random port) that reads each HTTP/1.1 request and answers it with whatever a
/// <see cref="RawReply"/> writes, one request per connection. Unlike Kestrel it can lie: wrong lengths, broken
/// framing, endless bodies, redirects anywhere. Every write stops when the client goes away.
/// </summary>
public sealed class MisbehavingServer : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<ReceivedRequest> _requests = new();
    private readonly Task _accepting;
    private Func<ReceivedRequest, RawReply> _reply;

    private MisbehavingServer(Func<ReceivedRequest, RawReply> reply)
    {
        _reply = reply;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        BaseUrl = $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";
        _accepting = AcceptAsync();
    }

    /// <summary>The server's root URL, e.g. <c>http://127.0.0.1:5123</c>.</summary>
    public string BaseUrl { get; }

    /// <summary>Every request read, in order of arrival.</summary>
    public IReadOnlyList<ReceivedRequest> Requests => _requests.ToArray();

    /// <summary>Starts a server answering with <paramref name="reply"/>.</summary>
    public static MisbehavingServer Start(Func<ReceivedRequest, RawReply> reply) => new(reply);

    /// <summary>Replaces the reply.</summary>
    public void Reply(Func<ReceivedRequest, RawReply> reply) => _reply = reply;

    /// <summary>Forgets the requests seen so far.</summary>
    public void Clear() => _requests.Clear();

    /// <summary>Stops accepting and closes every connection.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            client.NoDelay = true;
            var stream = client.GetStream();
            try
            {
                var request = await ReadRequestAsync(stream, _stop.Token);
                if (request is null)
                {
                    return;
                }

                _requests.Enqueue(request);
                await _reply(request).Write(stream, _stop.Token);
                await stream.FlushAsync(_stop.Token);
                client.Client.Shutdown(SocketShutdown.Send);
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // The client went away (as it should from an endless body) or the server is stopping.
            }
        }
    }

    private static async Task<ReceivedRequest?> ReadRequestAsync(Stream stream, CancellationToken ct)
    {
        var buffer = new byte[64 * 1024];
        var filled = 0;
        int headEnd;
        while ((headEnd = IndexOf(buffer.AsSpan(0, filled), "\r\n\r\n"u8)) < 0)
        {
            if (filled == buffer.Length)
            {
                return null;
            }

            var read = await stream.ReadAsync(buffer.AsMemory(filled), ct);
            if (read == 0)
            {
                return null;
            }

            filled += read;
        }

        var lines = Encoding.Latin1.GetString(buffer, 0, headEnd).Split("\r\n");
        var first = lines[0].Split(' ');
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
            }
        }

        var length = headers.TryGetValue("Content-Length", out var declared) ? int.Parse(declared, CultureInfo.InvariantCulture) : 0;
        var body = new byte[length];
        var have = Math.Min(length, filled - (headEnd + 4));
        Array.Copy(buffer, headEnd + 4, body, 0, have);
        while (have < length)
        {
            var read = await stream.ReadAsync(body.AsMemory(have), ct);
            if (read == 0)
            {
                break;
            }

            have += read;
        }

        return new ReceivedRequest(first[0], first.Length > 1 ? first[1] : string.Empty, headers, body);
    }

    private static int IndexOf(ReadOnlySpan<byte> haystack, ReadOnlySpan<byte> needle) => haystack.IndexOf(needle);
}
