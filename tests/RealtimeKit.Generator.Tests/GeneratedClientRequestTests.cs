using System.Text.Json.Nodes;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Http.HttpClientLibrary;
using RealtimeKit.Generated;
using RealtimeKit.Generated.Models;
using RealtimeKit.TestSupport;

namespace RealtimeKit.Generator.Tests;

/// <summary>
/// The client generated (by the build) from the real spec, run through a Kiota request adapter against
/// a loopback server: exact method, path, headers and body per operation, and every documented example
/// response parsed into the generated models.
/// </summary>
public sealed class GeneratedClientRequestTests : IAsyncLifetime
{
    private const string Account = "023e105f4ecef8ad9ca31a8372d0c353";
    private const string App = "app_id";
    private const string Meeting = "182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e";
    private const string Prefix = $"/accounts/{Account}/realtime/kit/{App}/meetings/{Meeting}";

    private LoopbackServer _server = null!;
    private HttpClient _http = null!;
    private RealtimeKitApiClient _client = null!;
    private ScriptedResponse _next = ScriptedResponse.Json(200, "{}");

    public async Task InitializeAsync()
    {
        _server = await LoopbackServer.StartAsync(_ => _next);
        _http = new HttpClient();
        var adapter = new HttpClientRequestAdapter(new StaticBearer("test-token"), httpClient: _http) { BaseUrl = _server.BaseUrl };
        _client = new RealtimeKitApiClient(adapter);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    private Generated.Accounts.Item.Realtime.Kit.Item.Meetings.Item.WithMeeting_ItemRequestBuilder MeetingBuilder(string meeting = Meeting) =>
        _client.Accounts[Account].Realtime.Kit[App].Meetings[meeting];

    [Fact]
    public async Task Get_active_session_sends_a_bodyless_GET_and_parses_the_documented_session()
    {
        Serve("getActiveSession");

        var response = await MeetingBuilder().ActiveSession.GetAsync();

        var request = AssertRequest("GET", Prefix + "/active-session", expectedBody: null);
        Assert.Equal("application/json", request.Header("Accept"));
        Assert.Equal(ActiveSessionStatus.LIVE, response!.Data!.Status);
        Assert.Equal(ActiveSessionType.Meeting, response.Data.Type);
        Assert.Equal(0d, response.Data.LiveParticipants);
        await AssertRoundTrip("getActiveSession", response);
    }

    [Fact]
    public async Task Kick_posts_both_id_arrays_and_parses_the_kicked_participants()
    {
        Serve("kickParticipants");
        var body = new KickParticipantsBody { ParticipantIds = ["string"], CustomParticipantIds = ["string"] };

        var response = await MeetingBuilder().ActiveSession.Kick.PostAsync(body);

        AssertRequest("POST", Prefix + "/active-session/kick", RequestExample("kickParticipants"));
        Assert.Equal("email", Assert.Single(response!.Data!.Participants!).Email);
        await AssertRoundTrip("kickParticipants", response);
    }

    [Fact]
    public async Task Kick_all_posts_no_body()
    {
        Serve("kickAllParticipants");

        var response = await MeetingBuilder().ActiveSession.KickAll.PostAsync();

        AssertRequest("POST", Prefix + "/active-session/kick-all", expectedBody: null);
        Assert.Equal(0d, response!.Data!.KickedParticipantsCount);
        await AssertRoundTrip("kickAllParticipants", response);
    }

    [Fact]
    public async Task Mute_posts_the_kick_body_shape()
    {
        Serve("muteParticipants");
        var body = new KickParticipantsBody { ParticipantIds = ["813432c7-3c5a-45e2-9acf-eef7061c7584"], CustomParticipantIds = [] };

        var response = await MeetingBuilder().ActiveSession.Mute.PostAsync(body);

        AssertRequest("POST", Prefix + "/active-session/mute", RequestExample("muteParticipants"));
        await AssertRoundTrip("muteParticipants", response!);
    }

    [Fact]
    public async Task Mute_all_posts_allow_unmute()
    {
        Serve("muteAllParticipants");

        var response = await MeetingBuilder().ActiveSession.MuteAll.PostAsync(new MuteAllBody { AllowUnmute = true });

        AssertRequest("POST", Prefix + "/active-session/mute-all", RequestExample("muteAllParticipants"));
        Assert.Equal(0d, response!.Data!.MutedParticipantsCount);
        await AssertRoundTrip("muteAllParticipants", response);
    }

    [Fact]
    public async Task Create_poll_posts_the_poll_and_parses_the_201_response()
    {
        Serve("createPoll", 201);

        var response = await MeetingBuilder().ActiveSession.Poll.PostAsync(new CreatePollBody { Question = "question", Options = ["string"] });

        AssertRequest("POST", Prefix + "/active-session/poll", RequestExample("createPoll"));
        var poll = response!.Data!.Poll!;
        Assert.Equal("name", Assert.Single(Assert.Single(poll.Options!).Votes!).Name);
        await AssertRoundTrip("createPoll", response);
    }

    [Fact]
    public async Task Add_participant_posts_the_participant_and_parses_typed_dates_and_ids()
    {
        Serve("addParticipant", 201);

        var response = await MeetingBuilder().Participants.PostAsync(new AddParticipantBody { CustomParticipantId = "custom_participant_id", PresetName = "preset_name" });

        AssertRequest("POST", Prefix + "/participants", RequestExample("addParticipant"));
        Assert.Equal(Guid.Parse("182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e"), response!.Data!.Id);
        Assert.Equal(new DateTimeOffset(2019, 12, 27, 18, 11, 19, 117, TimeSpan.Zero), response.Data.CreatedAt);
        await AssertRoundTrip("addParticipant", response);
    }

    [Fact]
    public async Task Delete_participant_sends_a_bodyless_DELETE()
    {
        Serve("deleteParticipant");

        var response = await MeetingBuilder().Participants["participant_id"].DeleteAsync();

        AssertRequest("DELETE", Prefix + "/participants/participant_id", expectedBody: null);
        Assert.Equal(Guid.Parse("182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e"), response!.Data!.PresetId);
        await AssertRoundTrip("deleteParticipant", response);
    }

    [Fact]
    public async Task Path_parameters_are_escaped_so_each_stays_one_segment()
    {
        Serve("deleteParticipant");

        await _client.Accounts[Account].Realtime.Kit["a b"].Meetings["a/b?c#d%e"].Participants["x/../y"].DeleteAsync();

        Assert.Equal($"/accounts/{Account}/realtime/kit/a%20b/meetings/a%2Fb%3Fc%23d%25e/participants/x%2F..%2Fy", _server.Requests[^1].RawPath);
    }

    [Theory]
    [MemberData(nameof(ErrorCasesWithGeneratedCalls))]
    public async Task Each_documented_error_becomes_a_RealtimeKitError_carrying_error_message(string operationId, string exampleName)
    {
        var example = SpecDocument.Examples().Single(e => e.OperationId == operationId && e.Name == exampleName);
        _next = ScriptedResponse.Json(int.Parse(example.Status!), example.Value.ToJsonString());

        var error = await Assert.ThrowsAsync<RealtimeKitError>(() => Send(operationId));

        Assert.Equal(example.Value["error"]!["message"]!.GetValue<string>(), error.Message);
        Assert.Equal(int.Parse(example.Status!), error.ResponseStatusCode);
        Assert.Equal(example.Value["error"]!["code"]!.GetValue<double>(), error.Error!.Code);
    }

    // The generated client's error mapping, checked on the operations below; the facade's contract tests check
    // every operation's documented errors.
    private static readonly string[] GeneratedCalls = ["getActiveSession", "kickParticipants", "kickAllParticipants", "addParticipant", "deleteParticipant"];

    public static IEnumerable<object[]> ErrorCasesWithGeneratedCalls() =>
        SpecDocument.ErrorExampleCases().Where(c => GeneratedCalls.Contains((string)c[0]));

    private Task Send(string operationId) => operationId switch
    {
        "getActiveSession" => MeetingBuilder().ActiveSession.GetAsync(),
        "kickParticipants" => MeetingBuilder().ActiveSession.Kick.PostAsync(new KickParticipantsBody { ParticipantIds = ["x"], CustomParticipantIds = [] }),
        "kickAllParticipants" => MeetingBuilder().ActiveSession.KickAll.PostAsync(),
        "addParticipant" => MeetingBuilder().Participants.PostAsync(new AddParticipantBody { CustomParticipantId = "c", PresetName = "p" }),
        "deleteParticipant" => MeetingBuilder().Participants["p"].DeleteAsync(),

        // Group A (apps, meetings, participants, presets).
        "listApps" => _client.Accounts[Account].Realtime.Kit.Apps.GetAsync(),
        "createApp" => _client.Accounts[Account].Realtime.Kit.Apps.PostAsync(new CreateAppBody { Name = "n" }),
        "getApp" => _client.Accounts[Account].Realtime.Kit.Apps["a"].GetAsync(),
        "listMeetings" => _client.Accounts[Account].Realtime.Kit[App].Meetings.GetAsync(),
        "createMeeting" => _client.Accounts[Account].Realtime.Kit[App].Meetings.PostAsync(new CreateMeetingBody()),
        "getMeeting" => MeetingBuilder().GetAsync(),
        "updateMeeting" => MeetingBuilder().PatchAsync(new UpdateMeetingBody { Title = "t" }),
        "replaceMeeting" => MeetingBuilder().PutAsync(new CreateMeetingBody()),
        "listParticipants" => MeetingBuilder().Participants.GetAsync(),
        "getParticipant" => MeetingBuilder().Participants["p"].GetAsync(),
        "editParticipant" => MeetingBuilder().Participants["p"].PatchAsync(new EditParticipantBody { Name = "n" }),
        "replaceParticipant" => MeetingBuilder().Participants["p"].PutAsync(new ReplaceParticipantBody { CustomParticipantId = "c", PresetName = "p" }),
        "regenerateParticipantToken" => MeetingBuilder().Participants["p"].Token.PostAsync(),
        "listPresets" => _client.Accounts[Account].Realtime.Kit[App].Presets.GetAsync(),
        "createPreset" => _client.Accounts[Account].Realtime.Kit[App].Presets.PostAsync(new CreatePresetBody { Name = "n" }),
        "getPreset" => _client.Accounts[Account].Realtime.Kit[App].Presets[Guid.Empty].GetAsync(),
        "updatePreset" => _client.Accounts[Account].Realtime.Kit[App].Presets[Guid.Empty].PatchAsync(new UpdatePresetBody { Name = "n" }),
        "replacePreset" => _client.Accounts[Account].Realtime.Kit[App].Presets[Guid.Empty].PutAsync(new CreatePresetBody { Name = "n" }),
        "deletePreset" => _client.Accounts[Account].Realtime.Kit[App].Presets[Guid.Empty].DeleteAsync(),
        _ => throw new ArgumentOutOfRangeException(nameof(operationId), operationId, "No call for this operation."),
    };

    private void Serve(string operationId, int status = 200)
    {
        var example = SpecDocument.Examples().First(e => e.OperationId == operationId && e.IsSuccess);
        Assert.Equal(status.ToString(System.Globalization.CultureInfo.InvariantCulture), example.Status);
        _next = ScriptedResponse.Json(status, example.Value.ToJsonString());
    }

    private static JsonNode RequestExample(string operationId) => SpecDocument.Examples().First(e => e.OperationId == operationId && e.IsRequest).Value;

    private RecordedRequest AssertRequest(string method, string rawPath, JsonNode? expectedBody)
    {
        var request = Assert.Single(_server.Requests);
        Assert.Equal(method, request.Method);
        Assert.Equal(rawPath, request.RawPath);
        Assert.Equal("Bearer test-token", request.Header("Authorization"));
        if (expectedBody is null)
        {
            Assert.False(request.HasBody, $"Expected no body, got '{request.Body}' ({request.Header("Content-Type")}).");
        }
        else
        {
            Assert.Equal("application/json", request.Header("Content-Type"));
            JsonAssert.Equivalent(expectedBody, JsonNode.Parse(request.Body));
        }

        return request;
    }

    private static async Task AssertRoundTrip(string operationId, IParsable model)
    {
        var example = SpecDocument.Examples().First(e => e.OperationId == operationId && e.IsSuccess).Value;
        var json = await KiotaJsonSerializer.SerializeAsStringAsync(model, serializeOnlyChangedValues: false);
        JsonAssert.Equivalent(example, JsonNode.Parse(json));
    }

    private sealed class StaticBearer(string token) : IAuthenticationProvider
    {
        public Task AuthenticateRequestAsync(RequestInformation request, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default)
        {
            request.Headers.Add("Authorization", "Bearer " + token);
            return Task.CompletedTask;
        }
    }
}
