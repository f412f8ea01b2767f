namespace RealtimeKit.SpecTools.Comparison;

/// <summary>Sentences for changes: as an evolution of the spec (report), or as a difference from Cloudflare's published description (drift).</summary>
public static class ChangeText
{
    /// <summary>The change as something that happened between the base and now.</summary>
    public static string AsEvolution(SpecChange c)
    {
        var field = c.Direction == Direction.Request ? "Request field" : "Response field";
        return c.Kind switch
        {
            ChangeKind.OperationAdded => $"New operation `{c.Subject}` ({c.After})",
            ChangeKind.OperationRemoved => $"Operation `{c.Subject}` ({c.Before}) removed",
            ChangeKind.ParameterAdded => $"New {(c.Required ? "required" : "optional")} parameter `{c.Subject}`",
            ChangeKind.ParameterRemoved => $"Parameter `{c.Subject}` removed",
            ChangeKind.ParameterRequiredAdded => $"Parameter `{c.Subject}` is now required",
            ChangeKind.ParameterRequiredRemoved => $"Parameter `{c.Subject}` is now optional",
            ChangeKind.RequestBodyAdded => $"`{c.Subject}` added",
            ChangeKind.RequestBodyRemoved => $"`{c.Subject}` removed",
            ChangeKind.RequestBodyRequiredAdded => $"`{c.Subject}` is now required",
            ChangeKind.RequestBodyRequiredRemoved => $"`{c.Subject}` is now optional",
            ChangeKind.MediaTypeAdded => $"`{c.Subject}` gained media type {c.After}",
            ChangeKind.MediaTypeRemoved => $"`{c.Subject}` lost media type {c.Before}",
            ChangeKind.ResponseAdded => $"`{c.Subject}` is now documented",
            ChangeKind.ResponseRemoved => $"`{c.Subject}` is no longer documented",
            ChangeKind.PropertyAdded => $"New {(c.Required ? "required" : "optional")} {field.ToLowerInvariant()} `{c.Subject}`",
            ChangeKind.PropertyRemoved => $"{field} `{c.Subject}` removed",
            ChangeKind.PropertyRenamed => $"{field} renamed from `{c.Before}` to `{c.After}` (`{c.Subject}`)",
            ChangeKind.RequiredAdded => $"{field} `{c.Subject}` is now required",
            ChangeKind.RequiredRemoved => $"{field} `{c.Subject}` is no longer required",
            ChangeKind.TypeChanged => $"Type of `{c.Subject}` changed from {c.Before} to {c.After}",
            ChangeKind.FormatChanged => $"Format of `{c.Subject}` changed from {c.Before} to {c.After}",
            ChangeKind.EnumValuesAdded => $"Enum `{c.Subject}` gained {c.After}",
            ChangeKind.EnumValuesRemoved => $"Enum `{c.Subject}` lost {c.Before}",
            ChangeKind.EnumAdded => $"`{c.Subject}` is now an enum ({c.After})",
            ChangeKind.EnumRemoved => $"`{c.Subject}` is no longer an enum (was {c.Before})",
            ChangeKind.NullableAdded => $"`{c.Subject}` is now nullable",
            ChangeKind.NullableRemoved => $"`{c.Subject}` is no longer nullable",
            ChangeKind.DeprecatedAdded => $"`{c.Subject}` is deprecated",
            ChangeKind.DocumentationChanged => $"Documentation of `{c.Subject}` changed",
            _ => $"`{c.Subject}` changed",
        };
    }

    /// <summary>The change as a difference of the project's spec (new) from the published description (old).</summary>
    public static string AsDrift(SpecChange c) => c.Kind switch
    {
        ChangeKind.OperationAdded => $"Operation `{c.Subject}` ({c.After}) is not in the published description",
        ChangeKind.OperationRemoved => $"Published operation `{c.Subject}` ({c.Before}) is missing",
        ChangeKind.ParameterAdded => $"Parameter `{c.Subject}` is not in the published description",
        ChangeKind.ParameterRemoved => $"Published parameter `{c.Subject}` is missing",
        ChangeKind.ParameterRequiredAdded => $"Parameter `{c.Subject}` is required here, optional in the published description",
        ChangeKind.ParameterRequiredRemoved => $"Parameter `{c.Subject}` is optional here, required in the published description",
        ChangeKind.RequestBodyAdded => $"`{c.Subject}` is not in the published description",
        ChangeKind.RequestBodyRemoved => $"Published `{c.Subject}` is missing",
        ChangeKind.RequestBodyRequiredAdded => $"`{c.Subject}` is required here, optional in the published description",
        ChangeKind.RequestBodyRequiredRemoved => $"`{c.Subject}` is optional here, required in the published description",
        ChangeKind.MediaTypeAdded => $"`{c.Subject}` media type {c.After} is not in the published description",
        ChangeKind.MediaTypeRemoved => $"`{c.Subject}` lacks the published media type {c.Before}",
        ChangeKind.ResponseAdded => $"`{c.Subject}` is not in the published description",
        ChangeKind.ResponseRemoved => $"Published `{c.Subject}` is missing",
        ChangeKind.PropertyAdded => $"Field `{c.Subject}` is not in the published description",
        ChangeKind.PropertyRemoved => $"Published field `{c.Subject}` is missing",
        ChangeKind.PropertyRenamed => $"Field `{c.Subject}` is `{c.Before}` in the published description",
        ChangeKind.RequiredAdded => $"`{c.Subject}` is required here, optional in the published description",
        ChangeKind.RequiredRemoved => $"`{c.Subject}` is optional here, required in the published description",
        ChangeKind.TypeChanged => $"Type of `{c.Subject}` is {c.After} here, {c.Before} in the published description",
        ChangeKind.FormatChanged => $"Format of `{c.Subject}` is {c.After} here, {c.Before} in the published description",
        ChangeKind.EnumValuesAdded => $"Enum `{c.Subject}` has {c.After}, which the published description does not",
        ChangeKind.EnumValuesRemoved => $"Enum `{c.Subject}` lacks the published {c.Before}",
        ChangeKind.EnumAdded => $"`{c.Subject}` is an enum here ({c.After}), a free value in the published description",
        ChangeKind.EnumRemoved => $"`{c.Subject}` is a free value here, an enum in the published description ({c.Before})",
        ChangeKind.NullableAdded => $"`{c.Subject}` is nullable here, not in the published description",
        ChangeKind.NullableRemoved => $"`{c.Subject}` is not nullable here, nullable in the published description",
        ChangeKind.DeprecatedAdded => $"`{c.Subject}` is deprecated here, not in the published description",
        ChangeKind.DocumentationChanged => $"Documentation of `{c.Subject}` differs",
        _ => $"`{c.Subject}` differs",
    };
}
