using System.Text.Json;

namespace RealtimeKit.Http;

/// <summary>
/// What <see cref="ErrorResponseHandler"/> needs to know of a 2xx JSON body, read in one forward pass that also
/// checks the whole body is well-formed JSON: the root's kind, and the kinds of the envelope's <c>success</c> and
/// <c>data</c>. No document is built: for a page of 1,000 participants building one cost about as much as reading
/// the models, and most bodies need none (<see cref="StreamedModelReader"/> reads models from the bytes).
/// </summary>
internal readonly struct JsonEnvelope
{
    private JsonEnvelope(JsonValueKind root, JsonValueKind success, JsonValueKind data)
    {
        Root = root;
        Success = success;
        Data = data;
    }

    /// <summary>The kind of the root value.</summary>
    public JsonValueKind Root { get; }

    /// <summary>The kind of the root object's <c>success</c> (<see cref="JsonValueKind.Undefined"/> when absent).</summary>
    public JsonValueKind Success { get; }

    /// <summary>The kind of the root object's <c>data</c> (<see cref="JsonValueKind.Undefined"/> when absent).</summary>
    public JsonValueKind Data { get; }

    /// <summary>
    /// Reads <paramref name="json"/> with the same rules <see cref="JsonDocument"/> parses by
    /// (<paramref name="options"/>). A property repeated in the root object counts by its last value, as
    /// <see cref="JsonElement.TryGetProperty(string, out JsonElement)"/> finds it.
    /// </summary>
    /// <exception cref="JsonException">The body is not well-formed JSON.</exception>
    public static JsonEnvelope Scan(ReadOnlySpan<byte> json, JsonDocumentOptions options)
    {
        var reader = new Utf8JsonReader(json, ReaderOptions(options));
        reader.Read();
        var root = KindOf(reader.TokenType);
        JsonValueKind success = JsonValueKind.Undefined, data = JsonValueKind.Undefined;
        while (reader.Read())
        {
            if (root != JsonValueKind.Object || reader.TokenType != JsonTokenType.PropertyName)
            {
                continue;
            }

            var isSuccess = reader.ValueTextEquals("success"u8);
            var isData = !isSuccess && reader.ValueTextEquals("data"u8);
            reader.Read();
            var kind = KindOf(reader.TokenType);
            success = isSuccess ? kind : success;
            data = isData ? kind : data;
            reader.Skip();
        }

        return new JsonEnvelope(root, success, data);
    }

    /// <summary>The reader options that match <paramref name="options"/>.</summary>
    public static JsonReaderOptions ReaderOptions(JsonDocumentOptions options) => new()
    {
        AllowTrailingCommas = options.AllowTrailingCommas,
        CommentHandling = options.CommentHandling,
        MaxDepth = options.MaxDepth,
    };

    // The kind of the value a token starts (a value token, never a property name, comment or end).
    private static JsonValueKind KindOf(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => JsonValueKind.Object,
        JsonTokenType.StartArray => JsonValueKind.Array,
        JsonTokenType.String => JsonValueKind.String,
        JsonTokenType.Number => JsonValueKind.Number,
        JsonTokenType.True => JsonValueKind.True,
        JsonTokenType.False => JsonValueKind.False,
        _ => JsonValueKind.Null,
    };
}
