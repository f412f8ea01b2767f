using System.Text.Json.Nodes;
using RealtimeKit.SpecTools.Specs;

namespace RealtimeKit.SpecTools.Comparison;

/// <summary>A node and the pointer it stands at.</summary>
/// <param name="Node">The JSON value.</param>
/// <param name="Pointer">Its JSON pointer.</param>
internal readonly record struct Located(JsonNode? Node, string Pointer);

/// <summary>
/// A schema as a client sees it: <c>$ref</c>s followed and <c>allOf</c> parts merged into one set of properties,
/// required names, type, format and enum, each attribute remembering the pointer it was written at.
/// </summary>
internal sealed class SchemaView
{
    private SchemaView(string pointer) => Pointer = pointer;

    /// <summary>The pointer of the schema's own definition (after following <c>$ref</c>s).</summary>
    public string Pointer { get; }

    /// <summary>Every <c>$ref</c> site and definition passed through, in order.</summary>
    public List<string> Trail { get; } = [];

    public string? Type { get; private set; }

    public string? TypePointer { get; private set; }

    public string? Format { get; private set; }

    public string? FormatPointer { get; private set; }

    public JsonArray? Enum { get; private set; }

    public string? EnumPointer { get; private set; }

    public bool Nullable { get; private set; }

    public string? NullablePointer { get; private set; }

    public bool Deprecated { get; private set; }

    public string? Description { get; private set; }

    public string? DescriptionPointer { get; private set; }

    /// <summary>Properties in document order.</summary>
    public List<(string Name, Located Schema)> Properties { get; } = [];

    /// <summary>The pointer of the first <c>required</c> list met (the schema's own, else an <c>allOf</c> part's).</summary>
    public string? RequiredPointer { get; private set; }

    /// <summary>Required property names and the pointer of each entry in its <c>required</c> list.</summary>
    public Dictionary<string, string> Required { get; } = new(StringComparer.Ordinal);

    public Located? Items { get; private set; }

    public Located? AdditionalProperties { get; private set; }

    public List<Located> OneOf { get; } = [];

    public List<Located> AnyOf { get; } = [];

    public SchemaShape Shape => new(Type, Format, Enum is not null);

    /// <summary>The property schema by name, or null.</summary>
    public Located? Property(string name)
    {
        foreach (var (n, schema) in Properties)
        {
            if (n == name)
            {
                return schema;
            }
        }

        return null;
    }

    /// <summary>Follows <c>$ref</c>s from <paramref name="pointer"/> and merges <c>allOf</c>.</summary>
    public static SchemaView Build(SpecFile spec, JsonNode? node, string pointer)
    {
        var trail = new List<string>();
        (node, pointer) = Resolve(spec, node, pointer, trail);
        var view = new SchemaView(pointer);
        view.Trail.AddRange(trail);
        view.Trail.Add(pointer);
        view.Merge(spec, node, pointer, new HashSet<string>(StringComparer.Ordinal), own: true);
        if (view.Type is null && view.Properties.Count > 0)
        {
            view.Type = "object";
        }
        else if (view.Type is null && view.Items is not null)
        {
            view.Type = "array";
        }

        return view;
    }

    /// <summary>Follows a chain of local <c>$ref</c>s, recording each site.</summary>
    public static (JsonNode? Node, string Pointer) Resolve(SpecFile spec, JsonNode? node, string pointer, List<string>? trail)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (node is JsonObject o && o["$ref"] is JsonValue r && r.TryGetValue<string>(out var target) && target.StartsWith("#/", StringComparison.Ordinal))
        {
            trail?.Add(pointer);
            var targetPointer = target[1..];
            if (!seen.Add(targetPointer))
            {
                break;
            }

            pointer = Uri.UnescapeDataString(targetPointer);
            node = spec.At(pointer);
        }

        return (node, pointer);
    }

    private void Merge(SpecFile spec, JsonNode? node, string pointer, HashSet<string> visiting, bool own)
    {
        if (node is not JsonObject schema || !visiting.Add(pointer))
        {
            return;
        }

        // The schema's own attributes first, then its allOf parts fill what it leaves open.
        if (schema["type"] is JsonValue type && type.TryGetValue<string>(out var t))
        {
            SetType(t, Pointers.Child(pointer, "type"));
        }
        else if (schema["type"] is JsonArray types)
        {
            // OpenAPI 3.1: [string, "null"].
            foreach (var item in types)
            {
                var name = item?.ToString();
                if (name == "null")
                {
                    Nullable = true;
                    NullablePointer ??= Pointers.Child(pointer, "type");
                }
                else if (name is not null)
                {
                    SetType(name, Pointers.Child(pointer, "type"));
                }
            }
        }

        if (Format is null && schema["format"] is JsonValue format && format.TryGetValue<string>(out var f))
        {
            Format = f;
            FormatPointer = Pointers.Child(pointer, "format");
        }

        if (Enum is null && schema["enum"] is JsonArray values)
        {
            // A null entry of a nullable enum is its nullability, not a member.
            var members = new JsonArray();
            foreach (var value in values)
            {
                if (value is null)
                {
                    Nullable = true;
                    NullablePointer ??= Pointers.Child(pointer, "enum");
                }
                else
                {
                    members.Add(value.DeepClone());
                }
            }

            Enum = members;
            EnumPointer = Pointers.Child(pointer, "enum");
        }

        if (schema["nullable"] is JsonValue nullable && nullable.TryGetValue<bool>(out var n) && n)
        {
            Nullable = true;
            NullablePointer ??= Pointers.Child(pointer, "nullable");
        }

        if (schema["deprecated"] is JsonValue deprecated && deprecated.TryGetValue<bool>(out var d) && d)
        {
            Deprecated = true;
        }

        if (own && schema["description"] is JsonValue description && description.TryGetValue<string>(out var text))
        {
            Description = text;
            DescriptionPointer = Pointers.Child(pointer, "description");
        }

        if (schema["properties"] is JsonObject properties)
        {
            foreach (var (name, value) in properties)
            {
                if (Property(name) is null)
                {
                    Properties.Add((name, new Located(value, Pointers.Child(Pointers.Child(pointer, "properties"), name))));
                }
            }
        }

        if (schema["required"] is JsonArray required)
        {
            RequiredPointer ??= Pointers.Child(pointer, "required");
            for (var i = 0; i < required.Count; i++)
            {
                if (required[i]?.ToString() is { } name)
                {
                    Required.TryAdd(name, Pointers.Child(Pointers.Child(pointer, "required"), i));
                }
            }
        }

        if (Items is null && schema.ContainsKey("items"))
        {
            Items = new Located(schema["items"], Pointers.Child(pointer, "items"));
        }

        if (AdditionalProperties is null && schema["additionalProperties"] is JsonObject additional)
        {
            AdditionalProperties = new Located(additional, Pointers.Child(pointer, "additionalProperties"));
        }

        AddAll(schema, "oneOf", pointer, OneOf);
        AddAll(schema, "anyOf", pointer, AnyOf);

        if (schema["allOf"] is JsonArray parts)
        {
            for (var i = 0; i < parts.Count; i++)
            {
                var partTrail = new List<string>();
                var (partNode, partPointer) = Resolve(spec, parts[i], Pointers.Child(Pointers.Child(pointer, "allOf"), i), partTrail);
                Trail.AddRange(partTrail);
                Trail.Add(partPointer);
                Merge(spec, partNode, partPointer, visiting, own: false);
            }
        }
    }

    private static void AddAll(JsonObject schema, string keyword, string pointer, List<Located> into)
    {
        if (schema[keyword] is JsonArray variants && into.Count == 0)
        {
            for (var i = 0; i < variants.Count; i++)
            {
                into.Add(new Located(variants[i], Pointers.Child(Pointers.Child(pointer, keyword), i)));
            }
        }
    }

    private void SetType(string type, string pointer)
    {
        if (Type is null)
        {
            Type = type;
            TypePointer = pointer;
        }
    }
}
