using Microsoft.Kiota.Abstractions;

namespace RealtimeKit.Http;

/// <summary>
/// Finds a Kiota request option on the <see cref="HttpRequestMessage"/> Kiota made: Kiota files each option under its
/// type's full name, in <c>Options</c> on .NET 5+ and in <c>Properties</c> on netstandard2.0.
/// </summary>
internal static class KiotaRequestOption
{
    /// <summary>The option of type <typeparamref name="T"/> that <paramref name="request"/> carries, or null.</summary>
    public static T? Find<T>(HttpRequestMessage request)
        where T : class, IRequestOption
    {
        var key = typeof(T).FullName!;
#if NET5_0_OR_GREATER
        return request.Options.TryGetValue(new HttpRequestOptionsKey<IRequestOption>(key), out var option) ? option as T : null;
#else
        return request.Properties.TryGetValue(key, out var option) ? option as T : null;
#endif
    }
}
