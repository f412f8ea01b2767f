using System.Diagnostics;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using RealtimeKit.Configuration;
using RealtimeKit.Telemetry;
using RealtimeKit.Tests.Support;
using RealtimeKit.TestSupport;
using static RealtimeKit.Tests.Support.TestClients;

namespace RealtimeKit.Tests.Telemetry;

/// <summary>
/// The SDK's spans and metrics, observed through OpenTelemetry's in-memory exporter as an application would see them.
/// Other tests run in parallel through the same static source and meter: what each test checks is picked by its own
/// server's port.
/// </summary>
[Collection(TelemetryCollection.Name)]
public sealed class TelemetryTests : KickAllServerTests
{
    private const string KickAllTemplate = "/accounts/{account_id}/realtime/kit/{app_id}/meetings/{meeting_id}/active-session/kick-all";

    private int Port => new Uri(Server.BaseUrl).Port;

    [Fact]
    public async Task An_operation_is_one_client_span_named_by_its_operationId_with_the_template_status_and_retries()
    {
        var calls = 0;
        Server.Respond(_ => ++calls == 1 ? ScriptedResponse.Json(503, "{}", ("Retry-After", "0")) : ScriptedResponse.Json(200, KickedAll));
        var spans = new List<Activity>();
        using (var tracing = Sdk.CreateTracerProviderBuilder().AddSource(RealtimeKitTelemetry.ActivitySourceName).AddInMemoryExporter(spans).Build())
        {
            // Under a base path, which comes before the spec's templates.
            using var client = Client(maxRetries: 2, basePath: "/client/v4");
            await client.ActiveSession.KickAllAsync(MeetingId);
        }

        var span = Assert.Single(spans, s => Equals(s.GetTagItem("server.port"), Port));
        Assert.Equal("kickAllParticipants", span.DisplayName);
        Assert.Equal(ActivityKind.Client, span.Kind);
        Assert.Equal("POST", span.GetTagItem("http.request.method"));
        Assert.Equal(KickAllTemplate, span.GetTagItem("url.template"));
        Assert.Equal("kickAllParticipants", span.GetTagItem(RealtimeKitTelemetry.OperationNameAttribute));
        Assert.Equal("127.0.0.1", span.GetTagItem("server.address"));
        Assert.Equal(200, span.GetTagItem("http.response.status_code"));
        Assert.Equal(1, span.GetTagItem("http.request.resend_count"));
        Assert.Null(span.GetTagItem("error.type"));
        Assert.Equal(ActivityStatusCode.Unset, span.Status);
        Assert.DoesNotContain(span.TagObjects, t => t.Value?.ToString()?.Contains(MeetingId, StringComparison.Ordinal) == true || t.Value?.ToString()?.Contains(Token, StringComparison.Ordinal) == true);
        Assert.Equal(2, Server.Requests.Count);
        Assert.StartsWith("/client/v4/accounts/", Server.Requests[0].RawPath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_path_outside_the_spec_is_a_span_named_by_its_method_without_a_template()
    {
        var spans = new List<Activity>();
        using (var tracing = Sdk.CreateTracerProviderBuilder().AddSource(RealtimeKitTelemetry.ActivitySourceName).AddInMemoryExporter(spans).Build())
        {
            using var client = Client();
            await client.SendAsync("GET", $"/accounts/{AccountId}/realtime/kit/{AppId}/meetings/{MeetingId}/not-in-the-spec");
        }

        var span = Assert.Single(spans, s => Equals(s.GetTagItem("server.port"), Port));
        Assert.Equal("GET", span.DisplayName);
        Assert.Null(span.GetTagItem("url.template"));
        Assert.Null(span.GetTagItem(RealtimeKitTelemetry.OperationNameAttribute));
        Assert.Equal(200, span.GetTagItem("http.response.status_code"));
    }

    [Fact]
    public async Task A_failed_operation_has_the_status_as_error_type_on_its_span()
    {
        Server.Respond(_ => ScriptedResponse.Json(404, """{"success":false,"errors":[{"code":404,"message":"no session"}]}"""));
        var spans = new List<Activity>();
        using (var tracing = Sdk.CreateTracerProviderBuilder().AddSource(RealtimeKitTelemetry.ActivitySourceName).AddInMemoryExporter(spans).Build())
        {
            using var client = Client();
            await Assert.ThrowsAsync<RealtimeKitException>(() => client.ActiveSession.GetAsync(MeetingId));
        }

        var span = Assert.Single(spans, s => Equals(s.GetTagItem("server.port"), Port));
        Assert.Equal("getActiveSession", span.DisplayName);
        Assert.Equal(404, span.GetTagItem("http.response.status_code"));
        Assert.Equal("404", span.GetTagItem("error.type"));
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Null(span.StatusDescription);
    }

    [Fact]
    public async Task Durations_retries_and_failures_are_recorded_as_metrics_with_the_semantic_convention_attributes()
    {
        var calls = 0;
        Server.Respond(_ => ++calls switch
        {
            1 => ScriptedResponse.Json(503, "{}", ("Retry-After", "0")),
            2 => ScriptedResponse.Json(200, KickedAll),
            _ => ScriptedResponse.Json(500, """{"success":false,"errors":[{"code":500,"message":"down"}]}"""),
        });
        var exported = new List<MetricSnapshot>();
        List<MetricSnapshot> metrics;
        using (var meters = Sdk.CreateMeterProviderBuilder().AddMeter(RealtimeKitTelemetry.MeterName).AddInMemoryExporter(exported).Build())
        {
            using var client = Client(maxRetries: 1);
            await client.ActiveSession.KickAllAsync(MeetingId);
            await Assert.ThrowsAsync<RealtimeKitException>(() => client.ActiveSession.GetAsync(MeetingId));

            // One collection (disposing the provider would export a second one).
            meters.ForceFlush();
            metrics = exported.ToList();
        }

        var durations = Points(metrics, RealtimeKitTelemetry.OperationDurationMetric);
        Assert.Equal(2, durations.Count);
        var kick = Assert.Single(durations, p => Tag(p, "url.template") == KickAllTemplate);
        Assert.Equal(1, kick.GetHistogramCount());
        Assert.True(kick.GetHistogramSum() >= 0);
        Assert.Equal("POST", Tag(kick, "http.request.method"));
        Assert.Equal(200, Tag(kick, "http.response.status_code"));
        Assert.Equal("127.0.0.1", Tag(kick, "server.address"));
        Assert.Null(Tag(kick, "error.type"));
        Assert.Equal("s", metrics.First(m => m.Name == RealtimeKitTelemetry.OperationDurationMetric).Unit);

        // Both were retried once: the kick after its 503, the GET after its first 500.
        var retries = Points(metrics, RealtimeKitTelemetry.RetriesMetric);
        Assert.Equal(1, Assert.Single(retries, p => Tag(p, RealtimeKitTelemetry.OperationNameAttribute) is "kickAllParticipants").GetSumLong());
        Assert.Equal(1, Assert.Single(retries, p => Tag(p, RealtimeKitTelemetry.OperationNameAttribute) is "getActiveSession").GetSumLong());

        var failure = Assert.Single(Points(metrics, RealtimeKitTelemetry.FailuresMetric));
        Assert.Equal(1, failure.GetSumLong());
        Assert.Equal("getActiveSession", Tag(failure, RealtimeKitTelemetry.OperationNameAttribute));
        Assert.Equal("500", Tag(failure, "error.type"));
    }

    [Fact]
    public async Task Without_a_listener_or_a_debug_logger_the_handler_leaves_the_request_untouched()
    {
        var seen = new List<HttpRequestMessage>();
        var options = ResolvedOptions.Resolve(Options(Server.BaseUrl), NoEnvironment);
        using var client = new RealtimeKitClient(options, new Spy(seen, new SocketsHttpHandler()), null);

        await client.ActiveSession.KickAllAsync(MeetingId);

        // Every test that listens to the SDK's source or meter is in this test's collection, which xunit runs one test
        // at a time: nothing listens now, so the handler took its fast path and attached no attempt count.
        Assert.False(SdkTelemetry.IsObserved);
        Assert.DoesNotContain(Assert.Single(seen).Options, o => o.Key.Contains("Attempts", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_a_listener_or_a_debug_logger_the_telemetry_handlers_allocate_nothing()
    {
        using var response = new HttpResponseMessage(System.Net.HttpStatusCode.OK);
        using var chain = new Entry(new TelemetryHandler(new Uri("https://api.test/client/v4"), TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance)
        {
            InnerHandler = new AttemptCounter { InnerHandler = new Answer(Task.FromResult(response)) },
        });
        using var request = new HttpRequestMessage(HttpMethod.Get, $"https://api.test/client/v4{Prefix}/active-session");
        await chain.Send(request);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            _ = chain.Send(request).Result;
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void The_operation_catalog_is_the_specs_list_of_operations()
    {
        var spec = SpecDocument.Operations().Select(o => $"(\"{o.Method}\", \"{o.Path}\", \"{o.Operation["operationId"]}\"),").ToList();
        var catalog = OperationCatalog.Entries().Select(e => $"(\"{e.Method}\", \"{e.Template}\", \"{e.OperationId}\"),").ToList();

        // On failure, paste the expected lines into src/RealtimeKit/Telemetry/OperationCatalog.Entries.cs.
        Assert.Equal(string.Join('\n', spec), string.Join('\n', catalog));
    }

    [Theory]
    [InlineData("GET", "/accounts/a1/realtime/kit/apps/x9", "getApp")]
    [InlineData("GET", "/accounts/a1/realtime/kit/x9/meetings", "listMeetings")]
    [InlineData("GET", "/accounts/a1/realtime/kit/x9/webhooks/all", "listWebhookEvents")]
    [InlineData("GET", "/accounts/a1/realtime/kit/x9/webhooks/w-1", "getWebhook")]
    [InlineData("POST", "/accounts/a1/realtime/kit/x9/recordings/track", "startTrackRecording")]
    [InlineData("PUT", "/accounts/a1/realtime/kit/x9/recordings/track", "updateRecording")]
    [InlineData("GET", "/accounts/a1/realtime/kit/x9/sessions/peer-report/p%2F1", "getPeerReport")]
    [InlineData("DELETE", "/accounts/a1/realtime/kit/x9/meetings", null)]
    [InlineData("GET", "/accounts/a1/realtime/kit/x9/nothing-here", null)]
    public void A_path_is_named_by_the_most_specific_operation_of_its_method(string method, string path, string? operationId) =>
        Assert.Equal(operationId, OperationCatalog.Find(method, path)?.OperationId);

    private RealtimeKitClient Client(int maxRetries = 0, string basePath = "") =>
        new(ResolvedOptions.Resolve(Options(Server.BaseUrl + basePath, maxRetries, new ImmediateTimeProvider(), Timeout.InfiniteTimeSpan), NoEnvironment), null, null);

    private List<MetricPoint> Points(List<MetricSnapshot> metrics, string name)
    {
        var points = new List<MetricPoint>();
        foreach (var metric in metrics.Where(m => m.Name == name))
        {
            foreach (var point in metric.MetricPoints)
            {
                if (Equals(Tag(point, "server.port"), Port))
                {
                    points.Add(point);
                }
            }
        }

        return points;
    }

    private static object? Tag(MetricPoint point, string key)
    {
        foreach (var tag in point.Tags)
        {
            if (tag.Key == key)
            {
                return tag.Value;
            }
        }

        return null;
    }

    /// <summary>The outside of a handler chain, callable directly (no HttpClient around it).</summary>
    private sealed class Entry(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        public Task<HttpResponseMessage> Send(HttpRequestMessage request) => SendAsync(request, CancellationToken.None);
    }

    /// <summary>A transport that answers at once with the same completed task.</summary>
    private sealed class Answer(Task<HttpResponseMessage> answer) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) => answer;
    }

    private sealed class Spy(List<HttpRequestMessage> seen, HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            seen.Add(request);
            return base.SendAsync(request, cancellationToken);
        }
    }
}

/// <summary>
/// The tests that listen to the SDK's (static) source and meter: run one at a time and after the parallel tests, because
/// a listener also receives every other test's spans, and the in-memory exporter's list is not safe to fill from
/// several threads while a test reads it.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryCollection
{
    public const string Name = "RealtimeKit telemetry listeners";
}
