using System.Net;
using RealtimeKit.Generated.Models;
using RealtimeKit.Tests.Support;
using static RealtimeKit.Tests.Support.TestClients;

namespace RealtimeKit.Tests.Mutation;

/// <summary>
/// Requests sent through <c>client.Api</c>/<c>client.App</c> carry no retry-safety option and are judged by method;
/// <c>client.SendAsync</c> judges by method unless told. Either way a POST or PATCH that got a 500 may have been
/// processed and must not be sent again, while GET, PUT and DELETE are repeated.
/// </summary>
public sealed class RawCallRetrySafetyTests
{
    private const string Failed = """{"success":false,"error":{"code":500,"message":"boom"}}""";
    private readonly ImmediateTimeProvider _time = new();

    public static TheoryData<string, int> GeneratedCalls() => new()
    {
        { "GET", 2 },
        { "PUT", 2 },
        { "DELETE", 2 },
        { "POST", 1 },
        { "PATCH", 1 },
    };

    [Theory]
    [MemberData(nameof(GeneratedCalls))]
    public async Task A_call_through_client_App_after_a_500_is_retried_only_when_its_method_is_idempotent(string method, int attempts)
    {
        var transport = FailingTwice();
        using var client = Over(transport, maxRetries: 1, time: _time, timeout: Timeout.InfiniteTimeSpan);
        var meeting = client.App.Meetings[MeetingId];

        Task call = method switch
        {
            "GET" => meeting.ActiveSession.GetAsync(),
            "PUT" => client.App.Recordings[Guid.Parse(MeetingId)].PutAsync(new UpdateRecordingBody()),
            "DELETE" => meeting.Participants["p1"].DeleteAsync(),
            "POST" => meeting.ActiveSession.KickAll.PostAsync(),
            _ => meeting.Participants["p1"].PatchAsync(new EditParticipantBody()),
        };

        var error = await Assert.ThrowsAsync<RealtimeKitException>(() => call);
        Assert.Equal(500, error.StatusCode);
        Assert.Equal(attempts, transport.Requests.Count);
        Assert.All(transport.Requests, r => Assert.Equal(method, r.Method.Method));
    }

    [Theory]
    [MemberData(nameof(GeneratedCalls))]
    public async Task A_raw_SendAsync_after_a_500_is_retried_only_when_its_method_is_idempotent(string method, int attempts)
    {
        var transport = FailingTwice();
        using var client = Over(transport, maxRetries: 1, time: _time, timeout: Timeout.InfiniteTimeSpan);

        await Assert.ThrowsAsync<RealtimeKitException>(() => client.SendAsync(method.ToLowerInvariant(), Prefix + "/active-session", method is "GET" or "DELETE" ? null : "{}"));

        Assert.Equal(attempts, transport.Requests.Count);
    }

    [Theory]
    [InlineData("POST", true, 2)]
    [InlineData("PATCH", true, 2)]
    [InlineData("GET", false, 1)]
    [InlineData("PUT", false, 1)]
    public async Task A_raw_SendAsync_that_says_whether_it_is_idempotent_overrides_the_method(string method, bool idempotent, int attempts)
    {
        var transport = FailingTwice();
        using var client = Over(transport, maxRetries: 1, time: _time, timeout: Timeout.InfiniteTimeSpan);

        await Assert.ThrowsAsync<RealtimeKitException>(() => client.SendAsync(method, Prefix + "/active-session", method == "GET" ? null : "{}", idempotent));

        Assert.Equal(attempts, transport.Requests.Count);
    }

    private static ScriptedTransport FailingTwice() =>
        new ScriptedTransport().Respond(HttpStatusCode.InternalServerError, Failed).Respond(HttpStatusCode.InternalServerError, Failed);
}
