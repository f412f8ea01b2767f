using RealtimeKit.Emulator;
using RealtimeKit.Errors;
using RealtimeKit.Generated.Models;

namespace RealtimeKit.Emulator.Tests;

// The testing package's promise: one line starts the emulator and hands out a client pointed at it.
public class EmulatorClientTests
{
    [Fact]
    public async Task The_emulators_own_client_reaches_the_emulator()
    {
        await using var emulator = await RealtimeKitEmulator.StartAsync();

        var created = await emulator.Client.Meetings.CreateAsync(new CreateMeetingBody { Title = "Stand-up" });
        var fetched = await emulator.Client.Meetings.GetAsync(created.Id);

        Assert.Equal("Stand-up", fetched.Title);
        Assert.Same(emulator.Client, emulator.Client);
    }

    [Fact]
    public async Task Client_options_point_at_the_emulator()
    {
        await using var emulator = await RealtimeKitEmulator.StartAsync(new EmulatorOptions { ApiToken = "test-token" });

        var options = emulator.CreateClientOptions();

        Assert.Equal(emulator.BaseUrl, options.BaseUrl);
        Assert.Equal("test-token", options.ApiToken);
        Assert.Equal(emulator.AccountId, options.AccountId);
        Assert.Equal(emulator.AppId, options.AppId);
    }

    [Fact]
    public async Task CreateClient_applies_the_callers_changes()
    {
        await using var emulator = await RealtimeKitEmulator.StartAsync();
        using var stranger = emulator.CreateClient(o => o.ApiToken = "not-the-emulators-token");

        var error = await Assert.ThrowsAsync<RealtimeKitException>(() => stranger.Meetings.ListAsync());

        Assert.Equal(401, error.StatusCode);
    }
}
