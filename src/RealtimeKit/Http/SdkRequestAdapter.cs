using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Abstractions.Store;

namespace RealtimeKit.Http;

/// <summary>
/// The request adapter the generated client (and so the facade and <c>client.Api</c>) sends through: Kiota's
/// <see cref="Microsoft.Kiota.Http.HttpClientLibrary.HttpClientRequestAdapter"/>, with its outcomes held to the SDK's
/// error story. Whatever Kiota throws while making the model of a response the handlers accepted becomes a
/// <see cref="RealtimeKitException"/> with the real status and an excerpt; a success without a body, or whose
/// <c>data</c> is missing or of the wrong JSON kind for the model (an array for an object, say), too; and anything
/// else becomes a <see cref="RealtimeKitClientException"/>. Invalid arguments found before a request exists stay
/// <see cref="ArgumentException"/>; the caller's cancellation stays <see cref="OperationCanceledException"/>.
/// Each request's URL is expanded by the SDK (<see cref="RequestUrl"/>), the same URL Kiota would make, at a
/// fraction of Kiota's cost.
/// </summary>
internal sealed class SdkRequestAdapter(IRequestAdapter inner) : IRequestAdapter
{
    private static readonly ConcurrentDictionary<Type, JsonValueKind> ExpectedData = new();

    public ISerializationWriterFactory SerializationWriterFactory => inner.SerializationWriterFactory;

    public string? BaseUrl
    {
        get => inner.BaseUrl;
        set => inner.BaseUrl = value;
    }

    public void EnableBackingStore(IBackingStoreFactory backingStoreFactory) => inner.EnableBackingStore(backingStoreFactory);

    public async Task<T?> ConvertToNativeRequestAsync<T>(RequestInformation requestInfo, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(requestInfo);
        var urlSet = RequestUrl.TrySet(requestInfo, inner.BaseUrl);
        try
        {
            return await inner.ConvertToNativeRequestAsync<T>(requestInfo, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            RequestUrl.Clear(requestInfo, urlSet);
        }
    }

    public async Task<ModelType?> SendAsync<ModelType>(RequestInformation requestInfo, ParsableFactory<ModelType> factory, Dictionary<string, ParsableFactory<IParsable>>? errorMapping = null, CancellationToken cancellationToken = default)
        where ModelType : IParsable
    {
        ArgumentNullException.ThrowIfNull(requestInfo);
        var record = ResponseRecord.Attach(requestInfo);
        var urlSet = RequestUrl.TrySet(requestInfo, inner.BaseUrl);
        try
        {
            var result = await inner.SendAsync(requestInfo, factory, errorMapping, cancellationToken).ConfigureAwait(false);
            return CheckShape(result, record);
        }
        catch (Exception e) when (Translate(e, record, typeof(ModelType), cancellationToken) is { } translated)
        {
            throw translated;
        }
        finally
        {
            RequestUrl.Clear(requestInfo, urlSet);
            record.Body?.ReleaseJson();
        }
    }

    public async Task<IEnumerable<ModelType>?> SendCollectionAsync<ModelType>(RequestInformation requestInfo, ParsableFactory<ModelType> factory, Dictionary<string, ParsableFactory<IParsable>>? errorMapping = null, CancellationToken cancellationToken = default)
        where ModelType : IParsable
    {
        ArgumentNullException.ThrowIfNull(requestInfo);
        var record = ResponseRecord.Attach(requestInfo);
        var urlSet = RequestUrl.TrySet(requestInfo, inner.BaseUrl);
        try
        {
            // Materialized here, so that a parse failure surfaces now, translated, and not during the caller's loop.
            var result = (await inner.SendCollectionAsync(requestInfo, factory, errorMapping, cancellationToken).ConfigureAwait(false))?.ToList();
            return result ?? throw NoBody(record, typeof(ModelType));
        }
        catch (Exception e) when (Translate(e, record, typeof(ModelType), cancellationToken) is { } translated)
        {
            throw translated;
        }
        finally
        {
            RequestUrl.Clear(requestInfo, urlSet);
            record.Body?.ReleaseJson();
        }
    }

    public async Task<ModelType?> SendPrimitiveAsync<ModelType>(RequestInformation requestInfo, Dictionary<string, ParsableFactory<IParsable>>? errorMapping = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(requestInfo);
        var record = ResponseRecord.Attach(requestInfo);
        var urlSet = RequestUrl.TrySet(requestInfo, inner.BaseUrl);
        try
        {
            return await inner.SendPrimitiveAsync<ModelType>(requestInfo, errorMapping, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (Translate(e, record, typeof(ModelType), cancellationToken) is { } translated)
        {
            throw translated;
        }
        finally
        {
            RequestUrl.Clear(requestInfo, urlSet);
            record.Body?.ReleaseJson();
        }
    }

    public async Task<IEnumerable<ModelType>?> SendPrimitiveCollectionAsync<ModelType>(RequestInformation requestInfo, Dictionary<string, ParsableFactory<IParsable>>? errorMapping = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(requestInfo);
        var record = ResponseRecord.Attach(requestInfo);
        var urlSet = RequestUrl.TrySet(requestInfo, inner.BaseUrl);
        try
        {
            return (await inner.SendPrimitiveCollectionAsync<ModelType>(requestInfo, errorMapping, cancellationToken).ConfigureAwait(false))?.ToList();
        }
        catch (Exception e) when (Translate(e, record, typeof(ModelType), cancellationToken) is { } translated)
        {
            throw translated;
        }
        finally
        {
            RequestUrl.Clear(requestInfo, urlSet);
            record.Body?.ReleaseJson();
        }
    }

    public async Task SendNoContentAsync(RequestInformation requestInfo, Dictionary<string, ParsableFactory<IParsable>>? errorMapping = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(requestInfo);
        var record = ResponseRecord.Attach(requestInfo);
        var urlSet = RequestUrl.TrySet(requestInfo, inner.BaseUrl);
        try
        {
            await inner.SendNoContentAsync(requestInfo, errorMapping, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (Translate(e, record, typeof(void), cancellationToken) is { } translated)
        {
            throw translated;
        }
        finally
        {
            RequestUrl.Clear(requestInfo, urlSet);
            record.Body?.ReleaseJson();
        }
    }

    /// <summary>The JSON kind a model's <c>data</c> must have: object, array, or <see cref="JsonValueKind.Undefined"/> for no check.</summary>
    internal static JsonValueKind ExpectedDataKind(Type model) => ExpectedData.GetOrAdd(model, static type =>
    {
        var data = type.GetProperty("Data", BindingFlags.Public | BindingFlags.Instance);
        if (data is null || data.PropertyType == typeof(UntypedNode) || data.PropertyType == typeof(object))
        {
            return JsonValueKind.Undefined;
        }

        if (data.PropertyType != typeof(string) && typeof(IEnumerable).IsAssignableFrom(data.PropertyType))
        {
            return JsonValueKind.Array;
        }

        return typeof(IParsable).IsAssignableFrom(data.PropertyType) ? JsonValueKind.Object : JsonValueKind.Undefined;
    });

    private static ModelType CheckShape<ModelType>(ModelType? result, ResponseRecord record)
    {
        if (result is null)
        {
            throw NoBody(record, typeof(ModelType));
        }

        var expected = ExpectedDataKind(typeof(ModelType));
        if (expected != JsonValueKind.Undefined && record is { Status: { } status, Body: { } body } && body.DataKind != expected)
        {
            var message = body.DataKind is JsonValueKind.Undefined or JsonValueKind.Null
                ? "the response carried no data."
                : $"the response's data is a JSON {ErrorResponseHandler.KindName(body.DataKind)}, not the {ErrorResponseHandler.KindName(expected)} the operation returns.";
            throw new RealtimeKitException(status, message, requestId: record.RequestId, responseExcerpt: body.Excerpt());
        }

        return result;
    }

    private static RealtimeKitClientException NoBody(ResponseRecord record, Type model) => record.Status is { } status
        ? new RealtimeKitException(status, record.Body is { Length: > 0 } ? $"the response could not be read as {model.Name}." : "the response had no body.", requestId: record.RequestId, responseExcerpt: record.Body?.Excerpt())
        : new RealtimeKitClientException($"No response arrived for {model.Name}.");

    private static Exception? Translate(Exception e, ResponseRecord record, Type model, CancellationToken cancellationToken)
    {
        if (e is RealtimeKitClientException || (e is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            return null;
        }

        if (record.Status is { } status)
        {
            // A response the handlers accepted, which Kiota could not make into the model.
            return new RealtimeKitException(status, $"the response could not be read as {model.Name}: {e.GetType().Name}: {SafeText.Clean(e.Message, 300)}", e, requestId: record.RequestId, responseExcerpt: record.Body?.Excerpt());
        }

        // Before any response: the caller's invalid argument (through client.Api) stays theirs; anything else is the SDK's.
        return e is ArgumentException ? null : new RealtimeKitClientException($"The request failed before a response arrived ({e.GetType().Name}).", e);
    }
}
