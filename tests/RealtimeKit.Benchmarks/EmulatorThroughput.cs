using System.Diagnostics;
using RealtimeKit.Emulator;

namespace RealtimeKit.Benchmarks;

/// <summary>
/// The emulator's throughput as participants accumulate: a meeting is filled with N participants who all join its
/// session, then 4 workers each repeat add a participant → join → kick them by custom participant id, through the
/// SDK over loopback HTTP, and the rate of those operations is reported. Constant-time lookups keep the rate flat
/// from 1,000 to 20,000 participants; a linear scan would halve it or worse.
/// </summary>
/// <example><c>dotnet run -c Release --project tests/RealtimeKit.Benchmarks -- emulator-throughput 1000 20000</c></example>
internal static class EmulatorThroughput
{
    private const int Workers = 4;
    private const int CyclesPerWorker = 500;

    public static async Task<int> RunAsync(string[] args)
    {
        var sizes = args.Length > 0 ? args.Select(int.Parse).ToArray() : [1000, 20000];
        foreach (var size in sizes)
        {
            await using var emulator = await RealtimeKitEmulator.StartAsync();
            using var client = new RealtimeKitClient(new RealtimeKitClientOptions
            {
                AccountId = emulator.AccountId, AppId = emulator.AppId, ApiToken = emulator.ApiToken, BaseUrl = emulator.BaseUrl, MaxRetries = 0,
            });
            var meeting = await emulator.Control.CreateMeetingAsync("Throughput");
            await Parallel.ForAsync(0, size, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
            {
                var p = await client.Participants.AddAsync(meeting.Id, $"seated-{i}", "group_call_guest", cancellationToken: ct);
                await emulator.Control.JoinAsync(p.Token!, ct);
            });

            // Warm-up, then measured.
            await CyclesAsync(client, emulator, meeting.Id, "warm", 300);
            var clock = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, Workers).Select(w => CyclesAsync(client, emulator, meeting.Id, $"w{w}", CyclesPerWorker)));
            clock.Stop();
            var operations = Workers * CyclesPerWorker * 3;
            Console.WriteLine($"{size,6} participants: {operations / clock.Elapsed.TotalSeconds,8:0} ops/s ({operations} operations: add, join, kick by custom id; {Workers} workers; {clock.Elapsed.TotalSeconds:0.00} s)");
        }

        return 0;
    }

    private static async Task CyclesAsync(RealtimeKitClient client, RealtimeKitEmulator emulator, string meetingId, string worker, int cycles)
    {
        for (var i = 0; i < cycles; i++)
        {
            var customId = $"{worker}-{i}";
            var p = await client.Participants.AddAsync(meetingId, customId, "group_call_guest");
            await emulator.Control.JoinAsync(p.Token!);
            await client.ActiveSession.KickAsync(meetingId, customParticipantIds: [customId]);
        }
    }
}
