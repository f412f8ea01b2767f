using System.Text.Json.Nodes;
using RealtimeKit.Tests.Support;
using RealtimeKit.TestSupport;
using static RealtimeKit.Tests.Support.TestClients;

namespace RealtimeKit.Tests.Contract;

/// <summary>
/// For every operation of the spec, over real HTTP to a loopback server: the request on the wire (method,
/// path, bearer, content type, body), the documented response coming back as the returned model, and every
/// documented error example becoming the right <see cref="RealtimeKitException"/>.
/// </summary>
public sealed class WireContractTests : IAsyncLifetime
{
    private LoopbackServer _server = null!;
    private RealtimeKitClient _client = null!;
    private ScriptedResponse _next = ScriptedResponse.Json(200, "{}");

    public async Task InitializeAsync()
    {
        _server = await LoopbackServer.StartAsync(_ => _next);
        _client = Against(_server.BaseUrl + "/client/v4");
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _server.DisposeAsync();
    }

    /// <summary>Every operation of the spec, by operationId: the spec, not a list here, says what must be covered.</summary>
    public static TheoryData<string> SpecOperations() => new(SpecDocument.Operations().Select(o => o.Operation["operationId"]!.GetValue<string>()));

    [Theory]
    [MemberData(nameof(SpecOperations))]
    public void Every_spec_operation_has_a_facade_call_under_contract(string operationId)
    {
        Assert.True(OperationCalls.All.ContainsKey(operationId), $"{operationId} is in the spec but has no facade call in OperationCalls.");
    }

    [Fact]
    public void Every_facade_call_under_contract_is_a_spec_operation()
    {
        var spec = SpecDocument.Operations().Select(o => o.Operation["operationId"]!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);

        var notInSpec = OperationCalls.All.Keys.Where(id => !spec.Contains(id)).ToList();

        Assert.True(notInSpec.Count == 0, "Calls for operations the spec does not have: " + string.Join(", ", notInSpec));
    }

    [Theory]
    [MemberData(nameof(SpecOperations))]
    public async Task The_request_matches_the_spec_and_the_documented_response_comes_back_unwrapped(string operationId)
    {
        var (method, path, operation) = SpecDocument.Operations().Single(o => o.Operation["operationId"]!.GetValue<string>() == operationId);
        var success = SpecDocument.Examples().First(e => e.OperationId == operationId && e.IsSuccess);
        _next = ScriptedResponse.Json(int.Parse(success.Status!), success.Value.ToJsonString());

        var returned = await OperationCalls.All[operationId].Invoke(_client);

        var request = Assert.Single(_server.Requests);
        Assert.Equal(method, request.Method);
        var (requestPath, query) = SplitQuery(request.RawPath);
        Assert.Equal("/client/v4" + PathValues.Expand(path), requestPath);
        Assert.All(query, name => Assert.True(DeclaresQuery(operation, name), $"{operationId} sent query parameter '{name}', which the spec does not declare."));
        Assert.Equal("Bearer " + Token, request.Header("Authorization"));
        Assert.Equal("application/json", request.Header("Accept"));
        Assert.StartsWith("RealtimeKit-dotnet/", request.Header("User-Agent"), StringComparison.Ordinal);
        var requestExample = SpecDocument.Examples().FirstOrDefault(e => e.OperationId == operationId && e.IsRequest);
        if (requestExample is null)
        {
            Assert.False(request.HasBody, $"{operationId} sends no body, got '{request.Body}'.");
        }
        else
        {
            Assert.Equal("application/json", request.Header("Content-Type"));
            JsonAssert.Equivalent(requestExample.Value, JsonNode.Parse(request.Body));
        }

        if (success.Value["data"] is { } data)
        {
            JsonAssert.Equivalent(data, await OperationCalls.ToJsonAsync(returned));
        }
    }

    private static (string Path, string[] Query) SplitQuery(string rawPath)
    {
        var question = rawPath.IndexOf('?', StringComparison.Ordinal);
        return question < 0
            ? (rawPath, [])
            : (rawPath[..question], rawPath[(question + 1)..].Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => Uri.UnescapeDataString(p.Split('=')[0])).ToArray());
    }

    private static bool DeclaresQuery(JsonObject operation, string name) =>
        (operation["parameters"]?.AsArray() ?? [])
            .Select(p => SpecDocument.Resolve(p!))
            .Any(p => p["in"]?.GetValue<string>() == "query" && p["name"]?.GetValue<string>() == name);

    [Theory]
    [MemberData(nameof(SpecDocument.ErrorExampleCases), MemberType = typeof(SpecDocument))]
    public async Task Each_documented_error_becomes_a_RealtimeKitException_with_status_code_and_message(string operationId, string exampleName)
    {
        var example = SpecDocument.Examples().Single(e => e.OperationId == operationId && e.Name == exampleName);
        var status = int.Parse(example.Status!);
        _next = ScriptedResponse.Json(status, example.Value.ToJsonString(), ("cf-ray", "8f2e1c3b4a5d6e7f-SJC"));

        var error = await Assert.ThrowsAsync<RealtimeKitException>(() => OperationCalls.All[operationId].Invoke(_client));

        var message = example.Value["error"]!["message"]!.GetValue<string>();
        Assert.Equal(status, error.StatusCode);
        Assert.Equal(example.Value["error"]!["code"]!.GetValue<int>(), error.ErrorCode);
        Assert.Equal(message, error.ServiceMessage);
        Assert.Equal($"{status} {RealtimeKitException.ReasonPhrase(status)}: {message}", error.Message);
        Assert.Equal("8f2e1c3b4a5d6e7f-SJC", error.RequestId);
        JsonAssert.Equivalent(example.Value, JsonNode.Parse(error.ResponseExcerpt!));
    }

    [Fact]
    public async Task The_documented_404_reads_as_the_issue_describes()
    {
        var example = SpecDocument.Examples().First(e => e.OperationId == "getActiveSession" && e.Status == "404");
        _next = ScriptedResponse.Json(404, example.Value.ToJsonString());

        var error = await Assert.ThrowsAsync<RealtimeKitException>(() => _client.ActiveSession.GetAsync(MeetingId));

        Assert.Equal("404 Not Found: No active session found for meeting_id 6bf2b8be-04dd-4191-b602-1128921a306b", error.Message);
        Assert.True(error.IsNotFound);
    }

    [Fact]
    public async Task A_custom_id_with_reserved_characters_stays_one_path_segment()
    {
        _next = ScriptedResponse.Json(200, SpecDocument.Examples().First(e => e.OperationId == "deleteParticipant" && e.IsSuccess).Value.ToJsonString());

        await _client.Participants.DeleteAsync("a/b?c#d%e", "x y/z");

        Assert.Equal($"/client/v4/accounts/{AccountId}/realtime/kit/{AppId}/meetings/a%2Fb%3Fc%23d%25e/participants/x%20y%2Fz", _server.Requests[0].RawPath);
    }

    [Fact]
    public async Task A_V1_room_name_is_accepted_as_meeting_id_on_active_session_operations()
    {
        _next = ScriptedResponse.Json(200, SpecDocument.Examples().First(e => e.OperationId == "kickAllParticipants" && e.IsSuccess).Value.ToJsonString());

        await _client.ActiveSession.KickAllAsync("abcdef-ghijkl");

        Assert.EndsWith("/meetings/abcdef-ghijkl/active-session/kick-all", _server.Requests[0].RawPath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Kick_by_custom_ids_only_sends_participant_ids_as_an_empty_array()
    {
        _next = ScriptedResponse.Json(200, SpecDocument.Examples().First(e => e.OperationId == "kickParticipants" && e.IsSuccess).Value.ToJsonString());

        await _client.ActiveSession.KickAsync(MeetingId, customParticipantIds: ["alice@example.com"]);

        JsonAssert.Equivalent(JsonNode.Parse("""{"participant_ids":[],"custom_participant_ids":["alice@example.com"]}"""), JsonNode.Parse(_server.Requests[0].Body));
    }

    [Fact]
    public async Task Optional_poll_and_participant_fields_are_sent_only_when_given()
    {
        _next = ScriptedResponse.Json(201, SpecDocument.Examples().First(e => e.OperationId == "createPoll" && e.IsSuccess).Value.ToJsonString());
        await _client.ActiveSession.CreatePollAsync(MeetingId, "Lunch?", ["Yes", "No"], anonymous: true, hideVotes: false);
        _next = ScriptedResponse.Json(201, SpecDocument.Examples().First(e => e.OperationId == "addParticipant" && e.IsSuccess).Value.ToJsonString());
        await _client.Participants.AddAsync(MeetingId, "alice", "group_call_host", "Alice", new Uri("https://example.com/a.png"));

        JsonAssert.Equivalent(JsonNode.Parse("""{"question":"Lunch?","options":["Yes","No"],"anonymous":true,"hide_votes":false}"""), JsonNode.Parse(_server.Requests[0].Body));
        JsonAssert.Equivalent(JsonNode.Parse("""{"custom_participant_id":"alice","preset_name":"group_call_host","name":"Alice","picture":"https://example.com/a.png"}"""), JsonNode.Parse(_server.Requests[1].Body));
    }
}
