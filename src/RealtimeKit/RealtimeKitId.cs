namespace RealtimeKit;

/// <summary>
/// The id of a RealtimeKit resource (a meeting, participant, preset, session...), as the text the API puts in
/// its paths and bodies. It converts implicitly from <see cref="string"/> and <see cref="Guid"/>, nullable or
/// not, so an id from one call's result goes straight into the next call: <c>DeleteAsync(meeting.Id, participant.Id)</c>.
/// A missing (null) or blank id is refused with an <see cref="ArgumentException"/> naming the parameter, before
/// anything is sent.
/// </summary>
public readonly struct RealtimeKitId : IEquatable<RealtimeKitId>
{
    private readonly string? _value;

    /// <summary>Wraps an id given as text.</summary>
    /// <param name="value">The id; null or blank makes an empty id, which every call refuses.</param>
    public RealtimeKitId(string? value) => _value = value;

    /// <summary>Whether no id was given (null).</summary>
    public bool IsMissing => _value is null;

    /// <summary>Whether the id is null, empty or whitespace.</summary>
    public bool IsBlank => string.IsNullOrWhiteSpace(_value);

    /// <summary>Converts text to an id.</summary>
    /// <param name="value">The id.</param>
    public static implicit operator RealtimeKitId(string? value) => new(value);

    /// <summary>Converts a UUID to an id (lower-case, with hyphens, as the API writes them).</summary>
    /// <param name="value">The id.</param>
    public static implicit operator RealtimeKitId(Guid value) => FromGuid(value);

    /// <summary>Converts an optional UUID (as generated models carry them) to an id; null makes a missing id.</summary>
    /// <param name="value">The id, or null.</param>
    public static implicit operator RealtimeKitId(Guid? value) => value is { } id ? FromGuid(id) : default;

    /// <summary>Tests two ids for equality (ordinal, as the API compares them).</summary>
    /// <param name="left">The first id.</param>
    /// <param name="right">The second id.</param>
    public static bool operator ==(RealtimeKitId left, RealtimeKitId right) => left.Equals(right);

    /// <summary>Tests two ids for inequality.</summary>
    /// <param name="left">The first id.</param>
    /// <param name="right">The second id.</param>
    public static bool operator !=(RealtimeKitId left, RealtimeKitId right) => !left.Equals(right);

    /// <summary>Converts text to an id (the named form of the implicit conversion).</summary>
    /// <param name="value">The id.</param>
    public static RealtimeKitId FromString(string? value) => new(value);

    /// <summary>Converts a UUID to an id (the named form of the implicit conversion).</summary>
    /// <param name="value">The id.</param>
    public static RealtimeKitId FromGuid(Guid value) => new(value.ToString("D"));

    /// <summary>The id as text; empty when missing.</summary>
    public override string ToString() => _value ?? string.Empty;

    /// <inheritdoc />
    public bool Equals(RealtimeKitId other) => string.Equals(_value, other._value, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is RealtimeKitId other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _value is null ? 0 : StringComparer.Ordinal.GetHashCode(_value);
}
