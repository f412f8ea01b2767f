using System.Globalization;
using System.Text;

namespace RealtimeKit.Emulator.Api;

/// <summary>
/// Messages that echo ids or paths from a request, made safe to log: control characters (CR and LF above all, which
/// would forge log lines) and Unicode line separators written as <c>\uXXXX</c>, unpaired surrogates replaced, and
/// the whole cut to <see cref="MaxLength"/> characters.
/// </summary>
internal static class LogSafe
{
    public const int MaxLength = 1024;

    public static string Text(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(Math.Min(value.Length, MaxLength));
        for (var i = 0; i < value.Length; i++)
        {
            if (builder.Length >= MaxLength)
            {
                builder.Append(CultureInfo.InvariantCulture, $"... ({value.Length} chars)");
                break;
            }

            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                builder.Append(c).Append(value[++i]);
            }
            else if (char.IsSurrogate(c))
            {
                builder.Append('\uFFFD');
            }
            else if (char.IsControl(c) || c is '\u2028' or '\u2029')
            {
                builder.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
