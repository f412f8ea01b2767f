namespace RealtimeKit.Emulator.Api;

// Reading path and query parameters: a 400 naming the parameter and the value for anything the spec does not allow.
internal static partial class RestApi
{
    /// <summary>A path parameter the spec declares a UUID.</summary>
    private static Guid PathUuid(Request r, string name) =>
        Guid.TryParseExact(r.Path[name], "D", out var id) ? id : throw EmulatorProblem.BadRequest($"{name} must be a UUID, got '{Safe(r.Path[name])}'.");

    private static string? QueryText(Request r, string name) => r.Query.GetValueOrDefault(name) is { Length: > 0 } text ? text : null;

    private static bool? QueryBool(Request r, string name) => QueryText(r, name) switch
    {
        null => null,
        "true" => true,
        "false" => false,
        var text => throw EmulatorProblem.BadRequest($"{name} must be true or false, got '{Safe(text)}'."),
    };

    // A query parameter holding one of the spec's enum values.
    private static string? QueryEnum(Request r, string name, params string[] values) =>
        QueryText(r, name) is not { } text ? null
        : values.Contains(text, StringComparer.Ordinal) ? text
        : throw EmulatorProblem.BadRequest($"{name} must be one of {string.Join(", ", values)}, got '{Safe(text)}'.");
}
