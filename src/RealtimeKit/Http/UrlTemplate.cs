using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Runtime.Serialization;
using System.Text;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Extensions;

namespace RealtimeKit.Http;

/// <summary>
/// A Kiota URL template (<c>{+baseurl}/accounts/{account_id}/…{?page_no*,per_page*}</c>) parsed once, expanded to
/// the same URL as Kiota's <see cref="RequestInformation.URI"/> (its value formats, then Std.UriTemplate's RFC 6570
/// expansion and escaping) without Kiota's cost per call: a dictionary of substitutions, a template parse, a
/// <see cref="StringBuilder"/> per variable and a string per escaped character. Only the forms Kiota writes are
/// compiled — <c>{+var}</c>, <c>{var}</c> and <c>{?a,b*}</c> — and only the value types Kiota's generated code passes;
/// anything else (another operator, a prefix modifier, a value Kiota would format in some other way or refuse) is
/// not expanded here, and the request goes through Kiota's own expansion, errors included.
/// </summary>
internal sealed class UrlTemplate
{
    // Enough for every template of the spec many times over; raw requests (client.Raw) carry their path in the
    // template, so a busy raw caller must not grow this without bound. Past it, templates go to Kiota's expansion.
    private const int CacheLimit = 512;

    private static readonly ConcurrentDictionary<string, UrlTemplate?> Cache = new(StringComparer.Ordinal);

    // What Std.UriTemplate writes for each ASCII character of a value outside {+…}: Uri.EscapeDataString of that one
    // character (it calls it per character), asked of the runtime once.
    private static readonly string[] EscapedAscii = Enumerable.Range(0, 128).Select(c => Uri.EscapeDataString(((char)c).ToString())).ToArray();

    private static int s_cached;

    [ThreadStatic]
    private static StringBuilder? s_builder;

    private readonly Part[] _parts;

    private UrlTemplate(Part[] parts) => _parts = parts;

    private enum Operator
    {
        Simple,
        Reserved,
        Query,
    }

    /// <summary>The compiled form of <paramref name="template"/>, or null when it uses a form this class leaves to Kiota.</summary>
    public static UrlTemplate? For(string template)
    {
        if (Cache.TryGetValue(template, out var compiled))
        {
            return compiled;
        }

        compiled = Parse(template);
        if (Volatile.Read(ref s_cached) < CacheLimit && Cache.TryAdd(template, compiled))
        {
            Interlocked.Increment(ref s_cached);
        }

        return compiled;
    }

    /// <summary>
    /// The URL Kiota would make of <paramref name="request"/>'s path and query parameters, or null when a value
    /// is one this class leaves to Kiota.
    /// </summary>
    public string? Expand(RequestInformation request)
    {
        if (HasSharedName(request))
        {
            // Kiota puts both into one dictionary and fails on the second: let it.
            return null;
        }

        var builder = s_builder ?? new StringBuilder(256);
        s_builder = null;
        builder.Clear();
        try
        {
            foreach (var part in _parts)
            {
                if (part.Literal is not null)
                {
                    builder.Append(part.Literal);
                }
                else if (!AppendExpression(builder, part, request))
                {
                    return null;
                }
            }

            return builder.ToString();
        }
        finally
        {
            if (builder.Capacity <= 1024)
            {
                s_builder = builder;
            }
        }
    }

    private static bool HasSharedName(RequestInformation request)
    {
        if (request.QueryParameters.Count == 0)
        {
            return false;
        }

        foreach (var query in Pairs(request.QueryParameters))
        {
            if (query.Value is not null && request.PathParameters.ContainsKey(query.Key))
            {
                return true;
            }
        }

        return false;
    }

    private static bool AppendExpression(StringBuilder builder, Part expression, RequestInformation request)
    {
        var first = true;
        foreach (var variable in expression.Variables!)
        {
            if (!TryFormat(Find(request, variable.Name), out var value))
            {
                return false;
            }

            switch (value)
            {
                case null:
                    continue;
                case string text:
                    Separate(builder, expression.Operator, first);
                    if (!AppendValue(builder, expression.Operator, variable.Name, text))
                    {
                        return false;
                    }

                    break;
                case string[] { Length: 0 }:
                    continue;
                case string[] list:
                    if (expression.Operator == Operator.Reserved)
                    {
                        return false;
                    }

                    Separate(builder, expression.Operator, first);
                    if (!AppendValue(builder, expression.Operator, variable.Name, list[0]))
                    {
                        return false;
                    }

                    for (var i = 1; i < list.Length; i++)
                    {
                        if (variable.Explode)
                        {
                            Separate(builder, expression.Operator, first: false);
                            if (!AppendValue(builder, expression.Operator, variable.Name, list[i]))
                            {
                                return false;
                            }
                        }
                        else if (!AppendEscaped(builder.Append(','), list[i]))
                        {
                            return false;
                        }
                    }

                    break;
            }

            first = false;
        }

        return true;
    }

    // Std.UriTemplate's prefix before the first value of an expression, and separator before the others.
    private static void Separate(StringBuilder builder, Operator op, bool first)
    {
        if (op == Operator.Query)
        {
            builder.Append(first ? '?' : '&');
        }
        else if (!first)
        {
            builder.Append(',');
        }
    }

    private static bool AppendValue(StringBuilder builder, Operator op, string name, string value)
    {
        switch (op)
        {
            case Operator.Reserved:
                foreach (var c in value)
                {
                    // Kept as written, but for spaces; a '%' starts Std.UriTemplate's check of an escaped triple, and
                    // beyond ASCII its rules are its own: left to it.
                    if (c == '%' || c >= 128)
                    {
                        return false;
                    }

                    if (c == ' ')
                    {
                        builder.Append("%20");
                    }
                    else
                    {
                        builder.Append(c);
                    }
                }

                return true;
            case Operator.Query:
                return AppendEscaped(builder.Append(name).Append('='), value);
            default:
                return AppendEscaped(builder, value);
        }
    }

    // Std.UriTemplate escapes what is outside RFC 3986's unreserved set, as Uri.EscapeDataString does per character.
    // Beyond ASCII (surrogate pairs, lone surrogates) its rules are its own: such values are left to it.
    private static bool AppendEscaped(StringBuilder builder, string value)
    {
        foreach (var c in value)
        {
            if (c >= 128)
            {
                return false;
            }

            builder.Append(EscapedAscii[c]);
        }

        return true;
    }

    // Kiota's substitutions are an ordinal dictionary of the path parameters, then the non-null query parameters.
    private static object? Find(RequestInformation request, string name)
    {
        foreach (var pair in Pairs(request.PathParameters))
        {
            if (string.Equals(pair.Key, name, StringComparison.Ordinal))
            {
                return pair.Value;
            }
        }

        if (request.QueryParameters.Count > 0)
        {
            foreach (var pair in Pairs(request.QueryParameters))
            {
                if (pair.Value is not null && string.Equals(pair.Key, name, StringComparison.Ordinal))
                {
                    return pair.Value;
                }
            }
        }

        return null;
    }

    // Kiota's dictionaries, walked without boxing their enumerator when they are the Dictionary Kiota made.
    private static PairWalk Pairs(IDictionary<string, object> dictionary) => new(dictionary);

    /// <summary>
    /// <paramref name="raw"/> as Kiota hands it to Std.UriTemplate and Std.UriTemplate writes it: null (left out),
    /// a string, or a list of strings. False for a value of any other kind.
    /// </summary>
    private static bool TryFormat(object? raw, out object? value)
    {
        if (raw is Array array)
        {
            var list = new string[array.Length];
            for (var i = 0; i < list.Length; i++)
            {
                // Std.UriTemplate reads a list's items as strings, as they are after Kiota's formatting.
                if (!TryFormatScalar(array.GetValue(i), out var item, inList: true) || item is null)
                {
                    value = null;
                    return false;
                }

                list[i] = item;
            }

            value = list;
            return true;
        }

        var scalar = TryFormatScalar(raw, out var text, inList: false);
        value = text;
        return scalar;
    }

    private static bool TryFormatScalar(object? raw, out string? text, bool inList)
    {
        switch (raw)
        {
            case null:
                text = null;
                return !inList;
            case string s:
                text = s;
                return true;
            case bool b:
                // Kiota lowercases it, in the current culture (as it does).
                text = b.ToString().ToLower(CultureInfo.CurrentCulture);
                return true;
            case int or long or float or double when !inList:
                // Std.UriTemplate's own formatting, in the current culture (Kiota passes these through as they are).
                text = raw.ToString()!.ToLower(CultureInfo.CurrentCulture);
                return true;
            case DateTimeOffset instant:
                text = instant.ToString("o");
                return true;
            case DateTime dateTime:
                text = dateTime.ToString("o");
                return true;
            case Guid guid:
                text = guid.ToString("D");
                return true;
            case Date date:
                text = date.ToString();
                return true;
            case Time time:
                text = time.ToString();
                return true;
            case Enum member:
                text = EnumNames.Of(member);
                return text is not null;
            default:
                // IList and IDictionary values other than arrays, DateOnly, decimal, …: Kiota's expansion decides.
                text = null;
                return false;
        }
    }

    private static UrlTemplate? Parse(string template)
    {
        var parts = new List<Part>();
        var literal = new StringBuilder();
        var i = 0;
        while (i < template.Length)
        {
            var c = template[i];
            if (c == '}')
            {
                return null;
            }

            if (c != '{')
            {
                literal.Append(c);
                i++;
                continue;
            }

            var end = template.IndexOf('}', i + 1);
            if (end < 0)
            {
                return null;
            }

            if (literal.Length > 0)
            {
                parts.Add(new Part(literal.ToString()));
                literal.Clear();
            }

            if (ParseExpression(template.Substring(i + 1, end - i - 1)) is not { } expression)
            {
                return null;
            }

            parts.Add(expression);
            i = end + 1;
        }

        if (literal.Length > 0)
        {
            parts.Add(new Part(literal.ToString()));
        }

        return new UrlTemplate([.. parts]);
    }

    private static Part? ParseExpression(string body)
    {
        var op = body.Length > 0 ? body[0] switch
        {
            '+' => Operator.Reserved,
            '?' => Operator.Query,
            _ => Operator.Simple,
        } : Operator.Simple;
        var names = op == Operator.Simple ? body : body.Substring(1);
        var variables = new List<Variable>();
        foreach (var spec in names.Split(','))
        {
            var explode = spec.EndsWith('*');
            var name = explode ? spec.Substring(0, spec.Length - 1) : spec;
            if (name.Length == 0 || name.Any(IsLeftToKiota))
            {
                return null;
            }

            variables.Add(new Variable(name, explode));
        }

        return new Part(op, [.. variables]);
    }

    // Characters Std.UriTemplate refuses in a name (it throws), or reads as an operator or modifier Kiota never writes.
    private static bool IsLeftToKiota(char c) => c is '{' or '+' or '#' or '/' or ';' or '?' or '&' or ' ' or '!' or '=' or '$' or '|' or '*' or ':' or '~' or '-' or '.' or ',';

    private readonly struct PairWalk(IDictionary<string, object> dictionary)
    {
        public Walker GetEnumerator() => new(dictionary);
    }

    private struct Walker : IDisposable
    {
        private readonly IEnumerator<KeyValuePair<string, object>>? _boxed;
        private Dictionary<string, object>.Enumerator _plain;

        public Walker(IDictionary<string, object> dictionary)
        {
            if (dictionary is Dictionary<string, object> plain)
            {
                _plain = plain.GetEnumerator();
                _boxed = null;
            }
            else
            {
                _plain = default;
                _boxed = dictionary.GetEnumerator();
            }
        }

        public KeyValuePair<string, object> Current => _boxed?.Current ?? _plain.Current;

        public bool MoveNext() => _boxed?.MoveNext() ?? _plain.MoveNext();

        public readonly void Dispose() => _boxed?.Dispose();
    }

    private sealed class Part
    {
        public Part(string literal) => Literal = literal;

        public Part(Operator op, Variable[] variables)
        {
            Operator = op;
            Variables = variables;
        }

        public string? Literal { get; }

        public Operator Operator { get; }

        public Variable[]? Variables { get; }
    }

    private sealed class Variable(string name, bool explode)
    {
        public string Name { get; } = name;

        public bool Explode { get; } = explode;
    }
}

/// <summary>
/// An enum value's name in a URL, as Kiota writes it: its <see cref="EnumMemberAttribute"/> value, or its name with
/// the first letter lowercased; null for a value with no name (Kiota refuses those). Learnt once per value.
/// </summary>
internal static class EnumNames
{
    private static readonly ConcurrentDictionary<Enum, string?> Names = new();

    public static string? Of(Enum value) => Names.TryGetValue(value, out var name) ? name : Names.GetOrAdd(value, Learn);

    private static string? Learn(Enum value)
    {
        var type = value.GetType();
        if (Enum.GetName(type, value) is not { } name)
        {
            return null;
        }

        return type.GetField(name, BindingFlags.Static | BindingFlags.Public)?.GetCustomAttribute<EnumMemberAttribute>() is { } member
            ? member.Value
            : name.ToFirstCharacterLowerCase();
    }
}
