using System.Net.Http.Headers;
using System.Reflection;

namespace RealtimeKit.Http;

/// <summary>
/// Adds this SDK and its version to <c>User-Agent</c> on every request, after whatever the application put there
/// (on the request or its <see cref="HttpClient.DefaultRequestHeaders"/>): <c>MyApp/2.1 RealtimeKit-dotnet/0.1.0 (.NET ...)</c>.
/// </summary>
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
        // Runs once per attempt: a retried request already carries the SDK's token.
        var agent = request.Headers.UserAgent;
        if (agent.Count == 0 || !agent.Contains(Product))
        {
            agent.Add(Product);
            agent.Add(Runtime);
        }

        return base.SendAsync(request, cancellationToken);
    }
}
