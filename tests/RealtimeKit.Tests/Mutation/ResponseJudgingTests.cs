using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using RealtimeKit.Http;
using RealtimeKit.Tests.Support;
using static RealtimeKit.Tests.Support.TestClients;

namespace RealtimeKit.Tests.Mutation;

/// <summary>
/// The edges of what the error handler accepts before a body is read: which media types and charsets are JSON, which
/// URL paths hold a dot segment (the query and fragment, and the host, do not count), and the JSON kinds messages name.
/// </summary>
public sealed class ResponseJudgingTests
{
    private const string Session = """{"success":true,"data":{"id":"s1","associated_id":"m1","status":"LIVE"}}""";

    [Theory]
    [InlineData("https://api.test/a/../b", true)]
    [InlineData("https://api.test/a/./b", true)]
    [InlineData("https://api.test/a/%2E%2e/b", true)]
    [InlineData("https://api.test/a/.%2e", true)]
    [InlineData("https://api.test/..", true)]
    [InlineData("https://api.test/a/...", false)]
    [InlineData("https://api.test/a/.b/c.", false)]
    [InlineData("https://api.test/a//b/", false)]
    [InlineData("https://api.test", false)]
    [InlineData("https://api.test/a?next=/../b", false)]
    [InlineData("https://api.test/a#/../b", false)]
    [InlineData("https://../a", false)] // the host is not a path segment
    [InlineData("/../a", true)] // no scheme: the whole text is the path
    [InlineData("?/..", false)] // ... and a query from its first character
    [InlineData("a/./b", true)]
    public void Dot_segments_are_found_in_the_path_only(string url, bool expected)
    {
        Assert.Equal(expected, ErrorResponseHandler.HasDotSegment(url));
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("APPLICATION/JSON")]
    [InlineData("application/problem+json")]
    [InlineData("application/vnd.api+JSON")]
    public async Task Json_media_types_are_read(string mediaType)
    {
        using var client = Over(new ScriptedTransport().Then((_, _) => Task.FromResult(Reply(Session, mediaType))));

        var session = await client.ActiveSession.GetAsync(MeetingId);

        Assert.Equal("s1", session.Id);
    }

    [Theory]
    [InlineData("application/xml")]
    [InlineData("text/x+json")]
    [InlineData("application/jsonx")]
    [InlineData("text/plain")]
    public async Task Other_media_types_are_refused_even_with_a_json_body(string mediaType)
    {
        using var client = Over(new ScriptedTransport().Then((_, _) => Task.FromResult(Reply(Session, mediaType))));

        var error = await Assert.ThrowsAsync<RealtimeKitException>(() => client.ActiveSession.GetAsync(MeetingId));

        Assert.Equal($"200 OK: the response is {mediaType}, not JSON.", error.Message);
    }

    [Theory]
    [InlineData("utf-8", true)]
    [InlineData("UTF8", true)]
    [InlineData("\"utf-8\"", true)]
    [InlineData("iso-8859-1", false)]
    [InlineData("utf-16", false)]
    public async Task Only_a_utf8_charset_is_read(string charset, bool read)
    {
        var response = Reply(Session, "application/json");
        response.Content.Headers.ContentType!.CharSet = charset;
        using var client = Over(new ScriptedTransport().Then((_, _) => Task.FromResult(response)));

        if (read)
        {
            Assert.Equal("s1", (await client.ActiveSession.GetAsync(MeetingId)).Id);
            return;
        }

        var error = await Assert.ThrowsAsync<RealtimeKitException>(() => client.ActiveSession.GetAsync(MeetingId));
        Assert.Equal($"200 OK: the response declares charset '{charset}'; JSON is read only as UTF-8.", error.Message);
    }

    [Theory]
    [InlineData(JsonValueKind.Object, "object")]
    [InlineData(JsonValueKind.Array, "array")]
    [InlineData(JsonValueKind.String, "string")]
    [InlineData(JsonValueKind.Number, "number")]
    [InlineData(JsonValueKind.True, "boolean")]
    [InlineData(JsonValueKind.False, "boolean")]
    [InlineData(JsonValueKind.Null, "null")]
    [InlineData(JsonValueKind.Undefined, "nothing")]
    public void Json_kinds_are_named_in_words(JsonValueKind kind, string name)
    {
        Assert.Equal(name, ErrorResponseHandler.KindName(kind));
    }

    private static HttpResponseMessage Reply(string body, string mediaType)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
    }
}
