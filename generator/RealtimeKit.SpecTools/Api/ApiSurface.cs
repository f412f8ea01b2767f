using System.Collections.Immutable;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using System.Text;

namespace RealtimeKit.SpecTools.Api;

/// <summary>One public (or protected) API entry of an assembly.</summary>
/// <param name="Type">The full name of the declaring type (the type itself for a type entry).</param>
/// <param name="Member">The member's name (the type's name for a type entry), for pairing old and new.</param>
/// <param name="Signature">
/// The entry as text, in the style of PublicAPI.*.txt without nullable reference annotations:
/// <c>RealtimeKit.Generated.Models.Poll.Anonymous.get -> bool?</c>.
/// </param>
/// <param name="MustBeImplemented">Whether user types deriving from or implementing the type must implement it (abstract and interface members).</param>
public sealed record ApiEntry(string Type, string Member, string Signature, bool MustBeImplemented);

/// <summary>
/// Reads the public surface of a built assembly with System.Reflection.Metadata: no loading, no dependencies
/// needed, so a library's bin folder (which holds no NuGet dependencies) is enough.
/// </summary>
public static class ApiSurface
{
    /// <summary>Every public and protected entry of the assembly at <paramref name="path"/>, sorted.</summary>
    public static IReadOnlyList<ApiEntry> Read(string path)
    {
        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        var reader = pe.GetMetadataReader();
        var entries = new List<ApiEntry>();
        foreach (var handle in reader.TypeDefinitions)
        {
            var type = reader.GetTypeDefinition(handle);
            if (IsVisible(reader, type))
            {
                ReadType(reader, handle, type, entries);
            }
        }

        return entries.OrderBy(e => e.Signature, StringComparer.Ordinal).ToList();
    }

    private static bool IsVisible(MetadataReader reader, TypeDefinition type)
    {
        var visibility = type.Attributes & TypeAttributes.VisibilityMask;
        if (visibility == TypeAttributes.Public)
        {
            return true;
        }

        if (visibility is TypeAttributes.NestedPublic or TypeAttributes.NestedFamily or TypeAttributes.NestedFamORAssem)
        {
            return IsVisible(reader, reader.GetTypeDefinition(type.GetDeclaringType()));
        }

        return false;
    }

    internal static string TypeName(MetadataReader reader, TypeDefinitionHandle handle)
    {
        var type = reader.GetTypeDefinition(handle);
        var name = StripArity(reader.GetString(type.Name));
        var generic = type.GetGenericParameters();
        var declaring = type.GetDeclaringType();
        var genericNames = generic.Select(g => reader.GetString(reader.GetGenericParameter(g).Name)).ToList();
        if (!declaring.IsNil)
        {
            // Nested types repeat their parent's type parameters; show only their own.
            var parentCount = reader.GetTypeDefinition(declaring).GetGenericParameters().Count;
            genericNames = genericNames.Skip(parentCount).ToList();
            return TypeName(reader, declaring) + "." + name + (genericNames.Count > 0 ? "<" + string.Join(", ", genericNames) + ">" : string.Empty);
        }

        var ns = reader.GetString(type.Namespace);
        return (ns.Length > 0 ? ns + "." : string.Empty) + name + (genericNames.Count > 0 ? "<" + string.Join(", ", genericNames) + ">" : string.Empty);
    }

    internal static string StripArity(string name)
    {
        var tick = name.IndexOf('`', StringComparison.Ordinal);
        return tick < 0 ? name : name[..tick];
    }

    private static void ReadType(MetadataReader reader, TypeDefinitionHandle handle, TypeDefinition type, List<ApiEntry> entries)
    {
        var provider = new SignatureTypeProvider(reader);
        var typeName = TypeName(reader, handle);
        var context = new GenericContext(
            type.GetGenericParameters().Select(g => reader.GetString(reader.GetGenericParameter(g).Name)).ToImmutableArray(),
            []);
        var isInterface = (type.Attributes & TypeAttributes.Interface) != 0;
        var baseType = type.BaseType.IsNil ? null : provider.FromHandle(type.BaseType, context);
        var isEnum = baseType == "System.Enum";
        var isDelegate = baseType == "System.MulticastDelegate";
        var kind = isInterface ? "interface" : isEnum ? "enum" : isDelegate ? "delegate" : baseType == "System.ValueType" ? "struct" : "class";
        var modifiers = new StringBuilder();
        if (kind == "class")
        {
            var isAbstract = (type.Attributes & TypeAttributes.Abstract) != 0;
            var isSealed = (type.Attributes & TypeAttributes.Sealed) != 0;
            modifiers.Append(isAbstract && isSealed ? "static " : isAbstract ? "abstract " : isSealed ? "sealed " : string.Empty);
        }

        var bases = new List<string>();
        if (kind == "class" && baseType is not null && baseType != "object")
        {
            bases.Add(baseType);
        }

        foreach (var implementation in type.GetInterfaceImplementations())
        {
            bases.Add(provider.FromHandle(reader.GetInterfaceImplementation(implementation).Interface, context));
        }

        bases.Sort(StringComparer.Ordinal);
        entries.Add(new ApiEntry(typeName, typeName, $"{modifiers}{kind} {typeName}" + (bases.Count > 0 ? " : " + string.Join(", ", bases) : string.Empty), false));

        var accessors = new HashSet<MethodDefinitionHandle>();
        foreach (var propertyHandle in type.GetProperties())
        {
            var property = reader.GetPropertyDefinition(propertyHandle);
            var propertyAccessors = property.GetAccessors();
            accessors.Add(propertyAccessors.Getter);
            accessors.Add(propertyAccessors.Setter);
            var name = reader.GetString(property.Name);
            var signature = property.DecodeSignature(provider, context);
            var display = name;
            if (signature.ParameterTypes.Length > 0)
            {
                // An indexer: its parameters as its getter (or setter) declares them.
                var accessorHandle = propertyAccessors.Getter.IsNil ? propertyAccessors.Setter : propertyAccessors.Getter;
                var accessorMethod = reader.GetMethodDefinition(accessorHandle);
                var accessorSignature = accessorMethod.DecodeSignature(provider, context);
                var indexParameters = accessorSignature.ParameterTypes.Length > signature.ParameterTypes.Length
                    ? new MethodSignature<string>(accessorSignature.Header, accessorSignature.ReturnType, signature.ParameterTypes.Length, 0, accessorSignature.ParameterTypes.RemoveAt(accessorSignature.ParameterTypes.Length - 1))
                    : accessorSignature;
                display = $"this[{ParameterList(reader, accessorMethod, indexParameters)}]";
            }

            foreach (var (accessor, suffix) in new[] { (propertyAccessors.Getter, "get"), (propertyAccessors.Setter, "set") })
            {
                if (accessor.IsNil || !IsVisible(reader.GetMethodDefinition(accessor).Attributes))
                {
                    continue;
                }

                var method = reader.GetMethodDefinition(accessor);
                var returns = suffix == "get" ? signature.ReturnType : IsInitOnly(reader, method, provider, context) ? "init" : "void";
                entries.Add(new ApiEntry(typeName, name, $"{Modifiers(method.Attributes, isInterface)}{typeName}.{display}.{suffix} -> {returns}", MustImplement(method.Attributes, isInterface)));
            }
        }

        foreach (var eventHandle in type.GetEvents())
        {
            var @event = reader.GetEventDefinition(eventHandle);
            var eventAccessors = @event.GetAccessors();
            accessors.Add(eventAccessors.Adder);
            accessors.Add(eventAccessors.Remover);
            accessors.Add(eventAccessors.Raiser);
            if (eventAccessors.Adder.IsNil || !IsVisible(reader.GetMethodDefinition(eventAccessors.Adder).Attributes))
            {
                continue;
            }

            var adder = reader.GetMethodDefinition(eventAccessors.Adder);
            var name = reader.GetString(@event.Name);
            entries.Add(new ApiEntry(typeName, name, $"{Modifiers(adder.Attributes, isInterface)}event {typeName}.{name} -> {provider.FromHandle(@event.Type, context)}", MustImplement(adder.Attributes, isInterface)));
        }

        foreach (var fieldHandle in type.GetFields())
        {
            var field = reader.GetFieldDefinition(fieldHandle);
            var access = field.Attributes & FieldAttributes.FieldAccessMask;
            if (access is not (FieldAttributes.Public or FieldAttributes.Family or FieldAttributes.FamORAssem))
            {
                continue;
            }

            var name = reader.GetString(field.Name);
            var fieldType = field.DecodeSignature(provider, context);
            var constant = field.GetDefaultValue();
            var value = constant.IsNil ? string.Empty : " = " + ConstantText(reader, reader.GetConstant(constant));
            var prefix = (field.Attributes & FieldAttributes.Literal) != 0 ? "const " : (field.Attributes & FieldAttributes.Static) != 0 ? "static " : string.Empty;
            var readOnly = (field.Attributes & FieldAttributes.InitOnly) != 0 ? "readonly " : string.Empty;
            if (isEnum && (field.Attributes & FieldAttributes.Static) == 0)
            {
                continue; // value__
            }

            entries.Add(new ApiEntry(typeName, name, $"{(isEnum ? string.Empty : prefix + readOnly)}{typeName}.{name}{value} -> {fieldType}", false));
        }

        foreach (var methodHandle in type.GetMethods())
        {
            if (accessors.Contains(methodHandle))
            {
                continue;
            }

            var method = reader.GetMethodDefinition(methodHandle);
            if (!IsVisible(method.Attributes))
            {
                continue;
            }

            var name = reader.GetString(method.Name);
            if (isDelegate && name is not "Invoke")
            {
                continue;
            }

            var methodGenerics = method.GetGenericParameters().Select(g => reader.GetString(reader.GetGenericParameter(g).Name)).ToImmutableArray();
            var methodContext = context with { MethodParameters = methodGenerics };
            var signature = method.DecodeSignature(provider, methodContext);
            var parameters = ParameterList(reader, method, signature);
            var display = name switch
            {
                ".ctor" => StripArity(reader.GetString(type.Name)),
                ".cctor" => null,
                _ => name + (methodGenerics.Length > 0 ? "<" + string.Join(", ", methodGenerics) + ">" : string.Empty),
            };
            if (display is null)
            {
                continue;
            }

            var returns = name == ".ctor" ? "void" : signature.ReturnType;
            entries.Add(new ApiEntry(typeName, name, $"{Modifiers(method.Attributes, isInterface)}{typeName}.{display}({parameters}) -> {returns}", MustImplement(method.Attributes, isInterface)));
        }
    }

    private static bool IsVisible(MethodAttributes attributes)
    {
        var access = attributes & MethodAttributes.MemberAccessMask;
        return access is MethodAttributes.Public or MethodAttributes.Family or MethodAttributes.FamORAssem;
    }

    private static bool MustImplement(MethodAttributes attributes, bool isInterface) =>
        (attributes & MethodAttributes.Abstract) != 0 && (isInterface || (attributes & MethodAttributes.Static) == 0);

    private static string Modifiers(MethodAttributes attributes, bool isInterface)
    {
        var text = new StringBuilder();
        if ((attributes & MethodAttributes.MemberAccessMask) is MethodAttributes.Family or MethodAttributes.FamORAssem)
        {
            text.Append("protected ");
        }

        if ((attributes & MethodAttributes.Static) != 0)
        {
            text.Append("static ");
        }

        if (isInterface)
        {
            return text.ToString();
        }

        if ((attributes & MethodAttributes.Abstract) != 0)
        {
            text.Append("abstract ");
        }
        else if ((attributes & MethodAttributes.Virtual) != 0 && (attributes & MethodAttributes.Final) == 0)
        {
            text.Append((attributes & MethodAttributes.NewSlot) != 0 ? "virtual " : "override ");
        }
        else if ((attributes & MethodAttributes.Virtual) != 0 && (attributes & MethodAttributes.NewSlot) == 0)
        {
            text.Append("sealed override ");
        }

        return text.ToString();
    }

    private static bool IsInitOnly(MetadataReader reader, MethodDefinition setter, SignatureTypeProvider provider, GenericContext context)
    {
        // init accessors carry modreq(IsExternalInit) on their return type, which the provider drops; look for it in the blob.
        var blob = reader.GetBlobReader(setter.Signature);
        var header = blob.ReadSignatureHeader();
        if (header.IsGeneric)
        {
            blob.ReadCompressedInteger();
        }

        blob.ReadCompressedInteger();
        while (true)
        {
            var code = blob.ReadSignatureTypeCode();
            if (code is not (SignatureTypeCode.RequiredModifier or SignatureTypeCode.OptionalModifier))
            {
                return false;
            }

            var modifier = blob.ReadTypeHandle();
            if (provider.FromHandle(modifier, context) == "System.Runtime.CompilerServices.IsExternalInit")
            {
                return true;
            }
        }
    }

    private static string ParameterList(MetadataReader reader, MethodDefinition method, MethodSignature<string> signature)
    {
        var names = new string?[signature.ParameterTypes.Length];
        var optional = new bool[signature.ParameterTypes.Length];
        var isParams = new bool[signature.ParameterTypes.Length];
        foreach (var handle in method.GetParameters())
        {
            var parameter = reader.GetParameter(handle);
            if (parameter.SequenceNumber == 0 || parameter.SequenceNumber > names.Length)
            {
                continue;
            }

            names[parameter.SequenceNumber - 1] = reader.GetString(parameter.Name);
            optional[parameter.SequenceNumber - 1] = (parameter.Attributes & ParameterAttributes.Optional) != 0;
            foreach (var attribute in parameter.GetCustomAttributes())
            {
                if (AttributeName(reader, reader.GetCustomAttribute(attribute)) == "System.ParamArrayAttribute")
                {
                    isParams[parameter.SequenceNumber - 1] = true;
                }
            }
        }

        return string.Join(", ", signature.ParameterTypes.Select((type, i) =>
            (isParams[i] ? "params " : string.Empty) + type + (names[i] is { } n ? " " + n : string.Empty) + (optional[i] ? " = default" : string.Empty)));
    }

    private static string? AttributeName(MetadataReader reader, CustomAttribute attribute)
    {
        EntityHandle type = attribute.Constructor.Kind switch
        {
            HandleKind.MemberReference => reader.GetMemberReference((MemberReferenceHandle)attribute.Constructor).Parent,
            HandleKind.MethodDefinition => reader.GetMethodDefinition((MethodDefinitionHandle)attribute.Constructor).GetDeclaringType(),
            _ => default,
        };
        return type.Kind switch
        {
            HandleKind.TypeReference => FullName(reader, reader.GetTypeReference((TypeReferenceHandle)type)),
            HandleKind.TypeDefinition => TypeName(reader, (TypeDefinitionHandle)type),
            _ => null,
        };
    }

    internal static string FullName(MetadataReader reader, TypeReference reference)
    {
        var name = StripArity(reader.GetString(reference.Name));
        if (reference.ResolutionScope.Kind == HandleKind.TypeReference)
        {
            return FullName(reader, reader.GetTypeReference((TypeReferenceHandle)reference.ResolutionScope)) + "." + name;
        }

        var ns = reader.GetString(reference.Namespace);
        return ns.Length > 0 ? ns + "." + name : name;
    }

    private static string ConstantText(MetadataReader reader, Constant constant)
    {
        var blob = reader.GetBlobReader(constant.Value);
        return constant.TypeCode switch
        {
            ConstantTypeCode.Boolean => blob.ReadBoolean() ? "true" : "false",
            ConstantTypeCode.Char => "'" + blob.ReadChar() + "'",
            ConstantTypeCode.SByte => blob.ReadSByte().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ConstantTypeCode.Byte => blob.ReadByte().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ConstantTypeCode.Int16 => blob.ReadInt16().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ConstantTypeCode.UInt16 => blob.ReadUInt16().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ConstantTypeCode.Int32 => blob.ReadInt32().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ConstantTypeCode.UInt32 => blob.ReadUInt32().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ConstantTypeCode.Int64 => blob.ReadInt64().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ConstantTypeCode.UInt64 => blob.ReadUInt64().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ConstantTypeCode.Single => blob.ReadSingle().ToString("R", System.Globalization.CultureInfo.InvariantCulture),
            ConstantTypeCode.Double => blob.ReadDouble().ToString("R", System.Globalization.CultureInfo.InvariantCulture),
            ConstantTypeCode.String => "\"" + blob.ReadUTF16(blob.Length) + "\"",
            _ => "null",
        };
    }
}
