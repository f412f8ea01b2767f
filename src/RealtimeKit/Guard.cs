using System.Globalization;

namespace RealtimeKit;

/// <summary>
/// Argument checks that run before anything is sent, each naming the parameter and what was expected. Every
/// facade method calls them first thing inside its task, so a bad argument faults the returned task with an
/// <see cref="ArgumentException"/> (never a synchronous throw, never a later transport error). Values quoted in
/// messages are cut short and have control characters escaped, so messages stay bounded and safe to log.
/// </summary>
internal static class Guard
{
    /// <summary>The longest id accepted, in characters: far above any RealtimeKit id, far below what a URL can hold.</summary>
    public const int MaxIdLength = 1024;

    /// <summary>A required text (path value or body field): not null, empty or whitespace, and valid Unicode.</summary>
    public static string NotBlank(string? value, string parameter)
    {
        if (value is null)
        {
            throw new ArgumentNullException(parameter, $"Expected a non-empty value for {parameter}.");
        }

        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"Expected a non-empty value for {parameter}, got '{SafeText.Quote(value)}'.", parameter);
        }

        if (UnpairedSurrogate(value) is { } index)
        {
            throw new ArgumentException($"Expected valid Unicode text for {parameter}; it holds an unpaired surrogate at index {index.ToString(CultureInfo.InvariantCulture)}.", parameter);
        }

        return value;
    }

    /// <summary>
    /// An id for a URL path (or a body): given, not blank, and exactly one path segment. <c>.</c> and <c>..</c>
    /// are refused because a URL reads them as "this folder" and "the parent folder" (System.Uri collapses them,
    /// so the request would reach another endpoint), as are unpaired surrogates (not encodable), control
    /// characters and ids over <see cref="MaxIdLength"/> characters. Every other character is escaped into the
    /// one segment by the generated client.
    /// </summary>
    public static string Id(RealtimeKitId value, string parameter)
    {
        if (value.IsMissing)
        {
            throw new ArgumentNullException(parameter, $"Expected a non-empty value for {parameter}, got null.");
        }

        var text = value.ToString();
        if (IdProblem(text) is { } problem)
        {
            throw new ArgumentException($"Expected {problem.Expected} for {parameter}, got {problem.Got}.", parameter);
        }

        return text;
    }

    /// <summary>A list of ids: each one as <see cref="Id"/> requires; null becomes empty.</summary>
    /// <summary>
    /// An id the spec declares a UUID (the generated indexer takes a <see cref="Guid"/>): given, one segment, and a
    /// UUID, checked before anything is sent.
    /// </summary>
    public static Guid Uuid(RealtimeKitId value, string parameter)
    {
        var text = Id(value, parameter);
        return Guid.TryParse(text, out var uuid)
            ? uuid
            : throw new ArgumentException($"Expected a UUID for {parameter}, got '{SafeText.Quote(text)}'.", parameter);
    }

    public static List<string> Ids(IEnumerable<RealtimeKitId>? values, string parameter)
    {
        var list = new List<string>();
        foreach (var value in values ?? [])
        {
            var text = value.ToString();
            if (IdProblem(text) is { } problem)
            {
                throw new ArgumentException($"Expected every id in {parameter} to be {problem.Expected}; item {list.Count.ToString(CultureInfo.InvariantCulture)} is {problem.Got}.", parameter);
            }

            list.Add(text);
        }

        return list;
    }

    /// <summary>A list of texts: each one non-blank and valid Unicode; null becomes empty.</summary>
    public static List<string> Texts(IEnumerable<string>? values, string parameter)
    {
        var list = values?.ToList() ?? [];
        for (var i = 0; i < list.Count; i++)
        {
            var item = i.ToString(CultureInfo.InvariantCulture);
            if (string.IsNullOrWhiteSpace(list[i]))
            {
                throw new ArgumentException($"Expected every id in {parameter} to be non-empty; item {item} is '{SafeText.Quote(list[i])}'.", parameter);
            }

            if (UnpairedSurrogate(list[i]) is { } index)
            {
                throw new ArgumentException($"Expected every item in {parameter} to be valid Unicode text; item {item} holds an unpaired surrogate at index {index.ToString(CultureInfo.InvariantCulture)}.", parameter);
            }
        }

        return list;
    }

    /// <summary>Why <paramref name="id"/> cannot be one path segment, or null when it can.</summary>
    internal static (string Expected, string Got)? IdProblem(string? id)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return ("a non-empty value", id is null ? "null" : $"'{SafeText.Quote(id)}'");
        }

        if (id.Length > MaxIdLength)
        {
            return ($"an id of at most {MaxIdLength.ToString(CultureInfo.InvariantCulture)} characters", $"{id.Length.ToString(CultureInfo.InvariantCulture)} characters");
        }

        if (id is "." or "..")
        {
            return ("an id, not a relative path segment", $"'{id}', which a URL would resolve to another path");
        }

        if (UnpairedSurrogate(id) is { } surrogate)
        {
            return ("valid Unicode text", $"an unpaired surrogate at index {surrogate.ToString(CultureInfo.InvariantCulture)}");
        }

        for (var i = 0; i < id.Length; i++)
        {
            if (char.IsControl(id[i]))
            {
                return ("an id without control characters", $"U+{((int)id[i]).ToString("X4", CultureInfo.InvariantCulture)} at index {i.ToString(CultureInfo.InvariantCulture)}");
            }
        }

        return null;
    }

    /// <summary>The index of the first unpaired UTF-16 surrogate, or null when the text is well formed.</summary>
    internal static int? UnpairedSurrogate(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                return i;
            }
        }

        return null;
    }
}
