using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using RealtimeKit.Benchmarks.Clients;
using RealtimeKit.Benchmarks.Scenarios;
using RealtimeKit.Generated.Models;
using RealtimeKit.NSwagClient;

namespace RealtimeKit.Benchmarks;

/// <summary>
/// One operation through every client, side by side, against the loopback <see cref="BenchmarkServer"/>. The raw
/// <see cref="HttpClient"/> + System.Text.Json source generation client is the baseline (ratio 1.00).
/// Run all three scenarios: <c>dotnet run -c Release --project tests/RealtimeKit.Benchmarks -- --filter '*ClientComparison*'</c>.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByParams)]
public abstract class ClientComparison
{
    protected const string Meeting = Payloads.MeetingId;

    protected ClientSet Clients { get; private set; } = null!;

    [GlobalSetup]
    public async Task SetupAsync() => Clients = await ClientSet.StartAsync(Routes());

    [GlobalCleanup]
    public async Task CleanupAsync() => await Clients.DisposeAsync();

    protected abstract IReadOnlyDictionary<string, byte[]> Routes();

    protected static string Route(string method, string pathUnderApp) => $"{method} {Payloads.AppPath}{pathUnderApp}";
}

/// <summary>A small GET: the documented active session.</summary>
public class SmallGetClientComparison : ClientComparison
{
    protected override IReadOnlyDictionary<string, byte[]> Routes() =>
        new Dictionary<string, byte[]> { [Route("GET", $"/meetings/{Meeting}/active-session")] = Payloads.ActiveSession() };

    [Benchmark(Baseline = true, Description = "Raw HttpClient + STJ source-gen")]
    public async Task<object> Raw() => await Clients.Raw.GetActiveSessionAsync(Meeting);

    [Benchmark(Description = "Facade")]
    public async Task<object> Facade() => await Clients.Facade.ActiveSession.GetAsync(Meeting);

    [Benchmark(Description = "Kiota, SDK pipeline")]
    public async Task<object?> KiotaSdk() => (await Clients.KiotaSdk.Accounts[Payloads.AccountId].Realtime.Kit[Payloads.AppId].Meetings[Meeting].ActiveSession.GetAsync())?.Data;

    [Benchmark(Description = "Kiota, default pipeline")]
    public async Task<object?> KiotaDefault() => (await Clients.KiotaDefault.Accounts[Payloads.AccountId].Realtime.Kit[Payloads.AppId].Meetings[Meeting].ActiveSession.GetAsync())?.Data;

    [Benchmark(Description = "NSwag (STJ)")]
    public async Task<object?> NSwag() => (await Clients.NSwag.GetActiveSessionAsync(Payloads.AccountId, Payloads.AppId, Meeting)).Data;

    [Benchmark(Description = "Refit (STJ)")]
    public async Task<object?> Refit() => (await Clients.Refit.GetActiveSessionAsync(Payloads.AccountId, Payloads.AppId, Meeting)).Data;
}

/// <summary>A POST with a body: kick N participants by id; the response lists the N kicked.</summary>
public class PostWithBodyClientComparison : ClientComparison
{
    private List<string> _ids = [];

    [Params(1, 100)]
    public int Participants { get; set; }

    protected override IReadOnlyDictionary<string, byte[]> Routes()
    {
        _ids = Payloads.ParticipantIds(Participants);
        return new Dictionary<string, byte[]> { [Route("POST", $"/meetings/{Meeting}/active-session/kick")] = Payloads.Kicked(Participants) };
    }

    [Benchmark(Baseline = true, Description = "Raw HttpClient + STJ source-gen")]
    public async Task<object> Raw() => await Clients.Raw.KickAsync(Meeting, new RawKickBody { ParticipantIds = _ids });

    [Benchmark(Description = "Facade")]
    public async Task<object> Facade() => await Clients.Facade.ActiveSession.KickAsync(Meeting, participantIds: _ids.Select(id => (RealtimeKitId)id));

    [Benchmark(Description = "Kiota, SDK pipeline")]
    public async Task<object?> KiotaSdk() => (await Clients.KiotaSdk.Accounts[Payloads.AccountId].Realtime.Kit[Payloads.AppId].Meetings[Meeting].ActiveSession.Kick.PostAsync(KiotaBody()))?.Data;

    [Benchmark(Description = "Kiota, default pipeline")]
    public async Task<object?> KiotaDefault() => (await Clients.KiotaDefault.Accounts[Payloads.AccountId].Realtime.Kit[Payloads.AppId].Meetings[Meeting].ActiveSession.Kick.PostAsync(KiotaBody()))?.Data;

    [Benchmark(Description = "NSwag (STJ)")]
    public async Task<object?> NSwag() => (await Clients.NSwag.KickParticipantsAsync(new NSwagClient.KickParticipantsBody { Participant_ids = _ids, Custom_participant_ids = [] }, Payloads.AccountId, Payloads.AppId, Meeting)).Data;

    [Benchmark(Description = "Refit (STJ)")]
    public async Task<object?> Refit() => (await Clients.Refit.KickAsync(Payloads.AccountId, Payloads.AppId, Meeting, new RawKickBody { ParticipantIds = _ids })).Data;

    private Generated.Models.KickParticipantsBody KiotaBody() => new() { ParticipantIds = _ids, CustomParticipantIds = [] };
}

/// <summary>A large list: one page of N participants.</summary>
public class LargeListClientComparison : ClientComparison
{
    private static readonly Guid MeetingGuid = Guid.Parse(Meeting);

    [Params(1, 100, 1000)]
    public int Participants { get; set; }

    protected override IReadOnlyDictionary<string, byte[]> Routes() =>
        new Dictionary<string, byte[]> { [Route("GET", $"/meetings/{Meeting}/participants")] = Payloads.ParticipantPage(Participants) };

    [Benchmark(Baseline = true, Description = "Raw HttpClient + STJ source-gen")]
    public async Task<object> Raw() => await Clients.Raw.ListParticipantsAsync(Meeting, 1, Participants);

    [Benchmark(Description = "Facade")]
    public async Task<object> Facade() => await Clients.Facade.Participants.ListAsync(Meeting, 1, Participants);

    [Benchmark(Description = "Kiota, SDK pipeline")]
    public async Task<object?> KiotaSdk() => await Clients.KiotaSdk.Accounts[Payloads.AccountId].Realtime.Kit[Payloads.AppId].Meetings[Meeting].Participants.GetAsync(Query);

    [Benchmark(Description = "Kiota, default pipeline")]
    public async Task<object?> KiotaDefault() => await Clients.KiotaDefault.Accounts[Payloads.AccountId].Realtime.Kit[Payloads.AppId].Meetings[Meeting].Participants.GetAsync(Query);

    [Benchmark(Description = "NSwag (STJ)")]
    public async Task<object?> NSwag() => await Clients.NSwag.ListParticipantsAsync(1, Participants, Payloads.AccountId, Payloads.AppId, MeetingGuid);

    [Benchmark(Description = "Refit (STJ)")]
    public async Task<object?> Refit() => await Clients.Refit.ListParticipantsAsync(Payloads.AccountId, Payloads.AppId, Meeting, 1, Participants);

    private void Query(Microsoft.Kiota.Abstractions.RequestConfiguration<Generated.Accounts.Item.Realtime.Kit.Item.Meetings.Item.Participants.ParticipantsRequestBuilder.ParticipantsRequestBuilderGetQueryParameters> c)
    {
        c.QueryParameters.PageNo = 1;
        c.QueryParameters.PerPage = Participants;
    }
}
