using System.CommandLine.Parsing;
using System.Globalization;

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

    private static string Single(ArgumentResult result) => result.Tokens.Count > 0 ? result.Tokens[^1].Value : string.Empty;

    private static string Flag(ArgumentResult result) => (result.Parent as OptionResult)?.Option.Name ?? "value";
}
