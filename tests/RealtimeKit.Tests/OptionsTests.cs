using RealtimeKit.Configuration;
using RealtimeKit.Tests.Support;

namespace RealtimeKit.Tests;

public class OptionsTests
{
    private static Func<string, string?> Env(params (string Name, string Value)[] values) =>
        name => values.FirstOrDefault(v => v.Name == name).Value;

    [Fact]
    public async Task Unset_options_fall_back_to_the_environment()
    {
        var resolved = ResolvedOptions.Resolve(new RealtimeKitClientOptions(), Env(
            ("CLOUDFLARE_ACCOUNT_ID", "acc"), ("CLOUDFLARE_REALTIMEKIT_APP_ID", "app"), ("CLOUDFLARE_API_TOKEN", "tok"), ("CLOUDFLARE_BASE_URL", "http://127.0.0.1:9/v4/")));

        Assert.Equal("acc", resolved.AccountId);
        Assert.Equal("app", resolved.AppId);
        Assert.Equal(new Uri("http://127.0.0.1:9/v4"), resolved.BaseUrl);
        Assert.Equal("tok", await resolved.TokenProvider(default));
    }

    [Fact]
    public void Explicit_options_win_over_the_environment_and_defaults_apply()
    {
        var resolved = ResolvedOptions.Resolve(new RealtimeKitClientOptions { AccountId = "a", AppId = "b", ApiToken = "c" }, Env(("CLOUDFLARE_ACCOUNT_ID", "env")));

        Assert.Equal("a", resolved.AccountId);
        Assert.Equal(RealtimeKitClientOptions.DefaultBaseUrl, resolved.BaseUrl);
        Assert.Equal(TimeSpan.FromSeconds(60), resolved.Timeout);
        Assert.Equal(2, resolved.MaxRetries);
    }

    [Theory]
    [InlineData(null, "b", "c", "options.AccountId", "CLOUDFLARE_ACCOUNT_ID")]
    [InlineData("a", " ", "c", "options.AppId", "CLOUDFLARE_REALTIMEKIT_APP_ID")]
    [InlineData("a", "b", null, "options.ApiToken", "CLOUDFLARE_API_TOKEN")]
    public void Missing_settings_are_named_with_their_environment_variable(string? account, string? app, string? token, string param, string variable)
    {
        var error = Assert.Throws<ArgumentException>(() => ResolvedOptions.Resolve(new RealtimeKitClientOptions { AccountId = account, AppId = app, ApiToken = token }, Env()));

        Assert.Equal(param, error.ParamName);
        Assert.Contains(variable, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_settings_name_the_value_and_what_was_expected()
    {
        RealtimeKitClientOptions Valid() => new() { AccountId = "a", AppId = "b", ApiToken = "c" };

        var timeout = Valid();
        timeout.Timeout = TimeSpan.Zero;
        var retries = Valid();
        retries.MaxRetries = 11;
        var url = Valid();
        url.BaseUrl = new Uri("ftp://example.com");

        Assert.Contains("got 00:00:00", Assert.Throws<ArgumentException>(() => ResolvedOptions.Resolve(timeout, Env())).Message, StringComparison.Ordinal);
        Assert.Contains("between 0 and 10, got 11", Assert.Throws<ArgumentException>(() => ResolvedOptions.Resolve(retries, Env())).Message, StringComparison.Ordinal);
        Assert.Contains("'ftp://example.com/' must be an absolute http or https URL", Assert.Throws<ArgumentException>(() => ResolvedOptions.Resolve(url, Env())).Message, StringComparison.Ordinal);
        Assert.Contains("not an absolute URL", Assert.Throws<ArgumentException>(() => ResolvedOptions.Resolve(Valid(), Env(("CLOUDFLARE_BASE_URL", "not a url")))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Options_are_frozen_when_the_client_is_built()
    {
        var options = TestClients.Options("https://api.test/client/v4");
        var transport = new ScriptedTransport().Respond(System.Net.HttpStatusCode.OK, """{"success":true,"data":{"action":"kicked","kicked_participants_count":0}}""");
        using var client = new RealtimeKitClient(options, transport);

        options.AccountId = "changed";
        options.ApiToken = "changed";
        await client.ActiveSession.KickAllAsync(TestClients.MeetingId);

        Assert.Contains("/accounts/" + TestClients.AccountId + "/", transport.Requests[0].RequestUri!.AbsolutePath, StringComparison.Ordinal);
        Assert.Equal("Bearer " + TestClients.Token, transport.Requests[0].Headers.Authorization!.ToString());
    }

    [Fact]
    public async Task A_token_provider_is_asked_for_every_request()
    {
        var calls = 0;
        var options = TestClients.Options("https://api.test/client/v4");
        options.ApiToken = null;
        options.TokenProvider = _ => ValueTask.FromResult($"rotating-{++calls}");
        var transport = new ScriptedTransport()
            .Respond(System.Net.HttpStatusCode.OK, """{"success":true,"data":{"action":"a","kicked_participants_count":0}}""")
            .Respond(System.Net.HttpStatusCode.OK, """{"success":true,"data":{"action":"a","kicked_participants_count":0}}""");
        using var client = new RealtimeKitClient(options, transport);

        await client.ActiveSession.KickAllAsync(TestClients.MeetingId);
        await client.ActiveSession.KickAllAsync(TestClients.MeetingId);

        Assert.Equal(["Bearer rotating-1", "Bearer rotating-2"], transport.Requests.Select(r => r.Headers.Authorization!.ToString()));
    }
}
