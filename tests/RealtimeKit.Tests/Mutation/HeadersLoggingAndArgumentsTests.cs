using System.Net;
using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RealtimeKit.Configuration;
using RealtimeKit.Tests.Support;
using RealtimeKit.Tests.Telemetry;
using static RealtimeKit.Tests.Support.TestClients;

namespace RealtimeKit.Tests.Mutation;

/// <summary>
/// What operators see: the User-Agent's SDK version and runtime, and the retry warning in the logger factory the
/// application gave (directly or through DI); and what callers catch for a missing versus a malformed argument.
/// </summary>
public sealed class HeadersLoggingAndArgumentsTests
{
    private const string KickedAll = """{"success":true,"data":{"action":"kicked","kicked_participants_count":1}}""";
    private const string Unavailable = """{"success":false,"error":{"code":503,"message":"Try later"}}""";

    [Fact]
    public async Task The_User_Agent_carries_the_SDK_version_and_the_runtime()
    {
        var transport = new ScriptedTransport().Respond(HttpStatusCode.OK, KickedAll);
        using var client = Over(transport);

        await client.ActiveSession.KickAllAsync(MeetingId);

        var version = typeof(RealtimeKitClient).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion.Split('+')[0];
        Assert.Matches(@"^\d+\.\d+\.\d+", version);
        Assert.Equal(
            $"RealtimeKit-dotnet/{version} (.NET {Environment.Version}; {Environment.OSVersion.Platform})",
            Assert.Single(transport.Requests).Headers.UserAgent.ToString());
    }

    [Fact]
    public async Task A_retry_is_a_warning_in_the_given_logger_factory_naming_target_reason_wait_and_count()
    {
        var capture = new LoggingTests.CapturingProvider();
        using var loggers = LoggerFactory.Create(b => b.AddProvider(capture));
        var transport = new ScriptedTransport().Respond(HttpStatusCode.ServiceUnavailable, Unavailable, ("Retry-After", "2")).Respond(HttpStatusCode.OK, KickedAll);
        var options = ResolvedOptions.Resolve(Options("https://api.test/client/v4", maxRetries: 2, new ImmediateTimeProvider(), Timeout.InfiniteTimeSpan), NoEnvironment);
        using var client = new RealtimeKitClient(options, transport, loggers);

        await client.ActiveSession.KickAllAsync(MeetingId);

        var warning = Assert.Single(capture.Entries, e => e.Level == LogLevel.Warning);
        Assert.Equal($"Retrying POST /client/v4{Prefix}/active-session/kick-all after status 503 in 2 s (retry 1 of 2)", warning.Message);
        Assert.Equal(typeof(RealtimeKitClient).FullName, warning.Category);
    }

    [Fact]
    public async Task A_retry_is_a_warning_in_the_DI_containers_logging()
    {
        var capture = new LoggingTests.CapturingProvider();
        var transport = new ScriptedTransport().Respond(HttpStatusCode.ServiceUnavailable, Unavailable, ("Retry-After", "0")).Respond(HttpStatusCode.OK, KickedAll);
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddProvider(capture));
        services.AddRealtimeKit(o =>
        {
            ConfigureForTests(o);
            o.TimeProvider = new ImmediateTimeProvider();
            o.Timeout = Timeout.InfiniteTimeSpan;
        }).ConfigurePrimaryHttpMessageHandler(() => transport);
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<RealtimeKitClient>().ActiveSession.KickAllAsync(MeetingId);

        var warning = Assert.Single(capture.Entries, e => e.Level == LogLevel.Warning);
        Assert.StartsWith("Retrying POST ", warning.Message, StringComparison.Ordinal);
        Assert.EndsWith(" after status 503 in 0 s (retry 1 of 2)", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_id_is_ArgumentNullException_and_a_blank_one_ArgumentException()
    {
        var transport = new ScriptedTransport();
        using var client = Over(transport);

        var missing = await Assert.ThrowsAsync<ArgumentNullException>(() => client.ActiveSession.GetAsync(default));
        var blank = await Assert.ThrowsAsync<ArgumentException>(() => client.ActiveSession.GetAsync(" "));

        Assert.Equal("meetingId", missing.ParamName);
        Assert.Equal("meetingId", blank.ParamName);
        Assert.Empty(transport.Requests);
    }

    [Fact]
    public async Task A_missing_raw_method_or_path_is_ArgumentNullException_and_a_blank_one_ArgumentException()
    {
        var transport = new ScriptedTransport();
        using var client = Over(transport);

        Assert.Equal("method", (await Assert.ThrowsAsync<ArgumentNullException>(() => client.SendAsync(null!, Prefix))).ParamName);
        Assert.Equal("method", (await Assert.ThrowsAsync<ArgumentException>(() => client.SendAsync(" ", Prefix))).ParamName);
        Assert.Equal("pathAndQuery", (await Assert.ThrowsAsync<ArgumentNullException>(() => client.SendAsync("GET", null!))).ParamName);
        Assert.Equal("pathAndQuery", (await Assert.ThrowsAsync<ArgumentException>(() => client.SendAsync("GET", ""))).ParamName);
        Assert.Empty(transport.Requests);
    }

    [Fact]
    public async Task A_missing_text_argument_is_ArgumentNullException_and_a_blank_one_ArgumentException()
    {
        var transport = new ScriptedTransport();
        using var client = Over(transport);

        Assert.Equal("question", (await Assert.ThrowsAsync<ArgumentNullException>(() => client.ActiveSession.CreatePollAsync(MeetingId, null!, ["a"]))).ParamName);
        Assert.Equal("question", (await Assert.ThrowsAsync<ArgumentException>(() => client.ActiveSession.CreatePollAsync(MeetingId, "", ["a"]))).ParamName);
        Assert.Empty(transport.Requests);
    }
}
