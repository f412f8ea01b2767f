using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using RealtimeKit.Configuration;
using RealtimeKit.Tests.Support;
using RealtimeKit.TestSupport;
using static RealtimeKit.Tests.Support.TestClients;

namespace RealtimeKit.Tests.Telemetry;

/// <summary>The Debug events for each request and response: what they say, and that a token or a body never appears.</summary>
public sealed class LoggingTests : IAsyncLifetime
{
    private const string Secretive = """{"success":true,"data":{"action":"kicked","kicked_participants_count":3,"note":"body-marker-5521"}}""";
    private LoopbackServer _server = null!;

    public async Task InitializeAsync() => _server = await LoopbackServer.StartAsync(_ => ScriptedResponse.Json(200, Secretive));

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Each_request_and_response_is_a_debug_event_with_method_template_status_and_duration_but_no_token_or_body()
    {
        var calls = 0;
        _server.Respond(_ => ++calls == 1 ? ScriptedResponse.Json(503, """{"success":false,"errors":[{"code":503,"message":"body-marker-5521"}]}""", ("Retry-After", "0")) : ScriptedResponse.Json(200, Secretive));
        var capture = new CapturingProvider();
        using var loggers = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Debug).AddProvider(capture));
        var options = ResolvedOptions.Resolve(Options(_server.BaseUrl, maxRetries: 1, new ImmediateTimeProvider(), Timeout.InfiniteTimeSpan), NoEnvironment);
        using var client = new RealtimeKitClient(options, null, loggers);

        await client.ActiveSession.KickAllAsync(MeetingId);

        var debug = capture.Entries.Where(e => e.Level == LogLevel.Debug).ToList();
        Assert.Equal(2, debug.Count);
        Assert.Equal("Sending kickAllParticipants: POST /accounts/{account_id}/realtime/kit/{app_id}/meetings/{meeting_id}/active-session/kick-all", debug[0].Message);
        Assert.StartsWith("Received 200 for kickAllParticipants: POST /accounts/{account_id}/realtime/kit/{app_id}/meetings/{meeting_id}/active-session/kick-all in ", debug[1].Message, StringComparison.Ordinal);
        Assert.EndsWith(" ms (1 retries)", debug[1].Message, StringComparison.Ordinal);
        Assert.Equal(200, debug[1].State["StatusCode"]);
        Assert.IsType<double>(debug[1].State["DurationMs"]);
        Assert.All(debug, e => Assert.DoesNotContain(MeetingId, e.Message, StringComparison.Ordinal));

        // Every event of the call, the retry warning included: no token, no body, in the text or the structured state.
        Assert.Contains(capture.Entries, e => e.Level == LogLevel.Warning);
        Assert.All(capture.Entries, e =>
        {
            var everything = e.Message + " " + string.Join(" ", e.State.Values);
            Assert.DoesNotContain(Token, everything, StringComparison.Ordinal);
            Assert.DoesNotContain("body-marker-5521", everything, StringComparison.Ordinal);
            Assert.DoesNotContain("Bearer", everything, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task A_failure_is_a_debug_event_with_its_error_type()
    {
        _server.Respond(_ => ScriptedResponse.Json(404, """{"success":false,"errors":[{"code":404,"message":"body-marker-5521"}]}"""));
        var capture = new CapturingProvider();
        using var loggers = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Debug).AddProvider(capture));
        using var client = new RealtimeKitClient(ResolvedOptions.Resolve(Options(_server.BaseUrl), NoEnvironment), null, loggers);

        await Assert.ThrowsAsync<RealtimeKitException>(() => client.ActiveSession.GetAsync(MeetingId));

        var failed = capture.Entries.Last();
        Assert.Equal(LogLevel.Debug, failed.Level);
        Assert.StartsWith("getActiveSession: GET /accounts/{account_id}/realtime/kit/{app_id}/meetings/{meeting_id}/active-session failed (404) after ", failed.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("body-marker-5521", failed.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Above_debug_nothing_is_logged_for_a_successful_call()
    {
        var capture = new CapturingProvider();
        using var loggers = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Information).AddProvider(capture));
        using var client = new RealtimeKitClient(ResolvedOptions.Resolve(Options(_server.BaseUrl), NoEnvironment), null, loggers);

        await client.ActiveSession.KickAllAsync(MeetingId);

        Assert.Empty(capture.Entries);
    }

    internal sealed record Entry(string Category, LogLevel Level, string Message, IReadOnlyDictionary<string, object?> State);

    /// <summary>Keeps every event: its level, formatted text and structured values.</summary>
    internal sealed class CapturingProvider : ILoggerProvider
    {
        private readonly ConcurrentQueue<Entry> _entries = new();

        public IReadOnlyList<Entry> Entries => _entries.ToArray();

        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _entries);

        public void Dispose()
        {
        }

        private sealed class Logger(string category, ConcurrentQueue<Entry> entries) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? pairs.ToDictionary(p => p.Key, p => p.Value) : new Dictionary<string, object?>();
                entries.Enqueue(new Entry(category, logLevel, formatter(state, exception), values));
            }
        }
    }
}
