using System.Text.Json.Nodes;
using Microsoft.Kiota.Abstractions.Serialization;
using RealtimeKit.Generated.Models;
using RealtimeKit.TestSupport;
using static RealtimeKit.Tests.Support.TestClients;

namespace RealtimeKit.Tests;

/// <summary>Runs Prism (mocking the spec) once for the contract tests below.</summary>
public sealed class PrismFixture : IAsyncLifetime
{
    public PrismServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await PrismServer.StartAsync();

    public async Task DisposeAsync() => await Server.DisposeAsync();
}

/// <summary>
/// The eight facade calls against Prism mocking <c>openapi/realtimekit.yaml</c>. Prism validates every request
/// against the spec (path parameters, body, bearer), so any 4xx from it fails the test.
/// </summary>
public sealed class PrismContractTests(PrismFixture prism) : IClassFixture<PrismFixture>, IDisposable
{
    private readonly RealtimeKitClient _client = Against(prism.Server.BaseUrl);

    public void Dispose() => _client.Dispose();

    public static TheoryData<string> Operations() => new(
        "getActiveSession", "kickParticipants", "kickAllParticipants", "muteParticipants", "muteAllParticipants", "createPoll", "addParticipant", "deleteParticipant");

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task Prism_accepts_the_request_and_its_example_comes_back_as_the_model(string operationId)
    {
        IParsable model = operationId switch
        {
            "getActiveSession" => await _client.ActiveSession.GetAsync(MeetingId),
            "kickParticipants" => await _client.ActiveSession.KickAsync(MeetingId, ["p1"], ["alice@example.com"]),
            "kickAllParticipants" => await _client.ActiveSession.KickAllAsync(MeetingId),
            "muteParticipants" => await _client.ActiveSession.MuteAsync(MeetingId, customParticipantIds: ["alice@example.com"]),
            "muteAllParticipants" => await _client.ActiveSession.MuteAllAsync(MeetingId, allowUnmute: false),
            "createPoll" => await _client.ActiveSession.CreatePollAsync(MeetingId, "Lunch?", ["Yes", "No"], anonymous: true),
            "addParticipant" => await _client.Participants.AddAsync(MeetingId, "alice@example.com", "group_call_host", "Alice", new Uri("https://example.com/alice.png")),
            "deleteParticipant" => await _client.Participants.DeleteAsync(MeetingId, "b0a65f63-42db-4cfd-999f-f377bed574ca"),
            _ => throw new ArgumentOutOfRangeException(nameof(operationId)),
        };

        var example = SpecDocument.Examples().First(e => e.OperationId == operationId && e.IsSuccess);
        JsonAssert.Equivalent(example.Value["data"], JsonNode.Parse(await KiotaJsonSerializer.SerializeAsStringAsync(model, serializeOnlyChangedValues: false)));
    }

    [Fact]
    public async Task Prism_really_validates_a_body_that_breaks_the_spec_is_refused()
    {
        // Through the generated client, past the facade's own checks: custom_participant_ids is required.
        var error = await Assert.ThrowsAsync<RealtimeKitException>(() =>
            _client.App.Meetings[MeetingId].ActiveSession.Kick.PostAsync(new KickParticipantsBody { ParticipantIds = ["p1"] }));

        Assert.Equal(422, error.StatusCode);
    }

    [Fact]
    public async Task Prism_really_validates_a_path_that_breaks_the_spec_is_refused()
    {
        var error = await Assert.ThrowsAsync<RealtimeKitException>(() => _client.Participants.DeleteAsync("not-a-uuid", "p1"));

        Assert.Equal(422, error.StatusCode);
    }
}
