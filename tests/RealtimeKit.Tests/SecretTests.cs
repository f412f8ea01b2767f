using System.Net;
using RealtimeKit.Configuration;
using RealtimeKit.Tests.Support;

namespace RealtimeKit.Tests;

/// <summary>The API token never appears in messages, ToString() or exception text.</summary>
public class SecretTests
{
    private const string Secret = "cf-secret-Sn3lZJTBX6kkg7OdcBUAxOO963GEIyGQ";

    private static RealtimeKitClientOptions Options(string token = Secret) => new() { AccountId = "a", AppId = "b", ApiToken = token, BaseUrl = new Uri("https://api.test/v4"), MaxRetries = 0 };

    [Fact]
    public void Options_and_resolved_options_print_no_token()
    {
        Assert.DoesNotContain(Secret, Options().ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, ResolvedOptions.Resolve(Options(), _ => null).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_failure_mentions_the_token()
    {
        var transport = new ScriptedTransport()
            .Respond(HttpStatusCode.Unauthorized, """{"success":false,"errors":[{"code":10000,"message":"Authentication error"}],"messages":[]}""")
            .Fail(HttpRequestError.ConnectionError)
            .Respond(HttpStatusCode.BadGateway, "<html>gateway</html>");
        using var client = new RealtimeKitClient(Options(), transport);

        var failures = new List<Exception>
        {
            await Assert.ThrowsAsync<RealtimeKitException>(() => client.ActiveSession.GetAsync("m")),
            await Assert.ThrowsAsync<RealtimeKitConnectionException>(() => client.ActiveSession.GetAsync("m")),
            await Assert.ThrowsAsync<RealtimeKitException>(() => client.ActiveSession.GetAsync("m")),
        };

        Assert.All(failures, f => Assert.DoesNotContain(Secret, f.ToString(), StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("\nX-Injected: 1")]
    [InlineData(" spaced")]
    [InlineData("é")]
    [InlineData("\u0000")]
    public void A_token_that_cannot_be_a_header_is_refused_when_the_client_is_built_without_quoting_it(string tail)
    {
        var error = Assert.Throws<ArgumentException>(() => new RealtimeKitClient(Options(Secret + tail), new ScriptedTransport()));

        Assert.Equal("options.ApiToken", error.ParamName);
        Assert.DoesNotContain(Secret, error.ToString(), StringComparison.Ordinal);
        Assert.Contains("cannot carry", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_provider_returning_such_a_token_fails_the_call_before_sending_without_quoting_it()
    {
        var options = Options();
        options.ApiToken = null;
        options.TokenProvider = _ => ValueTask.FromResult(Secret + "é");
        var transport = new ScriptedTransport();
        using var client = new RealtimeKitClient(options, transport);

        var error = await Assert.ThrowsAsync<RealtimeKitClientException>(() => client.ActiveSession.GetAsync("m"));

        Assert.DoesNotContain(Secret, error.ToString(), StringComparison.Ordinal);
        Assert.Contains("nothing was sent", error.Message, StringComparison.Ordinal);
        Assert.Empty(transport.Requests);
    }
}
