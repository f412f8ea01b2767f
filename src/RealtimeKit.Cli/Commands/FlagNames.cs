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
        ["appId"] = "--app",
        ["sessionId"] = "--session",
        ["recordingId"] = "--recording",
        ["webhookId"] = "--webhook",
        ["presetId"] = "--preset-id",
        ["search"] = "--search",
        ["pageNumber"] = "--page",
        ["perPage"] = "--per-page",
        ["name"] = "--name",
        ["url"] = "--url",
        ["events"] = "--event",
        ["MaxRetries"] = "--max-retries",
        ["BaseUrl"] = "--base-url",
        ["AccountId"] = "--account-id",
        ["AppId"] = "--app-id",
        ["ApiToken"] = "--api-token",
    };

    // Parameters that hold a whole body the CLI reads from one flag: named as that flag when the text names none.
    private static readonly Dictionary<string, string> Bodies = new(StringComparer.Ordinal)
    {
        ["preset"] = "--body",
        ["changes"] = "--body",
        ["meeting"] = "--title/--keep-alive",
        ["body"] = "--meeting/--max-seconds",
    };

    /// <summary>
    /// The message with flags for parameter names; when it still names no flag (e.g. a page size checked by the SDK
    /// with the name only in <see cref="ArgumentException.ParamName"/>), the flag is put in front.
    /// </summary>
    public static string Rewrite(ArgumentException exception)
    {
        var text = Rewrite(exception.Message);
        if (!text.Contains("--", StringComparison.Ordinal) && exception.ParamName is { } parameter
            && (Flags.TryGetValue(parameter, out var flag) || Bodies.TryGetValue(parameter, out flag)))
        {
            text = $"{flag}: {text}";
        }

        return text;
    }

    public static string Rewrite(string message)
    {
        // Drop the "(Parameter 'x')" suffix ArgumentException appends; the flag is named in the text.
        var text = ParameterSuffix().Replace(message, string.Empty);
        return Identifier().Replace(text, m => Flags.TryGetValue(m.Value, out var flag) ? flag : m.Value);
    }

    [GeneratedRegex(@"\s*\(Parameter '[^']*'\)")]
    private static partial Regex ParameterSuffix();

    [GeneratedRegex(@"(?<![\w-])(meetingId|participantIds|participantId|customParticipantIds|customParticipantId|presetName|question|options|picture|appId|sessionId|recordingId|webhookId|presetId|search|pageNumber|perPage|name|url|events|MaxRetries|BaseUrl|AccountId|AppId|ApiToken)(?![\w-])")]
    private static partial Regex Identifier();
}
