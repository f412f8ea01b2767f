using System.CommandLine;

namespace RealtimeKit.Cli.Commands;

/// <summary>Options every API command takes (recursive: valid after any subcommand).</summary>
internal sealed class CommonOptions
{
    public Option<string?> AccountId { get; } = new("--account-id") { Description = "Cloudflare account id (default: $CLOUDFLARE_ACCOUNT_ID)", Recursive = true };

    public Option<string?> AppId { get; } = new("--app-id") { Description = "RealtimeKit app id (default: $CLOUDFLARE_REALTIMEKIT_APP_ID)", Recursive = true };

    public Option<string?> ApiToken { get; } = new("--api-token") { Description = "API token (default: $CLOUDFLARE_API_TOKEN; prefer the variable: flags show up in process lists)", Recursive = true };

    public Option<string?> BaseUrl { get; } = new("--base-url") { Description = "API root (default: $CLOUDFLARE_BASE_URL or https://api.cloudflare.com/client/v4)", Recursive = true };

    public Option<int?> MaxRetries { get; } = new("--max-retries") { Description = "Retries after a failure that is safe to retry (0-10, default 2)", Recursive = true, CustomParser = CliParsers.WholeNumber };

    public Option<bool> Json { get; } = new("--json") { Description = "Print the result as JSON (for scripts)", Recursive = true };

    public IEnumerable<Option> All => [AccountId, AppId, ApiToken, BaseUrl, MaxRetries, Json];

    /// <summary>
    /// Every missing credential at once, as the flag and variable that would supply it (empty when all are set).
    /// </summary>
    public IReadOnlyList<string> MissingCredentials(ParseResult parse, Func<string, string?> environment)
    {
        var missing = new List<string>();
        if (string.IsNullOrWhiteSpace(parse.GetValue(AccountId) ?? environment(RealtimeKitClientOptions.AccountIdVariable)))
        {
            missing.Add($"account id (pass --account-id or set {RealtimeKitClientOptions.AccountIdVariable})");
        }

        if (string.IsNullOrWhiteSpace(parse.GetValue(AppId) ?? environment(RealtimeKitClientOptions.AppIdVariable)))
        {
            missing.Add($"app id (pass --app-id or set {RealtimeKitClientOptions.AppIdVariable})");
        }

        if (string.IsNullOrWhiteSpace(parse.GetValue(ApiToken) ?? environment(RealtimeKitClientOptions.ApiTokenVariable)))
        {
            missing.Add($"API token (set {RealtimeKitClientOptions.ApiTokenVariable} (or pass --api-token))");
        }

        return missing;
    }

    /// <summary>Client options from flags, then the environment given to the app.</summary>
    public RealtimeKitClientOptions ClientOptions(ParseResult parse, Func<string, string?> environment)
    {
        var baseUrl = parse.GetValue(BaseUrl) ?? environment(RealtimeKitClientOptions.BaseUrlVariable);
        Uri? uri = null;
        if (baseUrl is not null && !Uri.TryCreate(baseUrl, UriKind.Absolute, out uri))
        {
            throw new UsageException($"--base-url '{baseUrl}' is not an absolute URL.");
        }

        var options = new RealtimeKitClientOptions
        {
            AccountId = parse.GetValue(AccountId) ?? environment(RealtimeKitClientOptions.AccountIdVariable),
            AppId = parse.GetValue(AppId) ?? environment(RealtimeKitClientOptions.AppIdVariable),
            ApiToken = parse.GetValue(ApiToken) ?? environment(RealtimeKitClientOptions.ApiTokenVariable),
            BaseUrl = uri,
        };
        if (parse.GetValue(MaxRetries) is { } retries)
        {
            options.MaxRetries = retries;
        }

        return options;
    }
}
