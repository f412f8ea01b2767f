using System.Globalization;
using System.Text.Json;

namespace RealtimeKit.Emulator.Api;

/// <summary>
/// The shape the spec gives a nested request body (preset parts, recording settings), checked strictly: the first
/// field that breaks it becomes a 400 naming the field's path and what was expected. Fields the shape does not
/// name are kept, as the spec allows.
/// </summary>
internal abstract class JsonShape
{
    public static JsonShape Bool { get; } = new Scalar("a boolean", v => v.ValueKind is JsonValueKind.True or JsonValueKind.False);

    public static JsonShape Text { get; } = new Scalar("a string", v => v.ValueKind == JsonValueKind.String);

    public static JsonShape AbsoluteUri { get; } = new Scalar("an absolute URI", v => v.ValueKind == JsonValueKind.String && Uri.TryCreate(v.GetString(), UriKind.Absolute, out _));

    public static JsonShape Uuid { get; } = new Scalar("a UUID", v => v.ValueKind == JsonValueKind.String && Guid.TryParseExact(v.GetString(), "D", out _));

    public static JsonShape Number(double min = double.MinValue, double max = double.MaxValue) =>
        new Scalar(Range("a number", min, max), v => v.ValueKind == JsonValueKind.Number && v.GetDouble() >= min && v.GetDouble() <= max);

    public static JsonShape Integer(long min = long.MinValue, long max = long.MaxValue) =>
        new Scalar(Range("an integer", min, max), v => v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var i) && i >= min && i <= max);

    public static JsonShape OneOf(params string[] values) =>
        new Scalar("one of " + string.Join(", ", values), v => v.ValueKind == JsonValueKind.String && values.Contains(v.GetString(), StringComparer.Ordinal));

    public static JsonShape Object(IReadOnlyDictionary<string, JsonShape> required, IReadOnlyDictionary<string, JsonShape>? optional = null) =>
        new ObjectShape(required, optional ?? new Dictionary<string, JsonShape>());

    /// <summary>An object whose every field is optional.</summary>
    public static JsonShape Optional(IReadOnlyDictionary<string, JsonShape> optional) => Object(new Dictionary<string, JsonShape>(), optional);

    /// <summary>An object of any keys, each value of <paramref name="value"/>'s shape.</summary>
    public static JsonShape MapOf(JsonShape value) => new MapShape(value);

    public static JsonShape ListOf(JsonShape item, int minItems = 0, int maxItems = int.MaxValue) => new ListShape(item, minItems, maxItems);

    /// <summary>This shape, or null.</summary>
    public JsonShape OrNull() => new NullableShape(this);

    /// <summary>Throws a 400 naming the first field at or under <paramref name="path"/> (empty for a whole body) that breaks the shape.</summary>
    public void Check(JsonElement value, string path)
    {
        if (Problem(value, path) is { } problem)
        {
            throw EmulatorProblem.BadRequest(problem);
        }
    }

    protected abstract string? Problem(JsonElement value, string path);

    private static string Child(string path, string name) => path.Length == 0 ? name : path + "." + name;

    /// <summary>A value as an error message shows what was got: its JSON, cut to 57 characters and "..." beyond 60.</summary>
    public static string Got(JsonElement value) =>
        value.GetRawText() is var raw && raw.Length > 60 ? raw[..57] + "..." : raw;

    private static string Range(string kind, double min, double max) =>
        (min > double.MinValue / 2, max < double.MaxValue / 2) switch
        {
            (true, true) => string.Create(CultureInfo.InvariantCulture, $"{kind} from {min} to {max}"),
            (true, false) => string.Create(CultureInfo.InvariantCulture, $"{kind} of at least {min}"),
            (false, true) => string.Create(CultureInfo.InvariantCulture, $"{kind} of at most {max}"),
            _ => kind,
        };

    private sealed class Scalar(string expected, Func<JsonElement, bool> accepts) : JsonShape
    {
        protected override string? Problem(JsonElement value, string path) =>
            accepts(value) ? null : $"{path} must be {expected}, got {Got(value)}.";
    }

    private sealed class NullableShape(JsonShape inner) : JsonShape
    {
        protected override string? Problem(JsonElement value, string path) =>
            value.ValueKind == JsonValueKind.Null ? null : inner.Problem(value, path);
    }

    private sealed class ObjectShape(IReadOnlyDictionary<string, JsonShape> required, IReadOnlyDictionary<string, JsonShape> optional) : JsonShape
    {
        protected override string? Problem(JsonElement value, string path)
        {
            if (value.ValueKind != JsonValueKind.Object)
            {
                return $"{(path.Length == 0 ? "The body" : path)} must be an object, got {Got(value)}.";
            }

            foreach (var (name, shape) in required)
            {
                var problem = value.TryGetProperty(name, out var field)
                    ? shape.Problem(field, Child(path, name))
                    : $"{Child(path, name)} is required.";
                if (problem is not null)
                {
                    return problem;
                }
            }

            foreach (var (name, shape) in optional)
            {
                if (value.TryGetProperty(name, out var field) && shape.Problem(field, Child(path, name)) is { } problem)
                {
                    return problem;
                }
            }

            return null;
        }
    }

    private sealed class MapShape(JsonShape valueShape) : JsonShape
    {
        protected override string? Problem(JsonElement value, string path) =>
            value.ValueKind != JsonValueKind.Object
                ? $"{(path.Length == 0 ? "The body" : path)} must be an object, got {Got(value)}."
                : value.EnumerateObject().Select(p => valueShape.Problem(p.Value, Child(path, p.Name))).FirstOrDefault(p => p is not null);
    }

    private sealed class ListShape(JsonShape item, int minItems, int maxItems) : JsonShape
    {
        protected override string? Problem(JsonElement value, string path)
        {
            if (value.ValueKind != JsonValueKind.Array)
            {
                return $"{path} must be an array, got {Got(value)}.";
            }

            var count = value.GetArrayLength();
            return count < minItems || count > maxItems
                ? $"{path} must hold from {minItems} to {maxItems} items, got {count}."
                : value.EnumerateArray().Select((e, i) => item.Problem(e, $"{path}[{i}]")).FirstOrDefault(p => p is not null);
        }
    }
}
