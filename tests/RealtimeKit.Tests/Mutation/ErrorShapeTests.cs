using System.Net;
using RealtimeKit.Tests.Support;
using static RealtimeKit.Tests.Support.TestClients;

namespace RealtimeKit.Tests.Mutation;

/// <summary>
/// What a caller reads off a <see cref="RealtimeKitException"/> for each error body shape: RealtimeKit's own
/// <c>error</c> object, Cloudflare's <c>errors</c> list (empty included), a bare <c>"success": false</c>, bodies that
/// are JSON but no error at all, and 2xx bodies that are not objects; and the reason phrase every message starts with.
/// </summary>
public sealed class ErrorShapeTests
{
    [Fact]
    public async Task RealtimeKits_own_error_body_fills_Errors_with_its_code_and_message()
    {
        var error = await Failing(HttpStatusCode.NotFound, """{"success":false,"error":{"code":404,"message":"Meeting not found"}}""");

        Assert.Equal("404 Not Found: Meeting not found", error.Message);
        Assert.Equal(404, error.ErrorCode);
        Assert.Equal(new RealtimeKitServiceError(404, "Meeting not found"), Assert.Single(error.Errors));
        Assert.True(error.IsNotFound);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest, """{"success":false}""", "400 Bad Request")]
    [InlineData(HttpStatusCode.UnprocessableEntity, """{"success":false,"errors":[]}""", "422 Unprocessable Entity")]
    [InlineData(HttpStatusCode.Conflict, """{"success":false,"errors":["not an object"]}""", "409 Conflict")]
    [InlineData(HttpStatusCode.OK, """{"success":false}""", "200 OK")]
    [InlineData(HttpStatusCode.OK, """{"success":false,"errors":[],"messages":[]}""", "200 OK")]
    public async Task A_failure_without_any_message_says_so_and_lists_no_errors(HttpStatusCode status, string body, string start)
    {
        var error = await Failing(status, body);

        Assert.Equal(start + ": the service reported failure without a message.", error.Message);
        Assert.Null(error.ErrorCode);
        Assert.Empty(error.Errors);
    }

    [Fact]
    public async Task An_empty_errors_list_falls_back_to_a_top_level_message_and_code()
    {
        var error = await Failing(HttpStatusCode.BadRequest, """{"success":false,"errors":[],"code":"7","message":"Top-level reason"}""");

        Assert.Equal("400 Bad Request: Top-level reason", error.Message);
        Assert.Equal(7, error.ErrorCode);
    }

    [Fact]
    public async Task An_error_given_as_a_string_is_the_message()
    {
        var error = await Failing(HttpStatusCode.Forbidden, """{"success":false,"error":"Token expired"}""");

        Assert.Equal("403 Forbidden: Token expired", error.Message);
        Assert.Null(error.ErrorCode);
    }

    [Theory]
    [InlineData("42", 42)]
    [InlineData("42.0", 42)]
    [InlineData("\"42\"", 42)]
    [InlineData("4.5", null)]
    [InlineData("\"x\"", null)]
    public async Task An_error_code_is_read_from_a_whole_number_or_a_numeric_string(string code, int? expected)
    {
        var error = await Failing(HttpStatusCode.BadRequest, $$"""{"success":false,"errors":[{"code":{{code}},"message":"m"}]}""");

        Assert.Equal(expected ?? 0, Assert.Single(error.Errors).Code);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"success":true}""")]
    [InlineData("[1,2]")]
    [InlineData("""{"error":{"code":1}}""")]
    public async Task A_JSON_error_body_that_is_no_error_description_points_to_the_excerpt(string body)
    {
        var error = await Failing(HttpStatusCode.InternalServerError, body);

        Assert.Equal("500 Internal Server Error: the response was not a RealtimeKit error (application/json); see ResponseExcerpt.", error.Message);
        Assert.Equal(body, error.ResponseExcerpt);
        Assert.Empty(error.Errors);
    }

    [Theory]
    [InlineData("\"hello\"", "string")]
    [InlineData("42", "number")]
    [InlineData("true", "boolean")]
    [InlineData("false", "boolean")]
    [InlineData("null", "null")]
    [InlineData("[]", "array")]
    public async Task A_2xx_body_that_is_not_an_object_is_an_error_naming_its_kind(string body, string kind)
    {
        var error = await Failing(HttpStatusCode.OK, body);

        Assert.Equal($"200 OK: the response is a JSON {kind}, not an object.", error.Message);
        Assert.Equal(body, error.ResponseExcerpt);
    }

    [Theory]
    [InlineData(200, "OK")]
    [InlineData(201, "Created")]
    [InlineData(202, "Accepted")]
    [InlineData(204, "No Content")]
    [InlineData(206, "Partial Content")]
    [InlineData(300, "Multiple Choices")]
    [InlineData(301, "Moved Permanently")]
    [InlineData(302, "Found")]
    [InlineData(303, "See Other")]
    [InlineData(304, "Not Modified")]
    [InlineData(307, "Temporary Redirect")]
    [InlineData(308, "Permanent Redirect")]
    [InlineData(400, "Bad Request")]
    [InlineData(401, "Unauthorized")]
    [InlineData(403, "Forbidden")]
    [InlineData(404, "Not Found")]
    [InlineData(405, "Method Not Allowed")]
    [InlineData(408, "Request Timeout")]
    [InlineData(409, "Conflict")]
    [InlineData(410, "Gone")]
    [InlineData(413, "Content Too Large")]
    [InlineData(415, "Unsupported Media Type")]
    [InlineData(422, "Unprocessable Entity")]
    [InlineData(429, "Too Many Requests")]
    [InlineData(500, "Internal Server Error")]
    [InlineData(501, "Not Implemented")]
    [InlineData(502, "Bad Gateway")]
    [InlineData(503, "Service Unavailable")]
    [InlineData(504, "Gateway Timeout")]
    [InlineData(100, "Informational")]
    [InlineData(199, "Informational")]
    [InlineData(203, "Success")]
    [InlineData(299, "Success")]
    [InlineData(305, "Redirection")]
    [InlineData(399, "Redirection")]
    [InlineData(402, "Client Error")]
    [InlineData(499, "Client Error")]
    [InlineData(505, "Server Error")]
    [InlineData(599, "Server Error")]
    [InlineData(99, "HTTP 99")]
    [InlineData(600, "HTTP 600")]
    public void Reason_phrases_name_known_statuses_and_fall_back_to_the_class(int status, string phrase)
    {
        Assert.Equal(phrase, RealtimeKitException.ReasonPhrase(status));
        Assert.Equal($"{status} {phrase}: m", new RealtimeKitException(status, "m").Message);
    }

    [Fact]
    public void An_exception_built_with_a_code_but_no_list_lists_that_one_error()
    {
        Assert.Equal([new RealtimeKitServiceError(12, "m")], new RealtimeKitException(400, "m", errorCode: 12).Errors);
        Assert.Empty(new RealtimeKitException(400, "m").Errors);
    }

    private static async Task<RealtimeKitException> Failing(HttpStatusCode status, string body)
    {
        var transport = new ScriptedTransport().Respond(status, body);
        using var client = Over(transport);
        return await Assert.ThrowsAsync<RealtimeKitException>(() => client.ActiveSession.GetAsync(MeetingId));
    }
}
