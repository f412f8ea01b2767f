using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RealtimeKit;
using RealtimeKit.Emulator.Api;
using RealtimeKit.Emulator.Control;
using RealtimeKit.Emulator.State;
using RealtimeKit.Emulator.Webhooks;

namespace RealtimeKit.Emulator;

/// <summary>
/// A running emulator on 127.0.0.1: call the API through <see cref="Client"/> (or a client of your own from
/// <see cref="CreateClient"/>, or any client given <see cref="BaseUrl"/> and <see cref="ApiToken"/>), and drive what
/// the REST API cannot do (meetings, joining, voting) through <see cref="Control"/>.
/// </summary>
/// <example><code>
/// await using var emulator = await RealtimeKitEmulator.StartAsync();
/// var meeting = await emulator.Client.Meetings.CreateAsync(new CreateMeetingBody { Title = "Stand-up" });
/// </code></example>
public sealed class RealtimeKitEmulator : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HttpClient _controlHttp;
    private readonly WebhookDispatcher _webhooks;
    private readonly WebhookSigner _signer;
    private readonly Lazy<RealtimeKitClient> _client;

    private RealtimeKitEmulator(WebApplication app, Uri root, string apiToken, WebhookDispatcher webhooks, WebhookSigner signer)
    {
        _app = app;
        _webhooks = webhooks;
        _signer = signer;
        Root = root;
        ApiToken = apiToken;
        BaseUrl = new Uri(root, RequestRouter.ApiPrefix);
        _controlHttp = new HttpClient();
        Control = new EmulatorControlClient(_controlHttp, root, apiToken);
        _client = new Lazy<RealtimeKitClient>(() => CreateClient());
    }

    /// <summary>
    /// A client of the SDK pointed at this emulator (its URL, token, account and app), made on first use and disposed
    /// with the emulator. For other settings (retries, a handler of your own) use <see cref="CreateClient"/>.
    /// </summary>
    public RealtimeKitClient Client => _client.Value;

    /// <summary>Options that point a client at this emulator: its <see cref="BaseUrl"/>, <see cref="ApiToken"/>, <see cref="AccountId"/> and <see cref="AppId"/>.</summary>
    /// <returns>A new options object; change it freely before making a client.</returns>
    public RealtimeKitClientOptions CreateClientOptions() =>
        new() { AccountId = AccountId, AppId = AppId, ApiToken = ApiToken, BaseUrl = BaseUrl };

    /// <summary>A new client pointed at this emulator, for a test that needs its own settings; the caller disposes it.</summary>
    /// <param name="configure">Changes the options (from <see cref="CreateClientOptions"/>) before the client is made, e.g. <c>o =&gt; o.MaxRetries = 0</c>.</param>
    /// <param name="transport">The innermost HTTP handler (e.g. one that records requests); null for the SDK's default.</param>
    /// <returns>The client.</returns>
    public RealtimeKitClient CreateClient(Action<RealtimeKitClientOptions>? configure = null, HttpMessageHandler? transport = null)
    {
        var options = CreateClientOptions();
        configure?.Invoke(options);
        return new RealtimeKitClient(options, transport);
    }

    /// <summary>The server root, e.g. <c>http://127.0.0.1:5123/</c>.</summary>
    public Uri Root { get; }

    /// <summary>The API base URL to give clients (the root plus <c>/client/v4</c>, as Cloudflare's).</summary>
    public Uri BaseUrl { get; }

    /// <summary>The token requests must carry.</summary>
    public string ApiToken { get; }

    /// <summary>The account id to use (any id of at most 32 characters works).</summary>
    public string AccountId { get; } = EmulatorOptions.DefaultAccountId;

    /// <summary>The app id to use (any id of at most 32 characters works).</summary>
    public string AppId { get; } = EmulatorOptions.DefaultAppId;

    /// <summary>
    /// The public key (PEM) that verifies the <c>rtk-signature</c> header of every webhook delivery, with
    /// <see cref="WebhookSignature.Verify"/>; also at <c>GET /_emulator/webhooks/public-key</c>.
    /// </summary>
    public string WebhookPublicKeyPem => _signer.PublicKeyPem;

    /// <summary>Every webhook delivery attempt so far, oldest first (also at <c>GET /_emulator/webhooks/deliveries</c>).</summary>
    public IReadOnlyList<WebhookDelivery> WebhookDeliveries => _webhooks.Deliveries;

    /// <summary>Waits until every webhook delivery under way has been accepted or has used up its attempts.</summary>
    /// <param name="cancellationToken">Stops the wait.</param>
    /// <returns>A task that completes when no delivery is pending.</returns>
    public Task DrainWebhooksAsync(CancellationToken cancellationToken = default) => _webhooks.DrainAsync(cancellationToken);

    /// <summary>The control surface: create meetings, join and leave sessions, see who is live and muted, unmute, vote, end sessions, reset.</summary>
    public EmulatorControlClient Control { get; }

    /// <summary>Starts an emulator on 127.0.0.1 (a free port unless <see cref="EmulatorOptions.Port"/> says otherwise).</summary>
    /// <param name="options">Port, token and clock; defaults when null.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running emulator; dispose it to stop it.</returns>
    public static async Task<RealtimeKitEmulator> StartAsync(EmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new EmulatorOptions();
        var token = options.ApiToken ?? "emu_" + Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(System.Net.IPAddress.Loopback, options.Port));
        var app = builder.Build();
        var state = new EmulatorState(options.TimeProvider);
        var signer = new WebhookSigner();
        var webhooks = new WebhookDispatcher(state.WebhookSubscriptions, signer, options.TimeProvider);
        state.AttachPublisher(webhooks.Publish);
        // The signer's RSA key is made when first used (a webhook sent or the public key asked for): generating it costs
        // more than the rest of a start, and many runs never need it.
        var router = new RequestRouter(state, token, () => webhooks.Deliveries, signer);
        app.Run(router.HandleAsync);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new RealtimeKitEmulator(app, new Uri(address.TrimEnd('/') + "/"), token, webhooks, signer);
    }

    /// <summary>How to point a client at this emulator, as lines to print (environment variables and the control surface).</summary>
    /// <returns>The lines.</returns>
    public IEnumerable<string> DescribeConnection()
    {
        yield return $"RealtimeKit emulator listening on {Root}";
        yield return $"  CLOUDFLARE_BASE_URL={BaseUrl}";
        yield return $"  CLOUDFLARE_API_TOKEN={ApiToken}";
        yield return $"  CLOUDFLARE_ACCOUNT_ID={AccountId}";
        yield return $"  CLOUDFLARE_REALTIMEKIT_APP_ID={AppId}";
        yield return $"  control surface: {Root}_emulator/ (create meetings, join, leave, chat, live-participants, unmute, vote, end, reset, webhooks/deliveries, webhooks/public-key)";
    }

    /// <summary>Runs until <paramref name="cancellationToken"/> is cancelled (for the standalone program).</summary>
    /// <param name="cancellationToken">Stops the wait.</param>
    /// <returns>A task that completes when the emulator is asked to stop.</returns>
    public Task WaitForShutdownAsync(CancellationToken cancellationToken) => _app.WaitForShutdownAsync(cancellationToken);

    /// <summary>Stops the server.</summary>
    /// <returns>A task that completes when stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        if (_client.IsValueCreated)
        {
            _client.Value.Dispose();
        }

        _controlHttp.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        await _webhooks.DisposeAsync();
        _signer.Dispose();
    }
}
