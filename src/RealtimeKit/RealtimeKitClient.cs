using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Kiota.Http.HttpClientLibrary;
using RealtimeKit.Configuration;
using RealtimeKit.Generated;
using RealtimeKit.Generated.Accounts.Item.Realtime.Kit.Item;
using RealtimeKit.Http;

namespace RealtimeKit;

/// <summary>
/// The RealtimeKit client: one per account and app. Thread-safe; create it once and reuse it.
/// </summary>
/// <example>
/// <code>
/// using var client = new RealtimeKitClient(new RealtimeKitClientOptions { AccountId = "...", AppId = "...", ApiToken = "..." });
/// var session = await client.ActiveSession.GetAsync(meetingId);
/// </code>
/// </example>
public partial class RealtimeKitClient : IDisposable
{
    private readonly HttpClient? _ownedHttpClient;

    /// <summary>For mocking frameworks and test doubles; every member is virtual.</summary>
    protected RealtimeKitClient()
    {
        ActiveSession = null!;
        Participants = null!;
        Api = null!;
        App = null!;
    }

    /// <summary>
    /// Creates a client with its own HTTP pipeline. Unset options fall back to the <c>CLOUDFLARE_*</c>
    /// environment variables; the options are validated and copied now.
    /// </summary>
    /// <param name="options">Account, app, token and transport settings.</param>
    /// <exception cref="ArgumentException">An option is missing or invalid; the message names it.</exception>
    public RealtimeKitClient(RealtimeKitClientOptions options)
        : this(options, transport: null)
    {
    }

    /// <summary>Creates a client whose requests go through <paramref name="transport"/> (the client takes ownership of it).</summary>
    /// <param name="options">Account, app, token and transport settings.</param>
    /// <param name="transport">
    /// The innermost handler, e.g. a <c>SocketsHttpHandler</c> (on .NET Framework, an <c>HttpClientHandler</c>) with your proxy settings (or a chain of your
    /// handlers ending in one); null for the default. Following redirects is turned off on it: the SDK never follows one.
    /// </param>
    /// <param name="loggerFactory">Where retry warnings and the Debug events of each request and response go; null for none.</param>
    /// <exception cref="ArgumentException">An option is missing or invalid; the message names it.</exception>
    public RealtimeKitClient(RealtimeKitClientOptions options, HttpMessageHandler? transport, ILoggerFactory? loggerFactory = null)
        : this(ResolvedOptions.Resolve(options, ResolvedOptions.ProcessEnvironment), transport, loggerFactory)
    {
    }

    internal RealtimeKitClient(ResolvedOptions options, HttpMessageHandler? transport, ILoggerFactory? loggerFactory)
        : this(options, Pipeline.CreateClient(options, (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<RealtimeKitClient>(), transport), ownsHttpClient: true)
    {
    }

    /// <summary>Over an <see cref="HttpClient"/> whose pipeline already holds the SDK handlers (the DI path).</summary>
    internal RealtimeKitClient(ResolvedOptions options, HttpClient httpClient, bool ownsHttpClient)
    {
        Options = options;
        _ownedHttpClient = ownsHttpClient ? httpClient : null;
        var adapter = new SdkRequestAdapter(new HttpClientRequestAdapter(new TokenAuthenticationProvider(options.TokenProvider), new BufferedJsonParseNodeFactory(), httpClient: httpClient)
        {
            BaseUrl = options.BaseUrl.ToString(),
        });
        Adapter = adapter;
        Api = new RealtimeKitApiClient(adapter);
        App = Api.Accounts[options.AccountId].Realtime.Kit[options.AppId];
        Paths = new AppPaths(App, adapter, options.AccountId, options.AppId);
        ActiveSession = new ActiveSessionClient(Paths);
        Participants = new ParticipantsClient(Paths);
    }

    internal ResolvedOptions Options { get; } = null!;

    /// <summary>The app's request builders, as the facade's groups reach them.</summary>
    internal AppPaths Paths { get; } = null!;

    /// <summary>The Kiota request adapter over this client's pipeline.</summary>
    internal Microsoft.Kiota.Abstractions.IRequestAdapter Adapter { get; } = null!;

    /// <summary>The live session of a meeting: get it, kick, mute, run polls.</summary>
    public virtual ActiveSessionClient ActiveSession { get; }

    /// <summary>Participants of a meeting: add, list, get, edit, replace, delete, regenerate their token.</summary>
    public virtual ParticipantsClient Participants { get; }

    /// <summary>
    /// The generated Kiota client, for anything this facade does not wrap. It shares this client's pipeline:
    /// authentication, retries, timeouts, <c>MaxResponseSize</c>, the refusal of other hosts, redirects and
    /// <c>.</c>/<c>..</c> path segments, and the <see cref="RealtimeKitClientException"/> family of errors apply to it
    /// too. What it does not do is check ids: pass only ids you trust, or check them as the facade does (non-blank,
    /// no control characters, at most 1024 characters).
    /// </summary>
    public virtual RealtimeKitApiClient Api { get; }

    /// <summary>The generated request builder for this client's account and app (<c>/accounts/{account_id}/realtime/kit/{app_id}</c>).</summary>
    public virtual WithApp_ItemRequestBuilder App { get; }

    /// <summary>Releases the HTTP pipeline the client created for itself.</summary>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases the HTTP pipeline when <paramref name="disposing"/>.</summary>
    /// <param name="disposing">Whether called from <see cref="Dispose()"/>.</param>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _ownedHttpClient?.Dispose();
        }
    }
}
