using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RealtimeKit.Tests.Support;
using RealtimeKit.TestSupport;
using static RealtimeKit.Tests.Support.TestClients;

namespace RealtimeKit.Tests;

public sealed class DependencyInjectionTests : KickAllServerTests
{
    [Fact]
    public async Task AddRealtimeKit_with_an_action_gives_a_working_client()
    {
        var services = new ServiceCollection();
        services.AddRealtimeKit(ConfigureForServer);
        await using var provider = services.BuildServiceProvider();

        var result = await provider.GetRequiredService<RealtimeKitClient>().ActiveSession.KickAllAsync(MeetingId);

        Assert.Equal(3d, result.KickedParticipantsCount);
        Assert.Equal("Bearer " + Token, Server.Requests[0].Header("Authorization"));
        Assert.StartsWith("RealtimeKit-dotnet/", Server.Requests[0].Header("User-Agent"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddRealtimeKit_binds_a_configuration_section()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["RealtimeKit:AccountId"] = AccountId,
            ["RealtimeKit:AppId"] = AppId,
            ["RealtimeKit:ApiToken"] = Token,
            ["RealtimeKit:BaseUrl"] = Server.BaseUrl,
            ["RealtimeKit:Timeout"] = "00:00:30",
            ["RealtimeKit:MaxRetries"] = "1",
        }).Build();
        var services = new ServiceCollection();
        services.AddRealtimeKit(configuration.GetSection("RealtimeKit"));
        await using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<RealtimeKitClient>();
        await client.ActiveSession.KickAllAsync(MeetingId);

        Assert.Equal(TimeSpan.FromSeconds(30), client.Options.Timeout);
        Assert.Equal(1, client.Options.MaxRetries);
        Assert.Single(Server.Requests);
    }

    [Fact]
    public async Task Handlers_added_to_the_returned_builder_run_inside_the_SDK_pipeline_once_per_attempt()
    {
        var calls = 0;
        Server.Respond(_ => ++calls == 1 ? ScriptedResponse.Json(503, "{}", ("Retry-After", "0")) : ScriptedResponse.Json(200, KickedAll));
        var seen = new List<string?>();
        var services = new ServiceCollection();
        services.AddRealtimeKit(ConfigureForServer).AddHttpMessageHandler(() => new Recorder(seen));
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<RealtimeKitClient>().ActiveSession.KickAllAsync(MeetingId);

        Assert.Equal(2, seen.Count);
        Assert.All(seen, ua => Assert.StartsWith("RealtimeKit-dotnet/", ua, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Registering_twice_keeps_one_SDK_pipeline_and_merges_the_options()
    {
        var services = new ServiceCollection();
        services.AddRealtimeKit(ConfigureForServer);
        services.AddRealtimeKit(o => o.MaxRetries = 1);
        await using var provider = services.BuildServiceProvider();

        var handlers = new List<Type>();
        for (HttpMessageHandler? h = provider.GetRequiredService<IHttpMessageHandlerFactory>().CreateHandler(RealtimeKitServiceCollectionExtensions.HttpClientName); h is not null; h = (h as DelegatingHandler)?.InnerHandler)
        {
            handlers.Add(h.GetType());
        }

        Assert.Single(handlers, t => t == typeof(Http.RetryHandler));
        Assert.Single(handlers, t => t == typeof(Http.ErrorResponseHandler));
        Assert.Equal(1, provider.GetRequiredService<RealtimeKitClient>().Options.MaxRetries);
        Assert.Equal(AccountId, provider.GetRequiredService<RealtimeKitClient>().Options.AccountId);
    }

    [Fact]
    public async Task A_missing_option_fails_on_first_resolution_naming_it()
    {
        var services = new ServiceCollection();
        services.AddRealtimeKit(o => o.ApiToken = Token);
        await using var provider = services.BuildServiceProvider();

        var error = Assert.ThrowsAny<ArgumentException>(() => provider.GetRequiredService<RealtimeKitClient>());

        Assert.True(error.ParamName is "options.AccountId" or "options.AppId" || Environment.GetEnvironmentVariable("CLOUDFLARE_ACCOUNT_ID") is not null, error.Message);
    }

    private void ConfigureForServer(RealtimeKitClientOptions o)
    {
        o.AccountId = AccountId;
        o.AppId = AppId;
        o.ApiToken = Token;
        o.BaseUrl = new Uri(Server.BaseUrl);
    }

    private sealed class Recorder(List<string?> seen) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            seen.Add(request.Headers.UserAgent.ToString());
            return base.SendAsync(request, cancellationToken);
        }
    }
}
