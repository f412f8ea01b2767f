using System.Collections.Concurrent;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Options;
using RealtimeKit.Configuration;
using RealtimeKit.Http;

namespace RealtimeKit.DependencyInjection;

/// <summary>
/// Builds clients of the names registered with <c>AddRealtimeKit</c>: each over its own named
/// <see cref="HttpClient"/> pipeline and its own named <see cref="RealtimeKitClientOptions"/>, which are resolved
/// (fallbacks, validation, copy) once per name, on first use.
/// </summary>
internal sealed class RealtimeKitClientFactory(
    RealtimeKitRegistrations registrations,
    IOptionsMonitor<RealtimeKitClientOptions> options,
    IHttpMessageHandlerFactory handlers,
    IOptionsMonitor<HttpClientFactoryOptions> httpClientOptions) : IRealtimeKitClientFactory
{
    // Only successes are kept: a bad option fails every resolution with its name, as a constructor would.
    private readonly ConcurrentDictionary<string, ResolvedOptions> _resolved = new(StringComparer.Ordinal);

    public RealtimeKitClient CreateClient(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return new RealtimeKitClient(Options(name), CreateHttpClient(RealtimeKitRegistrations.HttpClientNameOf(name)), ownsHttpClient: false);
    }

    /// <summary>The resolved options of the client named <paramref name="name"/>.</summary>
    public ResolvedOptions Options(string name)
    {
        if (_resolved.TryGetValue(name, out var resolved))
        {
            return resolved;
        }

        if (!registrations.Contains(name))
        {
            var known = string.Join(", ", registrations.Names.Select(n => n.Length == 0 ? "(unnamed)" : SafeText.Quote(n)));
            throw new InvalidOperationException(
                $"No RealtimeKit client named '{SafeText.Quote(name)}' is registered (registered: {(known.Length == 0 ? "none" : known)}); register it with services.AddRealtimeKit(\"name\", options => ...).");
        }

        return _resolved.GetOrAdd(name, ResolvedOptions.Resolve(options.Get(name), ResolvedOptions.ProcessEnvironment));
    }

    // What IHttpClientFactory.CreateClient does, but with the SDK's HttpClient, which leaves reading the body to the
    // SDK's handlers (within MaxResponseSize) instead of buffering it a second time.
    private SdkHttpClient CreateHttpClient(string httpClientName)
    {
        var client = new SdkHttpClient(handlers.CreateHandler(httpClientName), disposeHandler: false);
        foreach (var configure in httpClientOptions.Get(httpClientName).HttpClientActions)
        {
            configure(client);
        }

        return client;
    }
}
