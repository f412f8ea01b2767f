using RealtimeKit.Configuration;
using RealtimeKit.Tests.Support;
using RealtimeKit.TestSupport;
using Xunit.Abstractions;
using static RealtimeKit.Tests.Support.TestClients;

namespace RealtimeKit.Tests.Hardening;

/// <summary>Run alone, so that the bytes the process allocates during a call are the call's own.</summary>
[CollectionDefinition(nameof(MemoryBound), DisableParallelization = true)]
public sealed class MemoryBound;

/// <summary>
/// Hostile bodies against the memory bound, measured in the test process: the bytes allocated by the whole process
/// during one call (the hostile server's writes included) bound the call's peak memory from above, since nothing can
/// be live that was not allocated. Each call is made once first, so that loading and compiling code is not counted.
/// </summary>
[Collection(nameof(MemoryBound))]
public sealed class MemoryBoundTests(ITestOutputHelper output)
{
    private const long MiB = 1024 * 1024;

    [Fact]
    public async Task An_endless_success_body_costs_at_most_the_default_limit_plus_a_few_MB()
    {
        await using var server = MisbehavingServer.Start(_ => RawReply.Endless(200));
        using var client = Client(server, RealtimeKitClientOptions.DefaultMaxResponseSize);

        var (error, allocated) = await MeasureAsync(() => client.ActiveSession.GetAsync(MeetingId));

        Assert.IsType<RealtimeKitException>(error);
        Assert.Contains("was longer, above MaxResponseSize (16777216 bytes)", error.Message, StringComparison.Ordinal);
        Report("endless chunked 200, default MaxResponseSize (16 MiB)", allocated);
        Assert.InRange(allocated, 0, RealtimeKitClientOptions.DefaultMaxResponseSize + (4 * MiB));
    }

    [Fact]
    public async Task A_body_declaring_1_1_GB_is_not_read_at_all()
    {
        await using var server = MisbehavingServer.Start(_ => RawReply.Long(200, 1_100_000_000, "{\"success\":true,\"data\":\""));
        using var client = Client(server, RealtimeKitClientOptions.DefaultMaxResponseSize);

        var (error, allocated) = await MeasureAsync(() => client.ActiveSession.GetAsync(MeetingId));

        Assert.Contains("declared 1100000000 bytes, above MaxResponseSize", error.Message, StringComparison.Ordinal);
        Report("200 declaring 1.1 GB", allocated);
        Assert.InRange(allocated, 0, 1 * MiB);
    }

    [Fact]
    public async Task A_50_MB_service_message_costs_a_64_KiB_read_and_a_bounded_message()
    {
        await using var server = MisbehavingServer.Start(_ => RawReply.Long(400, 50_000_000, "{\"success\":false,\"error\":{\"code\":400,\"message\":\""));
        using var client = Client(server, RealtimeKitClientOptions.DefaultMaxResponseSize);

        var (error, allocated) = await MeasureAsync(() => client.ActiveSession.GetAsync(MeetingId));

        Assert.Equal(400, ((RealtimeKitException)error).StatusCode);
        Assert.InRange(error.Message.Length, 1, RealtimeKitClientException.MaxMessageLength);
        Report("400 with a 50 MB error body", allocated);
        Assert.InRange(allocated, 0, 1 * MiB);
    }

    [Fact]
    public async Task A_50_MB_success_is_held_once()
    {
        const int size = 50_000_000;
        var prefix = """{"success":true,"data":{"id":"s1","status":"LIVE","padding":[""";
        var item = "\"0123456789\",";
        var body = new System.Text.StringBuilder(size + 64).Append(prefix);
        while (body.Length < size - 64)
        {
            body.Append(item);
        }

        body.Append("\"end\"]}}");
        var bytes = System.Text.Encoding.UTF8.GetBytes(body.ToString());
        body.Clear();
        await using var server = MisbehavingServer.Start(_ => RawReply.Response(200, bytes, "application/json"));
        using var client = Client(server, 64 * MiB);

        var (error, allocated) = await MeasureAsync(async () => Assert.Equal("s1", (await client.ActiveSession.GetAsync(MeetingId)).Id), expectFailure: false);

        Assert.Null(error);
        Report($"200 of {bytes.Length / 1_000_000} MB (MaxResponseSize 64 MiB)", allocated);

        // The body once (48 MiB) and System.Text.Json's index of its 4 million values (a pooled 64 MiB array): no string copy, no second buffer.
        Assert.InRange(allocated, bytes.Length, bytes.Length * 3L);
    }

    private static RealtimeKitClient Client(MisbehavingServer server, long maxResponseSize)
    {
        var options = TestClients.Options(server.BaseUrl + "/client/v4", maxRetries: 0);
        options.MaxResponseSize = maxResponseSize;
        return new RealtimeKitClient(ResolvedOptions.Resolve(options, NoEnvironment), null, null);
    }

    private static async Task<(Exception Error, long Allocated)> MeasureAsync(Func<Task> call, bool expectFailure = true)
    {
        // Once to load and compile everything on the way, then measured.
        await Capture(call);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var error = await Capture(call);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        Assert.True(expectFailure == error is not null, error?.ToString() ?? "no failure");
        return (error!, allocated);
    }

    private static async Task<Exception?> Capture(Func<Task> call)
    {
        try
        {
            await call();
            return null;
        }
        catch (Exception e)
        {
            return e;
        }
    }

    private void Report(string what, long allocated) =>
        output.WriteLine($"memory: {what}: {allocated / (double)MiB:0.0} MiB allocated by the process during the call");
}
