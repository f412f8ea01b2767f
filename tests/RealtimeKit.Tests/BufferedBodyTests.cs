using System.Net;
using System.Text;
using RealtimeKit.Http;

namespace RealtimeKit.Tests;

/// <summary>
/// How <see cref="BufferedBody"/> reads a response body into memory: exactly, whether or not the server declared its
/// length and however the bytes arrive, and never more than its limit.
/// </summary>
public class BufferedBodyTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(4096)] // exactly the first chunk
    [InlineData(4097)]
    [InlineData(10_000)] // three chunks
    [InlineData(200_000)] // chunks at their largest
    public async Task A_body_of_unknown_length_is_held_exactly(int length)
    {
        var sent = Bytes(length);

        var body = await ReadAsync(new UnsizedContent(sent), limit: 1 << 20);

        Assert.True(body.Complete);
        Assert.Equal(length, body.Length);
        Assert.Equal(sent, body.Bytes.ToArray());
        Assert.Null(body.DeclaredLength);
    }

    [Fact]
    public async Task A_body_that_arrives_a_byte_at_a_time_is_held_exactly()
    {
        var sent = Bytes(9000);

        var declared = await ReadAsync(new UnsizedContent(sent, pieceSize: 1, declare: true), limit: 1 << 20);
        var unknown = await ReadAsync(new UnsizedContent(sent, pieceSize: 1), limit: 1 << 20);

        Assert.Equal(sent, declared.Bytes.ToArray());
        Assert.Equal(sent, unknown.Bytes.ToArray());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_body_of_exactly_the_limit_is_held_and_one_byte_more_is_not(bool declare)
    {
        const int limit = 5000;

        var atLimit = await ReadAsync(new UnsizedContent(Bytes(limit), declare: declare), limit);
        var over = await ReadAsync(new UnsizedContent(Bytes(limit + 1), declare: declare), limit);

        Assert.True(atLimit.Complete);
        Assert.Equal(limit, atLimit.Length);
        Assert.False(over.Complete);
        // Only the start is kept, for the excerpt.
        Assert.Equal(Bytes(BufferedBody.ExcerptBytes), over.Bytes.ToArray());
        Assert.Equal(declare ? limit + 1 : null, over.DeclaredLength);
    }

    [Fact]
    public async Task The_original_content_is_disposed_and_the_held_body_takes_its_place_with_its_headers()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.OK);
        var original = new UnsizedContent(Bytes(10));
        original.Headers.TryAddWithoutValidation("Content-Type", "application/json");
        response.Content = original;

        var body = await BufferedBody.ReplaceContentAsync(response, 100, CancellationToken.None);

        Assert.True(original.Disposed);
        Assert.Same(body, response.Content);
        Assert.Equal("application/json", body.Headers.ContentType!.MediaType);
        Assert.Equal(10, body.Headers.ContentLength);
        using var stream = await body.ReadAsStreamAsync();
        Assert.False(stream.CanWrite);
        Assert.True(((MemoryStream)stream).TryGetBuffer(out _));
    }

    [Fact]
    public async Task A_body_cut_short_while_read_is_a_transport_failure_that_says_so()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new UnsizedContent(Bytes(100), failAfter: 10) };

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => BufferedBody.ReplaceContentAsync(response, 1000, CancellationToken.None));

        Assert.StartsWith("The response body could not be read: ", error.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<IOException>(error.InnerException);
    }

    [Fact]
    public async Task The_excerpt_is_the_start_of_the_body_up_to_the_exceptions_bound()
    {
        var exact = await ReadAsync(new UnsizedContent(Encoding.UTF8.GetBytes(new string('a', RealtimeKitException.MaxExcerptLength))), 1 << 20);
        var longer = await ReadAsync(new UnsizedContent(Encoding.UTF8.GetBytes(new string('b', RealtimeKitException.MaxExcerptLength + 1))), 1 << 20);
        var empty = await ReadAsync(new UnsizedContent([]), 1 << 20);

        Assert.Equal(new string('a', RealtimeKitException.MaxExcerptLength), exact.Excerpt());
        Assert.Equal(new string('b', RealtimeKitException.MaxExcerptLength), longer.Excerpt());
        Assert.Null(empty.Excerpt());
    }

    private static async Task<BufferedBody> ReadAsync(HttpContent content, long limit)
    {
        using var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
        return await BufferedBody.ReplaceContentAsync(response, limit, CancellationToken.None);
    }

    // Every byte differs from its neighbours, so a misplaced chunk shows.
    private static byte[] Bytes(int length) => Enumerable.Range(0, length).Select(i => (byte)(i * 7 % 251)).ToArray();

    /// <summary>Content that declares no length (unless asked to) and hands its bytes out in pieces.</summary>
    private sealed class UnsizedContent(byte[] bytes, int pieceSize = 1000, bool declare = false, int failAfter = -1) : HttpContent
    {
        public bool Disposed { get; private set; }

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => throw new NotSupportedException();

        protected override Task<Stream> CreateContentReadStreamAsync() => Task.FromResult<Stream>(new PieceStream(bytes, pieceSize, failAfter));

        protected override bool TryComputeLength(out long length)
        {
            length = bytes.Length;
            return declare;
        }

        protected override void Dispose(bool disposing)
        {
            Disposed = true;
            base.Dispose(disposing);
        }
    }

    private sealed class PieceStream(byte[] bytes, int pieceSize, int failAfter) : Stream
    {
        private int _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (failAfter >= 0 && _position >= failAfter)
            {
                throw new IOException("connection reset");
            }

            var n = Math.Min(Math.Min(count, pieceSize), bytes.Length - _position);
            Array.Copy(bytes, _position, buffer, offset, n);
            _position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
