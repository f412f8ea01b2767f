using System.Text.Json;
using System.Text.Json.Serialization;

namespace RealtimeKit.Benchmarks.Clients;

// The floor: hand-written types for exactly the three operations measured, read by System.Text.Json source
// generation. What a team writes when it calls the API with HttpClient alone.

/// <summary><c>{ "success": ..., "data": ... }</c>.</summary>
public sealed class RawEnvelope<T>
{
    public bool Success { get; set; }

    public T? Data { get; set; }
}

/// <summary>A page of a meeting's participants.</summary>
public sealed class RawParticipantPage
{
    public bool Success { get; set; }

    public List<RawMeetingParticipant>? Data { get; set; }

    public RawPaging? Paging { get; set; }
}

public sealed class RawSession
{
    public string? Id { get; set; }

    public string? AssociatedId { get; set; }

    public string? CreatedAt { get; set; }

    public double? LiveParticipants { get; set; }

    public double? MaxConcurrentParticipants { get; set; }

    public string? MeetingDisplayName { get; set; }

    public double? MinutesConsumed { get; set; }

    public string? OrganizationId { get; set; }

    public string? StartedAt { get; set; }

    public string? Status { get; set; }

    public string? Type { get; set; }

    public string? UpdatedAt { get; set; }

    public List<RawSession>? BreakoutRooms { get; set; }

    public string? EndedAt { get; set; }

    public JsonElement? Meta { get; set; }
}

public sealed class RawSessionParticipants
{
    public string? Action { get; set; }

    public List<RawSessionParticipant>? Participants { get; set; }
}

public sealed class RawSessionParticipant
{
    public string? Id { get; set; }

    public string? CreatedAt { get; set; }

    public string? UpdatedAt { get; set; }

    public string? Email { get; set; }

    public string? Name { get; set; }

    public string? Picture { get; set; }
}

public sealed class RawKickBody
{
    public List<string> ParticipantIds { get; set; } = [];

    public List<string> CustomParticipantIds { get; set; } = [];
}

public sealed class RawMeetingParticipant
{
    public Guid Id { get; set; }

    public string? CustomParticipantId { get; set; }

    public string? PresetName { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public string? Name { get; set; }

    public string? Picture { get; set; }
}

public sealed class RawPaging
{
    public long TotalCount { get; set; }

    public long StartOffset { get; set; }

    public long EndOffset { get; set; }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(RawEnvelope<RawSession>))]
[JsonSerializable(typeof(RawEnvelope<RawSessionParticipants>))]
[JsonSerializable(typeof(RawKickBody))]
[JsonSerializable(typeof(RawParticipantPage))]
public sealed partial class RawJson : JsonSerializerContext;
