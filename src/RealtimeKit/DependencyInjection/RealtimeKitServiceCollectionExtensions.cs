using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RealtimeKit.Configuration;
using RealtimeKit.Http;

namespace RealtimeKit;

/// <summary>Registers <see cref="RealtimeKitClient"/> with dependency injection, over <c>IHttpClientFactory</c>.</summary>
public static class RealtimeKitServiceCollectionExtensions
{
    /// <summary>The name of the <see cref="HttpClient"/> the client uses.</summary>
    public const string HttpClientName = "RealtimeKit";

    /// <summary>
    /// Registers <see cref="RealtimeKitClient"/> configured by <paramref name="configure"/> (environment fallbacks apply).
    /// The SDK owns retries and timeouts: handlers you add to the returned builder run inside them, once per attempt;
    /// do not add a retry or resilience handler as well. Redirects are turned off on the primary handler (the SDK
    /// never follows one).
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The HTTP client builder, to add your own handlers or configure the primary handler.</returns>
    public static IHttpClientBuilder AddRealtimeKit(this IServiceCollection services, Action<RealtimeKitClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<RealtimeKitClientOptions>().Configure(configure);
        return AddCore(services);
    }

    /// <summary>
    /// Registers <see cref="RealtimeKitClient"/> with options bound from a configuration section
    /// (<c>AccountId</c>, <c>AppId</c>, <c>ApiToken</c>, <c>BaseUrl</c>, <c>Timeout</c>, <c>MaxRetries</c>).
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="section">The section, e.g. <c>configuration.GetSection("RealtimeKit")</c>.</param>
    /// <returns>The HTTP client builder, to add your own handlers or configure the primary handler.</returns>
    public static IHttpClientBuilder AddRealtimeKit(this IServiceCollection services, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(section);
        services.AddOptions<RealtimeKitClientOptions>().Bind(section);
        return AddCore(services);
    }

    private static IHttpClientBuilder AddCore(IServiceCollection services)
    {
        var builder = services.AddHttpClient(HttpClientName);
        if (services.Any(d => d.ServiceType == typeof(PipelineRegistered)))
        {
            // Registered before: the options above add to the same options; the SDK handlers must not be added twice.
            return builder;
        }

        services.AddSingleton<PipelineRegistered>();

        // Resolved (validated, frozen) once, on first use: a bad option fails the first resolution with its name.
        services.TryAddSingleton(sp => ResolvedOptions.Resolve(sp.GetRequiredService<IOptions<RealtimeKitClientOptions>>().Value, ResolvedOptions.ProcessEnvironment));
        services.TryAddTransient(sp => new RealtimeKitClient(sp.GetRequiredService<ResolvedOptions>(), CreateHttpClient(sp), ownsHttpClient: false));

        // Runs after every configuration of the builder, the user's primary handler included: the SDK never follows redirects.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHttpMessageHandlerBuilderFilter, NoRedirectsFilter>());

        builder.ConfigureHttpClient(c => c.Timeout = Timeout.InfiniteTimeSpan);
        builder.ConfigureAdditionalHttpMessageHandlers((handlers, sp) =>
        {
            var options = sp.GetRequiredService<ResolvedOptions>();
            var logger = (sp.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance).CreateLogger<RealtimeKitClient>();
            var sdkHandlers = Pipeline.CreateHandlers(options, logger);
            for (var i = 0; i < sdkHandlers.Length; i++)
            {
                handlers.Insert(i, sdkHandlers[i]);
            }
        });
        return builder;
    }

    // What IHttpClientFactory.CreateClient does, but with the SDK's HttpClient, which leaves reading the body to the
    // SDK's handlers (within MaxResponseSize) instead of buffering it a second time.
    private static SdkHttpClient CreateHttpClient(IServiceProvider services)
    {
        var client = new SdkHttpClient(services.GetRequiredService<IHttpMessageHandlerFactory>().CreateHandler(HttpClientName), disposeHandler: false);
        foreach (var configure in services.GetRequiredService<IOptionsMonitor<HttpClientFactoryOptions>>().Get(HttpClientName).HttpClientActions)
        {
            configure(client);
        }

        return client;
    }

    private sealed class PipelineRegistered;

    private sealed class NoRedirectsFilter : IHttpMessageHandlerBuilderFilter
    {
        public Action<HttpMessageHandlerBuilder> Configure(Action<HttpMessageHandlerBuilder> next) => builder =>
        {
            next(builder);
            if (builder.Name == HttpClientName)
            {
                Pipeline.DisableRedirects(builder.PrimaryHandler);
            }
        };
    }
}
