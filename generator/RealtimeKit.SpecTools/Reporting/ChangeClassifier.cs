using RealtimeKit.SpecTools.Comparison;
using RealtimeKit.SpecTools.Versioning;

namespace RealtimeKit.SpecTools.Reporting;

/// <summary>What a change means to someone who uses the SDK, and so which part of the version it bumps.</summary>
public enum Impact
{
    /// <summary>Doc comments only (summaries, descriptions): a patch.</summary>
    Documentation,

    /// <summary>Correct user code keeps compiling and working; only the description got more precise: a patch.</summary>
    Fix,

    /// <summary>Something new that users can opt into (an operation, an optional field, a relaxed rule): a minor version.</summary>
    Feature,

    /// <summary>Existing, correct user code can stop compiling or start failing at run time: a major version.</summary>
    Breaking,
}

/// <summary>A change with its impact and the reason for it.</summary>
/// <param name="Change">The change.</param>
/// <param name="Impact">What it means for SDK users.</param>
/// <param name="Reason">Why, in a sentence a reviewer can check.</param>
public sealed record ClassifiedChange(SpecChange Change, Impact Impact, string Reason);

/// <summary>
/// Classifies spec changes for SDK users. The rules follow what the generated Kiota client does with the spec:
/// a request field that becomes required breaks callers that did not send it even though the generated code does
/// not change; a type or format change breaks exactly when it changes the generated C# type; enums are C# enums,
/// so removing a value removes a member in either direction; responses promise what they mark required and
/// non-nullable, so withdrawing such a promise breaks readers.
/// </summary>
public static class ChangeClassifier
{
    /// <summary>Classifies one change.</summary>
    public static ClassifiedChange Classify(SpecChange change)
    {
        var request = change.Direction == Direction.Request;
        var (impact, reason) = change.Kind switch
        {
            ChangeKind.OperationAdded => (Impact.Feature, "A new operation: new request builders and models."),
            ChangeKind.OperationRemoved => (Impact.Breaking, "The operation's request builder and method are removed."),
            ChangeKind.ParameterAdded when change.Required => (Impact.Breaking, "A new required parameter: existing calls do not send it."),
            ChangeKind.ParameterAdded => (Impact.Feature, "A new optional parameter."),
            ChangeKind.ParameterRemoved => (Impact.Breaking, "The parameter's generated member is removed."),
            ChangeKind.ParameterRequiredAdded => (Impact.Breaking, "The parameter became required: calls that omit it fail."),
            ChangeKind.ParameterRequiredRemoved => (Impact.Feature, "The parameter may now be omitted."),
            ChangeKind.RequestBodyAdded => (Impact.Breaking, "The generated method gains a body parameter."),
            ChangeKind.RequestBodyRemoved => (Impact.Breaking, "The generated method loses its body parameter."),
            ChangeKind.RequestBodyRequiredAdded => (Impact.Breaking, "The request body became required."),
            ChangeKind.RequestBodyRequiredRemoved => (Impact.Feature, "The request body may now be omitted."),
            ChangeKind.MediaTypeAdded => (Impact.Feature, "A new media type."),
            ChangeKind.MediaTypeRemoved => (Impact.Breaking, "A media type users may rely on is gone."),
            ChangeKind.ResponseAdded => (Impact.Feature, "A newly documented status (a new error mapping or success shape)."),
            ChangeKind.ResponseRemoved => (Impact.Breaking, "A documented status is gone: its generated error mapping or return shape changes."),
            ChangeKind.PropertyAdded when request && change.Required => (Impact.Breaking, "A new required request field: existing calls do not send it."),
            ChangeKind.PropertyAdded => (Impact.Feature, request ? "A new optional request field." : "A new response field."),
            ChangeKind.PropertyRemoved => (Impact.Breaking, "The field's generated property is removed."),
            ChangeKind.PropertyRenamed => (Impact.Breaking, "Renamed: the old generated property is removed and its wire name changes."),
            ChangeKind.RequiredAdded when request => (Impact.Breaking, "A request field became required: callers that leave it out now fail, though the generated code does not change."),
            ChangeKind.RequiredAdded => (Impact.Fix, "The response now promises the field."),
            ChangeKind.RequiredRemoved when request => (Impact.Feature, "The request field may now be left out."),
            ChangeKind.RequiredRemoved => (Impact.Breaking, "The response no longer promises the field: readers that rely on it can get null."),
            ChangeKind.TypeChanged or ChangeKind.FormatChanged => ClassifyShape(change),
            ChangeKind.EnumValuesAdded when request => (Impact.Feature, "The request accepts more values (new enum members)."),
            ChangeKind.EnumValuesAdded => (Impact.Feature, "New enum members in a response: handle values you do not know."),
            ChangeKind.EnumValuesRemoved => (Impact.Breaking, "Narrowed enum: its generated members are removed."),
            ChangeKind.EnumAdded => (Impact.Breaking, "The value became an enum: its generated type changes from string to an enum."),
            ChangeKind.EnumRemoved => (Impact.Breaking, "The enum became a free value: its generated enum type is replaced."),
            ChangeKind.NullableAdded when request => (Impact.Feature, "The request field accepts null."),
            ChangeKind.NullableAdded => (Impact.Breaking, "The response field can now be null."),
            ChangeKind.NullableRemoved when request => (Impact.Breaking, "The request field no longer accepts null."),
            ChangeKind.NullableRemoved => (Impact.Fix, "The response field is never null."),
            ChangeKind.DeprecatedAdded => (Impact.Feature, "Deprecated: still works, to be removed in a later major version."),
            ChangeKind.DocumentationChanged => (Impact.Documentation, "Doc comments change."),
            _ => (Impact.Fix, "Changed."),
        };
        return new ClassifiedChange(change, impact, reason);
    }

    private static (Impact, string) ClassifyShape(SpecChange change)
    {
        if (change.Shapes is not { } shapes)
        {
            return (Impact.Breaking, "The schema's composition changed, and with it the generated type.");
        }

        var before = KiotaTypes.CSharpType(shapes.Old);
        var after = KiotaTypes.CSharpType(shapes.New);
        return before == after
            ? (Impact.Fix, $"The generated C# type stays {after}; only validation changes.")
            : (Impact.Breaking, $"The generated C# type changes from {before} to {after}.");
    }

    /// <summary>The bump a set of impacts needs: the largest of them.</summary>
    public static VersionBump BumpFor(IEnumerable<Impact> impacts)
    {
        var bump = VersionBump.None;
        foreach (var impact in impacts)
        {
            var needed = impact switch
            {
                Impact.Breaking => VersionBump.Major,
                Impact.Feature => VersionBump.Minor,
                _ => VersionBump.Patch,
            };
            if (needed > bump)
            {
                bump = needed;
            }
        }

        return bump;
    }
}

/// <summary>The C# type Kiota generates for a schema's type and format (C#, Kiota 1.x conventions).</summary>
public static class KiotaTypes
{
    /// <summary>The generated C# type of a schema with this shape.</summary>
    public static string CSharpType(SchemaShape shape)
    {
        if (shape.IsEnum)
        {
            return "enum";
        }

        return (shape.Type, shape.Format) switch
        {
            ("string", "date-time") => "DateTimeOffset",
            ("string", "date") => "Date",
            ("string", "time") => "Time",
            ("string", "duration") => "TimeSpan",
            ("string", "uuid") => "Guid",
            ("string", "byte" or "base64") => "byte[]",
            ("string", "binary") => "Stream",
            ("string", _) => "string",
            ("integer", "int64") => "long",
            ("integer", "int8") => "sbyte",
            ("integer", "uint8") => "byte",
            ("integer", _) => "int",
            ("number", "float") => "float",
            ("number", "decimal") => "decimal",
            ("number", "int32") => "int",
            ("number", "int64") => "long",
            ("number", "int8") => "sbyte",
            ("number", "uint8") => "byte",
            ("number", _) => "double",
            ("boolean", _) => "bool",
            ("object", _) => "object",
            ("array", _) => "List",
            _ => "UntypedNode",
        };
    }
}
