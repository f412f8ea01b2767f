using System.CommandLine.Parsing;
using System.Globalization;
using System.Reflection;

namespace RealtimeKit.Cli.Commands;

/// <summary>
/// Value parsers whose errors name the flag and what it expects, in words, instead of a CLR type name or a
/// stack trace.
/// </summary>
internal static class CliParsers
{
    public static int? WholeNumber(ArgumentResult result)
    {
        var token = Single(result);
        if (int.TryParse(token, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        result.AddError($"{Flag(result)}: expected a whole number, got '{token}'.");
        return null;
    }

    public static Uri? AbsoluteUrl(ArgumentResult result)
    {
        var token = Single(result);
        if (Uri.TryCreate(token, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp))
        {
            return uri;
        }

        result.AddError($"{Flag(result)}: expected an absolute http(s) URL such as https://example.com/ada.png, got '{token}'.");
        return null;
    }

    public static int? PositiveNumber(ArgumentResult result)
    {
        var token = Single(result);
        if (int.TryParse(token, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= 1)
        {
            return value;
        }

        result.AddError($"{Flag(result)}: expected a whole number of 1 or more, got '{token}'.");
        return null;
    }

    /// <summary>One enum value, written as the API writes it (e.g. <c>meeting.started</c>) or as its C# name, any case.</summary>
    public static T? EnumValue<T>(ArgumentResult result)
        where T : struct, Enum
    {
        var token = Single(result);
        if (TryEnum<T>(token, out var value))
        {
            return value;
        }

        result.AddError($"{Flag(result)}: expected one of {string.Join(", ", Enum.GetValues<T>().Select(WireName))}, got '{token}'.");
        return null;
    }

    /// <summary>Enum values, one per token (repeatable flags), each checked as <see cref="EnumValue{T}"/> does.</summary>
    public static T[] EnumValues<T>(ArgumentResult result)
        where T : struct, Enum
    {
        var values = new List<T>();
        foreach (var token in result.Tokens.Select(t => t.Value))
        {
            if (!TryEnum<T>(token, out var value))
            {
                result.AddError($"{Flag(result)}: expected one of {string.Join(", ", Enum.GetValues<T>().Select(WireName))}, got '{token}'.");
                return [];
            }

            values.Add(value);
        }

        return [.. values];
    }

    /// <summary>The name the API uses for an enum value (its <c>[EnumMember]</c> value, else its C# name).</summary>
    public static string WireName<T>(T value)
        where T : struct, Enum => EnumWireName(value);

    /// <summary>The name the API uses for an enum value of any enum type.</summary>
    public static string EnumWireName(Enum value)
    {
        var name = value.ToString();
        return value.GetType().GetField(name)?.GetCustomAttribute<System.Runtime.Serialization.EnumMemberAttribute>()?.Value ?? name;
    }

    private static bool TryEnum<T>(string token, out T value)
        where T : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (string.Equals(WireName(candidate), token, StringComparison.OrdinalIgnoreCase) || string.Equals(candidate.ToString(), token, StringComparison.OrdinalIgnoreCase))
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }

    private static string Single(ArgumentResult result) => result.Tokens.Count > 0 ? result.Tokens[^1].Value : string.Empty;

    private static string Flag(ArgumentResult result) => (result.Parent as OptionResult)?.Option.Name ?? "value";
}
