using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text.Json.Nodes;

namespace RealtimeKit.Cli.Commands;

/// <summary>
/// Finds the part of a <c>--body</c> that its model did not take. Kiota's reader drops a value of the wrong type
/// without a word (a number given for a string field is read as null), so the model read from the body is written
/// back and compared with what the user gave, before anything is sent.
/// </summary>
internal static class BodyCheck
{
    /// <summary>
    /// The first value of <paramref name="given"/> that <paramref name="readBack"/> (the model, written back) lost or
    /// changed in kind, as <c>path: expected …, got …</c>; null when the model took everything.
    /// </summary>
    /// <param name="given">The body as the user wrote it.</param>
    /// <param name="readBack">The model read from it, serialized again.</param>
    /// <param name="model">The model's type, for what each field expects.</param>
    public static string? FirstProblem(JsonNode given, JsonNode? readBack, Type model) => Compare(given, readBack, model, string.Empty);

    private static string? Compare(JsonNode? given, JsonNode? readBack, Type? type, string path)
    {
        switch (given)
        {
            case null:
                return null; // a null gives nothing to lose
            case JsonObject fields when readBack is JsonObject read:
                foreach (var (name, value) in fields)
                {
                    if (Compare(value, read[name], FieldType(type, name), path.Length == 0 ? name : $"{path}.{name}") is { } problem)
                    {
                        return problem;
                    }
                }

                return null;
            case JsonArray items when readBack is JsonArray read && read.Count == items.Count:
                for (var i = 0; i < items.Count; i++)
                {
                    if (Compare(items[i], read[i], ElementType(type), string.Create(CultureInfo.InvariantCulture, $"{path}[{i}]")) is { } problem)
                    {
                        return problem;
                    }
                }

                return null;
            case JsonValue when readBack is JsonValue:
                return null;
            default:
                var got = given.ToJsonString();
                return $"{path}: expected {Expected(type)}, got {(got.Length > 60 ? got[..57] + "..." : got)}.";
        }
    }

    // The generated property for a snake_case field: page_no is PageNo.
    private static Type? FieldType(Type? type, string name) =>
        type?.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .FirstOrDefault(p => string.Equals(p.Name, name.Replace("_", string.Empty, StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase))
            ?.PropertyType;

    private static Type? ElementType(Type? type) =>
        type is null ? null
        : type.IsArray ? type.GetElementType()
        : type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];

    private static string Expected(Type? type)
    {
        type = type is null ? null : Nullable.GetUnderlyingType(type) ?? type;
        return type switch
        {
            null => "a value of another kind",
            _ when type == typeof(string) => "a string",
            _ when type == typeof(bool) => "true or false",
            _ when type == typeof(int) || type == typeof(long) => "an integer",
            _ when type == typeof(double) || type == typeof(float) || type == typeof(decimal) => "a number",
            _ when type == typeof(Guid) => "a UUID string",
            _ when type == typeof(DateTimeOffset) => "a date-time string",
            { IsEnum: true } => "one of " + string.Join(", ", Enum.GetValues(type).Cast<Enum>().Select(CliParsers.EnumWireName)),
            _ when typeof(IEnumerable).IsAssignableFrom(type) => "an array",
            _ => "an object",
        };
    }
}
