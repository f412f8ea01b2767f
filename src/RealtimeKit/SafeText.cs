using System.Globalization;
using System.Text;

namespace RealtimeKit;

/// <summary>
/// Text from outside (ids, service messages, headers) made safe to put in a message that will be logged: control
/// characters and line or paragraph separators written as <c>\uXXXX</c> (no forged log lines), unpaired surrogates
/// replaced by U+FFFD, and the whole cut to a maximum length with a note of what was left out.
/// </summary>
internal static class SafeText
{
    /// <summary>The longest stretch of caller or service text quoted inside a message.</summary>
    public const int MaxQuoteLength = 64;

    /// <summary>Escapes what a log line must not hold and cuts to <paramref name="max"/> characters.</summary>
    public static string Clean(string? value, int max)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        if (value.Length <= max && !NeedsEscaping(value))
        {
            return value;
        }

        var builder = new StringBuilder(Math.Min(value.Length, max) + 16);
        var i = 0;
        for (; i < value.Length && builder.Length <= max; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                builder.Append(c).Append(value[++i]);
            }
            else if (char.IsSurrogate(c))
            {
                builder.Append('\uFFFD');
            }
            else if (IsUnsafe(c))
            {
                builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        if (i < value.Length || builder.Length > max)
        {
            builder.Length = Math.Min(builder.Length, Math.Max(0, max - 24));
            if (builder.Length > 0 && char.IsHighSurrogate(builder[^1]))
            {
                builder.Length--;
            }

            builder.Append("… (").Append(value.Length.ToString(CultureInfo.InvariantCulture)).Append(" chars)");
        }

        return builder.ToString();
    }

    /// <summary>A value to quote inside a message: cleaned and cut to <see cref="MaxQuoteLength"/>.</summary>
    public static string Quote(string? value) => Clean(value, MaxQuoteLength);

    /// <summary>Whether a character must not reach a log line as is.</summary>
    public static bool IsUnsafe(char c) => char.IsControl(c) || c is '\u2028' or '\u2029' or '\u0085';

    private static bool NeedsEscaping(string value)
    {
        foreach (var c in value)
        {
            if (IsUnsafe(c) || char.IsSurrogate(c))
            {
                return true;
            }
        }

        return false;
    }
}
