using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.Kiota.Abstractions.Serialization;

namespace RealtimeKit.Tests.Contract;

/// <summary>
/// One spec operation called through the facade, with the path values of <see cref="PathValues"/> and the
/// values of the operation's request example, so the contract tests can check it against the spec.
/// </summary>
/// <param name="OperationId">The spec's operationId.</param>
/// <param name="Invoke">The facade call; returns what the facade returns (a model, a page, or null).</param>
public sealed record OperationCall(string OperationId, Func<RealtimeKitClient, Task<object?>> Invoke)
{
    /// <summary>A readable name for test output.</summary>
    public override string ToString() => OperationId;
}

/// <summary>
/// The facade call of every operation, gathered from the <c>OperationCall[]</c> fields of this partial class
/// (one file per group), so adding an operation means adding its call next to its group's others.
/// </summary>
public static partial class OperationCalls
{
    private static readonly Lazy<IReadOnlyDictionary<string, OperationCall>> AllLazy = new(() =>
        typeof(OperationCalls).GetFields(BindingFlags.Static | BindingFlags.NonPublic)
            .Where(f => f.FieldType == typeof(OperationCall[]))
            .SelectMany(f => (OperationCall[])f.GetValue(null)!)
            .ToDictionary(c => c.OperationId, StringComparer.Ordinal));

    /// <summary>Every call, by operationId.</summary>
    public static IReadOnlyDictionary<string, OperationCall> All => AllLazy.Value;

    /// <summary>What a facade call returned, as JSON comparable with the example's <c>data</c>.</summary>
    public static async Task<JsonNode?> ToJsonAsync(object? returned) => returned switch
    {
        null => null,
        IParsable model => JsonNode.Parse(await KiotaJsonSerializer.SerializeAsStringAsync(model, serializeOnlyChangedValues: false)),
        System.Collections.IEnumerable items when returned.GetType().GetProperty("Items") is null => await ArrayAsync(items),
        _ when returned.GetType().GetProperty("Items")?.GetValue(returned) is System.Collections.IEnumerable pageItems => await ArrayAsync(pageItems),
        _ => JsonValue.Create(returned.ToString()),
    };

    private static async Task<JsonArray> ArrayAsync(System.Collections.IEnumerable items)
    {
        var array = new JsonArray();
        foreach (var item in items)
        {
            array.Add(await ToJsonAsync(item));
        }

        return array;
    }
}

/// <summary>
/// The value every contract call uses for each path parameter; the expected URL is the spec's path template
/// with these values put in.
/// </summary>
public static class PathValues
{
    public const string AccountId = Support.TestClients.AccountId;
    public const string AppId = Support.TestClients.AppId;
    public const string MeetingId = Support.TestClients.MeetingId;
    public const string ParticipantId = "b0a65f63-42db-4cfd-999f-f377bed574ca";
    public const string PresetId = "8f4b2c1e-5d3a-4e6f-9a7b-1c2d3e4f5a6b";
    public const string SessionId = "5f3a1b2c-7d8e-4f90-a1b2-c3d4e5f6a7b8";
    public const string PeerId = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d";
    public const string RecordingId = "2a3b4c5d-6e7f-4a8b-9c0d-1e2f3a4b5c6d";
    public const string LivestreamId = "3b4c5d6e-7f8a-4b9c-8d1e-2f3a4b5c6d7e";
    public const string LivestreamSessionId = "4c5d6e7f-8a9b-4c0d-9e2f-3a4b5c6d7e8f";
    public const string WebhookId = "6e7f8a9b-0c1d-4e2f-8a4b-5c6d7e8f9a0b";

    /// <summary>The value for a path parameter of the spec, by its name.</summary>
    public static string For(string parameter) => parameter switch
    {
        "account_id" => AccountId,
        "app_id" => AppId,
        "meeting_id" => MeetingId,
        "participant_id" => ParticipantId,
        "preset_id" => PresetId,
        "session_id" => SessionId,
        "peer_id" => PeerId,
        "recording_id" => RecordingId,
        "livestream_id" => LivestreamId,
        "livestream-session-id" or "livestream_session_id" => LivestreamSessionId,
        "webhook_id" => WebhookId,
        _ => throw new ArgumentOutOfRangeException(nameof(parameter), parameter, "Add a value for this path parameter to PathValues."),
    };

    /// <summary>The spec's path template with every <c>{parameter}</c> replaced by its value.</summary>
    public static string Expand(string template) =>
        System.Text.RegularExpressions.Regex.Replace(template, @"\{([^}]+)\}", m => Uri.EscapeDataString(For(m.Groups[1].Value)));
}
