using System.Collections.Concurrent;
using RealtimeKit.Configuration;
using RealtimeKit.Http;
using RealtimeKit.Tests.Contract;
using RealtimeKit.Tests.Support;
using RealtimeKit.TestSupport;
using Xunit.Abstractions;

namespace RealtimeKit.Tests.Hardening;

/// <summary>
/// The fault suite: every operation of <see cref="OperationCalls.All"/> (so every operation of the spec, as other
/// operations are added) against a real socket server that misbehaves in each way of <see cref="Fault.All"/>,
/// through the default transport with retries on. Each must fail with exactly the documented exception, a message
/// that says what happened (bounded, no control characters, no token), and the number of attempts the retry
/// rules allow; a request that may have been processed is never sent twice unless it is idempotent, and nothing
/// ever reaches another host.
/// </summary>
public sealed class FaultSuiteTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int MaxRetries = 2;
    private const long SuiteMaxResponseSize = 64 * 1024;

    private MisbehavingServer _server = null!;
    private MisbehavingServer _elsewhere = null!;

    public static TheoryData<string> Faults() => new(Fault.All.Select(f => f.Name));

    public Task InitializeAsync()
    {
        _server = MisbehavingServer.Start(_ => RawReply.Close);
        _elsewhere = MisbehavingServer.Start(_ => RawReply.Response(200, """{"success":true,"data":{}}"""));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _elsewhere.DisposeAsync();
    }

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task Every_operation_meets_the_fault_with_its_documented_error_and_attempts(string faultName)
    {
        var fault = Fault.All.Single(f => f.Name == faultName);
        var failures = new List<string>();
        var duplicates = 0;
        foreach (var call in OperationCalls.All.Values.OrderBy(c => c.OperationId, StringComparer.Ordinal))
        {
            var target = new FaultTarget(call.OperationId, DataIsArray(call.OperationId), _elsewhere.BaseUrl);
            _server.Clear();
            _server.Reply(_ => fault.Reply(target));
            var safety = new SafetyRecorder();
            using var client = Client(safety);

            Exception? caught = null;
            try
            {
                await call.Invoke(client);
            }
            catch (Exception e)
            {
                caught = e;
            }

            var attempts = _server.Requests.Count;
            var idempotent = safety.Idempotent ?? true;
            if (!idempotent && fault.MayBeProcessed)
            {
                duplicates += Math.Max(0, attempts - 1);
            }

            var bodyless = _server.Requests.Count == 0 || _server.Requests[0].Body.Length == 0;
            var problem = Judge(fault, caught, attempts, idempotent, idempotent && bodyless && fault.TransportResends);
            if (problem is not null)
            {
                failures.Add($"{call.OperationId}: {problem}");
            }
        }

        output.WriteLine($"fault '{fault.Name}': {OperationCalls.All.Count} operations, {failures.Count} failed, {duplicates} duplicates, {_elsewhere.Requests.Count} requests elsewhere");
        Assert.Empty(_elsewhere.Requests);
        Assert.Equal(0, duplicates);
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public void The_suite_covers_every_operation_of_the_spec()
    {
        var spec = SpecDocument.Operations().Select(o => o.Operation["operationId"]!.GetValue<string>()).Order(StringComparer.Ordinal);

        Assert.Equal(spec, OperationCalls.All.Keys.Order(StringComparer.Ordinal));
        output.WriteLine($"{Fault.All.Count} faults x {OperationCalls.All.Count} operations = {Fault.All.Count * OperationCalls.All.Count} calls");
    }

    private static string? Judge(Fault fault, Exception? caught, int attempts, bool idempotent, bool transportResends)
    {
        if (caught is null)
        {
            return "returned normally";
        }

        if (caught.GetType() != fault.Expected)
        {
            return $"threw {caught.GetType().Name} ({caught.Message}), expected {fault.Expected.Name}";
        }

        if (!caught.Message.Contains(fault.MessagePart, StringComparison.Ordinal))
        {
            return $"message '{caught.Message}' does not contain '{fault.MessagePart}'";
        }

        if (caught.Message.Length > RealtimeKitClientException.MaxMessageLength || caught.Message.Any(char.IsControl))
        {
            return $"message of {caught.Message.Length} characters, or with control characters";
        }

        if (caught.ToString().Contains(TestClients.Token, StringComparison.Ordinal))
        {
            return "the token appears in the exception";
        }

        if (fault.Status is { } status && ((RealtimeKitException)caught).StatusCode != status)
        {
            return $"status {((RealtimeKitException)caught).StatusCode}, expected {status}";
        }

        var expectedAttempts = fault.Attempts switch
        {
            Attempts.Once => 1,
            Attempts.All => 1 + MaxRetries,
            _ => idempotent ? 1 + MaxRetries : 1,
        };
        if (transportResends ? attempts < expectedAttempts || attempts > expectedAttempts * 4 : attempts != expectedAttempts)
        {
            return $"{attempts} attempts reached the server, expected {expectedAttempts} ({(idempotent ? "idempotent" : "not idempotent")})";
        }

        try
        {
            fault.Check?.Invoke(caught);
        }
        catch (Exception e)
        {
            return "check failed: " + e.Message;
        }

        if (caught is RealtimeKitException { ResponseExcerpt.Length: > RealtimeKitException.MaxExcerptLength })
        {
            return "excerpt over its bound";
        }

        return null;
    }

    // The default transport (redirects and all), with retries on and a clock that never really waits.
    private RealtimeKitClient Client(SafetyRecorder safety)
    {
        var options = TestClients.Options(_server.BaseUrl + "/client/v4", MaxRetries, new ImmediateTimeProvider(), Timeout.InfiniteTimeSpan);
        options.MaxResponseSize = SuiteMaxResponseSize;
        safety.InnerHandler = new SocketsHttpHandler();
        return new RealtimeKitClient(ResolvedOptions.Resolve(options, TestClients.NoEnvironment), safety, null);
    }

    private static readonly ConcurrentDictionary<string, bool> ArrayData = new();

    // From the spec: whether the operation's documented success carries data as an array.
    private static bool DataIsArray(string operationId) => ArrayData.GetOrAdd(operationId, id =>
        SpecDocument.Examples().FirstOrDefault(e => e.OperationId == id && e.IsSuccess)?.Value["data"] is System.Text.Json.Nodes.JsonArray);

    /// <summary>Records what the SDK declared about the request: whether it may be repeated.</summary>
    private sealed class SafetyRecorder : DelegatingHandler
    {
        public bool? Idempotent { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Idempotent = RetrySafety.IsIdempotent(request);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
