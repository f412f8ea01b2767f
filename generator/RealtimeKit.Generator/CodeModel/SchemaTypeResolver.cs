using Microsoft.OpenApi;
using RealtimeKit.Generator.Diagnostics;
using RealtimeKit.Generator.Loading;
using RealtimeKit.Generator.Naming;

namespace RealtimeKit.Generator.CodeModel;

/// <summary>
/// Turns schemas into C# type references, creating the model classes and enums they need on the way:
/// components once each (in <c>Models</c>), inline schemas under the name their position gives them.
/// </summary>
internal sealed class SchemaTypeResolver
{
    private readonly LoadedSpec _spec;
    private readonly string _modelsNamespace;
    private readonly Dictionary<string, TypeRef> _components = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ModelDraft> _models = new(StringComparer.Ordinal);
    private readonly Dictionary<string, EnumModel> _enums = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _declaredAt = new(StringComparer.Ordinal);
    private readonly List<SpecDiagnostic> _diagnostics;

    public SchemaTypeResolver(LoadedSpec spec, string rootNamespace, List<SpecDiagnostic> diagnostics)
    {
        _spec = spec;
        _modelsNamespace = rootNamespace + ".Models";
        _diagnostics = diagnostics;
    }

    public IReadOnlyDictionary<string, ModelDraft> Models => _models;

    public IEnumerable<EnumModel> Enums => _enums.Values;

    /// <summary>
    /// The type of <paramref name="schema"/>, found at <paramref name="pointer"/>; an inline object or enum
    /// is declared as <paramref name="inlineNamespace"/>.<paramref name="inlineName"/>. Returns null after
    /// reporting a diagnostic when the schema cannot be generated.
    /// </summary>
    public TypeRef? Resolve(IOpenApiSchema schema, string pointer, string inlineNamespace, string inlineName)
    {
        if (schema is OpenApiSchemaReference reference)
        {
            return ResolveComponent(reference, pointer);
        }

        if (!CheckSupported(schema, pointer))
        {
            return null;
        }

        var type = SingleType(schema.Type);
        if (type == JsonSchemaType.Array)
        {
            if (schema.Items is null)
            {
                return Report(pointer, DiagnosticCodes.UnsupportedSchema, "An array schema needs 'items'.");
            }

            var itemPointer = pointer + "/items";
            if (schema.Items is not OpenApiSchemaReference && SingleType(schema.Items.Type) == JsonSchemaType.Array)
            {
                return Report(itemPointer, DiagnosticCodes.UnsupportedSchema, "Arrays of arrays are not supported; wrap the inner array in an object.");
            }

            var element = Resolve(schema.Items, itemPointer, inlineNamespace, inlineName);
            if (element is { IsCollection: true })
            {
                return Report(itemPointer, DiagnosticCodes.UnsupportedSchema, "Arrays of arrays are not supported; wrap the inner array in an object.");
            }

            return element is null ? null : element with { IsCollection = true };
        }

        if (schema.Enum is { Count: > 0 })
        {
            return DeclareEnum(schema, pointer, inlineNamespace, inlineName);
        }

        if (IsObjectLike(schema))
        {
            return DeclareModel(schema, pointer, inlineNamespace, inlineName);
        }

        return Primitive(schema, type);
    }

    private TypeRef? ResolveComponent(OpenApiSchemaReference reference, string pointer)
    {
        var id = reference.Reference.Id;
        var referencePath = "#/components/schemas/" + id;
        if (id is null || reference.Target is null || !IsComponentSchemaReference(reference))
        {
            return Report(pointer + "/$ref", DiagnosticCodes.BrokenReference, $"The $ref '{reference.Reference.ReferenceV3 ?? referencePath}' does not name a schema under #/components/schemas.");
        }

        if (_components.TryGetValue(id, out var known))
        {
            return known;
        }

        var componentPointer = "/components/schemas/" + SourceMap.Escape(id);
        var (parts, className) = KiotaNames.ComponentName(id);
        var ns = parts.Length == 0 ? _modelsNamespace : _modelsNamespace + "." + string.Join('.', parts);
        var target = reference.Target;

        // Register before resolving the body, so self-references (breakout rooms of a session) terminate.
        if (HasShape(target) && SingleType(target.Type) != JsonSchemaType.Array && target.Enum is not { Count: > 0 })
        {
            var typeRef = new TypeRef(TypeKind.Model, ns + "." + className);
            _components[id] = typeRef;
            return CheckSupported(target, componentPointer) ? DeclareModel(target, componentPointer, ns, className, typeRef) : null;
        }

        var resolved = Resolve(target, componentPointer, ns, className);
        if (resolved is not null)
        {
            _components[id] = resolved;
        }

        return resolved;
    }

    private static bool IsComponentSchemaReference(OpenApiSchemaReference reference)
    {
        var v3 = reference.Reference.ReferenceV3;
        return v3 is null || v3.StartsWith("#/components/schemas/", StringComparison.Ordinal);
    }

    private bool CheckSupported(IOpenApiSchema schema, string pointer)
    {
        string? problem = null;
        string at = pointer;
        // The reader folds some constructs away (a one-element anyOf, oneOf of primitives into a type
        // union), so the written keywords are checked as well as the object model.
        var written = _spec.JsonAt(pointer) as System.Text.Json.Nodes.JsonObject;
        bool Has(string keyword) => written?.ContainsKey(keyword) == true;
        if (schema.OneOf is { Count: > 0 } || Has("oneOf"))
        {
            (problem, at) = ("'oneOf' is not supported by this generator; use allOf or a single schema.", pointer + "/oneOf");
        }
        else if (schema.AnyOf is { Count: > 0 } || Has("anyOf"))
        {
            (problem, at) = ("'anyOf' is not supported by this generator; use allOf or a single schema.", pointer + "/anyOf");
        }
        else if (schema.Not is not null || Has("not"))
        {
            (problem, at) = ("'not' is not supported by this generator.", pointer + "/not");
        }
        else if (schema.Discriminator is not null || Has("discriminator"))
        {
            (problem, at) = ("'discriminator' is not supported by this generator.", pointer + "/discriminator");
        }
        else if (schema.Type is { } t && CountTypes(t & ~JsonSchemaType.Null) > 1)
        {
            (problem, at) = ("A schema with more than one type is not supported.", pointer + "/type");
        }
        else if (schema.AdditionalProperties is not null && (schema.Properties is { Count: > 0 } || schema.AdditionalProperties.Type is not null))
        {
            (problem, at) = ("Typed 'additionalProperties' (a map) is not supported; model the entries as properties or leave the object free-form.", pointer + "/additionalProperties");
        }
        else if (schema.Enum is { Count: > 0 } && (SingleType(schema.Type) is not (JsonSchemaType.String or null) || schema.Enum.Any(e => !IsNullEntry(e) && e!.GetValueKind() != System.Text.Json.JsonValueKind.String)))
        {
            (problem, at) = ("Only string enums are supported.", pointer + "/enum");
        }

        if (problem is null)
        {
            return true;
        }

        Report(at, DiagnosticCodes.UnsupportedSchema, problem);
        return false;
    }

    private TypeRef? DeclareEnum(IOpenApiSchema schema, string pointer, string ns, string name)
    {
        var fullName = ns + "." + name;
        if (!Claim(fullName, pointer))
        {
            return null;
        }

        var members = new List<KeyValuePair<string, string>>();
        var index = 0;
        // A null entry (a nullable enum) is the property's null, not a member.
        foreach (var value in schema.Enum!.Where(v => !IsNullEntry(v)))
        {
            var wire = value!.GetValue<string>();
            var member = KiotaNames.EnumMemberName(wire);
            if (member.Length == 0)
            {
                return Report($"{pointer}/enum/{index}", DiagnosticCodes.UnsupportedSchema, $"The enum value '{wire}' gives no C# member name.");
            }

            if (members.Any(m => m.Key == member))
            {
                return Report($"{pointer}/enum/{index}", DiagnosticCodes.NameCollision, $"The enum values '{members.First(m => m.Key == member).Value}' and '{wire}' both become the C# member '{member}'.");
            }

            members.Add(new(member, wire));
            index++;
        }

        _enums[fullName] = new EnumModel(ns, name, Describe(schema, $"The values of {name}."), members);
        return new TypeRef(TypeKind.Enum, fullName);
    }

    private TypeRef? DeclareModel(IOpenApiSchema schema, string pointer, string ns, string name, TypeRef? registered = null)
    {
        var fullName = ns + "." + name;
        var typeRef = registered ?? new TypeRef(TypeKind.Model, fullName);
        if (!HasShape(schema))
        {
            // An object with no declared properties is free-form: Kiota maps it to UntypedNode.
            return TypeRef.Untyped;
        }

        if (!Claim(fullName, pointer))
        {
            return null;
        }

        var draft = new ModelDraft(ns, name, Describe(schema, $"The {name} model."));
        _models[fullName] = draft;

        string? baseName = null;
        var ownSchemas = new List<(IOpenApiSchema Schema, string Pointer)>();
        if (schema.AllOf is { Count: > 0 } allOf)
        {
            var index = 0;
            foreach (var part in allOf)
            {
                var partPointer = $"{pointer}/allOf/{index++}";
                if (part is OpenApiSchemaReference)
                {
                    if (baseName is not null)
                    {
                        return Report(partPointer, DiagnosticCodes.UnsupportedSchema, "'allOf' with more than one $ref (multiple inheritance) is not supported.");
                    }

                    var parent = Resolve(part, partPointer, ns, name);
                    if (parent is null)
                    {
                        return null;
                    }

                    if (parent.Kind != TypeKind.Model || parent.IsCollection)
                    {
                        return Report(partPointer, DiagnosticCodes.UnsupportedSchema, "'allOf' may only combine object schemas.");
                    }

                    baseName = parent.Name;
                }
                else
                {
                    if (!CheckSupported(part, partPointer))
                    {
                        return null;
                    }

                    if (part.AllOf is { Count: > 0 })
                    {
                        return Report(partPointer, DiagnosticCodes.UnsupportedSchema, "Nested 'allOf' inside 'allOf' is not supported.");
                    }

                    ownSchemas.Add((part, partPointer));
                }
            }
        }

        ownSchemas.Add((schema, pointer));
        draft.BaseFullName = baseName;
        foreach (var (part, partPointer) in ownSchemas)
        {
            foreach (var (wire, propertySchema) in part.Properties ?? new Dictionary<string, IOpenApiSchema>())
            {
                var propertyPointer = $"{partPointer}/properties/{SourceMap.Escape(wire)}";
                var type = Resolve(propertySchema, propertyPointer, ns, KiotaNames.InlinePropertyTypeName(name, wire));
                if (type is null)
                {
                    continue;
                }

                draft.Properties.Add(new DraftProperty(wire, type, Describe(propertySchema, $"The {wire} property."), propertyPointer));
            }
        }

        return typeRef;
    }

    private static TypeRef Primitive(IOpenApiSchema schema, JsonSchemaType? type)
    {
        var format = schema.Format?.ToLowerInvariant();
        string? csharp = type switch
        {
            JsonSchemaType.String => format switch
            {
                "date-time" => "DateTimeOffset",
                "date" => "Date",
                "time" => "Time",
                "uuid" => "Guid",
                "duration" => "TimeSpan",
                "byte" or "binary" or "base64" => "byte[]",
                _ => "string",
            },
            JsonSchemaType.Integer => format is "int64" ? "long" : "int",
            JsonSchemaType.Number => format switch
            {
                "float" => "float",
                "decimal" => "decimal",
                "int32" => "int",
                "int64" => "long",
                _ => "double",
            },
            JsonSchemaType.Boolean => "bool",
            null => null,
            _ => null,
        };

        if (csharp is null)
        {
            // No type and nothing else: a free-form value.
            return TypeRef.Untyped;
        }

        if (csharp is "Date" or "Time")
        {
            csharp = "global::Microsoft.Kiota.Abstractions." + csharp;
        }

        return new TypeRef(TypeKind.Primitive, csharp);
    }

    private bool Claim(string fullName, string pointer)
    {
        if (_declaredAt.TryGetValue(fullName, out var other))
        {
            var (line, _) = _spec.Map.Locate(other);
            Report(pointer, DiagnosticCodes.NameCollision, $"This schema would generate the type '{fullName}', which the schema at line {line} already generates; rename one of them.");
            return false;
        }

        _declaredAt[fullName] = pointer;
        return true;
    }

    private static bool IsObjectLike(IOpenApiSchema schema) =>
        SingleType(schema.Type) == JsonSchemaType.Object || schema.Properties is { Count: > 0 } || schema.AllOf is { Count: > 0 };

    // Microsoft.OpenApi keeps a JSON null in an enum as a sentinel string.
    private static bool IsNullEntry(System.Text.Json.Nodes.JsonNode? value) =>
        value is null || value.GetValueKind() == System.Text.Json.JsonValueKind.Null || JsonNullSentinel.IsJsonNullSentinel(value);

    private static bool HasShape(IOpenApiSchema schema) => schema.Properties is { Count: > 0 } || schema.AllOf is { Count: > 0 };

    internal static JsonSchemaType? SingleType(JsonSchemaType? type)
    {
        var withoutNull = type & ~JsonSchemaType.Null;
        return withoutNull is null or 0 ? null : withoutNull;
    }

    private static int CountTypes(JsonSchemaType type) => System.Numerics.BitOperations.PopCount((uint)type);

    internal static string Describe(IOpenApiSchema schema, string fallback) =>
        !string.IsNullOrWhiteSpace(schema.Description) ? schema.Description.Trim()
        : !string.IsNullOrWhiteSpace(schema.Title) ? schema.Title.Trim()
        : fallback;

    private TypeRef? Report(string pointer, string code, string message)
    {
        _diagnostics.Add(_spec.At(pointer, code, message));
        return null;
    }
}

/// <summary>A model before its C# property names are final (they depend on whether it is an error type).</summary>
internal sealed class ModelDraft(string ns, string name, string description)
{
    public string Namespace { get; } = ns;

    public string Name { get; } = name;

    public string Description { get; } = description;

    public string? BaseFullName { get; set; }

    public List<DraftProperty> Properties { get; } = [];

    public string FullName => Namespace + "." + Name;
}

/// <summary>A property before its C# name is final.</summary>
internal sealed record DraftProperty(string WireName, TypeRef Type, string Description, string Pointer);
