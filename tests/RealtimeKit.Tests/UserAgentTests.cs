using Microsoft.Extensions.DependencyInjection;
using RealtimeKit.Configuration;
using RealtimeKit.Tests.Support;
using RealtimeKit.TestSupport;
using static RealtimeKit.Tests.Support.TestClients;

namespace RealtimeKit.Tests;

/// <summary>The SDK's product token is added after the application's User-Agent, never in its place.</summary>
public sealed class UserAgentTests : KickAllServerTests
{
    [Fact]
    public async Task A_User_Agent_set_on_the_request_keeps_its_place_and_the_SDK_token_follows_once_per_attempt()
    {
        var calls = 0;
        Server.Respond(_ => ++calls == 1 ? ScriptedResponse.Json(503, "{}", ("Retry-After", "0")) : ScriptedResponse.Json(200, KickedAll));
        using var client = new RealtimeKitClient(ResolvedOptions.Resolve(Options(Server.BaseUrl, maxRetries: 1, new ImmediateTimeProvider(), Timeout.InfiniteTimeSpan), NoEnvironment), null, null);

        await client.App.Meetings[MeetingId].ActiveSession.KickAll.PostAsync(c => c.Headers.Add("User-Agent", "MyApp/2.1"));

        Assert.Equal(2, Server.Requests.Count);
        Assert.All(Server.Requests, r => AssertAdded("MyApp/2.1", r.Header("User-Agent")));
    }

    [Fact]
    public async Task A_User_Agent_on_the_HttpClient_of_the_DI_registration_keeps_its_place()
    {
        var services = new ServiceCollection();
        services.AddRealtimeKit(o =>
            {
                o.AccountId = AccountId;
                o.AppId = AppId;
                o.ApiToken = Token;
                o.BaseUrl = new Uri(Server.BaseUrl);
            })
            .ConfigureHttpClient(c => c.DefaultRequestHeaders.UserAgent.ParseAdd("Billing/3.0 (ops)"));
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<RealtimeKitClient>().ActiveSession.KickAllAsync(MeetingId);

        AssertAdded("Billing/3.0 (ops)", Assert.Single(Server.Requests).Header("User-Agent"));
    }

    [Fact]
    public async Task Without_an_application_User_Agent_the_SDK_token_comes_first()
    {
        using var client = Against(Server.BaseUrl);

        await client.ActiveSession.KickAllAsync(MeetingId);

        var agent = Assert.Single(Server.Requests).Header("User-Agent");
        Assert.StartsWith("RealtimeKit-dotnet/", agent, StringComparison.Ordinal);
        Assert.Equal(1, Count(agent, "RealtimeKit-dotnet/"));
    }

    private static void AssertAdded(string application, string? sent)
    {
        Assert.NotNull(sent);
        Assert.StartsWith(application + " RealtimeKit-dotnet/", sent, StringComparison.Ordinal);
        Assert.Equal(1, Count(sent, "RealtimeKit-dotnet/"));
    }

    private static int Count(string? text, string part) => text is null ? 0 : (text.Length - text.Replace(part, string.Empty, StringComparison.Ordinal).Length) / part.Length;
}
