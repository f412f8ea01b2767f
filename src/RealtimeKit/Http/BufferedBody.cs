using System.Net;
using System.Text;
using System.Text.Json;
using RealtimeKit.Errors;

namespace RealtimeKit.Http;

/// <summary>
/// A response body read into memory by the SDK, with its limit enforced while reading: at most one small chunk
/// past the limit is ever held, whatever the server sends (an endless or lying body included). It replaces the
/// response's content, so nothing downstream reads the network again; <see cref="ErrorResponseHandler"/> checks and
/// parses it once, and the parse node factory hands that parse to Kiota without a second copy.
/// </summary>
internal sealed class BufferedBody : HttpContent
{
    /// <summary>How much of an error (non-2xx) body is read: enough for any service error, small enough to ignore.</summary>
    public const int ErrorBodyLimit = 64 * 1024;

    /// <summary>How much of an over-long body is kept, for the exception's excerpt.</summary>
    public const int ExcerptBytes = 4 * 1024;

    // Chunks grow from 4 KiB to 64 KiB: small bodies waste little, and no chunk reaches the large-object heap.
    private const int FirstChunk = 4 * 1024, MaxChunk = 64 * 1024;

    private readonly byte[] _bytes;
    private bool _jsonKept;

    private BufferedBody(byte[] bytes, int length, bool complete, long? declaredLength)
    {
        _bytes = bytes;
        Length = length;
        Complete = complete;
        DeclaredLength = declaredLength;
    }

    /// <summary>How many bytes are held.</summary>
    public int Length { get; }

    /// <summary>The bytes held.</summary>
    public ReadOnlyMemory<byte> Bytes => _bytes.AsMemory(0, Length);

    /// <summary>False when the body was longer than the limit: <see cref="Bytes"/> then holds only its start.</summary>
    public bool Complete { get; }

    /// <summary>The <c>Content-Length</c> the server declared, if any.</summary>
    public long? DeclaredLength { get; }

    /// <summary>
    /// The body's JSON (its bytes without a byte order mark) once <see cref="ErrorResponseHandler"/> has checked it:
    /// a 2xx body of well-formed UTF-8 JSON whose root is an object. Null for any other body.
    /// </summary>
    public ReadOnlyMemory<byte>? CheckedJson { get; set; }

    /// <summary>The document parsed from <see cref="CheckedJson"/> (<see cref="ParseJson"/>), if a reader needed one.</summary>
    public JsonDocument? Json { get; private set; }

    /// <summary>
    /// <see cref="CheckedJson"/> as a document, parsed the first time it is asked for: most bodies are read into
    /// their model without one (<see cref="StreamedModelReader"/>).
    /// </summary>
    public JsonDocument ParseJson() =>
        Json ??= JsonDocument.Parse(CheckedJson ?? throw new InvalidOperationException("The body's JSON was not checked."), ServiceErrorReader.JsonOptions);

    /// <summary>
    /// Returns <see cref="Json"/>'s pooled memory (as large as the body) once the model is made, unless the model
    /// may still read the document (<see cref="KeepJson"/>): Kiota's untyped values and <c>AdditionalData</c> read it lazily.
    /// </summary>
    public void ReleaseJson()
    {
        if (Json is { } document && !_jsonKept)
        {
            Json = null;
            document.Dispose();
        }
    }

    /// <summary>Marks <see cref="Json"/> as read by the model after the call, so it is never released.</summary>
    public void KeepJson() => _jsonKept = true;

    /// <summary>The JSON kind of the envelope's <c>data</c> (<see cref="JsonValueKind.Undefined"/> when absent).</summary>
    public JsonValueKind DataKind { get; set; }

    /// <summary>The start of the body as text, for exceptions; null when empty.</summary>
    public string? Excerpt()
    {
        if (Length == 0)
        {
            return null;
        }

        var text = Encoding.UTF8.GetString(_bytes, 0, Math.Min(Length, ExcerptBytes));
        return text.Length > RealtimeKitException.MaxExcerptLength ? text[..RealtimeKitException.MaxExcerptLength] : text;
    }

    /// <summary>
    /// Reads the body of <paramref name="response"/> (at most <paramref name="limit"/> bytes kept) and puts it in
    /// place of the response's content. A transport failure while reading becomes an <see cref="HttpRequestException"/>,
    /// which the retry policy judges as a connection dropped after sending.
    /// </summary>
    public static async Task<BufferedBody> ReplaceContentAsync(HttpResponseMessage response, long limit, CancellationToken cancellationToken)
    {
        var original = response.Content;
        BufferedBody body;
        try
        {
            body = await ReadAsync(original, limit, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException e)
        {
#if NET8_0_OR_GREATER
            throw new HttpRequestException(e is HttpIOException io ? io.HttpRequestError : HttpRequestError.ResponseEnded, "The response body could not be read: " + e.Message, e);
#else
            throw new HttpRequestException("The response body could not be read: " + e.Message, e);
#endif
        }

        foreach (var header in original.Headers)
        {
            body.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        body.Headers.ContentLength = body.Length;
        response.Content = body;
        original.Dispose();
        return body;
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(Bytes).AsTask();

#if NET5_0_OR_GREATER
    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken) => stream.WriteAsync(Bytes, cancellationToken).AsTask();
#endif

    protected override bool TryComputeLength(out long length)
    {
        length = Length;
        return true;
    }

    protected override Task<Stream> CreateContentReadStreamAsync() => Task.FromResult<Stream>(new BodyStream(this, _bytes));

#if NET5_0_OR_GREATER
    protected override Stream CreateContentReadStream(CancellationToken cancellationToken) => new BodyStream(this, _bytes);
#endif

    private static async Task<BufferedBody> ReadAsync(HttpContent content, long limit, CancellationToken cancellationToken)
    {
        var declared = content.Headers.ContentLength;
        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            if (declared is { } exact and >= 0 && exact <= limit)
            {
                // The server said how long: one array of exactly that size, and no more is read.
                var bytes = exact == 0 ? [] : new byte[exact];
                var read = await FillAsync(stream, bytes, cancellationToken).ConfigureAwait(false);
                return new BufferedBody(bytes, read, complete: true, declared);
            }

            if (declared > limit)
            {
                // Too long by its own account: only the start is read, for the excerpt.
                var start = new byte[(int)Math.Min(ExcerptBytes, limit)];
                var read = await FillAsync(stream, start, cancellationToken).ConfigureAwait(false);
                return new BufferedBody(start, read, complete: false, declared);
            }

            // Unknown length: chunks up to limit + 1 bytes, then one exact copy.
            var chunks = new List<(byte[] Chunk, int Count)>();
            long total = 0;
            var size = (int)Math.Min(FirstChunk, limit + 1);
            while (true)
            {
                var chunk = new byte[size];
                var read = await FillAsync(stream, chunk, cancellationToken).ConfigureAwait(false);
                if (read > 0)
                {
                    chunks.Add((chunk, read));
                    total += read;
                }

                if (total > limit)
                {
                    // Over the limit: everything but the start is dropped at once, and the rest is never read.
                    return new BufferedBody(chunks[0].Chunk, Math.Min(chunks[0].Count, ExcerptBytes), complete: false, declared);
                }

                if (read < chunk.Length)
                {
                    break;
                }

                size = (int)Math.Min(Math.Min(size * 2L, MaxChunk), limit + 1 - total);
            }

            if (chunks.Count == 1 && chunks[0].Count == chunks[0].Chunk.Length)
            {
                return new BufferedBody(chunks[0].Chunk, chunks[0].Count, complete: true, declared);
            }

            var all = total == 0 ? [] : new byte[total];
            var offset = 0;
            foreach (var (chunk, count) in chunks)
            {
                Buffer.BlockCopy(chunk, 0, all, offset, count);
                offset += count;
            }

            return new BufferedBody(all, (int)total, complete: true, declared);
        }
    }

    private static async Task<int> FillAsync(Stream stream, byte[] buffer, CancellationToken cancellationToken)
    {
        var filled = 0;
        while (filled < buffer.Length)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(filled), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            filled += read;
        }

        return filled;
    }

    /// <summary>A read-only view of the held bytes that knows its body, so the parse node factory can use its parse.</summary>
    internal sealed class BodyStream(BufferedBody body, byte[] bytes) : MemoryStream(bytes, 0, body.Length, writable: false, publiclyVisible: true)
    {
        public BufferedBody Body { get; } = body;
    }
}
