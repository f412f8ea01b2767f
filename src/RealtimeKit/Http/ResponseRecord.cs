using Microsoft.Kiota.Abstractions;

namespace RealtimeKit.Http;

/// <summary>
/// What <see cref="ErrorResponseHandler"/> saw of a response, for <see cref="SdkRequestAdapter"/> to report with the
/// real status when Kiota cannot make the operation's model of it. Travels like <see cref="RetrySafety"/>: a Kiota
/// request option that Kiota copies onto the <see cref="HttpRequestMessage"/>.
/// </summary>
internal sealed class ResponseRecord : IRequestOption
{
    /// <summary>The HTTP status, once a response arrived.</summary>
    public int? Status { get; set; }

    /// <summary>The body as read by the SDK.</summary>
    public BufferedBody? Body { get; set; }

    /// <summary>The <c>cf-ray</c> request id.</summary>
    public string? RequestId { get; set; }

    /// <summary>Attaches a fresh record to a request about to be sent.</summary>
    public static ResponseRecord Attach(RequestInformation request)
    {
        var record = new ResponseRecord();
        request.AddRequestOptions([record]);
        return record;
    }

    /// <summary>The record a request carries, if any.</summary>
    public static ResponseRecord? Of(HttpRequestMessage request) =>
        KiotaRequestOption.Find<ResponseRecord>(request);
}
