using System.Net;
using System.Text.Json.Nodes;
using System.Web;
using RealtimeKit.Tests.Support;
using RealtimeKit.TestSupport;
using static RealtimeKit.Tests.Support.TestClients;

namespace RealtimeKit.Tests;

/// <summary>The participant operations beyond add and delete: list, get, edit, replace, regenerate the token.</summary>
public class ParticipantsClientTests
{
    private const string ParticipantsPath = $"/client/v4{Prefix}/participants";
    private const string ParticipantId = "b0a65f63-42db-4cfd-999f-f377bed574ca";
    private const string ServerError = """{"success":false,"error":{"code":500,"message":"boom"}}""";

    private readonly ScriptedTransport _transport = new();

    public static TheoryData<string?> Blanks() => new(null, "", "   ");

    [Theory]
    [MemberData(nameof(Blanks))]
    public async Task Blank_meeting_and_participant_ids_are_refused_before_anything_is_sent(string? blank)
    {
        using var client = Over(_transport);
        var byMeeting = new Func<Task>[]
        {
            () => client.Participants.ListAsync(blank),
            () => client.Participants.GetAsync(blank, ParticipantId),
            () => client.Participants.EditAsync(blank, ParticipantId, name: "n"),
            () => client.Participants.ReplaceAsync(blank, ParticipantId, "c", "p"),
            () => client.Participants.RegenerateTokenAsync(blank, ParticipantId),
        };
        var byParticipant = new Func<Task>[]
        {
            () => client.Participants.GetAsync(MeetingId, blank),
            () => client.Participants.EditAsync(MeetingId, blank, name: "n"),
            () => client.Participants.ReplaceAsync(MeetingId, blank, "c", "p"),
            () => client.Participants.RegenerateTokenAsync(MeetingId, blank),
        };

        foreach (var call in byMeeting)
        {
            Assert.Equal("meetingId", (await Assert.ThrowsAnyAsync<ArgumentException>(call)).ParamName);
        }

        foreach (var call in byParticipant)
        {
            Assert.Equal("participantId", (await Assert.ThrowsAnyAsync<ArgumentException>(call)).ParamName);
        }

        Assert.Equal("meetingId", Assert.ThrowsAny<ArgumentException>(() => client.Participants.ListAllAsync(blank)).ParamName);
        Assert.Empty(_transport.Requests);
    }

    [Fact]
    public async Task Edit_and_replace_check_their_details_before_anything_is_sent()
    {
        using var client = Over(_transport);

        var nothing = await Assert.ThrowsAsync<ArgumentException>(() => client.Participants.EditAsync(MeetingId, ParticipantId));
        var blankPreset = await Assert.ThrowsAsync<ArgumentException>(() => client.Participants.EditAsync(MeetingId, ParticipantId, presetName: " "));
        var relative = await Assert.ThrowsAsync<ArgumentException>(() => client.Participants.EditAsync(MeetingId, ParticipantId, picture: new Uri("/a.png", UriKind.Relative)));
        var noCustomId = await Assert.ThrowsAnyAsync<ArgumentException>(() => client.Participants.ReplaceAsync(MeetingId, ParticipantId, null!, "p"));
        var noPreset = await Assert.ThrowsAnyAsync<ArgumentException>(() => client.Participants.ReplaceAsync(MeetingId, ParticipantId, "c", ""));

        Assert.Contains("at least one of name, picture or presetName", nothing.Message, StringComparison.Ordinal);
        Assert.Equal("presetName", blankPreset.ParamName);
        Assert.Equal("picture", relative.ParamName);
        Assert.Equal("customParticipantId", noCustomId.ParamName);
        Assert.Equal("presetName", noPreset.ParamName);
        Assert.Empty(_transport.Requests);
    }

    [Fact]
    public async Task List_sends_the_page_and_returns_the_participants_without_tokens()
    {
        _transport.Respond(HttpStatusCode.OK, Example("listParticipants"));
        using var client = Over(_transport);

        var page = await client.Participants.ListAsync(MeetingId, pageNumber: 4, perPage: 2);

        var request = Assert.Single(_transport.Requests);
        Assert.Equal(ParticipantsPath, request.RequestUri!.AbsolutePath);
        var query = HttpUtility.ParseQueryString(request.RequestUri.Query);
        Assert.Equal(("4", "2"), (query["page_no"], query["per_page"]));
        Assert.Equal(["alice@example.com", "bob@example.com"], page.Items.Select(p => p.CustomParticipantId));
    }

    [Fact]
    public async Task List_all_fetches_lazily_and_stops_at_the_total_count()
    {
        _transport.Respond(HttpStatusCode.OK, Page(total: 3, 2)).Respond(HttpStatusCode.OK, Page(total: 3, 1));
        using var client = Over(_transport);

        var seen = 0;
        await foreach (var _ in client.Participants.ListAllAsync(MeetingId, perPage: 2))
        {
            seen++;
            Assert.Equal(seen <= 2 ? 1 : 2, _transport.Requests.Count);
        }

        Assert.Equal(3, seen);
        Assert.Equal(2, _transport.Requests.Count);
        Assert.Equal("2", HttpUtility.ParseQueryString(_transport.Requests[1].RequestUri!.Query)["page_no"]);
    }

    [Fact]
    public async Task List_all_stops_after_an_empty_page()
    {
        _transport.Respond(HttpStatusCode.OK, Page(total: 5, 0));
        using var client = Over(_transport);

        var all = new List<Generated.Models.MeetingParticipant>();
        await foreach (var participant in client.Participants.ListAllAsync(MeetingId))
        {
            all.Add(participant);
        }

        Assert.Empty(all);
        Assert.Single(_transport.Requests);
    }

    [Fact]
    public async Task Edit_sends_only_the_details_given_and_is_retried_like_a_read()
    {
        _transport.Respond(HttpStatusCode.InternalServerError, ServerError).Respond(HttpStatusCode.OK, Example("editParticipant"));
        using var client = Over(_transport, maxRetries: 2, time: new ImmediateTimeProvider(), timeout: Timeout.InfiniteTimeSpan);

        var edited = await client.Participants.EditAsync(MeetingId, ParticipantId, picture: new Uri("https://example.com/a b.png"));

        Assert.Equal(2, _transport.Requests.Count);
        Assert.Equal(HttpMethod.Patch, _transport.Requests[1].Method);
        Assert.Equal($"{ParticipantsPath}/{ParticipantId}", _transport.Requests[1].RequestUri!.AbsolutePath);
        JsonAssert.Equivalent(JsonNode.Parse("""{"picture":"https://example.com/a%20b.png"}"""), JsonNode.Parse(_transport.Bodies[1]!));
        Assert.False(string.IsNullOrEmpty(edited.Token));
    }

    [Fact]
    public async Task Regenerating_a_token_posts_no_body_and_is_not_retried_after_a_500()
    {
        _transport.Respond(HttpStatusCode.InternalServerError, ServerError);
        using var client = Over(_transport, maxRetries: 2, time: new ImmediateTimeProvider(), timeout: Timeout.InfiniteTimeSpan);

        await Assert.ThrowsAsync<RealtimeKitException>(() => client.Participants.RegenerateTokenAsync(MeetingId, ParticipantId));

        var request = Assert.Single(_transport.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal($"{ParticipantsPath}/{ParticipantId}/token", request.RequestUri!.AbsolutePath);
        Assert.True(string.IsNullOrEmpty(_transport.Bodies[0]), "No JSON body (a non-idempotent request carries an empty one).");
    }

    [Fact]
    public async Task Regenerating_a_token_is_retried_after_a_429()
    {
        _transport.Respond(HttpStatusCode.TooManyRequests, """{"success":false,"error":{"code":429,"message":"slow down"}}""").Respond(HttpStatusCode.OK, Example("regenerateParticipantToken"));
        using var client = Over(_transport, maxRetries: 2, time: new ImmediateTimeProvider(), timeout: Timeout.InfiniteTimeSpan);

        var token = await client.Participants.RegenerateTokenAsync(MeetingId, ParticipantId);

        Assert.StartsWith("eyJ", token.Token, StringComparison.Ordinal);
        Assert.Equal(2, _transport.Requests.Count);
    }

    private static string Example(string operationId) =>
        SpecDocument.Examples().First(e => e.OperationId == operationId && e.IsSuccess).Value.ToJsonString();

    private static string Page(long total, int count) => new JsonObject
    {
        ["success"] = true,
        ["data"] = new JsonArray(Enumerable.Range(0, count).Select(i => (JsonNode)new JsonObject
        {
            ["id"] = Guid.NewGuid().ToString(),
            ["custom_participant_id"] = $"p{i}",
            ["preset_name"] = "group_call_host",
            ["created_at"] = "2025-01-01T08:20:00.000Z",
            ["updated_at"] = "2025-01-01T08:20:00.000Z",
        }).ToArray()),
        ["paging"] = new JsonObject { ["total_count"] = total, ["start_offset"] = 1, ["end_offset"] = count },
    }.ToJsonString();
}
