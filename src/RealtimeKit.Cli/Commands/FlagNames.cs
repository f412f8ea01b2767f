using System.Text.RegularExpressions;

namespace RealtimeKit.Cli.Commands;

/// <summary>
/// The SDK's argument errors name its parameters and options (<c>participantIds</c>, <c>MaxRetries</c>); on the
/// command line the fix is a flag, so messages are rewritten to name the flag.
/// </summary>
internal static partial class FlagNames
{
    private static readonly Dictionary<string, string> Flags = new(StringComparer.Ordinal)
    {
        ["meetingId"] = "--meeting",
        ["participantIds"] = "--participant-id",
        ["participantId"] = "--participant-id",
        ["customParticipantIds"] = "--custom-id",
        ["customParticipantId"] = "--custom-id",
        ["presetName"] = "--preset",
        ["question"] = "--question",
        ["options"] = "--option",
        ["picture"] = "--picture",
        ["MaxRetries"] = "--max-retries",
        ["BaseUrl"] = "--base-url",
        ["AccountId"] = "--account-id",
        ["AppId"] = "--app-id",
        ["ApiToken"] = "--api-token",
    };

    public static string Rewrite(string message)
    {
        // Drop the "(Parameter 'x')" suffix ArgumentException appends; the flag is named in the text.
        var text = ParameterSuffix().Replace(message, string.Empty);
        return Identifier().Replace(text, m => Flags.TryGetValue(m.Value, out var flag) ? flag : m.Value);
    }

    [GeneratedRegex(@"\s*\(Parameter '[^']*'\)")]
    private static partial Regex ParameterSuffix();

    [GeneratedRegex(@"(?<![\w-])(meetingId|participantIds|participantId|customParticipantIds|customParticipantId|presetName|question|options|picture|MaxRetries|BaseUrl|AccountId|AppId|ApiToken)(?![\w-])")]
    private static partial Regex Identifier();
}
