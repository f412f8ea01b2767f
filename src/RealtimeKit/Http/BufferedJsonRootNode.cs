using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Serialization;
using RealtimeKit.Errors;

namespace RealtimeKit.Http;

/// <summary>
/// The root node of a checked 2xx JSON body. A model asked of it is read straight from the bytes by
/// <see cref="StreamedModelReader"/> when it can be; anything else (a model it leaves to Kiota, any other read, or
/// Kiota's backing-store hooks) goes to <see cref="SdkJsonParseNode"/> over the body parsed as a document.
/// </summary>
internal sealed class BufferedJsonRootNode(BufferedBody body) : IParseNode
{
    private static readonly System.Text.Json.JsonReaderOptions ReaderOptions = JsonEnvelope.ReaderOptions(ServiceErrorReader.JsonOptions);

    public Action<IParsable>? OnBeforeAssignFieldValues { get; set; }

    public Action<IParsable>? OnAfterAssignFieldValues { get; set; }

    public T GetObjectValue<T>(ParsableFactory<T> factory)
        where T : IParsable
    {
        ArgumentNullException.ThrowIfNull(factory);
        if (OnBeforeAssignFieldValues is null && OnAfterAssignFieldValues is null && body.CheckedJson is { } json
            && StreamedModelReader.TryRead(json.Span, factory, ReaderOptions, out var item))
        {
            return item;
        }

        return Document().GetObjectValue(factory);
    }

    public IEnumerable<T> GetCollectionOfObjectValues<T>(ParsableFactory<T> factory)
        where T : IParsable => Document().GetCollectionOfObjectValues(factory);

    public IEnumerable<T> GetCollectionOfPrimitiveValues<T>() => Document().GetCollectionOfPrimitiveValues<T>();

    public IEnumerable<T?> GetCollectionOfEnumValues<T>()
        where T : struct, Enum => Document().GetCollectionOfEnumValues<T>();

    public IParseNode? GetChildNode(string identifier) => Document().GetChildNode(identifier);

    public string? GetStringValue() => Document().GetStringValue();

    public bool? GetBoolValue() => Document().GetBoolValue();

    public byte? GetByteValue() => Document().GetByteValue();

    public sbyte? GetSbyteValue() => Document().GetSbyteValue();

    public int? GetIntValue() => Document().GetIntValue();

    public float? GetFloatValue() => Document().GetFloatValue();

    public long? GetLongValue() => Document().GetLongValue();

    public double? GetDoubleValue() => Document().GetDoubleValue();

    public decimal? GetDecimalValue() => Document().GetDecimalValue();

    public Guid? GetGuidValue() => Document().GetGuidValue();

    public DateTimeOffset? GetDateTimeOffsetValue() => Document().GetDateTimeOffsetValue();

    public TimeSpan? GetTimeSpanValue() => Document().GetTimeSpanValue();

    public Date? GetDateValue() => Document().GetDateValue();

    public Time? GetTimeValue() => Document().GetTimeValue();

    public T? GetEnumValue<T>()
        where T : struct, Enum => Document().GetEnumValue<T>();

    public byte[]? GetByteArrayValue() => Document().GetByteArrayValue();

    private SdkJsonParseNode Document() => new(body.ParseJson().RootElement, body)
    {
        OnBeforeAssignFieldValues = OnBeforeAssignFieldValues,
        OnAfterAssignFieldValues = OnAfterAssignFieldValues,
    };
}
