using System.Net.Http.Headers;
using System.Reflection;

namespace RealtimeKit.Http;

/// <summary>Names this SDK and its version in <c>User-Agent</c> on every request.</summary>
internal sealed class SdkHeadersHandler : DelegatingHandler
{
    /// <summary>The SDK's product token, e.g. <c>RealtimeKit-dotnet/0.1.0</c>.</summary>
    public static readonly ProductInfoHeaderValue Product = new("RealtimeKit-dotnet", SdkVersion);

    /// <summary>The SDK version (the assembly's informational version without build metadata).</summary>
    public static string SdkVersion =>
        typeof(SdkHeadersHandler).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    private static readonly ProductInfoHeaderValue Runtime = new($"(.NET {Environment.Version}; {Environment.OSVersion.Platform})");

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.UserAgent.Clear();
        request.Headers.UserAgent.Add(Product);
        request.Headers.UserAgent.Add(Runtime);
        return base.SendAsync(request, cancellationToken);
    }
}
