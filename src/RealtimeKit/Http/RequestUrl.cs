using System.Reflection;
using Microsoft.Kiota.Abstractions;

namespace RealtimeKit.Http;

/// <summary>
/// Gives a <see cref="RequestInformation"/> about to be sent its URL from the SDK's <see cref="UrlTemplate"/>, so that
/// Kiota's adapter uses it instead of expanding the template itself. The URL goes where Kiota keeps a URL set from
/// outside (its <c>_rawUri</c> field), not through the <see cref="RequestInformation.URI"/> setter, which would
/// clear the path parameters (the request builder's own dictionary) and the query; it is taken away again once the
/// request is sent, so the request is left as Kiota would leave it. When Kiota has no such field (another Kiota
/// version), or the request carries a URL already, or anything this class cannot expand exactly as Kiota would,
/// Kiota's own expansion runs. The URL is set before Kiota's adapter calls the authentication provider: the SDK's
/// (<see cref="TokenAuthenticationProvider"/>) adds a header and never a query parameter.
/// </summary>
internal static class RequestUrl
{
    // Kiota's key for a raw URL among the path parameters (RequestInformation.RawUrlKey, internal to Kiota).
    private const string RawUrlKey = "request-raw-url";

    private static readonly FieldInfo? RawUri = typeof(RequestInformation).GetField("_rawUri", BindingFlags.Instance | BindingFlags.NonPublic) is { } field && field.FieldType == typeof(Uri)
        ? field
        : null;

    /// <summary>Whether this Kiota version lets the SDK hand it the URL (false: every request is expanded by Kiota).</summary>
    public static bool Supported => RawUri is not null;

    /// <summary>
    /// Sets <paramref name="request"/>'s URL as Kiota would expand it for an adapter whose base URL is
    /// <paramref name="baseUrl"/>. Returns whether it did; if so, <see cref="Clear"/> it once the request is sent.
    /// </summary>
    public static bool TrySet(RequestInformation request, string? baseUrl)
    {
        if (RawUri is null || baseUrl is null || request.UrlTemplate is not { } template || RawUri.GetValue(request) is not null
            || request.PathParameters.ContainsKey(RawUrlKey) || UrlTemplate.For(template) is not { } compiled)
        {
            return false;
        }

        // What Kiota's adapter does to every request before it reads the URL.
        request.PathParameters["baseurl"] = baseUrl;
        string? url;
        try
        {
            url = compiled.Expand(request);
        }
        catch (Exception e) when (e is UriFormatException or ArgumentException)
        {
            // A value the runtime will not escape: Kiota's expansion meets the same and reports it its way.
            return false;
        }

        if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return false;
        }

        RawUri.SetValue(request, uri);
        return true;
    }

    /// <summary>Takes away the URL <see cref="TrySet"/> gave <paramref name="request"/>, if it gave one.</summary>
    public static void Clear(RequestInformation request, bool set)
    {
        if (set)
        {
            RawUri!.SetValue(request, null);
        }
    }
}
