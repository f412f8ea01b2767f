using System.Text.Json.Nodes;
using RealtimeKit.Generated.Models;
using RealtimeKit.TestSupport;
using static RealtimeKit.Tests.Support.TestClients;

namespace RealtimeKit.Tests.Contract;

/// <summary>Runs Prism (mocking the spec) once for the contract tests below.</summary>
public sealed class PrismFixture : IAsyncLifetime
{
    public PrismServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await PrismServer.StartAsync();

    public async Task DisposeAsync() => await Server.DisposeAsync();
}

/// <summary>
/// Every facade call of the spec against Prism mocking <c>openapi/realtimekit.yaml</c>. Prism validates every request
/// against the spec (path parameters, body, bearer), so any 4xx from it fails the test.
/// </summary>
public sealed class PrismContractTests(PrismFixture prism) : IClassFixture<PrismFixture>, IDisposable
{
    private readonly RealtimeKitClient _client = Against(prism.Server.BaseUrl);

    public void Dispose() => _client.Dispose();

    [Theory]
    [MemberData(nameof(WireContractTests.SpecOperations), MemberType = typeof(WireContractTests))]
    public async Task Prism_accepts_the_request_and_its_example_comes_back_as_the_model(string operationId)
    {
        var returned = await OperationCalls.All[operationId].Invoke(_client);

        var example = SpecDocument.Examples().First(e => e.OperationId == operationId && e.IsSuccess);
        if (example.Value["data"] is { } data)
        {
            JsonAssert.Equivalent(data, await OperationCalls.ToJsonAsync(returned));
        }
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
