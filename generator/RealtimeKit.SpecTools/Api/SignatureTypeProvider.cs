using System.Collections.Immutable;
using System.Reflection.Metadata;

namespace RealtimeKit.SpecTools.Api;

/// <summary>The names of the type parameters in scope while decoding a signature.</summary>
/// <param name="TypeParameters">The declaring type's type parameters.</param>
/// <param name="MethodParameters">The method's type parameters.</param>
internal sealed record GenericContext(ImmutableArray<string> TypeParameters, ImmutableArray<string> MethodParameters);

/// <summary>Decodes metadata signatures into C#-like type names (<c>System.Collections.Generic.List&lt;string&gt;</c>, <c>int?</c>).</summary>
internal sealed class SignatureTypeProvider(MetadataReader reader) : ISignatureTypeProvider<string, GenericContext>
{
    public string FromHandle(EntityHandle handle, GenericContext context) => handle.Kind switch
    {
        HandleKind.TypeDefinition => GetTypeFromDefinition(reader, (TypeDefinitionHandle)handle, 0),
        HandleKind.TypeReference => GetTypeFromReference(reader, (TypeReferenceHandle)handle, 0),
        HandleKind.TypeSpecification => GetTypeFromSpecification(reader, context, (TypeSpecificationHandle)handle, 0),
        _ => "?",
    };

    public string GetPrimitiveType(PrimitiveTypeCode typeCode) => typeCode switch
    {
        PrimitiveTypeCode.Boolean => "bool",
        PrimitiveTypeCode.Byte => "byte",
        PrimitiveTypeCode.SByte => "sbyte",
        PrimitiveTypeCode.Char => "char",
        PrimitiveTypeCode.Int16 => "short",
        PrimitiveTypeCode.UInt16 => "ushort",
        PrimitiveTypeCode.Int32 => "int",
        PrimitiveTypeCode.UInt32 => "uint",
        PrimitiveTypeCode.Int64 => "long",
        PrimitiveTypeCode.UInt64 => "ulong",
        PrimitiveTypeCode.Single => "float",
        PrimitiveTypeCode.Double => "double",
        PrimitiveTypeCode.IntPtr => "nint",
        PrimitiveTypeCode.UIntPtr => "nuint",
        PrimitiveTypeCode.Object => "object",
        PrimitiveTypeCode.String => "string",
        PrimitiveTypeCode.Void => "void",
        PrimitiveTypeCode.TypedReference => "System.TypedReference",
        _ => typeCode.ToString(),
    };

    public string GetTypeFromDefinition(MetadataReader metadataReader, TypeDefinitionHandle handle, byte rawTypeKind)
    {
        // Generic arity is shown by the instantiation, not by the definition's own parameter names.
        var type = metadataReader.GetTypeDefinition(handle);
        var name = ApiSurface.StripArity(metadataReader.GetString(type.Name));
        var declaring = type.GetDeclaringType();
        if (!declaring.IsNil)
        {
            return GetTypeFromDefinition(metadataReader, declaring, rawTypeKind) + "." + name;
        }

        var ns = metadataReader.GetString(type.Namespace);
        return Keyword(ns.Length > 0 ? ns + "." + name : name);
    }

    public string GetTypeFromReference(MetadataReader metadataReader, TypeReferenceHandle handle, byte rawTypeKind) =>
        Keyword(ApiSurface.FullName(metadataReader, metadataReader.GetTypeReference(handle)));

    public string GetTypeFromSpecification(MetadataReader metadataReader, GenericContext genericContext, TypeSpecificationHandle handle, byte rawTypeKind) =>
        metadataReader.GetTypeSpecification(handle).DecodeSignature(this, genericContext);

    public string GetSZArrayType(string elementType) => elementType + "[]";

    public string GetArrayType(string elementType, ArrayShape shape) => elementType + "[" + new string(',', shape.Rank - 1) + "]";

    public string GetByReferenceType(string elementType) => "ref " + elementType;

    public string GetPointerType(string elementType) => elementType + "*";

    public string GetPinnedType(string elementType) => elementType;

    public string GetModifiedType(string modifier, string unmodifiedType, bool isRequired) => unmodifiedType;

    public string GetFunctionPointerType(MethodSignature<string> signature) =>
        "delegate*<" + string.Join(", ", signature.ParameterTypes.Append(signature.ReturnType)) + ">";

    public string GetGenericInstantiation(string genericType, ImmutableArray<string> typeArguments) =>
        genericType == "System.Nullable" && typeArguments.Length == 1
            ? typeArguments[0] + "?"
            : genericType + "<" + string.Join(", ", typeArguments) + ">";

    public string GetGenericMethodParameter(GenericContext genericContext, int index) =>
        index < genericContext.MethodParameters.Length ? genericContext.MethodParameters[index] : "!!" + index;

    public string GetGenericTypeParameter(GenericContext genericContext, int index) =>
        index < genericContext.TypeParameters.Length ? genericContext.TypeParameters[index] : "!" + index;

    private static string Keyword(string fullName) => fullName switch
    {
        "System.Boolean" => "bool",
        "System.Byte" => "byte",
        "System.SByte" => "sbyte",
        "System.Char" => "char",
        "System.Int16" => "short",
        "System.UInt16" => "ushort",
        "System.Int32" => "int",
        "System.UInt32" => "uint",
        "System.Int64" => "long",
        "System.UInt64" => "ulong",
        "System.Single" => "float",
        "System.Double" => "double",
        "System.Decimal" => "decimal",
        "System.Object" => "object",
        "System.String" => "string",
        "System.Void" => "void",
        _ => fullName,
    };
}
