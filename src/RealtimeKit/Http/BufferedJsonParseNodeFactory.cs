using System.Text.Json;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Serialization.Json;
using RealtimeKit.Errors;

namespace RealtimeKit.Http;

/// <summary>
/// The SDK's JSON parse node (<see cref="SdkJsonParseNode"/>: Kiota's, without its cost per object) over the document
/// <see cref="ErrorResponseHandler"/> already parsed and checked, instead of Kiota's own factory, which would read the
/// stream into a second buffer, parse it again and clone the result.
/// The document is not disposed: Kiota's untyped values read it lazily, and it holds no pooled memory worth returning
/// early.
/// </summary>
internal sealed class BufferedJsonParseNodeFactory : IParseNodeFactory
{
    public string ValidContentType => "application/json";

    public async Task<IParseNode> GetRootParseNodeAsync(string contentType, Stream content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content is BufferedBody.BodyStream { Body.Json: { } parsed })
        {
            return new SdkJsonParseNode(parsed.RootElement);
        }

        // A body that did not come through the SDK's handlers: parsed with the same depth limit.
        var document = await JsonDocument.ParseAsync(content, ServiceErrorReader.JsonOptions, cancellationToken).ConfigureAwait(false);
        return new SdkJsonParseNode(document.RootElement);
    }
}
