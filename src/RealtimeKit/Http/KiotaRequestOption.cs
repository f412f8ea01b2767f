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
        where T : class, IRequestOption =>
        Filed<T>.Property.Get(request) as T;

    private static class Filed<T>
        where T : class, IRequestOption
    {
        public static readonly RequestProperty<IRequestOption> Property = new(typeof(T).FullName!);
    }
}
