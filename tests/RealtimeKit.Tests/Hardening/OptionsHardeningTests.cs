using RealtimeKit.Configuration;

namespace RealtimeKit.Tests.Hardening;

/// <summary>Every option is checked when the client is built, with a message naming it; nothing accepted fails later.</summary>
public sealed class OptionsHardeningTests
{
    private static RealtimeKitClientOptions Valid() => new() { AccountId = "023e105f4ecef8ad9ca31a8372d0c353", AppId = "app_id", ApiToken = "tok", BaseUrl = new Uri("https://api.test/v4") };

    public static TheoryData<string, Action<RealtimeKitClientOptions>, string, string> BadOptions() => new()
    {
        { "BaseUrl with a query", o => o.BaseUrl = new Uri("https://api.test/v4?x=1"), "options.BaseUrl", "must not have a query or fragment" },
        { "BaseUrl with an empty query", o => o.BaseUrl = new Uri("https://api.test/v4?"), "options.BaseUrl", "must not have a query or fragment" },
        { "BaseUrl with a fragment", o => o.BaseUrl = new Uri("https://api.test/v4#top"), "options.BaseUrl", "must not have a query or fragment" },
        { "BaseUrl with credentials", o => o.BaseUrl = new Uri("https://user:hunter2@api.test/v4"), "options.BaseUrl", "must not carry user info" },
        { "BaseUrl relative", o => o.BaseUrl = new Uri("/v4", UriKind.Relative), "options.BaseUrl", "must be an absolute http or https URL" },
        { "BaseUrl ftp", o => o.BaseUrl = new Uri("ftp://api.test/v4"), "options.BaseUrl", "must be an absolute http or https URL" },
        { "Timeout of 50 days", o => o.Timeout = TimeSpan.FromDays(50), "options.Timeout", "at most 1.00:00:00" },
        { "Timeout of TimeSpan.MaxValue", o => o.Timeout = TimeSpan.MaxValue, "options.Timeout", "at most 1.00:00:00" },
        { "Timeout negative", o => o.Timeout = TimeSpan.FromSeconds(-2), "options.Timeout", "must be positive" },
        { "AccountId of 33 characters", o => o.AccountId = new string('a', 33), "options.AccountId", "at most 32 characters, got 33" },
        { "AppId of 40 characters", o => o.AppId = new string('b', 40), "options.AppId", "at most 32 characters, got 40" },
        { "AppId with a slash", o => o.AppId = "a/b", "options.AppId", "may hold only letters, digits" },
        { "AppId with a control character", o => o.AppId = "a\nb", "options.AppId", "character 1 is U+000A" },
        { "AccountId '..'", o => o.AccountId = "..", "options.AccountId", "which a URL would resolve to another path" },
        { "AppId '.'", o => o.AppId = ".", "options.AppId", "which a URL would resolve to another path" },
        { "AccountId non-ASCII", o => o.AccountId = "é", "options.AccountId", "may hold only letters" },
        { "ApiToken non-ASCII", o => o.ApiToken = "tok€n", "options.ApiToken", "cannot carry" },
        { "ApiToken with a space inside", o => o.ApiToken = "to ken", "options.ApiToken", "cannot carry" },
        { "ApiToken of 5000 characters", o => o.ApiToken = new string('t', 5000), "options.ApiToken", "longer than 4096" },
        { "MaxResponseSize of 10 bytes", o => o.MaxResponseSize = 10, "options.MaxResponseSize", "between 1024 bytes" },
        { "MaxResponseSize of 2 GiB", o => o.MaxResponseSize = 2L * 1024 * 1024 * 1024, "options.MaxResponseSize", "and 1073741824 bytes" },
        { "MaxRetries of -1", o => o.MaxRetries = -1, "options.MaxRetries", "between 0 and 10" },
    };

    [Theory]
    [MemberData(nameof(BadOptions))]
    public void A_bad_option_is_refused_when_the_client_is_built_naming_it(string what, Action<RealtimeKitClientOptions> spoil, string parameter, string message)
    {
        var options = Valid();
        spoil(options);

        var error = Assert.Throws<ArgumentException>(() => new RealtimeKitClient(options, new Support.ScriptedTransport()));

        Assert.True(parameter == error.ParamName, what);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Theory]
    [InlineData("CLOUDFLARE_ACCOUNT_ID", "0123456789012345678901234567890123", "options.AccountId", "(from CLOUDFLARE_ACCOUNT_ID) must be at most 32")]
    [InlineData("CLOUDFLARE_REALTIMEKIT_APP_ID", "x/y", "options.AppId", "(from CLOUDFLARE_REALTIMEKIT_APP_ID) may hold only")]
    [InlineData("CLOUDFLARE_API_TOKEN", "tök", "options.ApiToken", "The CLOUDFLARE_API_TOKEN environment variable holds a character")]
    [InlineData("CLOUDFLARE_BASE_URL", "https://api.test/v4?q=1", "options.BaseUrl", "must not have a query")]
    public void Values_from_the_environment_are_checked_the_same_way_naming_the_variable(string variable, string value, string parameter, string message)
    {
        var options = new RealtimeKitClientOptions { AccountId = variable == "CLOUDFLARE_ACCOUNT_ID" ? null : "acc", AppId = variable == "CLOUDFLARE_REALTIMEKIT_APP_ID" ? null : "app", ApiToken = variable == "CLOUDFLARE_API_TOKEN" ? null : "tok" };

        var error = Assert.Throws<ArgumentException>(() => ResolvedOptions.Resolve(options, name => name == variable ? value : null));

        Assert.Equal(parameter, error.ParamName);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_limits_themselves_are_accepted()
    {
        var options = Valid();
        options.AccountId = new string('a', 32);
        options.AppId = "A-z_0.9~";
        options.Timeout = RealtimeKitClientOptions.MaxTimeout;
        options.MaxResponseSize = 1024;
        using var first = new RealtimeKitClient(options, new Support.ScriptedTransport());
        options.Timeout = Timeout.InfiniteTimeSpan;
        options.MaxResponseSize = 1024 * 1024 * 1024;
        using var second = new RealtimeKitClient(options, new Support.ScriptedTransport());
    }

    [Fact]
    public void Options_print_no_credentials_and_no_control_characters()
    {
        var options = Valid();
        options.AccountId = "acc\r\nforged";
        options.BaseUrl = new Uri("https://user:hunter2@api.test/v4");

        var text = options.ToString();

        Assert.DoesNotContain("hunter2", text, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', text);
        Assert.Contains("MaxResponseSize = 16777216", text, StringComparison.Ordinal);
    }
}
