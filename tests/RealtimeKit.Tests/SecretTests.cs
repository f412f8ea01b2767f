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

    [Fact]
    public async Task A_token_that_cannot_be_a_header_is_refused_without_quoting_it()
    {
        using var client = new RealtimeKitClient(Options(Secret + "\nX-Injected: 1"), new ScriptedTransport());

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => client.ActiveSession.GetAsync("m"));

        Assert.DoesNotContain(Secret, error.ToString(), StringComparison.Ordinal);
        Assert.Contains("whitespace or control characters", error.Message, StringComparison.Ordinal);
    }
}
