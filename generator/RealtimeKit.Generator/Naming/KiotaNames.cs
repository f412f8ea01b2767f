using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace RealtimeKit.Generator.Naming;

/// <summary>
/// Every naming rule Kiota 1.34 applies to C# output, in one place (see shared/reference/kiota-shape.md).
/// The code model asks here; nothing else invents names.
/// </summary>
public static partial class KiotaNames
{
    private static readonly HashSet<string> HttpVerbs = new(StringComparer.OrdinalIgnoreCase)
    {
        "Get", "Post", "Put", "Patch", "Delete", "Head", "Options", "Trace", "Connect",
    };

    // Members of Exception and ApiException that an error model's properties must not hide.
    private static readonly HashSet<string> ExceptionMembers = new(StringComparer.Ordinal)
    {
        "Message", "Data", "Source", "HelpLink", "StackTrace", "InnerException", "HResult", "TargetSite",
        "ResponseStatusCode", "ResponseHeaders",
    };

    // Members every generated model has already.
    private static readonly HashSet<string> ModelMembers = new(StringComparer.Ordinal)
    {
        "AdditionalData", "Serialize", "GetFieldDeserializers", "CreateFromDiscriminatorValue", "GetType", "ToString", "Equals", "GetHashCode",
    };

    /// <summary>
    /// Removes symbols (<c>-</c>, <c>.</c>, <c>$</c>, spaces...) and upper-cases the letter after each; keeps
    /// underscores; upper-cases the first letter: <c>active-session</c> → <c>ActiveSession</c>.
    /// </summary>
    public static string CleanSymbols(string raw) => PrefixDigit(Join(raw, keepUnderscores: true, upperFirst: true));

    /// <summary>The C# name of a model or query property: PascalCase of the wire name (<c>live_participants</c> → <c>LiveParticipants</c>).</summary>
    public static string PropertyName(string wireName) => PrefixDigit(Join(wireName, keepUnderscores: false, upperFirst: true));

    // Drops every character that cannot stand in an identifier and upper-cases the letter after each one dropped.
    private static string Join(string raw, bool keepUnderscores, bool upperFirst)
    {
        var result = new StringBuilder(raw.Length);
        var upperNext = upperFirst;
        foreach (var c in raw)
        {
            if (char.IsLetterOrDigit(c) || (keepUnderscores && c == '_'))
            {
                result.Append(upperNext ? char.ToUpperInvariant(c) : c);
                upperNext = false;
            }
            else
            {
                upperNext = result.Length > 0 || upperFirst;
            }
        }

        return result.ToString();
    }

    /// <summary>
    /// A model property's name once it is placed on its class: hides no <c>Exception</c> member on error
    /// types (<c>Message</c> → <c>MessageEscaped</c>) and never equals its class name (<c>Poll</c> on <c>Poll</c> → <c>PollProp</c>).
    /// </summary>
    public static string ModelPropertyName(string wireName, string className, bool isError)
    {
        var name = PropertyName(wireName);
        if (name.Length == 0)
        {
            name = "Property";
        }

        if (isError && ExceptionMembers.Contains(name))
        {
            name += "Escaped";
        }

        if (ModelMembers.Contains(name))
        {
            name += "Escaped";
        }

        return name == className ? name + "Prop" : name;
    }

    /// <summary>Whether a path segment is exactly one parameter, <c>{name}</c>.</summary>
    public static bool IsParameterSegment(string segment) => SingleParameter().IsMatch(segment);

    /// <summary>The parameter name in a <c>{name}</c> segment.</summary>
    public static string ParameterName(string segment) => segment[1..^1];

    /// <summary>
    /// The stem a path segment gives its builder, namespace and inline types: <c>kick-all</c> → <c>KickAll</c>;
    /// <c>{account_id}</c> → <c>WithAccount_</c> (trailing id dropped); <c>{user-id}</c> → <c>User</c>; <c>{id}</c> → empty.
    /// </summary>
    public static string SegmentStem(string segment)
    {
        if (!IsParameterSegment(segment))
        {
            return CleanSymbols(segment);
        }

        var name = ParameterName(segment);
        if (WordCharacters().IsMatch(name))
        {
            var with = "With" + char.ToUpperInvariant(name[0]) + name[1..];
            var stripped = TrailingId().Replace(with, string.Empty);
            return stripped == "With" ? string.Empty : stripped;
        }

        return CleanSymbols(TrailingId().Replace(name, string.Empty));
    }

    /// <summary>The request builder class of a segment: <c>KickRequestBuilder</c>, <c>WithMeeting_ItemRequestBuilder</c>.</summary>
    public static string BuilderClassName(string segment) =>
        SegmentStem(segment) + (IsParameterSegment(segment) ? "ItemRequestBuilder" : "RequestBuilder");

    /// <summary>The namespace segment of a path segment: <c>ActiveSession</c>, or <c>Item</c> for a parameter.</summary>
    public static string NamespaceSegment(string segment) => IsParameterSegment(segment) ? "Item" : CleanSymbols(segment);

    /// <summary>The navigation property to a literal segment's builder; HTTP verbs get a <c>Path</c> suffix.</summary>
    public static string NavigationPropertyName(string segment)
    {
        var name = CleanSymbols(segment);
        return HttpVerbs.Contains(name) ? name + "Path" : name;
    }

    /// <summary>The prefix of inline types declared by operations on a segment (<c>Kick</c>, <c>WithParticipant_</c>, <c>Item</c>).</summary>
    public static string InlineTypeStem(string segment)
    {
        var stem = SegmentStem(segment);
        return stem.Length == 0 ? "Item" : stem;
    }

    /// <summary>Inline request body: <c>KickPostRequestBody</c>.</summary>
    public static string InlineRequestBodyName(string segment, string method) => InlineTypeStem(segment) + MethodStem(method) + "RequestBody";

    /// <summary>Inline success response: <c>KickPostResponse</c>.</summary>
    public static string InlineResponseName(string segment, string method) => InlineTypeStem(segment) + MethodStem(method) + "Response";

    /// <summary>Inline error response: <c>Kick404Error</c>, <c>Kick4XXError</c>.</summary>
    public static string InlineErrorName(string segment, string status) => InlineTypeStem(segment) + status.ToUpperInvariant() + "Error";

    /// <summary>Inline schema of a property of model <c>X</c>: <c>X_error</c>.</summary>
    public static string InlinePropertyTypeName(string parentName, string wireName) => parentName + "_" + Join(wireName, keepUnderscores: true, upperFirst: false);

    /// <summary>An inline enum of a query parameter: <c>GetStateQueryParameterType</c>.</summary>
    public static string QueryParameterEnumName(string method, string parameter) => MethodStem(method) + PropertyName(parameter) + "QueryParameterType";

    /// <summary>The PascalCase method stem: <c>POST</c> → <c>Post</c>.</summary>
    public static string MethodStem(string method) =>
        char.ToUpperInvariant(method[0]) + method[1..].ToLowerInvariant();

    /// <summary>A component schema name split into its namespace parts below <c>Models</c> and its class name (<c>a.b.C</c> → <c>A.B</c>, <c>C</c>).</summary>
    public static (string[] NamespaceParts, string ClassName) ComponentName(string id)
    {
        var parts = id.Split('.', StringSplitOptions.RemoveEmptyEntries);
        var classes = parts.Select(CleanSymbols).ToArray();
        return (classes[..^1], classes[^1]);
    }

    /// <summary>An enum member name for a wire value: <c>LIVE</c> → <c>LIVE</c>, <c>meeting</c> → <c>Meeting</c>, <c>in-progress</c> → <c>InProgress</c>.</summary>
    public static string EnumMemberName(string value) => CleanSymbols(value);

    /// <summary>A path parameter name as it stands in a URL template (anything but letters, digits and <c>_</c> percent-encoded).</summary>
    public static string UrlTemplateParameter(string name)
    {
        var result = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            if (char.IsAsciiLetterOrDigit(c) || c == '_')
            {
                result.Append(c);
            }
            else
            {
                foreach (var b in Encoding.UTF8.GetBytes(c.ToString()))
                {
                    result.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
                }
            }
        }

        return result.ToString();
    }

    private static string PrefixDigit(string name) => name.Length > 0 && char.IsDigit(name[0]) ? "_" + name : name;

    [GeneratedRegex(@"^\{[^{}]+\}$")]
    private static partial Regex SingleParameter();

    [GeneratedRegex(@"^\w+$")]
    private static partial Regex WordCharacters();

    [GeneratedRegex(@"-?id\d?$", RegexOptions.IgnoreCase)]
    private static partial Regex TrailingId();
}
