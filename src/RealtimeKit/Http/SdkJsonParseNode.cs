using System.Collections.Concurrent;
using System.Reflection;
using System.Text;
using System.Text.Json;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Serialization.Json;

namespace RealtimeKit.Http;

/// <summary>
/// Kiota's <see cref="JsonParseNode"/>, minus its cost per object. Kiota fills a model by asking it for
/// <see cref="IParsable.GetFieldDeserializers"/>, which builds a dictionary and one closure per field for every
/// object read, and looks each JSON property up by an allocated name string; for a list of participants that is
/// most of what a call allocates. This node learns each generated model type's table once (see
/// <see cref="FieldTable"/>) and looks properties up by their UTF-8 names. Everything it does not do faster, it
/// hands to Kiota's own node over the same element, so values, errors and <c>AdditionalData</c> stay Kiota's:
/// an object with a property the model does not know, or a model whose table cannot be learned, is read by Kiota.
/// Whatever Kiota hands back that may read the document later (untyped values, <c>AdditionalData</c>, lazy
/// collections) tells <paramref name="body"/> to keep its document.
/// </summary>
internal sealed class SdkJsonParseNode(JsonElement element, BufferedBody? body = null) : IParseNode
{
    private JsonElement _element = element;

    public Action<IParsable>? OnBeforeAssignFieldValues { get; set; }

    public Action<IParsable>? OnAfterAssignFieldValues { get; set; }

    public T GetObjectValue<T>(ParsableFactory<T> factory)
        where T : IParsable
    {
        ArgumentNullException.ThrowIfNull(factory);
        if (typeof(T) == typeof(UntypedNode))
        {
            return Shared().GetObjectValue(factory);
        }

        var item = factory(this);
        if (_element.ValueKind != JsonValueKind.Object || FieldTable.For(item) is not { } table || !table.CoversAll(_element))
        {
            // Kiota's own reading, into the item the factory already made.
            return Shared().GetObjectValue(_ => item);
        }

        OnBeforeAssignFieldValues?.Invoke(item);
        if (item is IAdditionalDataHolder holder)
        {
            holder.AdditionalData ??= new Dictionary<string, object>();
        }

        // One child node, moved from field to field: the generated setters read it and keep nothing.
        var child = new SdkJsonParseNode(default, body) { OnBeforeAssignFieldValues = OnBeforeAssignFieldValues, OnAfterAssignFieldValues = OnAfterAssignFieldValues };
        foreach (var field in table.Fields)
        {
            if (_element.TryGetProperty(field.Utf8Name, out var value) && value.ValueKind != JsonValueKind.Null)
            {
                child._element = value;
                field.Assign(item, child);
            }
        }

        OnAfterAssignFieldValues?.Invoke(item);
        return item;
    }

    public IEnumerable<T> GetCollectionOfObjectValues<T>(ParsableFactory<T> factory)
        where T : IParsable
    {
        var items = new List<T>(_element.ValueKind == JsonValueKind.Array ? _element.GetArrayLength() : 0);
        if (_element.ValueKind == JsonValueKind.Array)
        {
            var node = new SdkJsonParseNode(default, body) { OnBeforeAssignFieldValues = OnBeforeAssignFieldValues, OnAfterAssignFieldValues = OnAfterAssignFieldValues };
            foreach (var value in _element.EnumerateArray())
            {
                node._element = value;
                items.Add(node.GetObjectValue(factory));
            }
        }

        return items;
    }

    public IParseNode? GetChildNode(string identifier)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        return _element.ValueKind == JsonValueKind.Object && _element.TryGetProperty(identifier, out var child)
            ? new SdkJsonParseNode(child, body) { OnBeforeAssignFieldValues = OnBeforeAssignFieldValues, OnAfterAssignFieldValues = OnAfterAssignFieldValues }
            : null;
    }

    // The common values are read directly when they are well formed; anything else is Kiota's to read or refuse.
    public string? GetStringValue() => _element.ValueKind == JsonValueKind.String ? _element.GetString() : null;

    public bool? GetBoolValue() => _element.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };

    public int? GetIntValue() => _element.ValueKind == JsonValueKind.Number && _element.TryGetInt32(out var value) ? value : Kiota().GetIntValue();

    public long? GetLongValue() => _element.ValueKind == JsonValueKind.Number && _element.TryGetInt64(out var value) ? value : Kiota().GetLongValue();

    public double? GetDoubleValue() => _element.ValueKind == JsonValueKind.Number && _element.TryGetDouble(out var value) ? value : Kiota().GetDoubleValue();

    public float? GetFloatValue() => _element.ValueKind == JsonValueKind.Number && _element.TryGetSingle(out var value) ? value : Kiota().GetFloatValue();

    public decimal? GetDecimalValue() => _element.ValueKind == JsonValueKind.Number && _element.TryGetDecimal(out var value) ? value : Kiota().GetDecimalValue();

    public Guid? GetGuidValue() => _element.ValueKind == JsonValueKind.String && _element.TryGetGuid(out var value) ? value : Kiota().GetGuidValue();

    public DateTimeOffset? GetDateTimeOffsetValue() => _element.ValueKind == JsonValueKind.String && _element.TryGetDateTimeOffset(out var value) ? value : Kiota().GetDateTimeOffsetValue();

    public byte? GetByteValue() => Kiota().GetByteValue();

    public sbyte? GetSbyteValue() => Kiota().GetSbyteValue();

    public TimeSpan? GetTimeSpanValue() => Kiota().GetTimeSpanValue();

    public Date? GetDateValue() => Kiota().GetDateValue();

    public Time? GetTimeValue() => Kiota().GetTimeValue();

    public byte[]? GetByteArrayValue() => Kiota().GetByteArrayValue();

    public T? GetEnumValue<T>()
        where T : struct, Enum => Kiota().GetEnumValue<T>();

    public IEnumerable<T?> GetCollectionOfEnumValues<T>()
        where T : struct, Enum => Shared().GetCollectionOfEnumValues<T>();

    public IEnumerable<T> GetCollectionOfPrimitiveValues<T>() => Shared().GetCollectionOfPrimitiveValues<T>();

    private JsonParseNode Kiota() => new(_element) { OnBeforeAssignFieldValues = OnBeforeAssignFieldValues, OnAfterAssignFieldValues = OnAfterAssignFieldValues };

    // Kiota's node for a read whose result may refer to the document after the call.
    private JsonParseNode Shared()
    {
        body?.KeepJson();
        return Kiota();
    }

    /// <summary>
    /// A generated model type's field deserializers, learned once from one instance and then used for every
    /// instance. Kiota's generator writes each as a lambda that captures only the model (<c>n => { Name =
    /// n.GetStringValue(); }</c>), which C# compiles to an instance method of the model: called on another instance,
    /// it sets that instance's property. A type whose deserializers are anything else gets no table (null), and its
    /// objects are read by Kiota as before.
    /// </summary>
    internal sealed class FieldTable
    {
        private static readonly ConcurrentDictionary<Type, FieldTable?> Tables = new();
        private static readonly MethodInfo OpenMethod = typeof(FieldTable).GetMethod(nameof(Open), BindingFlags.NonPublic | BindingFlags.Static)!;

        private FieldTable(Field[] fields) => Fields = fields;

        /// <summary>The model's fields: JSON name (UTF-8) and the setter, for any instance of the type.</summary>
        public Field[] Fields { get; }

        /// <summary>The table of <paramref name="item"/>'s type, learned from it the first time.</summary>
        public static FieldTable? For(IParsable item)
        {
            // Looked up first, learned only on a miss: no closure per call, and the same code on netstandard2.0.
            var type = item.GetType();
            return Tables.TryGetValue(type, out var table) ? table : Tables.GetOrAdd(type, Learn(item));
        }

        /// <summary>Whether every property of <paramref name="json"/> is a field, each present once.</summary>
        public bool CoversAll(JsonElement json)
        {
            var properties = 0;
            foreach (var _ in json.EnumerateObject())
            {
                properties++;
            }

            if (properties > Fields.Length)
            {
                return false;
            }

            var found = 0;
            foreach (var field in Fields)
            {
                if (json.TryGetProperty(field.Utf8Name, out _))
                {
                    found++;
                }
            }

            return found == properties;
        }

        private static FieldTable? Learn(IParsable probe)
        {
            var fields = new List<Field>();
            foreach (var pair in probe.GetFieldDeserializers())
            {
                var (name, deserializer) = (pair.Key, pair.Value);
                var method = deserializer.Method;
                if (!ReferenceEquals(deserializer.Target, probe) || method.IsStatic || method.DeclaringType is not { } declaring || !declaring.IsInstanceOfType(probe)
                    || method.GetParameters() is not [{ ParameterType: var parameter }] || parameter != typeof(IParseNode))
                {
                    return null;
                }

                var assign = (Action<object, IParseNode>)OpenMethod.MakeGenericMethod(declaring).Invoke(null, [method])!;
                fields.Add(new Field(Encoding.UTF8.GetBytes(name), assign));
            }

            return new FieldTable([.. fields]);
        }

        private static Action<object, IParseNode> Open<TModel>(MethodInfo method)
        {
            var open = method.CreateDelegate<Action<TModel, IParseNode>>();
            return (item, node) => open((TModel)item, node);
        }
    }

    /// <summary>One field of a model: its JSON name as UTF-8 and what sets it on an instance.</summary>
    internal sealed record Field(byte[] Utf8Name, Action<object, IParseNode> Assign);
}
