using RealtimeKit.Configuration;

namespace RealtimeKit.Tests.Mutation;

/// <summary>
/// Every option set in code wins over its environment variable; the documented range of <c>MaxRetries</c> is
/// accepted to its ends; and the options print what they hold, without the token.
/// </summary>
public sealed class OptionsPrecedenceTests
{
    private static readonly Func<string, string?> EverythingInEnvironment = name => name switch
    {
        RealtimeKitClientOptions.AccountIdVariable => "env-account",
        RealtimeKitClientOptions.AppIdVariable => "env-app",
        RealtimeKitClientOptions.ApiTokenVariable => "env-token",
        RealtimeKitClientOptions.BaseUrlVariable => "https://env.example/v4",
        _ => null,
    };

    [Fact]
    public async Task Every_explicit_option_wins_over_its_environment_variable()
    {
        var resolved = ResolvedOptions.Resolve(
            new RealtimeKitClientOptions { AccountId = "code-account", AppId = "code-app", ApiToken = "code-token", BaseUrl = new Uri("https://code.example/v4") },
            EverythingInEnvironment);

        Assert.Equal("code-account", resolved.AccountId);
        Assert.Equal("code-app", resolved.AppId);
        Assert.Equal("code-token", await resolved.TokenProvider(default));
        Assert.Equal(new Uri("https://code.example/v4"), resolved.BaseUrl);
    }

    [Fact]
    public async Task A_token_provider_wins_over_the_token_variable()
    {
        var resolved = ResolvedOptions.Resolve(
            new RealtimeKitClientOptions { AccountId = "a", AppId = "b", TokenProvider = _ => ValueTask.FromResult("from-provider") },
            EverythingInEnvironment);

        Assert.Equal("from-provider", await resolved.TokenProvider(default));
    }

    [Fact]
    public async Task Each_unset_option_alone_falls_back_to_its_variable()
    {
        var resolved = ResolvedOptions.Resolve(new RealtimeKitClientOptions { AccountId = "code-account" }, EverythingInEnvironment);

        Assert.Equal("code-account", resolved.AccountId);
        Assert.Equal("env-app", resolved.AppId);
        Assert.Equal("env-token", await resolved.TokenProvider(default));
        Assert.Equal(new Uri("https://env.example/v4"), resolved.BaseUrl);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10)]
    public void MaxRetries_is_accepted_at_both_ends_of_its_documented_range(int maxRetries)
    {
        var resolved = ResolvedOptions.Resolve(new RealtimeKitClientOptions { AccountId = "a", AppId = "b", ApiToken = "c", MaxRetries = maxRetries }, _ => null);

        Assert.Equal(maxRetries, resolved.MaxRetries);
    }

    [Fact]
    public void A_negative_MaxRetries_is_refused_naming_it()
    {
        var error = Assert.Throws<ArgumentException>(() => ResolvedOptions.Resolve(new RealtimeKitClientOptions { AccountId = "a", AppId = "b", ApiToken = "c", MaxRetries = -1 }, _ => null));

        Assert.Equal("options.MaxRetries", error.ParamName);
        Assert.Contains("between 0 and 10, got -1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_print_every_setting_and_mask_the_token()
    {
        var options = new RealtimeKitClientOptions
        {
            AccountId = "acc",
            AppId = "app",
            ApiToken = "secret-token-91",
            BaseUrl = new Uri("https://api.test/v4"),
            Timeout = TimeSpan.FromSeconds(30),
            MaxRetries = 3,
            MaxResponseSize = 2048,
        };

        var text = options.ToString();

        Assert.Equal("RealtimeKitClientOptions { AccountId = acc, AppId = app, ApiToken = ***, TokenProvider = (unset), BaseUrl = https://api.test/v4, Timeout = 00:00:30, MaxRetries = 3, MaxResponseSize = 2048 }", text);
        Assert.DoesNotContain("secret-token-91", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Unset_options_print_as_unset()
    {
        var text = new RealtimeKitClientOptions { TokenProvider = _ => ValueTask.FromResult("secret-token-91") }.ToString();

        Assert.StartsWith("RealtimeKitClientOptions { AccountId = (unset), AppId = (unset), ApiToken = (unset), TokenProvider = set, BaseUrl = (unset), ", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolved_options_print_what_the_client_uses_and_never_the_token()
    {
        var resolved = ResolvedOptions.Resolve(new RealtimeKitClientOptions { AccountId = "acc", AppId = "app", ApiToken = "secret-token-91", BaseUrl = new Uri("https://api.test/v4/") }, _ => null);

        var text = resolved.ToString();

        Assert.Equal("ResolvedOptions { AccountId = acc, AppId = app, BaseUrl = https://api.test/v4, Timeout = 00:01:00, MaxRetries = 2, MaxResponseSize = 16777216 }", text);
        Assert.DoesNotContain("secret-token-91", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Null_options_or_environment_are_ArgumentNullException()
    {
        Assert.Equal("options", Assert.Throws<ArgumentNullException>(() => new RealtimeKitClient(null!)).ParamName);
        Assert.Equal("environment", Assert.Throws<ArgumentNullException>(() => ResolvedOptions.Resolve(new RealtimeKitClientOptions(), null!)).ParamName);
    }
}
