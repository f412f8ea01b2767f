namespace RealtimeKit.SpecTools.Comparison;

/// <summary>What differs between two descriptions at one place.</summary>
public enum ChangeKind
{
    /// <summary>An operation (method + path shape) exists only in the new description.</summary>
    OperationAdded,

    /// <summary>An operation exists only in the old description.</summary>
    OperationRemoved,

    /// <summary>A parameter exists only in the new description (<see cref="SpecChange.Required"/> says whether it is required).</summary>
    ParameterAdded,

    /// <summary>A parameter exists only in the old description.</summary>
    ParameterRemoved,

    /// <summary>A parameter became required.</summary>
    ParameterRequiredAdded,

    /// <summary>A parameter is no longer required.</summary>
    ParameterRequiredRemoved,

    /// <summary>An operation gained a request body.</summary>
    RequestBodyAdded,

    /// <summary>An operation lost its request body.</summary>
    RequestBodyRemoved,

    /// <summary>A request body became required.</summary>
    RequestBodyRequiredAdded,

    /// <summary>A request body is no longer required.</summary>
    RequestBodyRequiredRemoved,

    /// <summary>A request or response gained a media type.</summary>
    MediaTypeAdded,

    /// <summary>A request or response lost a media type.</summary>
    MediaTypeRemoved,

    /// <summary>An operation documents a new status code.</summary>
    ResponseAdded,

    /// <summary>An operation no longer documents a status code.</summary>
    ResponseRemoved,

    /// <summary>A schema gained a property (<see cref="SpecChange.Required"/> says whether it is required).</summary>
    PropertyAdded,

    /// <summary>A schema lost a property.</summary>
    PropertyRemoved,

    /// <summary>A property was renamed (one removed and one added with the same schema, in the same object).</summary>
    PropertyRenamed,

    /// <summary>A property became required.</summary>
    RequiredAdded,

    /// <summary>A property is no longer required.</summary>
    RequiredRemoved,

    /// <summary>A schema's type changed.</summary>
    TypeChanged,

    /// <summary>A schema's format changed (same type).</summary>
    FormatChanged,

    /// <summary>An enum gained values.</summary>
    EnumValuesAdded,

    /// <summary>An enum lost values.</summary>
    EnumValuesRemoved,

    /// <summary>A free value became an enum.</summary>
    EnumAdded,

    /// <summary>An enum became a free value.</summary>
    EnumRemoved,

    /// <summary>A schema became nullable.</summary>
    NullableAdded,

    /// <summary>A schema is no longer nullable.</summary>
    NullableRemoved,

    /// <summary>An operation, schema or property was marked deprecated.</summary>
    DeprecatedAdded,

    /// <summary>A summary or description changed (they become the SDK's doc comments).</summary>
    DocumentationChanged,
}

/// <summary>Which way the data concerned travels.</summary>
public enum Direction
{
    /// <summary>The operation itself (its existence, its documented statuses).</summary>
    Operation,

    /// <summary>Sent by the SDK user: parameters and request bodies.</summary>
    Request,

    /// <summary>Received by the SDK user: response bodies.</summary>
    Response,
}

/// <summary>The type and format of a schema, for changes of either.</summary>
/// <param name="Type">The JSON Schema type (<c>object</c> and <c>array</c> inferred from properties and items).</param>
/// <param name="Format">The format, if any.</param>
/// <param name="IsEnum">Whether the schema is an enum.</param>
public sealed record SchemaShape(string? Type, string? Format, bool IsEnum)
{
    /// <summary><c>string (date-time)</c>, <c>integer</c>, <c>any</c>.</summary>
    public override string ToString() => (Type ?? "any") + (Format is null ? string.Empty : $" ({Format})") + (IsEnum ? " enum" : string.Empty);
}

/// <summary>One difference between an old and a new description, located in both.</summary>
public sealed class SpecChange
{
    /// <summary>Creates a change.</summary>
    public SpecChange(ChangeKind kind, Direction direction, string subject)
    {
        Kind = kind;
        Direction = direction;
        Subject = subject;
    }

    /// <summary>What changed.</summary>
    public ChangeKind Kind { get; }

    /// <summary>Which way the data travels.</summary>
    public Direction Direction { get; }

    /// <summary>A reader's name for what changed: <c>CreatePollBody.hide_votes</c>, <c>createPoll response 201</c>.</summary>
    public string Subject { get; }

    /// <summary>The old value (a type, an enum's values, an old name), when there is one to show.</summary>
    public string? Before { get; init; }

    /// <summary>The new value, when there is one to show.</summary>
    public string? After { get; init; }

    /// <summary>Old and new type and format, for type and format changes.</summary>
    public (SchemaShape Old, SchemaShape New)? Shapes { get; init; }

    /// <summary>For an added property or parameter: whether it is required.</summary>
    public bool Required { get; init; }

    /// <summary>Where it is in the old description (for something removed: where it was).</summary>
    public string? OldPointer { get; init; }

    /// <summary>Where it is in the new description (for something removed: the place it was removed from).</summary>
    public required string NewPointer { get; init; }

    /// <summary>
    /// Each way the comparison reached the change in the new description: the path item, operation, parameter,
    /// request body and response sites, the <c>$ref</c>s followed and the schemas passed through, ending at
    /// <see cref="NewPointer"/>. A shared schema's change has one route per operation (and per place) it is reached from.
    /// </summary>
    public List<IReadOnlyList<string>> Routes { get; } = [];

    /// <summary>The operations (labels) the change reaches.</summary>
    public SortedSet<string> Operations { get; } = new(StringComparer.Ordinal);

    /// <summary>What makes two records of one change (reached from two operations) the same change.</summary>
    internal (ChangeKind, Direction, string, string, string?, string?, string?) Identity => (Kind, Direction, Subject, NewPointer, OldPointer, Before, After);
}
