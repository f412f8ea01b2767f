using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RealtimeKit.Tests.Support;
using RealtimeKit.TestSupport;
using static RealtimeKit.Tests.Support.TestClients;

namespace RealtimeKit.Tests;

/// <summary>Several accounts or apps in one container: named and keyed clients, each with its own options and pipeline.</summary>
public sealed class NamedClientsTests : KickAllServerTests
{
    private const string EuAccount = "0000000000000000000000000000e0e0";
    private const string UsAccount = "0000000000000000000000000000a5a5";
    private const string EuToken = "eu-token-11aa";
    private const string UsToken = "us-token-22bb";
    [Fact]
    public async Task Two_named_clients_resolved_by_the_factory_each_send_their_own_account_and_token()
    {
        var services = new ServiceCollection();
        services.AddRealtimeKit("eu", o => Configure(o, EuAccount, "eu-app", EuToken));
        services.AddRealtimeKit("us", o => Configure(o, UsAccount, "us-app", UsToken));
        await using var provider = services.BuildServiceProvider();
        var factory = provider.GetRequiredService<IRealtimeKitClientFactory>();

        await factory.CreateClient("eu").ActiveSession.KickAllAsync(MeetingId);
        await factory.CreateClient("us").ActiveSession.KickAllAsync(MeetingId);

        Assert.Equal(2, Server.Requests.Count);
        AssertSent(Server.Requests[0], EuAccount, "eu-app", EuToken);
        AssertSent(Server.Requests[1], UsAccount, "us-app", UsToken);
    }

    [Fact]
    public async Task Named_clients_are_keyed_services_and_the_unnamed_client_still_works_beside_them()
    {
        var services = new ServiceCollection();
        services.AddRealtimeKit(o => Configure(o, AccountId, AppId, Token));
        services.AddRealtimeKit("eu", o => Configure(o, EuAccount, "eu-app", EuToken));
        services.AddSingleton<TwoRegions>();
        await using var provider = services.BuildServiceProvider();

        var regions = provider.GetRequiredService<TwoRegions>();
        await regions.Eu.ActiveSession.KickAllAsync(MeetingId);
        await regions.Default.ActiveSession.KickAllAsync(MeetingId);

        AssertSent(Server.Requests[0], EuAccount, "eu-app", EuToken);
        AssertSent(Server.Requests[1], AccountId, AppId, Token);
        Assert.Equal(AccountId, provider.GetRequiredService<IRealtimeKitClientFactory>().CreateClient(string.Empty).Options.AccountId);
    }

    [Fact]
    public async Task Each_name_has_its_own_pipeline_and_options()
    {
        var euSeen = 0;
        var services = new ServiceCollection();
        services.AddRealtimeKit("eu", o => Configure(o, EuAccount, "eu-app", EuToken)).AddHttpMessageHandler(() => new Counter(() => euSeen++));
        services.AddRealtimeKit("us", o => Configure(o, UsAccount, "us-app", UsToken));
        services.AddRealtimeKit("us", o => o.MaxRetries = 0);
        await using var provider = services.BuildServiceProvider();
        var factory = provider.GetRequiredService<IRealtimeKitClientFactory>();

        await factory.CreateClient("us").ActiveSession.KickAllAsync(MeetingId);
        await factory.CreateClient("eu").ActiveSession.KickAllAsync(MeetingId);

        Assert.Equal(1, euSeen);
        Assert.Equal(0, factory.CreateClient("us").Options.MaxRetries);
        Assert.Equal(2, factory.CreateClient("eu").Options.MaxRetries);
        var handlers = provider.GetRequiredService<IHttpMessageHandlerFactory>();
        Assert.Single(Chain(handlers.CreateHandler("RealtimeKit:us")), t => t == typeof(Http.RetryHandler));
    }

    [Fact]
    public async Task The_primary_handler_of_a_named_client_follows_no_redirect()
    {
        var services = new ServiceCollection();
        services.AddRealtimeKit("eu", o => Configure(o, EuAccount, "eu-app", EuToken));
        await using var provider = services.BuildServiceProvider();

        HttpMessageHandler? handler = provider.GetRequiredService<IHttpMessageHandlerFactory>().CreateHandler("RealtimeKit:eu");
        while (handler is DelegatingHandler delegating)
        {
            handler = delegating.InnerHandler;
        }

        Assert.False(handler switch
        {
            SocketsHttpHandler sockets => sockets.AllowAutoRedirect,
            HttpClientHandler client => client.AllowAutoRedirect,
            _ => throw new InvalidOperationException($"Unexpected primary handler {handler?.GetType()}."),
        });
    }

    [Fact]
    public async Task A_named_client_binds_its_own_configuration_section()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["RealtimeKit:Eu:AccountId"] = EuAccount,
            ["RealtimeKit:Eu:AppId"] = "eu-app",
            ["RealtimeKit:Eu:ApiToken"] = EuToken,
            ["RealtimeKit:Eu:BaseUrl"] = Server.BaseUrl,
        }).Build();
        var services = new ServiceCollection();
        services.AddRealtimeKit("eu", configuration.GetSection("RealtimeKit:Eu"));
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredKeyedService<RealtimeKitClient>("eu").ActiveSession.KickAllAsync(MeetingId);

        AssertSent(Assert.Single(Server.Requests), EuAccount, "eu-app", EuToken);
    }

    [Fact]
    public async Task An_unregistered_name_fails_naming_it_and_the_registered_ones()
    {
        var services = new ServiceCollection();
        services.AddRealtimeKit("eu", o => Configure(o, EuAccount, "eu-app", EuToken));
        await using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<IRealtimeKitClientFactory>().CreateClient("apac"));

        Assert.Contains("'apac'", error.Message, StringComparison.Ordinal);
        Assert.Contains("eu", error.Message, StringComparison.Ordinal);
        Assert.Null(provider.GetService<RealtimeKitClient>());
    }

    [Fact]
    public async Task A_bad_option_of_one_name_fails_that_name_only_naming_the_option()
    {
        var services = new ServiceCollection();
        services.AddRealtimeKit("eu", o => Configure(o, EuAccount, "eu-app", EuToken));
        services.AddRealtimeKit("bad", o => Configure(o, UsAccount, "us-app", UsToken, maxRetries: 99));
        await using var provider = services.BuildServiceProvider();
        var factory = provider.GetRequiredService<IRealtimeKitClientFactory>();

        var error = Assert.ThrowsAny<ArgumentException>(() => factory.CreateClient("bad"));

        Assert.Equal("options.MaxRetries", error.ParamName);
        await factory.CreateClient("eu").ActiveSession.KickAllAsync(MeetingId);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void A_blank_name_is_refused(string name)
    {
        var error = Assert.Throws<ArgumentException>(() => new ServiceCollection().AddRealtimeKit(name, _ => { }));

        Assert.Equal("name", error.ParamName);
    }

    private void Configure(RealtimeKitClientOptions o, string account, string app, string token, int maxRetries = 2)
    {
        o.AccountId = account;
        o.AppId = app;
        o.ApiToken = token;
        o.BaseUrl = new Uri(Server.BaseUrl);
        o.MaxRetries = maxRetries;
    }

    private static void AssertSent(RecordedRequest request, string account, string app, string token)
    {
        Assert.StartsWith($"/accounts/{account}/realtime/kit/{app}/meetings/", request.RawPath, StringComparison.Ordinal);
        Assert.Equal("Bearer " + token, request.Header("Authorization"));
    }

    private static List<Type> Chain(HttpMessageHandler? handler)
    {
        var types = new List<Type>();
        for (; handler is not null; handler = (handler as DelegatingHandler)?.InnerHandler)
        {
            types.Add(handler.GetType());
        }

        return types;
    }

    private sealed class TwoRegions(RealtimeKitClient @default, [FromKeyedServices("eu")] RealtimeKitClient eu)
    {
        public RealtimeKitClient Default { get; } = @default;

        public RealtimeKitClient Eu { get; } = eu;
    }

    private sealed class Counter(Action count) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            count();
            return base.SendAsync(request, cancellationToken);
        }
    }
}
