using RealtimeKit.Emulator;

namespace RealtimeKit.Cli.Tests;

/// <summary>Runs <c>rtk</c> in-process against an in-process emulator, capturing stdout, stderr and the exit code.</summary>
internal sealed class CliHarness : IAsyncDisposable
{
    private CliHarness(RealtimeKitEmulator emulator, RealtimeKitClient client)
    {
        Emulator = emulator;
        Client = client;
    }

    public RealtimeKitEmulator Emulator { get; }

    /// <summary>An SDK client on the same emulator, to set up and check state.</summary>
    public RealtimeKitClient Client { get; }

    public static async Task<CliHarness> StartAsync()
    {
        var emulator = await RealtimeKitEmulator.StartAsync();
        var client = new RealtimeKitClient(new RealtimeKitClientOptions { AccountId = emulator.AccountId, AppId = emulator.AppId, ApiToken = emulator.ApiToken, BaseUrl = emulator.BaseUrl, MaxRetries = 0 });
        return new CliHarness(emulator, client);
    }

    /// <summary>The environment rtk sees: the emulator's connection variables.</summary>
    public string? Environment(string name) => name switch
    {
        RealtimeKitClientOptions.BaseUrlVariable => Emulator.BaseUrl.ToString(),
        RealtimeKitClientOptions.ApiTokenVariable => Emulator.ApiToken,
        RealtimeKitClientOptions.AccountIdVariable => Emulator.AccountId,
        RealtimeKitClientOptions.AppIdVariable => Emulator.AppId,
        _ => null,
    };

    public Task<CliResult> RunAsync(params string[] args) => RunWithAsync(Environment, args);

    public static async Task<CliResult> RunWithAsync(Func<string, string?> environment, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await new RtkApp(stdout, stderr, environment).RunAsync(args);
        return new CliResult(exit, stdout.ToString(), stderr.ToString());
    }

    /// <summary>A meeting with one participant added (SDK), not joined.</summary>
    public async Task<(string MeetingId, Generated.Models.Participant Ada)> MeetingWithParticipantAsync()
    {
        var meeting = await Emulator.Control.CreateMeetingAsync("shell");
        return (meeting.Id, await Client.Participants.AddAsync(meeting.Id, "ada@example.com", "group_call_host"));
    }

    /// <summary>A meeting with participants added (SDK) and joined (control surface).</summary>
    public async Task<(string MeetingId, List<Generated.Models.Participant> People)> LiveMeetingAsync(int count)
    {
        var meeting = await Emulator.Control.CreateMeetingAsync("CLI test");
        var people = new List<Generated.Models.Participant>();
        for (var i = 0; i < count; i++)
        {
            var p = await Client.Participants.AddAsync(meeting.Id, $"user{i}@example.com", "group_call_host", $"User {i}");
            await Emulator.Control.JoinAsync(p.Token!);
            people.Add(p);
        }

        return (meeting.Id, people);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Emulator.DisposeAsync();
    }
}

internal sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    public override string ToString() => $"exit {ExitCode}\nstdout:\n{Stdout}\nstderr:\n{Stderr}";
}
