#if NETSTANDARD2_0
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace RealtimeKit.Compatibility;

// The members of .NET 8 the facade calls that netstandard2.0 lacks, as C# 14 extension members with the same names
// and behaviour, so the facade's code stays one source for every framework. Internal: nothing here is public API.

/// <summary>Static helpers of newer frameworks.</summary>
internal static class NetStandardStatics
{
    extension(ArgumentNullException)
    {
        /// <summary>Throws when <paramref name="argument"/> is null (.NET 6's <c>ArgumentNullException.ThrowIfNull</c>).</summary>
        public static void ThrowIfNull([NotNull] object? argument, [CallerArgumentExpression(nameof(argument))] string? paramName = null)
        {
            if (argument is null)
            {
                throw new ArgumentNullException(paramName);
            }
        }
    }

    extension(char)
    {
        /// <summary>An ASCII letter or digit (.NET 7).</summary>
        public static bool IsAsciiLetterOrDigit(char c) => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9';
    }

    extension(double)
    {
        /// <summary>Neither infinite nor NaN (.NET Core 2.1).</summary>
        public static bool IsFinite(double d) => !double.IsNaN(d) && !double.IsInfinity(d);
    }

    extension(HttpMethod)
    {
        /// <summary>The PATCH method (.NET Core 2.1).</summary>
        public static HttpMethod Patch => PatchMethod;
    }

    extension(ValueTask)
    {
        /// <summary>A completed <see cref="ValueTask{TResult}"/> (.NET 5).</summary>
        public static ValueTask<T> FromResult<T>(T result) => new(result);
    }

    extension(Task)
    {
        /// <summary>A delay on <paramref name="timeProvider"/>'s clock (.NET 8).</summary>
        public static Task Delay(TimeSpan delay, TimeProvider timeProvider, CancellationToken cancellationToken) =>
            timeProvider.Delay(delay, cancellationToken);
    }

    extension(Random)
    {
        /// <summary>A thread-safe shared instance (.NET 6).</summary>
        public static Random Shared => SharedRandom.Value!;
    }

    extension(Enum)
    {
        /// <summary>Whether <paramref name="value"/> is a named value of its enum (.NET 5's generic overload).</summary>
        public static bool IsDefined<TEnum>(TEnum value)
            where TEnum : struct, Enum => Enum.IsDefined(typeof(TEnum), value);
    }

    extension(int)
    {
        /// <summary>Parses an integer with the given format provider (.NET 7).</summary>
        public static bool TryParse(string? s, IFormatProvider? provider, out int result) =>
            int.TryParse(s, System.Globalization.NumberStyles.Integer, provider, out result);
    }

    private static readonly HttpMethod PatchMethod = new("PATCH");

    // System.Random is not thread-safe before .NET 6: one per thread stands in for Random.Shared.
    private static readonly ThreadLocal<Random> SharedRandom = new(() => new Random(Guid.NewGuid().GetHashCode()));
}

/// <summary>Instance helpers of newer frameworks.</summary>
internal static class NetStandardInstances
{
    /// <summary>A delegate of type <typeparamref name="T"/> for the method (.NET 5).</summary>
    public static T CreateDelegate<T>(this System.Reflection.MethodInfo method)
        where T : Delegate =>
        (T)method.CreateDelegate(typeof(T));

    /// <summary>Whether the text contains <paramref name="value"/> (.NET Core 2.1; only ordinal comparisons are used).</summary>
    public static bool Contains(this string text, char value, StringComparison comparison) =>
        text.IndexOf(value.ToString(), comparison) >= 0;

    /// <summary>Whether the text contains <paramref name="value"/> under <paramref name="comparison"/> (.NET Core 2.1).</summary>
    public static bool Contains(this string text, string value, StringComparison comparison) => text.IndexOf(value, comparison) >= 0;

    /// <summary>Replaces every <paramref name="oldValue"/> under <paramref name="comparison"/> (.NET Core 2.0).</summary>
    public static string Replace(this string text, string oldValue, string newValue, StringComparison comparison)
    {
        var builder = new System.Text.StringBuilder();
        var start = 0;
        for (var at = text.IndexOf(oldValue, comparison); at >= 0; at = text.IndexOf(oldValue, start, comparison))
        {
            builder.Append(text, start, at - start).Append(newValue);
            start = at + oldValue.Length;
        }

        return builder.Append(text, start, text.Length - start).ToString();
    }

    /// <summary>Splits into at most <paramref name="count"/> parts (.NET Core 2.0).</summary>
    public static string[] Split(this string text, char separator, int count) => text.Split([separator], count);

    /// <summary>Whether the text starts with <paramref name="value"/> (.NET Core 2.0).</summary>
    public static bool StartsWith(this string text, char value) => text.Length > 0 && text[0] == value;

    /// <summary>Whether the text ends with <paramref name="value"/> (.NET Core 2.0).</summary>
    public static bool EndsWith(this string text, char value) => text.Length > 0 && text[text.Length - 1] == value;

    /// <summary>The body as a stream; the token is checked before the read starts (.NET 5).</summary>
    public static Task<Stream> ReadAsStreamAsync(this HttpContent content, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return content.ReadAsStreamAsync();
    }

    /// <summary>The body as text; the token is checked before the read starts (.NET 5).</summary>
    public static Task<string> ReadAsStringAsync(this HttpContent content, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return content.ReadAsStringAsync();
    }

    /// <summary>Reads into <paramref name="buffer"/>, which here is always backed by an array (.NET Core 2.1).</summary>
    public static ValueTask<int> ReadAsync(this Stream stream, Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        System.Runtime.InteropServices.MemoryMarshal.TryGetArray<byte>(buffer, out var segment)
            ? new(stream.ReadAsync(segment.Array!, segment.Offset, segment.Count, cancellationToken))
            : throw new NotSupportedException("Only array-backed buffers are read on netstandard2.0.");

    /// <summary>Writes <paramref name="buffer"/> (.NET Core 2.1).</summary>
    public static ValueTask WriteAsync(this Stream stream, ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
        System.Runtime.InteropServices.MemoryMarshal.TryGetArray(buffer, out var segment)
            ? new(stream.WriteAsync(segment.Array!, segment.Offset, segment.Count, cancellationToken))
            : new(stream.WriteAsync(buffer.ToArray(), 0, buffer.Length, cancellationToken));

    /// <summary>Disposes a stream at the end of an <c>await using</c> (.NET Core 3.0's <c>Stream.DisposeAsync</c>).</summary>
    public static ConfiguredAsyncDisposable ConfigureAwait(this Stream stream, bool continueOnCapturedContext) =>
        new AsyncDisposableStream(stream).ConfigureAwait(continueOnCapturedContext);

    /// <summary>Waits for the task or the token, whichever comes first (.NET 6).</summary>
    public static Task WaitAsync(this Task task, CancellationToken cancellationToken) =>
        task.WaitAsync(Timeout.InfiniteTimeSpan, TimeProvider.System, cancellationToken);

    /// <summary>Trims leading and trailing bytes found in <paramref name="trimElements"/> (.NET 5).</summary>
    public static ReadOnlySpan<byte> Trim(this ReadOnlySpan<byte> span, ReadOnlySpan<byte> trimElements) =>
        span.TrimStart(trimElements).TrimEnd(trimElements);

    /// <summary>Trims leading bytes found in <paramref name="trimElements"/> (.NET 5).</summary>
    public static ReadOnlySpan<byte> TrimStart(this ReadOnlySpan<byte> span, ReadOnlySpan<byte> trimElements)
    {
        var start = 0;
        while (start < span.Length && trimElements.IndexOf(span[start]) >= 0)
        {
            start++;
        }

        return span.Slice(start);
    }

    /// <summary>Trims trailing bytes found in <paramref name="trimElements"/> (.NET 5).</summary>
    public static ReadOnlySpan<byte> TrimEnd(this ReadOnlySpan<byte> span, ReadOnlySpan<byte> trimElements)
    {
        var end = span.Length;
        while (end > 0 && trimElements.IndexOf(span[end - 1]) >= 0)
        {
            end--;
        }

        return span.Slice(0, end);
    }

    private sealed class AsyncDisposableStream(Stream stream) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            stream.Dispose();
            return default;
        }
    }
}
#endif
