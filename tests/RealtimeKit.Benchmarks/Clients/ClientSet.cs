using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;
using Refit;
using RealtimeKit.Benchmarks.Scenarios;
using RealtimeKit.Generated;
using RealtimeKit.NSwagClient;

namespace RealtimeKit.Benchmarks.Clients;

/// <summary>
/// Every client measured, all against one <see cref="BenchmarkServer"/>: the floor, the facade, the generated Kiota
/// client on the SDK's pipeline and on Kiota's default one, NSwag's generated client and a Refit interface. Each
/// client that takes an <see cref="HttpClient"/> gets its own, over a plain <see cref="SocketsHttpHandler"/>.
/// </summary>
public sealed class ClientSet : IAsyncDisposable
{
    private readonly List<IDisposable> _owned = [];

    private ClientSet(BenchmarkServer server)
    {
        Server = server;
        var baseUrl = server.BaseUrl;

        var rawHttp = Own(PlainHttpClient(baseUrl));
        Raw = new RawClient(rawHttp, Payloads.AppPath);

        Facade = Own(new RealtimeKitClient(new RealtimeKitClientOptions
        {
            AccountId = Payloads.AccountId, AppId = Payloads.AppId, ApiToken = Payloads.ApiToken, BaseUrl = new Uri(baseUrl), MaxRetries = 0,
        }));

        // What a team gets from plain Kiota: KiotaClientFactory's default handlers and a bearer token provider.
        var kiotaHttp = Own(KiotaClientFactory.Create());
        var kiotaAdapter = new HttpClientRequestAdapter(new BaseBearerTokenAuthenticationProvider(new StaticToken(Payloads.ApiToken)), httpClient: kiotaHttp) { BaseUrl = baseUrl };
        KiotaDefault = new RealtimeKitApiClient(kiotaAdapter);

        NSwag = new RealtimeKitNSwagClient(Own(PlainHttpClient(baseUrl))) { BaseUrl = baseUrl };

        // The floor's source-generated contracts and snake_case names: Refit at its best.
        var refitOptions = new JsonSerializerOptions(RawJson.Default.Options);
        Refit = RestService.For<IRealtimeKitRefit>(Own(PlainHttpClient(baseUrl)), new RefitSettings(new SystemTextJsonContentSerializer(refitOptions)));
    }

    public BenchmarkServer Server { get; }

    public RawClient Raw { get; }

    public RealtimeKitClient Facade { get; }

    /// <summary>The generated client on the SDK's pipeline (what <see cref="RealtimeKitClient.Api"/> is).</summary>
    public RealtimeKitApiClient KiotaSdk => Facade.Api;

    public RealtimeKitApiClient KiotaDefault { get; }

    public RealtimeKitNSwagClient NSwag { get; }

    public IRealtimeKitRefit Refit { get; }

    public static async Task<ClientSet> StartAsync(IReadOnlyDictionary<string, byte[]> routes) => new(await BenchmarkServer.StartAsync(routes));

    public async ValueTask DisposeAsync()
    {
        foreach (var owned in _owned)
        {
            owned.Dispose();
        }

        await Server.DisposeAsync();
    }

    private static HttpClient PlainHttpClient(string baseUrl)
    {
        var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(baseUrl) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Payloads.ApiToken);
        return http;
    }

    private T Own<T>(T disposable)
        where T : IDisposable
    {
        _owned.Add(disposable);
        return disposable;
    }

    private sealed class StaticToken(string token) : IAccessTokenProvider
    {
        public AllowedHostsValidator AllowedHostsValidator { get; } = new();

        public Task<string> GetAuthorizationTokenAsync(Uri uri, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default) =>
            Task.FromResult(token);
    }
}
