using System.Net;
using Microsoft.Extensions.DependencyInjection;
using RealtimeKit.Tests.Support;
using RealtimeKit.TestSupport;
using static RealtimeKit.Tests.Support.TestClients;

namespace RealtimeKit.Tests.Hardening;

/// <summary>Response cases the per-operation fault suite cannot phrase once for all operations.</summary>
public sealed class ResponseHardeningTests
{
    private const string KickedAll = """{"success":true,"data":{"action":"kicked","kicked_participants_count":3}}""";

    [Fact]
    public async Task A_field_of_the_wrong_JSON_kind_that_Kiota_cannot_read_is_a_RealtimeKitException_with_an_excerpt()
    {
        var transport = new ScriptedTransport().Respond(HttpStatusCode.OK, """{"success":true,"data":{"id":"s1","status":5}}""", ("cf-ray", "ray-1"));
        using var client = Over(transport);

        var error = await Assert.ThrowsAsync<RealtimeKitException>(() => client.ActiveSession.GetAsync(MeetingId));

        Assert.StartsWith("200 OK: the response could not be read as GetActiveSessionResponse: InvalidOperationException", error.Message, StringComparison.Ordinal);
        Assert.Equal("ray-1", error.RequestId);
        Assert.Equal("""{"success":true,"data":{"id":"s1","status":5}}""", error.ResponseExcerpt);
        Assert.IsType<InvalidOperationException>(error.InnerException);
    }

    [Fact]
    public async Task A_redirect_followed_by_a_transport_the_SDK_could_not_configure_is_still_refused()
    {
        var transport = new ScriptedTransport().Then((request, _) =>
        {
            request.RequestUri = new Uri("https://elsewhere.test/landing");
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(KickedAll, System.Text.Encoding.UTF8, "application/json") });
        });
        using var client = Over(transport);

        var error = await Assert.ThrowsAsync<RealtimeKitException>(() => client.ActiveSession.KickAllAsync(MeetingId));

        Assert.Contains("the transport followed a redirect to https://elsewhere.test/landing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_primary_handler_configured_through_DI_does_not_follow_redirects_either()
    {
        await using var elsewhere = MisbehavingServer.Start(_ => RawReply.Response(200, KickedAll));
        await using var server = MisbehavingServer.Start(_ => RawReply.Response(302, (string?)null, null, ("Location", elsewhere.BaseUrl + "/x")));
        var services = new ServiceCollection();
        services.AddRealtimeKit(o =>
        {
            o.AccountId = AccountId;
            o.AppId = AppId;
            o.ApiToken = Token;
            o.BaseUrl = new Uri(server.BaseUrl);
        }).ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler());
        await using var provider = services.BuildServiceProvider();

        var error = await Assert.ThrowsAsync<RealtimeKitException>(() => provider.GetRequiredService<RealtimeKitClient>().ActiveSession.KickAllAsync(MeetingId));

        Assert.Equal(302, error.StatusCode);
        Assert.Single(server.Requests);
        Assert.Empty(elsewhere.Requests);
    }

    [Fact]
    public async Task A_handler_chain_passed_as_transport_has_redirects_turned_off_at_its_end()
    {
        var sockets = new SocketsHttpHandler();
        using var client = new RealtimeKitClient(TestClients.Options("https://api.test/v4"), new PassThrough { InnerHandler = sockets });

        Assert.False(sockets.AllowAutoRedirect);
        await Task.CompletedTask;
    }

    [Fact]
    public async Task One_catch_takes_every_failure_the_SDK_raises()
    {
        var transport = new ScriptedTransport()
            .Respond(HttpStatusCode.NotFound, """{"success":false,"error":{"code":404,"message":"gone"}}""")
            .Fail(HttpRequestError.ConnectionError)
            .Respond(HttpStatusCode.OK, "<html/>")
            .Respond(HttpStatusCode.Found);
        using var client = Over(transport);

        for (var i = 0; i < 4; i++)
        {
            await Assert.ThrowsAnyAsync<RealtimeKitClientException>(() => client.ActiveSession.GetAsync(MeetingId));
        }
    }

    [Fact]
    public async Task A_Retry_After_beyond_the_cap_stops_retrying_and_is_surfaced_for_the_caller_to_schedule()
    {
        var time = new ImmediateTimeProvider();
        var transport = new ScriptedTransport().Respond(HttpStatusCode.TooManyRequests, """{"success":false,"errors":[{"code":971,"message":"Please wait"}]}""", ("Retry-After", "900"));
        using var client = Over(transport, maxRetries: 2, time: time, timeout: Timeout.InfiniteTimeSpan);

        var error = await Assert.ThrowsAsync<RealtimeKitException>(() => client.ActiveSession.GetAsync(MeetingId));

        Assert.Equal(TimeSpan.FromMinutes(15), error.RetryAfter);
        Assert.Single(transport.Requests);
        Assert.Empty(time.Waits);
    }

    [Fact]
    public async Task When_retries_run_out_the_last_Retry_After_is_on_the_exception()
    {
        var time = new ImmediateTimeProvider();
        var transport = new ScriptedTransport()
            .Respond(HttpStatusCode.ServiceUnavailable, "{}", ("Retry-After", "2"))
            .Respond(HttpStatusCode.ServiceUnavailable, "{}", ("retry-after-ms", "1500"));
        using var client = Over(transport, maxRetries: 1, time: time, timeout: Timeout.InfiniteTimeSpan);

        var error = await Assert.ThrowsAsync<RealtimeKitException>(() => client.ActiveSession.GetAsync(MeetingId));

        Assert.Equal(TimeSpan.FromMilliseconds(1500), error.RetryAfter);
        Assert.Equal([TimeSpan.FromSeconds(2)], time.Waits);
    }

    [Fact]
    public async Task A_non_idempotent_request_without_a_body_is_never_resent_by_the_transport()
    {
        await using var server = MisbehavingServer.Start(_ => RawReply.Close);
        var request = new HttpRequestMessage(HttpMethod.Post, server.BaseUrl + "/x");
        request.Options.Set(new HttpRequestOptionsKey<Microsoft.Kiota.Abstractions.IRequestOption>(typeof(Http.RetrySafety).FullName!), Http.RetrySafety.NonIdempotentRequest);
        using var http = new HttpClient(new Http.RetryHandler(new Http.RetryPolicy(2, TimeProvider.System, () => 0), Timeout.InfiniteTimeSpan, TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance) { InnerHandler = new SocketsHttpHandler() });

        await Assert.ThrowsAsync<RealtimeKitConnectionException>(() => http.SendAsync(request));

        Assert.Single(server.Requests);
    }

    private sealed class PassThrough : DelegatingHandler;
}
