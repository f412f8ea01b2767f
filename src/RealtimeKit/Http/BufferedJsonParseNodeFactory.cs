using System.Text.Json;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Serialization.Json;
using RealtimeKit.Errors;

namespace RealtimeKit.Http;

/// <summary>
/// The SDK's JSON parse nodes over the body <see cref="ErrorResponseHandler"/> already read and checked, instead of
/// Kiota's own factory, which would read the stream into a second buffer, parse it again and clone the result.
/// A model is read straight from the bytes where it can be (<see cref="BufferedJsonRootNode"/>), otherwise from a
/// document through <see cref="SdkJsonParseNode"/> (Kiota's node, without its cost per object).
/// <see cref="SdkRequestAdapter"/> releases a document once the model is made, unless the model may still read it.
/// </summary>
internal sealed class BufferedJsonParseNodeFactory : IParseNodeFactory
{
    public string ValidContentType => "application/json";

    public async Task<IParseNode> GetRootParseNodeAsync(string contentType, Stream content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content is BufferedBody.BodyStream { Body: { CheckedJson: not null } body })
        {
            return new BufferedJsonRootNode(body);
        }

        // A body that did not come through the SDK's handlers: parsed with the same depth limit.
        var document = await JsonDocument.ParseAsync(content, ServiceErrorReader.JsonOptions, cancellationToken).ConfigureAwait(false);
        return new SdkJsonParseNode(document.RootElement);
    }
}
