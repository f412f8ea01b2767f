using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using RealtimeKit.Tests.Telemetry;
using RealtimeKit.Tests.Support;
using RealtimeKit.TestSupport;
using static RealtimeKit.Tests.Support.TestClients;

namespace RealtimeKit.Tests.Readme;

/// <summary>
/// The README's "Telemetry" and "Several accounts or apps" blocks, compiled and run here against a loopback server;
/// the last two tests check the README shows exactly this code. In the telemetry collection: it listens to the SDK.
/// </summary>
[Collection(TelemetryCollection.Name)]
public sealed class ReadmeTelemetryAndNamedClientsTests : KickAllServerTests
{
    [Fact]
    public async Task The_telemetry_example_records_a_span_a_metric_and_debug_events()
    {
        var spans = new List<Activity>();
        var metrics = new List<MetricSnapshot>();
        var capture = new LoggingTests.CapturingProvider();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddProvider(capture));
        services.AddRealtimeKit(o =>
        {
            o.AccountId = AccountId;
            o.AppId = AppId;
            o.ApiToken = Token;
            o.BaseUrl = new Uri(Server.BaseUrl);
        });

        // README: telemetry (begin)
        // Traces and metrics, sent to any OpenTelemetry exporter (OTLP, console, Azure Monitor...; in memory here)
        using var tracing = Sdk.CreateTracerProviderBuilder()
            .AddSource(RealtimeKitTelemetry.ActivitySourceName)
            .AddInMemoryExporter(spans)
            .Build();
        using var metering = Sdk.CreateMeterProviderBuilder()
            .AddMeter(RealtimeKitTelemetry.MeterName)
            .AddInMemoryExporter(metrics)
            .Build();

        // A Debug event for each request and response: operation, method, URL template, status, duration
        services.AddLogging(logging => logging.AddFilter("RealtimeKit", LogLevel.Debug));
        // README: telemetry (end)

        await using var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<RealtimeKitClient>().ActiveSession.KickAllAsync(MeetingId);
        tracing.ForceFlush();
        metering.ForceFlush();

        var port = new Uri(Server.BaseUrl).Port;
        Assert.Single(spans, s => s.DisplayName == "kickAllParticipants" && Equals(s.GetTagItem("server.port"), port));
        Assert.Contains(metrics, m => m.Name == RealtimeKitTelemetry.OperationDurationMetric);
        Assert.Contains(capture.Entries, e => e.Level == LogLevel.Debug && e.Message.StartsWith("Received 200 for kickAllParticipants", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_named_clients_example_sends_each_account_its_own_token()
    {
        var (euAccountId, euAppId, euToken) = ("0000000000000000000000000000e0e0", "eu-app", "eu-token-11aa");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["RealtimeKit:Us:AccountId"] = "0000000000000000000000000000a5a5",
            ["RealtimeKit:Us:AppId"] = "us-app",
            ["RealtimeKit:Us:ApiToken"] = "us-token-22bb",
        }).Build();
        var services = new ServiceCollection();
        services.ConfigureAll<RealtimeKitClientOptions>(o => o.BaseUrl = new Uri(Server.BaseUrl));

        // README: named clients (begin)
        // One registration per account or app, each with its own options and HTTP pipeline
        services.AddRealtimeKit("eu", options =>
        {
            options.AccountId = euAccountId;
            options.AppId = euAppId;
            options.ApiToken = euToken;
        });
        services.AddRealtimeKit("us", configuration.GetSection("RealtimeKit:Us"));
        // README: named clients (end)

        await using var provider = services.BuildServiceProvider();

        // README: named clients resolved (begin)
        // By name, from the factory...
        var eu = provider.GetRequiredService<IRealtimeKitClientFactory>().CreateClient("eu");
        // ...or by key: GetRequiredKeyedService, or [FromKeyedServices("us")] RealtimeKitClient on a constructor parameter
        var us = provider.GetRequiredKeyedService<RealtimeKitClient>("us");
        // README: named clients resolved (end)

        await eu.ActiveSession.KickAllAsync(MeetingId);
        await us.ActiveSession.KickAllAsync(MeetingId);

        Assert.Equal("Bearer eu-token-11aa", Server.Requests[0].Header("Authorization"));
        Assert.StartsWith("/accounts/0000000000000000000000000000e0e0/realtime/kit/eu-app/", Server.Requests[0].RawPath, StringComparison.Ordinal);
        Assert.Equal("Bearer us-token-22bb", Server.Requests[1].Header("Authorization"));
        Assert.StartsWith("/accounts/0000000000000000000000000000a5a5/realtime/kit/us-app/", Server.Requests[1].RawPath, StringComparison.Ordinal);
    }

    [Fact]
    public void The_readme_shows_exactly_the_telemetry_code_this_test_runs() =>
        Assert.Equal(ReadmeBlocks.Tested(nameof(ReadmeTelemetryAndNamedClientsTests) + ".cs", "telemetry"), ReadmeBlocks.Shown("// Traces and metrics, sent to any OpenTelemetry exporter"));

    [Fact]
    public void The_readme_shows_exactly_the_named_clients_code_this_test_runs()
    {
        var file = nameof(ReadmeTelemetryAndNamedClientsTests) + ".cs";
        Assert.Equal(ReadmeBlocks.Tested(file, "named clients"), ReadmeBlocks.Shown("// One registration per account or app"));
        Assert.Equal(ReadmeBlocks.Tested(file, "named clients resolved"), ReadmeBlocks.Shown("// By name, from the factory"));
    }
}
