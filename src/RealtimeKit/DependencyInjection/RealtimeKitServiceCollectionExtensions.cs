using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RealtimeKit.DependencyInjection;
using RealtimeKit.Http;

namespace RealtimeKit;

/// <summary>Registers <see cref="RealtimeKitClient"/> with dependency injection, over <c>IHttpClientFactory</c>.</summary>
public static class RealtimeKitServiceCollectionExtensions
{
    /// <summary>
    /// The name of the <see cref="HttpClient"/> the unnamed client uses; a client registered as <c>"eu"</c> uses
    /// <c>RealtimeKit:eu</c>.
    /// </summary>
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
        return AddCore(services, Options.DefaultName);
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
        return AddCore(services, Options.DefaultName);
    }

    /// <summary>
    /// Registers a named <see cref="RealtimeKitClient"/>, for an application that works with several accounts or
    /// apps: its own options (named options <paramref name="name"/>; environment fallbacks apply) and its own
    /// <see cref="HttpClient"/> pipeline. Resolve it with <see cref="IRealtimeKitClientFactory.CreateClient"/> or as a
    /// keyed service (<c>[FromKeyedServices("eu")] RealtimeKitClient client</c>). Registering a name again adds to
    /// its options.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The client's name, e.g. <c>"eu"</c>: not blank.</param>
    /// <param name="configure">Sets the options of this client.</param>
    /// <returns>The HTTP client builder of this client, to add your own handlers or configure the primary handler.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or whitespace.</exception>
    public static IHttpClientBuilder AddRealtimeKit(this IServiceCollection services, string name, Action<RealtimeKitClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        CheckName(name);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<RealtimeKitClientOptions>(name).Configure(configure);
        return AddCore(services, name);
    }

    /// <summary>Registers a named <see cref="RealtimeKitClient"/> with options bound from a configuration section.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The client's name, e.g. <c>"eu"</c>: not blank.</param>
    /// <param name="section">The section, e.g. <c>configuration.GetSection("RealtimeKit:Eu")</c>.</param>
    /// <returns>The HTTP client builder of this client.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or whitespace.</exception>
    public static IHttpClientBuilder AddRealtimeKit(this IServiceCollection services, string name, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(services);
        CheckName(name);
        ArgumentNullException.ThrowIfNull(section);
        services.AddOptions<RealtimeKitClientOptions>(name).Bind(section);
        return AddCore(services, name);
    }

    private static void CheckName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ArgumentException("A client name must not be empty or whitespace; use AddRealtimeKit(options => ...) for the unnamed client.", nameof(name));
        }
    }

    private static IHttpClientBuilder AddCore(IServiceCollection services, string name)
    {
        var builder = services.AddHttpClient(RealtimeKitRegistrations.HttpClientNameOf(name));
        var registrations = RealtimeKitRegistrations.In(services);
        if (!registrations.Add(name))
        {
            // Registered before: the options above add to the same options; the SDK handlers must not be added twice.
            return builder;
        }

        services.TryAddSingleton<RealtimeKitClientFactory>();
        services.TryAddSingleton<IRealtimeKitClientFactory>(sp => sp.GetRequiredService<RealtimeKitClientFactory>());

        // Runs after every configuration of the builder, the user's primary handler included: the SDK never follows redirects.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHttpMessageHandlerBuilderFilter, NoRedirectsFilter>());

        // Resolved (validated, frozen) once, on first use: a bad option fails the first resolution with its name.
        if (name.Length == 0)
        {
            services.TryAddTransient(sp => sp.GetRequiredService<IRealtimeKitClientFactory>().CreateClient(Options.DefaultName));
        }
        else
        {
            services.AddKeyedTransient(name, (sp, _) => sp.GetRequiredService<IRealtimeKitClientFactory>().CreateClient(name));
        }

        builder.ConfigureHttpClient(c => c.Timeout = Timeout.InfiniteTimeSpan);
        builder.ConfigureAdditionalHttpMessageHandlers((handlers, sp) =>
        {
            var options = sp.GetRequiredService<RealtimeKitClientFactory>().Options(name);
            var logger = (sp.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance).CreateLogger<RealtimeKitClient>();
            var sdkHandlers = Pipeline.CreateHandlers(options, logger);
            for (var i = 0; i < sdkHandlers.Length; i++)
            {
                handlers.Insert(i, sdkHandlers[i]);
            }
        });
        return builder;
    }

    private sealed class NoRedirectsFilter(RealtimeKitRegistrations registrations) : IHttpMessageHandlerBuilderFilter
    {
        public Action<HttpMessageHandlerBuilder> Configure(Action<HttpMessageHandlerBuilder> next) => builder =>
        {
            next(builder);
            if (registrations.OwnsHttpClient(builder.Name))
            {
                Pipeline.DisableRedirects(builder.PrimaryHandler);
            }
        };
    }
}
