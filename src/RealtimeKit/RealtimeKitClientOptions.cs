namespace RealtimeKit;

/// <summary>
/// Settings of a <see cref="RealtimeKitClient"/>. Anything left unset falls back to an environment variable
/// (see each property); the client validates and copies the options when it is constructed, so changing
/// this object afterwards has no effect on a client already built.
/// </summary>
public sealed class RealtimeKitClientOptions
{
    /// <summary>The default API root.</summary>
    public static readonly Uri DefaultBaseUrl = new("https://api.cloudflare.com/client/v4");

    /// <summary>Environment variable read when <see cref="ApiToken"/> and <see cref="TokenProvider"/> are unset.</summary>
    public const string ApiTokenVariable = "CLOUDFLARE_API_TOKEN";

    /// <summary>Environment variable read when <see cref="AccountId"/> is unset.</summary>
    public const string AccountIdVariable = "CLOUDFLARE_ACCOUNT_ID";

    /// <summary>Environment variable read when <see cref="AppId"/> is unset.</summary>
    public const string AppIdVariable = "CLOUDFLARE_REALTIMEKIT_APP_ID";

    /// <summary>Environment variable read when <see cref="BaseUrl"/> is unset.</summary>
    public const string BaseUrlVariable = "CLOUDFLARE_BASE_URL";

    /// <summary>The default <see cref="MaxResponseSize"/>: 16 MiB, far above any RealtimeKit response.</summary>
    public const long DefaultMaxResponseSize = 16 * 1024 * 1024;

    /// <summary>The longest <see cref="Timeout"/> accepted (one day); use <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> for none.</summary>
    public static readonly TimeSpan MaxTimeout = TimeSpan.FromDays(1);

    /// <summary>Creates options with the defaults: 60 s timeout, 2 retries, 16 MiB responses, the Cloudflare API root.</summary>
    public RealtimeKitClientOptions()
    {
    }

    /// <summary>
    /// The Cloudflare account identifier (falls back to <c>CLOUDFLARE_ACCOUNT_ID</c>): at most 32 letters, digits,
    /// <c>-</c>, <c>.</c>, <c>_</c> or <c>~</c>, so that it is one URL path segment as it is.
    /// </summary>
    public string? AccountId { get; set; }

    /// <summary>
    /// The RealtimeKit app identifier (falls back to <c>CLOUDFLARE_REALTIMEKIT_APP_ID</c>): at most 32 letters,
    /// digits, <c>-</c>, <c>.</c>, <c>_</c> or <c>~</c>.
    /// </summary>
    public string? AppId { get; set; }

    /// <summary>
    /// A Cloudflare API token with the "Realtime Admin" or "Realtime" permission (falls back to
    /// <c>CLOUDFLARE_API_TOKEN</c>). Never logged or shown in messages. Only printable ASCII without spaces (what
    /// an HTTP header can carry), at most 4096 characters; checked when the client is built. Use
    /// <see cref="TokenProvider"/> instead for tokens that rotate.
    /// </summary>
    public string? ApiToken { get; set; }

    /// <summary>
    /// Supplies the API token for each request; takes precedence over <see cref="ApiToken"/>. A token it returns
    /// that an HTTP header cannot carry fails the call with a <see cref="RealtimeKitClientException"/> before
    /// anything is sent (not retried, token not shown).
    /// </summary>
    public Func<CancellationToken, ValueTask<string>>? TokenProvider { get; set; }

    /// <summary>
    /// The API root (falls back to <c>CLOUDFLARE_BASE_URL</c>, then <see cref="DefaultBaseUrl"/>): an absolute http or
    /// https URL without query, fragment or user info. Requests go to its host only; redirects are never followed.
    /// </summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>
    /// How long one attempt may take, from sending to the end of the response body. Default 60 seconds; positive
    /// and at most <see cref="MaxTimeout"/>, or <see cref="System.Threading.Timeout.InfiniteTimeSpan"/>.
    /// </summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How many times a failed request may be retried (0 to 10). Default 2.</summary>
    public int MaxRetries { get; set; } = 2;

    /// <summary>
    /// The largest successful response body read, in bytes (default <see cref="DefaultMaxResponseSize"/>, 16 MiB;
    /// between 1 KiB and 1 GiB). Enforced while reading: a longer body is never held in memory and fails the call
    /// with a <see cref="RealtimeKitException"/>. Error bodies are read up to 64 KiB whatever this says.
    /// </summary>
    public long MaxResponseSize { get; set; } = DefaultMaxResponseSize;

    /// <summary>The clock used for timeouts and retry delays; replace it only in tests.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>A description of the options with the token (and any user info in <see cref="BaseUrl"/>) redacted.</summary>
    /// <returns>The description, safe to log.</returns>
    public override string ToString() =>
        $"RealtimeKitClientOptions {{ AccountId = {Shown(AccountId)}, AppId = {Shown(AppId)}, ApiToken = {(ApiToken is null ? "(unset)" : "***")}, " +
        $"TokenProvider = {(TokenProvider is null ? "(unset)" : "set")}, BaseUrl = {(BaseUrl is null ? "(unset)" : SafeText.Clean(Redacted(BaseUrl), 256))}, Timeout = {Timeout}, MaxRetries = {MaxRetries}, MaxResponseSize = {MaxResponseSize} }}";

    private static string Shown(string? value) => value is null ? "(unset)" : SafeText.Quote(value);

    private static string? Redacted(Uri? url) =>
        url is { IsAbsoluteUri: true, UserInfo.Length: > 0 } ? new UriBuilder(url) { UserName = "***", Password = string.Empty }.Uri.ToString() : url?.ToString();
}
