using System.Globalization;

namespace RealtimeKit.Configuration;

/// <summary>
/// The options a client runs with: environment fallbacks applied, validated, and copied so later changes
/// to the caller's <see cref="RealtimeKitClientOptions"/> cannot reach a running client. Every check happens here,
/// at construction, with an <see cref="ArgumentException"/> whose parameter is the option (<c>options.AppId</c>):
/// nothing the constructor accepts can fail a call later.
/// </summary>
internal sealed record ResolvedOptions(
    string AccountId,
    string AppId,
    Func<CancellationToken, ValueTask<string>> TokenProvider,
    Uri BaseUrl,
    TimeSpan Timeout,
    int MaxRetries,
    TimeProvider TimeProvider,
    long MaxResponseSize = RealtimeKitClientOptions.DefaultMaxResponseSize)
{
    /// <summary>The largest <see cref="RealtimeKitClientOptions.MaxRetries"/> accepted.</summary>
    public const int MaxRetriesLimit = 10;

    /// <summary>The spec's <c>maxLength</c> of <c>account_id</c> and <c>app_id</c>.</summary>
    public const int MaxAccountOrAppIdLength = 32;

    /// <summary>The smallest and largest <see cref="RealtimeKitClientOptions.MaxResponseSize"/> accepted.</summary>
    public const long MinResponseSizeLimit = 1024, MaxResponseSizeLimit = 1024 * 1024 * 1024;

    /// <summary>Applies fallbacks from <paramref name="environment"/> and validates; throws <see cref="ArgumentException"/> naming the bad option.</summary>
    public static ResolvedOptions Resolve(RealtimeKitClientOptions options, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);
        var accountId = PathId(options.AccountId, environment, nameof(options.AccountId), RealtimeKitClientOptions.AccountIdVariable);
        var appId = PathId(options.AppId, environment, nameof(options.AppId), RealtimeKitClientOptions.AppIdVariable);

        var tokenProvider = options.TokenProvider;
        if (tokenProvider is null)
        {
            var fromOptions = options.ApiToken is not null;
            var token = options.ApiToken ?? environment(RealtimeKitClientOptions.ApiTokenVariable);
            if (string.IsNullOrWhiteSpace(token))
            {
                throw Invalid(
                    nameof(options.ApiToken),
                    $"No API token: set {nameof(RealtimeKitClientOptions.ApiToken)} or {nameof(RealtimeKitClientOptions.TokenProvider)}, or the {RealtimeKitClientOptions.ApiTokenVariable} environment variable.");
            }

            var fixedToken = token.Trim();
            if (TokenRules.Problem(fixedToken) is { } problem)
            {
                var source = fromOptions ? "ApiToken" : $"The {RealtimeKitClientOptions.ApiTokenVariable} environment variable";
                throw Invalid(nameof(options.ApiToken), $"{source} {problem} (the token is not shown).");
            }

            tokenProvider = _ => ValueTask.FromResult(fixedToken);
        }

        var baseUrl = options.BaseUrl ?? ParseBaseUrl(environment(RealtimeKitClientOptions.BaseUrlVariable)) ?? RealtimeKitClientOptions.DefaultBaseUrl;
        CheckBaseUrl(baseUrl);

        if (options.Timeout != System.Threading.Timeout.InfiniteTimeSpan && (options.Timeout <= TimeSpan.Zero || options.Timeout > RealtimeKitClientOptions.MaxTimeout))
        {
            throw Invalid(nameof(options.Timeout), $"Timeout must be positive and at most {RealtimeKitClientOptions.MaxTimeout} (or Timeout.InfiniteTimeSpan), got {options.Timeout}.");
        }

        if (options.MaxRetries is < 0 or > MaxRetriesLimit)
        {
            throw Invalid(nameof(options.MaxRetries), $"MaxRetries must be between 0 and {MaxRetriesLimit}, got {options.MaxRetries}.");
        }

        if (options.MaxResponseSize is < MinResponseSizeLimit or > MaxResponseSizeLimit)
        {
            throw Invalid(nameof(options.MaxResponseSize), $"MaxResponseSize must be between {MinResponseSizeLimit} bytes (1 KiB) and {MaxResponseSizeLimit} bytes (1 GiB), got {options.MaxResponseSize}.");
        }

        return new ResolvedOptions(accountId, appId, tokenProvider, WithoutTrailingSlash(baseUrl), options.Timeout, options.MaxRetries, options.TimeProvider ?? TimeProvider.System, options.MaxResponseSize);
    }

    /// <summary>Reads the process environment.</summary>
    public static string? ProcessEnvironment(string name) => Environment.GetEnvironmentVariable(name);

    /// <summary>Never prints the token provider (or anything it could return).</summary>
    public override string ToString() => $"ResolvedOptions {{ AccountId = {AccountId}, AppId = {AppId}, BaseUrl = {BaseUrl}, Timeout = {Timeout}, MaxRetries = {MaxRetries}, MaxResponseSize = {MaxResponseSize} }}";

    // Account and app ids go into every path as they are: one segment of unreserved characters, as long as the spec allows.
    private static string PathId(string? given, Func<string, string?> environment, string option, string variable)
    {
        var value = given ?? environment(variable);
        if (string.IsNullOrWhiteSpace(value))
        {
            throw Invalid(option, $"{option} is required: set it on the options or in the {variable} environment variable.");
        }

        var id = value.Trim();
        var source = given is not null ? option : $"{option} (from {variable})";
        if (id.Length > MaxAccountOrAppIdLength)
        {
            throw Invalid(option, $"{source} must be at most {MaxAccountOrAppIdLength} characters, got {id.Length}.");
        }

        if (id is "." or "..")
        {
            throw Invalid(option, $"{source} must be an id, got '{id}', which a URL would resolve to another path.");
        }

        for (var i = 0; i < id.Length; i++)
        {
            if (!IsUnreserved(id[i]))
            {
                throw Invalid(option, $"{source} may hold only letters, digits, '-', '.', '_' and '~'; character {i} is U+{((int)id[i]).ToString("X4", CultureInfo.InvariantCulture)}.");
            }
        }

        return id;
    }

    private static bool IsUnreserved(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~';

    private static void CheckBaseUrl(Uri baseUrl)
    {
        var shown = SafeText.Clean(baseUrl.IsAbsoluteUri && baseUrl.UserInfo.Length > 0 ? "(a URL with user info)" : baseUrl.ToString(), 256);
        if (!baseUrl.IsAbsoluteUri || (baseUrl.Scheme != Uri.UriSchemeHttps && baseUrl.Scheme != Uri.UriSchemeHttp) || baseUrl.Host.Length == 0)
        {
            throw Invalid(nameof(RealtimeKitClientOptions.BaseUrl), $"BaseUrl '{shown}' must be an absolute http or https URL, such as {RealtimeKitClientOptions.DefaultBaseUrl}.");
        }

        if (baseUrl.UserInfo.Length > 0)
        {
            throw Invalid(nameof(RealtimeKitClientOptions.BaseUrl), "BaseUrl must not carry user info (credentials); the API token goes in ApiToken.");
        }

        if (baseUrl.Query.Length > 0 || baseUrl.Fragment.Length > 0 || baseUrl.OriginalString.Contains('?', StringComparison.Ordinal) || baseUrl.OriginalString.Contains('#', StringComparison.Ordinal))
        {
            throw Invalid(nameof(RealtimeKitClientOptions.BaseUrl), $"BaseUrl '{shown}' must not have a query or fragment: operation paths are appended to it.");
        }
    }

    private static Uri? ParseBaseUrl(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri)
            ? uri
            : throw Invalid(nameof(RealtimeKitClientOptions.BaseUrl), $"{RealtimeKitClientOptions.BaseUrlVariable} '{SafeText.Clean(value, 256)}' is not an absolute URL.");
    }

    // The parameter name is the option's path ("options.AppId"), which is what the caller has to fix.
    private static ArgumentException Invalid(string option, string message) => new(message, "options." + option);

    private static Uri WithoutTrailingSlash(Uri uri) => new(uri.ToString().TrimEnd('/'));
}

/// <summary>What an API token must be to travel in an <c>Authorization</c> header.</summary>
internal static class TokenRules
{
    /// <summary>The longest token accepted.</summary>
    public const int MaxLength = 4096;

    /// <summary>Why <paramref name="token"/> cannot be sent, or null; never quotes the token.</summary>
    public static string? Problem(string token)
    {
        if (token.Length > MaxLength)
        {
            return $"is longer than {MaxLength} characters";
        }

        foreach (var c in token)
        {
            // Printable ASCII without spaces: anything else the HTTP stack would refuse (quoting the header) or mangle.
            if (c is < '!' or > '~')
            {
                return "holds a character an HTTP header cannot carry (only printable ASCII without spaces is allowed)";
            }
        }

        return null;
    }
}
