using RealtimeKit.Generator.CodeModel;

namespace RealtimeKit.Generator.Writing;

/// <summary>The Kiota serialization calls for each kind of type.</summary>
internal static class TypeSyntax
{
    /// <summary>The expression reading a value from parse node <c>n</c>.</summary>
    public static string Read(TypeRef type) => (type.Kind, type.IsCollection) switch
    {
        (TypeKind.Model or TypeKind.Untyped, false) => $"n.GetObjectValue<{type.ElementSource}>({type.ElementSource}.CreateFromDiscriminatorValue)",
        (TypeKind.Model or TypeKind.Untyped, true) => $"n.GetCollectionOfObjectValues<{type.ElementSource}>({type.ElementSource}.CreateFromDiscriminatorValue)?.AsList()",
        (TypeKind.Enum, false) => $"n.GetEnumValue<{type.ElementSource}>()",
        (TypeKind.Enum, true) => $"n.GetCollectionOfEnumValues<{type.ElementSource}>()?.AsList()",
        (_, false) => $"n.Get{PrimitiveStem(type.Name)}Value()",
        (_, true) => $"n.GetCollectionOfPrimitiveValues<{type.ElementSource}>()?.AsList()",
    };

    /// <summary>The statement writing a property value with writer <c>writer</c>.</summary>
    public static string Write(TypeRef type, string wire, string property) => (type.Kind, type.IsCollection) switch
    {
        (TypeKind.Model or TypeKind.Untyped, false) => $"writer.WriteObjectValue<{type.ElementSource}>({Literal(wire)}, {property});",
        (TypeKind.Model or TypeKind.Untyped, true) => $"writer.WriteCollectionOfObjectValues<{type.ElementSource}>({Literal(wire)}, {property});",
        (TypeKind.Enum, false) => $"writer.WriteEnumValue<{type.ElementSource}>({Literal(wire)}, {property});",
        (TypeKind.Enum, true) => $"writer.WriteCollectionOfEnumValues<{type.ElementSource}>({Literal(wire)}, {property});",
        (_, false) => $"writer.Write{PrimitiveStem(type.Name)}Value({Literal(wire)}, {property});",
        (_, true) => $"writer.WriteCollectionOfPrimitiveValues<{type.ElementSource}>({Literal(wire)}, {property});",
    };

    /// <summary>A C# string literal.</summary>
    public static string Literal(string value) =>
        "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    private static string PrimitiveStem(string csharp) => csharp switch
    {
        "string" => "String",
        "int" => "Int",
        "long" => "Long",
        "double" => "Double",
        "float" => "Float",
        "decimal" => "Decimal",
        "bool" => "Bool",
        "DateTimeOffset" => "DateTimeOffset",
        "Guid" => "Guid",
        "TimeSpan" => "TimeSpan",
        "byte[]" => "ByteArray",
        "global::Microsoft.Kiota.Abstractions.Date" => "Date",
        "global::Microsoft.Kiota.Abstractions.Time" => "Time",
        _ => throw new InvalidOperationException($"No Kiota accessor for primitive '{csharp}'."),
    };
}
