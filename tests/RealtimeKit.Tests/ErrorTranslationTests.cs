using System.Net;
using RealtimeKit.Tests.Support;
using static RealtimeKit.Tests.Support.TestClients;

namespace RealtimeKit.Tests;

/// <summary>Every shape of failure becomes one <see cref="RealtimeKitException"/> with what the service said.</summary>
public class ErrorTranslationTests
{
    [Fact]
    public async Task Cloudflares_general_envelope_gives_its_code_and_message()
    {
        var transport = new ScriptedTransport().Respond(HttpStatusCode.Unauthorized, """{"success":false,"errors":[{"code":10000,"message":"Authentication error"}],"messages":[]}""");
        using var client = Over(transport);

        var error = await Assert.ThrowsAsync<RealtimeKitException>(() => client.ActiveSession.GetAsync(MeetingId));

        Assert.Equal("401 Unauthorized: Authentication error", error.Message);
        Assert.Equal(10000, error.ErrorCode);
        Assert.Equal(new RealtimeKitServiceError(10000, "Authentication error"), Assert.Single(error.Errors));
    }

    [Fact]
    public async Task Several_cloudflare_errors_are_all_kept()
    {
        var transport = new ScriptedTransport().Respond(HttpStatusCode.Forbidden, """{"success":false,"errors":[{"code":9109,"message":"Unauthorized to access requested resource"},{"code":10001,"message":"Missing permission"}],"messages":[]}""");
        using var client = Over(transport);

        var error = await Assert.ThrowsAsync<RealtimeKitException>(() => client.ActiveSession.KickAllAsync(MeetingId));

        Assert.Equal("403 Forbidden: Unauthorized to access requested resource; Missing permission", error.Message);
        Assert.Equal([9109, 10001], error.Errors.Select(e => e.Code));
    }

    [Fact]
    public async Task An_html_gateway_page_becomes_an_exception_with_an_excerpt()
    {
        var html = "<html><head><title>502 Bad Gateway</title></head><body>" + new string('x', 5000) + "</body></html>";
        var transport = new ScriptedTransport().Respond(HttpStatusCode.BadGateway, html, ("cf-ray", "abc123-LHR"));
        using var client = Over(transport);

        var error = await Assert.ThrowsAsync<RealtimeKitException>(() => client.ActiveSession.GetAsync(MeetingId));

        Assert.Equal(502, error.StatusCode);
        Assert.StartsWith("502 Bad Gateway: the response was not a RealtimeKit error (text/html)", error.Message, StringComparison.Ordinal);
        Assert.Null(error.ErrorCode);
        Assert.Equal("abc123-LHR", error.RequestId);
        Assert.Equal(RealtimeKitException.MaxExcerptLength, error.ResponseExcerpt!.Length);
        Assert.StartsWith("<html><head><title>502", error.ResponseExcerpt, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_error_body_still_says_what_happened()
    {
        var transport = new ScriptedTransport().Respond(HttpStatusCode.ServiceUnavailable);
        using var client = Over(transport);

        var error = await Assert.ThrowsAsync<RealtimeKitException>(() => client.Participants.DeleteAsync(MeetingId, "p1"));

        Assert.Equal("503 Service Unavailable: the response had no body.", error.Message);
        Assert.Null(error.ResponseExcerpt);
    }

    [Fact]
    public async Task A_2xx_whose_body_says_success_false_is_an_error()
    {
        var transport = new ScriptedTransport().Respond(HttpStatusCode.OK, """{"success":false,"error":{"code":422,"message":"Poll options must be unique"}}""");
        using var client = Over(transport);

        var error = await Assert.ThrowsAsync<RealtimeKitException>(() => client.ActiveSession.CreatePollAsync(MeetingId, "q", ["a", "a"]));

        Assert.Equal(200, error.StatusCode);
        Assert.Equal(422, error.ErrorCode);
        Assert.Equal("200 OK: Poll options must be unique", error.Message);
    }

    [Fact]
    public async Task A_success_without_data_is_an_error_not_a_null()
    {
        var transport = new ScriptedTransport().Respond(HttpStatusCode.OK, """{"success":true}""");
        using var client = Over(transport);

        var error = await Assert.ThrowsAsync<RealtimeKitException>(() => client.ActiveSession.GetAsync(MeetingId));

        Assert.Equal("200 OK: the response carried no data.", error.Message);
    }

    [Fact]
    public async Task An_unreadable_json_error_body_is_described_not_thrown_as_a_parse_error()
    {
        var transport = new ScriptedTransport().Respond(HttpStatusCode.InternalServerError, "{ not json");
        using var client = Over(transport);

        var error = await Assert.ThrowsAsync<RealtimeKitException>(() => client.ActiveSession.GetAsync(MeetingId));

        Assert.Equal(500, error.StatusCode);
        Assert.Equal("{ not json", error.ResponseExcerpt);
    }

    [Fact]
    public async Task The_generated_client_reached_through_the_facade_raises_the_same_exceptions()
    {
        var transport = new ScriptedTransport().Respond(HttpStatusCode.NotFound, """{"success":false,"error":{"code":404,"message":"No active session"}}""");
        using var client = Over(transport);

        var error = await Assert.ThrowsAsync<RealtimeKitException>(() => client.App.Meetings[MeetingId].ActiveSession.GetAsync());

        Assert.Equal("404 Not Found: No active session", error.Message);
    }
}
