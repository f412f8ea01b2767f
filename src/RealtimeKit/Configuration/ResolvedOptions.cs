namespace RealtimeKit.Configuration;

/// <summary>
/// The options a client runs with: environment fallbacks applied, validated, and copied so later changes
/// to the caller's <see cref="RealtimeKitClientOptions"/> cannot reach a running client.
/// </summary>
internal sealed record ResolvedOptions(
    string AccountId,
    string AppId,
    Func<CancellationToken, ValueTask<string>> TokenProvider,
    Uri BaseUrl,
    TimeSpan Timeout,
    int MaxRetries,
    TimeProvider TimeProvider)
{
    /// <summary>The largest <see cref="RealtimeKitClientOptions.MaxRetries"/> accepted.</summary>
    public const int MaxRetriesLimit = 10;

    /// <summary>Applies fallbacks from <paramref name="environment"/> and validates; throws <see cref="ArgumentException"/> naming the bad option.</summary>
    public static ResolvedOptions Resolve(RealtimeKitClientOptions options, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(options);
        var accountId = Required(options.AccountId ?? environment(RealtimeKitClientOptions.AccountIdVariable), nameof(options.AccountId), RealtimeKitClientOptions.AccountIdVariable);
        var appId = Required(options.AppId ?? environment(RealtimeKitClientOptions.AppIdVariable), nameof(options.AppId), RealtimeKitClientOptions.AppIdVariable);

        var tokenProvider = options.TokenProvider;
        if (tokenProvider is null)
        {
            var token = options.ApiToken ?? environment(RealtimeKitClientOptions.ApiTokenVariable);
            if (string.IsNullOrWhiteSpace(token))
            {
                throw Invalid(
                    nameof(options.ApiToken),
                    $"No API token: set {nameof(RealtimeKitClientOptions.ApiToken)} or {nameof(RealtimeKitClientOptions.TokenProvider)}, or the {RealtimeKitClientOptions.ApiTokenVariable} environment variable.");
            }

            var fixedToken = token.Trim();
            tokenProvider = _ => ValueTask.FromResult(fixedToken);
        }

        var baseUrl = options.BaseUrl ?? ParseBaseUrl(environment(RealtimeKitClientOptions.BaseUrlVariable)) ?? RealtimeKitClientOptions.DefaultBaseUrl;
        if (!baseUrl.IsAbsoluteUri || (baseUrl.Scheme != Uri.UriSchemeHttps && baseUrl.Scheme != Uri.UriSchemeHttp))
        {
            throw Invalid(nameof(options.BaseUrl), $"BaseUrl '{baseUrl}' must be an absolute http or https URL, such as {RealtimeKitClientOptions.DefaultBaseUrl}.");
        }

        if (options.Timeout <= TimeSpan.Zero && options.Timeout != System.Threading.Timeout.InfiniteTimeSpan)
        {
            throw Invalid(nameof(options.Timeout), $"Timeout must be positive (or Timeout.InfiniteTimeSpan), got {options.Timeout}.");
        }

        if (options.MaxRetries is < 0 or > MaxRetriesLimit)
        {
            throw Invalid(nameof(options.MaxRetries), $"MaxRetries must be between 0 and {MaxRetriesLimit}, got {options.MaxRetries}.");
        }

        return new ResolvedOptions(accountId, appId, tokenProvider, WithoutTrailingSlash(baseUrl), options.Timeout, options.MaxRetries, options.TimeProvider ?? TimeProvider.System);
    }

    /// <summary>Reads the process environment.</summary>
    public static string? ProcessEnvironment(string name) => Environment.GetEnvironmentVariable(name);

    /// <summary>Never prints the token provider (or anything it could return).</summary>
    public override string ToString() => $"ResolvedOptions {{ AccountId = {AccountId}, AppId = {AppId}, BaseUrl = {BaseUrl}, Timeout = {Timeout}, MaxRetries = {MaxRetries} }}";

    private static string Required(string? value, string option, string variable)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw Invalid(option, $"{option} is required: set it on the options or in the {variable} environment variable.");
        }

        return value.Trim();
    }

    private static Uri? ParseBaseUrl(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri)
            ? uri
            : throw Invalid(nameof(RealtimeKitClientOptions.BaseUrl), $"{RealtimeKitClientOptions.BaseUrlVariable} '{value}' is not an absolute URL.");
    }

    // The parameter name is the option's path ("options.AppId"), which is what the caller has to fix.
    private static ArgumentException Invalid(string option, string message) => new(message, "options." + option);

    private static Uri WithoutTrailingSlash(Uri uri) => new(uri.ToString().TrimEnd('/'));
}
