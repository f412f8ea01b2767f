namespace RealtimeKit.Http;

/// <summary>
/// A value carried by an <see cref="HttpRequestMessage"/> from one handler to another, under <paramref name="name"/>:
/// in <c>Options</c> on .NET 5+, in <c>Properties</c> on netstandard2.0 (where <c>Options</c> does not exist).
/// </summary>
/// <typeparam name="T">The value's type.</typeparam>
/// <param name="name">The key it is filed under.</param>
internal sealed class RequestProperty<T>(string name)
    where T : class
{
#if NET5_0_OR_GREATER
    private readonly HttpRequestOptionsKey<T> _key = new(name);

    public void Set(HttpRequestMessage request, T value) => request.Options.Set(_key, value);

    public T? Get(HttpRequestMessage request) => request.Options.TryGetValue(_key, out var value) ? value : null;
#else
    public void Set(HttpRequestMessage request, T value) => request.Properties[name] = value;

    public T? Get(HttpRequestMessage request) => request.Properties.TryGetValue(name, out var value) ? value as T : null;
#endif
}
