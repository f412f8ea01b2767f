using RealtimeKit.TestSupport;

namespace RealtimeKit.Tests.Support;

/// <summary>Tests against a loopback server of their own that answers "kick all" successfully unless told otherwise.</summary>
public abstract class KickAllServerTests : IAsyncLifetime
{
    /// <summary>A successful "kick all" answer.</summary>
    protected const string KickedAll = """{"success":true,"data":{"action":"kicked","kicked_participants_count":3}}""";

    /// <summary>The server, started before each test and stopped after it.</summary>
    protected LoopbackServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await LoopbackServer.StartAsync(_ => ScriptedResponse.Json(200, KickedAll));

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
