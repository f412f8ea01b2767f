using System.Text.Json;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Serialization.Json;
using RealtimeKit.Errors;

namespace RealtimeKit.Http;

/// <summary>
/// The SDK's JSON parse node (<see cref="SdkJsonParseNode"/>: Kiota's, without its cost per object) over the document
/// <see cref="ErrorResponseHandler"/> already parsed and checked, instead of Kiota's own factory, which would read the
/// stream into a second buffer, parse it again and clone the result.
/// <see cref="SdkRequestAdapter"/> releases the document once the model is made, unless the model may still read it.
/// </summary>
internal sealed class BufferedJsonParseNodeFactory : IParseNodeFactory
{
    public string ValidContentType => "application/json";

    public async Task<IParseNode> GetRootParseNodeAsync(string contentType, Stream content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content is BufferedBody.BodyStream { Body: { Json: { } parsed } body })
        {
            return new SdkJsonParseNode(parsed.RootElement, body);
        }

        // A body that did not come through the SDK's handlers: parsed with the same depth limit.
        var document = await JsonDocument.ParseAsync(content, ServiceErrorReader.JsonOptions, cancellationToken).ConfigureAwait(false);
        return new SdkJsonParseNode(document.RootElement);
    }
}
