namespace RealtimeKit;

/// <summary>
/// Creates the <see cref="RealtimeKitClient"/>s registered by name with
/// <c>services.AddRealtimeKit("eu", options => ...)</c>, each with its own options and HTTP pipeline.
/// </summary>
public interface IRealtimeKitClientFactory
{
    /// <summary>
    /// A client for the registration named <paramref name="name"/> (<see cref="Microsoft.Extensions.Options.Options.DefaultName"/>,
    /// the empty string, for the unnamed <c>AddRealtimeKit</c>). Clients are cheap: they share their registration's
    /// pooled handlers, so create one where you need it; disposing it is not needed.
    /// </summary>
    /// <param name="name">The name given to <c>AddRealtimeKit</c>.</param>
    /// <returns>The client.</returns>
    /// <exception cref="InvalidOperationException">No client of that name was registered.</exception>
    /// <exception cref="ArgumentException">An option of that registration is missing or invalid; the message names it.</exception>
    RealtimeKitClient CreateClient(string name);
}
