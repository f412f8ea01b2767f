using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using RealtimeKit.Configuration;
using RealtimeKit.Http;
using RealtimeKit.Tests.Support;
using static RealtimeKit.Tests.Support.TestClients;

namespace RealtimeKit.Tests.Mutation;

/// <summary>
/// Who owns the HTTP pipeline: a client built with <c>new</c> releases its own when disposed; a client from DI
/// leaves the factory's handlers alone, so the next client from the same container still works. And neither lets
/// <see cref="HttpClient.Timeout"/> (100 s by default) cut a call the SDK's own per-attempt timeout allows.
/// </summary>
public sealed class PipelineOwnershipTests
{
    private const string KickedAll = """{"success":true,"data":{"action":"kicked","kicked_participants_count":1}}""";

    [Fact]
    public void A_client_built_directly_disposes_the_transport_it_was_given()
    {
        var transport = new DisposeTracking(new ScriptedTransport());
        var client = new RealtimeKitClient(ResolvedOptions.Resolve(Options("https://api.test/client/v4"), NoEnvironment), transport, null);

        Assert.False(transport.Disposed);
        client.Dispose();

        Assert.True(transport.Disposed);
    }

    [Fact]
    public async Task A_client_from_DI_leaves_the_factorys_handlers_working_for_the_next_client()
    {
        var transport = new DisposeTracking(new ScriptedTransport().Respond(HttpStatusCode.OK, KickedAll).Respond(HttpStatusCode.OK, KickedAll));
        var services = new ServiceCollection();
        services.AddRealtimeKit(o => ConfigureForTests(o)).ConfigurePrimaryHttpMessageHandler(() => transport);
        await using var provider = services.BuildServiceProvider();

        using (var first = provider.GetRequiredService<RealtimeKitClient>())
        {
            await first.ActiveSession.KickAllAsync(MeetingId);
        }

        Assert.False(transport.Disposed);
        using var second = provider.GetRequiredService<RealtimeKitClient>();
        var result = await second.ActiveSession.KickAllAsync(MeetingId);

        Assert.Equal(1d, result.KickedParticipantsCount);
        Assert.Equal(2, transport.Inner.Requests.Count);
    }

    [Fact]
    public void The_direct_pipeline_has_no_HttpClient_timeout_of_its_own()
    {
        var options = ResolvedOptions.Resolve(Options("https://api.test/client/v4", timeout: TimeSpan.FromMinutes(5)), NoEnvironment);

        using var http = Pipeline.CreateClient(options, NullLogger.Instance, new ScriptedTransport());

        Assert.Equal(Timeout.InfiniteTimeSpan, http.Timeout);
    }

    [Fact]
    public async Task The_DI_registration_gives_its_named_HttpClient_no_timeout_of_its_own()
    {
        var services = new ServiceCollection();
        services.AddRealtimeKit(o => ConfigureForTests(o));
        await using var provider = services.BuildServiceProvider();

        using var http = provider.GetRequiredService<IHttpClientFactory>().CreateClient(RealtimeKitServiceCollectionExtensions.HttpClientName);

        Assert.Equal(Timeout.InfiniteTimeSpan, http.Timeout);
    }

    /// <summary>Passes requests to <see cref="Inner"/> and records whether it was disposed.</summary>
    private sealed class DisposeTracking(ScriptedTransport inner) : DelegatingHandler(inner)
    {
        public ScriptedTransport Inner { get; } = inner;

        public bool Disposed { get; private set; }

        protected override void Dispose(bool disposing)
        {
            Disposed |= disposing;
            base.Dispose(disposing);
        }
    }
}
