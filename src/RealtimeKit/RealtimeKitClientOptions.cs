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

    /// <summary>Creates options with the defaults: 60 s timeout, 2 retries, the Cloudflare API root.</summary>
    public RealtimeKitClientOptions()
    {
    }

    /// <summary>The Cloudflare account identifier (falls back to <c>CLOUDFLARE_ACCOUNT_ID</c>).</summary>
    public string? AccountId { get; set; }

    /// <summary>The RealtimeKit app identifier (falls back to <c>CLOUDFLARE_REALTIMEKIT_APP_ID</c>).</summary>
    public string? AppId { get; set; }

    /// <summary>
    /// A Cloudflare API token with the "Realtime Admin" or "Realtime" permission (falls back to
    /// <c>CLOUDFLARE_API_TOKEN</c>). Never logged or shown in messages. Use <see cref="TokenProvider"/> instead
    /// for tokens that rotate.
    /// </summary>
    public string? ApiToken { get; set; }

    /// <summary>Supplies the API token for each request; takes precedence over <see cref="ApiToken"/>.</summary>
    public Func<CancellationToken, ValueTask<string>>? TokenProvider { get; set; }

    /// <summary>The API root (falls back to <c>CLOUDFLARE_BASE_URL</c>, then <see cref="DefaultBaseUrl"/>).</summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>How long one attempt may take, from sending to the end of the response body. Default 60 seconds.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How many times a failed request may be retried (0 to 10). Default 2.</summary>
    public int MaxRetries { get; set; } = 2;

    /// <summary>The clock used for timeouts and retry delays; replace it only in tests.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>A description of the options with the token redacted.</summary>
    public override string ToString() =>
        $"RealtimeKitClientOptions {{ AccountId = {AccountId ?? "(unset)"}, AppId = {AppId ?? "(unset)"}, ApiToken = {(ApiToken is null ? "(unset)" : "***")}, " +
        $"TokenProvider = {(TokenProvider is null ? "(unset)" : "set")}, BaseUrl = {BaseUrl?.ToString() ?? "(unset)"}, Timeout = {Timeout}, MaxRetries = {MaxRetries} }}";
}
