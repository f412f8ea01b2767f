using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace RealtimeKit.DependencyInjection;

/// <summary>
/// The client names registered with <c>AddRealtimeKit</c>, kept as an instance in the service collection so that a
/// second registration of a name finds the first (its SDK handlers are added once) and the redirect filter knows
/// which <see cref="HttpClient"/>s are the SDK's.
/// </summary>
internal sealed class RealtimeKitRegistrations
{
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);

    /// <summary>The instance in <paramref name="services"/>, added on first use.</summary>
    public static RealtimeKitRegistrations In(IServiceCollection services)
    {
        foreach (var descriptor in services)
        {
            // A keyed descriptor throws on ImplementationInstance; ours is never keyed.
            if (!descriptor.IsKeyedService && descriptor.ServiceType == typeof(RealtimeKitRegistrations) && descriptor.ImplementationInstance is RealtimeKitRegistrations found)
            {
                return found;
            }
        }

        var registrations = new RealtimeKitRegistrations();
        services.AddSingleton(registrations);
        return registrations;
    }

    /// <summary>The name of the <see cref="HttpClient"/> of the client named <paramref name="name"/>.</summary>
    public static string HttpClientNameOf(string name) =>
        name.Length == 0 ? RealtimeKitServiceCollectionExtensions.HttpClientName : RealtimeKitServiceCollectionExtensions.HttpClientName + ":" + name;

    /// <summary>Every registered client name, the unnamed one as <see cref="Options.DefaultName"/>.</summary>
    public IReadOnlyCollection<string> Names => _names;

    /// <summary>Records <paramref name="name"/>; false when it was already registered.</summary>
    public bool Add(string name) => _names.Add(name);

    /// <summary>Whether a client of that name is registered.</summary>
    public bool Contains(string name) => _names.Contains(name);

    /// <summary>Whether <paramref name="httpClientName"/> is the <see cref="HttpClient"/> of a registered client.</summary>
    public bool OwnsHttpClient(string? httpClientName) => httpClientName is not null && _names.Any(n => HttpClientNameOf(n) == httpClientName);
}
