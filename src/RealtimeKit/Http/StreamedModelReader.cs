using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Serialization.Json;

namespace RealtimeKit.Http;

/// <summary>
/// Reads a generated model straight from a body's bytes with a <see cref="Utf8JsonReader"/>, without building a
/// <see cref="JsonDocument"/> first. It reads only what it can read exactly as Kiota's <see cref="JsonParseNode"/>
/// would: objects whose every property is a field of the model, present once, with values of the kind the field
/// reads and well formed. At anything else it gives up (<see cref="TryRead{T}"/> returns false) and the caller reads
/// the whole body the document way (<see cref="SdkJsonParseNode"/>, and Kiota's node behind it), so the result is
/// always Kiota's; giving up costs only time.
/// </summary>
/// <remarks>
/// Each model type's plan is learned once: its fields come from <see cref="SdkJsonParseNode.FieldTable"/>, and
/// what each field's generated deserializer asks of its node (<c>GetStringValue</c>, <c>GetObjectValue</c> with a
/// factory, ...) is learned by running it once against a <see cref="Probe"/>. Reading then decodes each value the
/// way that getter would, hands it to the deserializer through a <see cref="ValueNode"/>, and the generated code
/// sets the property.
/// </remarks>
internal static class StreamedModelReader
{
    private static readonly ConcurrentDictionary<Type, Plan?> Plans = new();

    // The generated factories (static CreateFromDiscriminatorValue methods) and the type each makes, when it makes it
    // without reading its node (no discriminator to look at); null for the others, which are left to the document.
    private static readonly ConcurrentDictionary<MethodInfo, Type?> Factories = new();

    /// <summary>How many spellings of an enum type's members are remembered at most (<see cref="EnumNames{T}"/>).</summary>
    internal const int MaxRememberedSpellings = 64;

    /// <summary>How many spellings of <typeparamref name="T"/>'s members are remembered now.</summary>
    internal static int RememberedSpellings<T>()
        where T : struct, Enum => EnumNames<T>.Remembered;

    /// <summary>Reads the object at the start of <paramref name="json"/> into a <typeparamref name="T"/>.</summary>
    /// <returns>False when the body holds anything this reader leaves to Kiota's reading.</returns>
    public static bool TryRead<T>(ReadOnlySpan<byte> json, ParsableFactory<T> factory, JsonReaderOptions options, out T item)
        where T : IParsable
    {
        item = default!;
        var reader = new Utf8JsonReader(json, options);
        try
        {
            return PlanFor(factory) is { } plan && reader.Read() && TryReadObject(ref reader, json, plan, factory, new ValueNode(), out item);
        }
        catch (JsonException)
        {
            // Not well formed after all: the document reading reports it as Kiota would.
            return false;
        }
    }

    // The reader is on an object's start; on success it is left on the object's end.
    private static bool TryReadObject<T>(ref Utf8JsonReader reader, ReadOnlySpan<byte> json, Plan plan, ParsableFactory<T> factory, ValueNode value, out T item)
        where T : IParsable
    {
        item = default!;
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        // Its AdditionalData stays as the model's constructor made it: no unknown property is ever read here.
        item = factory(ValueNode.Unused);
        Span<bool> seen = stackalloc bool[plan.Fields.Length];
        var next = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var index = plan.IndexOf(ref reader, next);
            if (index < 0 || seen[index] || !reader.Read())
            {
                return false;
            }

            seen[index] = true;
            next = index + 1;
            if (reader.TokenType == JsonTokenType.Null)
            {
                // Kiota skips a null field: the property keeps its default.
                continue;
            }

            var field = plan.Fields[index];
            if (!field.Read(ref reader, json, value))
            {
                return false;
            }

            field.Assign(item, value);
        }

        return reader.TokenType == JsonTokenType.EndObject;
    }

    // The reader is on an array's start; on success it is left on the array's end.
    private static bool TryReadObjects<T>(ref Utf8JsonReader reader, ReadOnlySpan<byte> json, Plan plan, ParsableFactory<T> factory, ValueNode value, out List<T> items)
        where T : IParsable
    {
        items = [];
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return false;
        }

        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (!TryReadObject(ref reader, json, plan, factory, value, out var item))
            {
                return false;
            }

            items.Add(item);
        }

        return true;
    }

    // An array whose every item reads through one value reader (strings, numbers, enum members).
    private static bool TryReadItems<T>(ref Utf8JsonReader reader, ReadOnlySpan<byte> json, ValueReader read, ValueNode value, out List<T> items)
    {
        items = [];
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return false;
        }

        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (!read(ref reader, json, value))
            {
                return false;
            }

            items.Add((T)value.Value!);
        }

        return true;
    }

    private static Plan? PlanFor<T>(ParsableFactory<T> factory)
        where T : IParsable
    {
        if (factory.Target is not null)
        {
            // Only the generated static factories are learned: one entry each, however many calls.
            return null;
        }

        if (!Factories.TryGetValue(factory.Method, out var type))
        {
            type = Factories.GetOrAdd(factory.Method, LearnFactory(factory));
        }

        if (type is null)
        {
            return null;
        }

        return Plans.TryGetValue(type, out var plan) ? plan : Plans.GetOrAdd(type, Learn(factory));
    }

    // The type a factory makes, if it makes it without reading its node (no discriminator to look at).
    private static Type? LearnFactory<T>(ParsableFactory<T> factory)
        where T : IParsable
    {
        var probe = new Probe();
        var made = factory(probe);
        return probe.Calls == 0 && made is not null ? made.GetType() : null;
    }

    private static Plan? Learn<T>(ParsableFactory<T> factory)
        where T : IParsable
    {
        var model = factory(new Probe());
        if (SdkJsonParseNode.FieldTable.For(model) is not { } table)
        {
            return null;
        }

        var fields = new PlannedField[table.Fields.Length];
        for (var i = 0; i < fields.Length; i++)
        {
            var field = table.Fields[i];
            var probe = new Probe();
            field.Assign(model, probe);
            if (probe.Calls != 1 || probe.Reader is not { } read)
            {
                return null;
            }

            fields[i] = new PlannedField(field.Utf8Name, read, field.Assign);
        }

        return new Plan(fields);
    }

    /// <summary>Reads the value the reader is on into <paramref name="value"/>; false when it is not of the kind the field reads.</summary>
    private delegate bool ValueReader(ref Utf8JsonReader reader, ReadOnlySpan<byte> json, ValueNode value);

    private sealed class Plan(PlannedField[] fields)
    {
        public PlannedField[] Fields { get; } = fields;

        // The field the reader's property names, searched from the field after the last one found: bodies of one
        // type list their properties in one order, so the first comparison usually matches.
        public int IndexOf(ref Utf8JsonReader reader, int start)
        {
            for (var i = 0; i < Fields.Length; i++)
            {
                var index = (start + i) % Fields.Length;
                if (reader.ValueTextEquals(Fields[index].Utf8Name))
                {
                    return index;
                }
            }

            return -1;
        }
    }

    private sealed record PlannedField(byte[] Utf8Name, ValueReader Read, Action<object, IParseNode> Assign);

    /// <summary>
    /// The node a generated deserializer is handed: it returns the value already read, through the one getter the
    /// plan learned that deserializer calls.
    /// </summary>
    private sealed class ValueNode : IParseNode
    {
        // For the factories, which never read it (see LearnFactory).
        public static readonly ValueNode Unused = new();

        /// <summary>The value read, for the getters without a slot of their own.</summary>
        public object? Value { get; set; }

        // Slots for the values most fields hold, so reading them boxes nothing.
        public bool Flag { get; set; }

        public int Int32 { get; set; }

        public Guid Id { get; set; }

        public DateTimeOffset Instant { get; set; }

        public Action<IParsable>? OnBeforeAssignFieldValues { get; set; }

        public Action<IParsable>? OnAfterAssignFieldValues { get; set; }

        public string? GetStringValue() => (string?)Value;

        public bool? GetBoolValue() => Flag;

        public int? GetIntValue() => Int32;

        public long? GetLongValue() => (long?)Value;

        public double? GetDoubleValue() => (double?)Value;

        public float? GetFloatValue() => (float?)Value;

        public decimal? GetDecimalValue() => (decimal?)Value;

        public Guid? GetGuidValue() => Id;

        public DateTimeOffset? GetDateTimeOffsetValue() => Instant;

        public T? GetEnumValue<T>()
            where T : struct, Enum => (T?)Value;

        public T GetObjectValue<T>(ParsableFactory<T> factory)
            where T : IParsable => (T)Value!;

        public IEnumerable<T> GetCollectionOfObjectValues<T>(ParsableFactory<T> factory)
            where T : IParsable => (IEnumerable<T>)Value!;

        public IEnumerable<T> GetCollectionOfPrimitiveValues<T>() => (IEnumerable<T>)Value!;

        // Never planned (the probe gives up on them), so never called.
        public IParseNode? GetChildNode(string identifier) => throw Unplanned();

        public byte? GetByteValue() => throw Unplanned();

        public sbyte? GetSbyteValue() => throw Unplanned();

        public TimeSpan? GetTimeSpanValue() => throw Unplanned();

        public Date? GetDateValue() => throw Unplanned();

        public Time? GetTimeValue() => throw Unplanned();

        public byte[]? GetByteArrayValue() => throw Unplanned();

        public IEnumerable<T?> GetCollectionOfEnumValues<T>()
            where T : struct, Enum => (IEnumerable<T?>)Value!;

        private static InvalidOperationException Unplanned() => new("The streamed reader handed a value to a getter its plan does not use.");
    }

    /// <summary>How each value a generated deserializer can ask for is read; false when the token is not one.</summary>
    private static class Values
    {
        public static readonly ValueReader String = static (ref Utf8JsonReader r, ReadOnlySpan<byte> json, ValueNode v) =>
            r.TokenType == JsonTokenType.String && Set(v, r.GetString());

        public static readonly ValueReader Bool = static (ref Utf8JsonReader r, ReadOnlySpan<byte> json, ValueNode v) =>
        {
            v.Flag = r.TokenType == JsonTokenType.True;
            return r.TokenType is JsonTokenType.True or JsonTokenType.False;
        };

        public static readonly ValueReader Int = static (ref Utf8JsonReader r, ReadOnlySpan<byte> json, ValueNode v) =>
        {
            if (r.TokenType != JsonTokenType.Number || !r.TryGetInt32(out var n))
            {
                return false;
            }

            v.Int32 = n;
            return true;
        };

        public static readonly ValueReader Long = static (ref Utf8JsonReader r, ReadOnlySpan<byte> json, ValueNode v) =>
            r.TokenType == JsonTokenType.Number && r.TryGetInt64(out var n) && Set(v, n);

        public static readonly ValueReader Double = static (ref Utf8JsonReader r, ReadOnlySpan<byte> json, ValueNode v) =>
            r.TokenType == JsonTokenType.Number && r.TryGetDouble(out var n) && Set(v, n);

        public static readonly ValueReader Float = static (ref Utf8JsonReader r, ReadOnlySpan<byte> json, ValueNode v) =>
            r.TokenType == JsonTokenType.Number && r.TryGetSingle(out var n) && Set(v, n);

        public static readonly ValueReader Decimal = static (ref Utf8JsonReader r, ReadOnlySpan<byte> json, ValueNode v) =>
            r.TokenType == JsonTokenType.Number && r.TryGetDecimal(out var n) && Set(v, n);

        public static readonly ValueReader Guid = static (ref Utf8JsonReader r, ReadOnlySpan<byte> json, ValueNode v) =>
        {
            if (r.TokenType != JsonTokenType.String || !r.TryGetGuid(out var id))
            {
                return false;
            }

            v.Id = id;
            return true;
        };

        public static readonly ValueReader DateTimeOffset = static (ref Utf8JsonReader r, ReadOnlySpan<byte> json, ValueNode v) =>
        {
            if (r.TokenType != JsonTokenType.String || !r.TryGetDateTimeOffset(out var instant))
            {
                return false;
            }

            v.Instant = instant;
            return true;
        };

        // Kiota reads an untyped value from its element (lazily, for arrays): here from a document of that value alone.
        public static readonly ValueReader Untyped = static (ref Utf8JsonReader r, ReadOnlySpan<byte> json, ValueNode v) =>
        {
            var start = (int)r.TokenStartIndex;
            r.Skip();
            var document = JsonDocument.Parse(json[start..(int)r.BytesConsumed].ToArray());
            return Set(v, new JsonParseNode(document.RootElement).GetObjectValue(UntypedNode.CreateFromDiscriminatorValue));
        };

        /// <summary>
        /// The reader of a list item of a primitive type, for the two the spec's lists hold (strings and integers);
        /// null for the others, whose lists are left to the document.
        /// </summary>
        public static ValueReader? Primitive(Type type) =>
            type == typeof(string) ? String
            : type == typeof(int?) ? IntItem
            : null;

        // An integer for a list, which takes its items from Value.
        private static readonly ValueReader IntItem = static (ref Utf8JsonReader r, ReadOnlySpan<byte> json, ValueNode v) =>
            Int(ref r, json, v) && Set(v, (int?)v.Int32);

        public static bool Set(ValueNode node, object? value)
        {
            node.Value = value;
            return true;
        }
    }

    /// <summary>
    /// Stands in for a node while a plan is learned: records how many getters a deserializer (or factory) calls and,
    /// for a getter the streamed reader can serve, how to read its value. Every getter returns nothing.
    /// </summary>
    private sealed class Probe : IParseNode
    {
        public int Calls { get; private set; }

        public ValueReader? Reader { get; private set; }

        public Action<IParsable>? OnBeforeAssignFieldValues { get; set; }

        public Action<IParsable>? OnAfterAssignFieldValues { get; set; }

        public string? GetStringValue() => Learn<string>(Values.String);

        public bool? GetBoolValue() => Learn<bool?>(Values.Bool);

        public int? GetIntValue() => Learn<int?>(Values.Int);

        public long? GetLongValue() => Learn<long?>(Values.Long);

        public double? GetDoubleValue() => Learn<double?>(Values.Double);

        public float? GetFloatValue() => Learn<float?>(Values.Float);

        public decimal? GetDecimalValue() => Learn<decimal?>(Values.Decimal);

        public Guid? GetGuidValue() => Learn<Guid?>(Values.Guid);

        public DateTimeOffset? GetDateTimeOffsetValue() => Learn<DateTimeOffset?>(Values.DateTimeOffset);

        public T? GetEnumValue<T>()
            where T : struct, Enum => Learn<T?>(EnumNames<T>.Reader);

        public T GetObjectValue<T>(ParsableFactory<T> factory)
            where T : IParsable
        {
            if (typeof(T) == typeof(UntypedNode))
            {
                return Learn<T>(Values.Untyped);
            }

            // The item type's plan is found on first use, not now: a model may contain itself (a session's breakout rooms).
            var plan = new Lazy<Plan?>(() => PlanFor(factory), LazyThreadSafetyMode.PublicationOnly);
            return Learn<T>((ref Utf8JsonReader r, ReadOnlySpan<byte> json, ValueNode v) =>
                plan.Value is { } known && TryReadObject(ref r, json, known, factory, v, out var item) && Values.Set(v, item));
        }

        public IEnumerable<T> GetCollectionOfObjectValues<T>(ParsableFactory<T> factory)
            where T : IParsable
        {
            var plan = new Lazy<Plan?>(() => PlanFor(factory), LazyThreadSafetyMode.PublicationOnly);
            return Learn<IEnumerable<T>>((ref Utf8JsonReader r, ReadOnlySpan<byte> json, ValueNode v) =>
                plan.Value is { } known && TryReadObjects(ref r, json, known, factory, v, out var items) && Values.Set(v, items));
        }

        public IEnumerable<T> GetCollectionOfPrimitiveValues<T>()
        {
            if (Values.Primitive(typeof(T)) is not { } item)
            {
                return Unplannable<IEnumerable<T>>();
            }

            return Learn<IEnumerable<T>>((ref Utf8JsonReader r, ReadOnlySpan<byte> json, ValueNode v) =>
                TryReadItems<T>(ref r, json, item, v, out var items) && Values.Set(v, items));
        }

        public IEnumerable<T?> GetCollectionOfEnumValues<T>()
            where T : struct, Enum =>
            Learn<IEnumerable<T?>>(static (ref Utf8JsonReader r, ReadOnlySpan<byte> json, ValueNode v) =>
                TryReadItems<T?>(ref r, json, EnumNames<T>.Reader, v, out var items) && Values.Set(v, items));

        public IParseNode? GetChildNode(string identifier) => Unplannable<IParseNode>();

        public byte? GetByteValue() => Unplannable<byte?>();

        public sbyte? GetSbyteValue() => Unplannable<sbyte?>();

        public TimeSpan? GetTimeSpanValue() => Unplannable<TimeSpan?>();

        public Date? GetDateValue() => Unplannable<Date?>();

        public Time? GetTimeValue() => Unplannable<Time?>();

        public byte[]? GetByteArrayValue() => Unplannable<byte[]>();

        private T Learn<T>(ValueReader reader)
        {
            Calls++;
            Reader = reader;
            return default!;
        }

        // A getter the streamed reader does not serve: counted twice, so the plan is given up.
        private T Unplannable<T>()
        {
            Calls += 2;
            return default!;
        }
    }

    /// <summary>
    /// Kiota's reading of an enum member from its JSON string (its <c>EnumMember</c> names, then the member names),
    /// remembered per string: the answer depends on the string alone. Only strings that name a member are kept, and
    /// at most <see cref="MaxRemembered"/> of them (Kiota ignores case, so a server could name one member many ways).
    /// </summary>
    private static class EnumNames<T>
        where T : struct, Enum
    {
        private const int MaxRemembered = MaxRememberedSpellings;

        /// <summary>Reads a string naming a member; false for anything else (Kiota's null, left to the document).</summary>
        public static readonly ValueReader Reader = static (ref Utf8JsonReader r, ReadOnlySpan<byte> json, ValueNode v) =>
            r.TokenType == JsonTokenType.String && Read(r.GetString()!) is { } member && Values.Set(v, member);

        private static readonly ConcurrentDictionary<string, T> Members = new(StringComparer.Ordinal);

        public static int Remembered => Members.Count;

        public static T? Read(string name)
        {
            if (Members.TryGetValue(name, out var member))
            {
                return member;
            }

            using var document = JsonDocument.Parse(JsonSerializer.SerializeToUtf8Bytes(name));
            if (new JsonParseNode(document.RootElement).GetEnumValue<T>() is not { } read)
            {
                return null;
            }

            if (Members.Count < MaxRemembered)
            {
                Members.TryAdd(name, read);
            }

            return read;
        }
    }
}
