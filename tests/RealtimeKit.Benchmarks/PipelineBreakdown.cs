using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Http.HttpClientLibrary;
using Microsoft.Kiota.Serialization.Json;
using Microsoft.Extensions.Logging.Abstractions;
using RealtimeKit.Benchmarks.Clients;
using RealtimeKit.Benchmarks.Scenarios;
using RealtimeKit.Configuration;
using RealtimeKit.Errors;
using RealtimeKit.Generated.Models;
using RealtimeKit.Http;

namespace RealtimeKit.Benchmarks;

/// <summary>
/// Where a facade call's time and allocations go, piece by piece, for the small GET (N = 0: the documented active
/// session) and the participant list (N participants): the bytes over a plain <see cref="HttpClient"/> (the
/// transport), the same through the SDK's handlers and through Kiota's default handlers, Kiota building the request,
/// and the parse of the same bytes by Kiota's parse nodes and by System.Text.Json source generation.
/// <c>dotnet run -c Release --project tests/RealtimeKit.Benchmarks -- --filter '*PipelineBreakdown*' --job short</c>
/// </summary>
[MemoryDiagnoser]
public class PipelineBreakdown
{
    private BenchmarkServer _server = null!;
    private HttpClient _plain = null!, _sdk = null!, _kiotaDefault = null!;
    private RealtimeKitClient _facade = null!;
    private HttpClientRequestAdapter _kiotaAdapter = null!;
    private byte[] _body = [];
    private string _path = string.Empty;
    private ParsableFactory<IParsable> _model = null!;
    private static readonly JsonReaderOptions ReaderOptions = JsonEnvelope.ReaderOptions(ServiceErrorReader.JsonOptions);

    /// <summary>0: the small GET (active session); otherwise a page of that many participants.</summary>
    [Params(0, 1000)]
    public int Participants { get; set; }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _path = Participants == 0 ? $"{Payloads.AppPath}/meetings/{Payloads.MeetingId}/active-session" : $"{Payloads.AppPath}/meetings/{Payloads.MeetingId}/participants";
        _body = Participants == 0 ? Payloads.ActiveSession() : Payloads.ParticipantPage(Participants);
        _model = Participants == 0 ? GetActiveSessionResponse.CreateFromDiscriminatorValue : ListParticipantsResponse.CreateFromDiscriminatorValue;
        _server = await BenchmarkServer.StartAsync(new Dictionary<string, byte[]> { ["GET " + _path] = _body });
        var options = ResolvedOptions.Resolve(new RealtimeKitClientOptions
        {
            AccountId = Payloads.AccountId, AppId = Payloads.AppId, ApiToken = Payloads.ApiToken, BaseUrl = new Uri(_server.BaseUrl), MaxRetries = 0,
        }, _ => null);
        _plain = new HttpClient { BaseAddress = new Uri(_server.BaseUrl) };
        _sdk = Pipeline.CreateClient(options, NullLogger.Instance, transport: null);
        _kiotaDefault = KiotaClientFactory.Create();
        _facade = new RealtimeKitClient(options, transport: null, loggerFactory: null);
        _kiotaAdapter = new HttpClientRequestAdapter(new TokenAuthenticationProvider(options.TokenProvider), httpClient: _sdk) { BaseUrl = _facade.Adapter.BaseUrl };
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        _plain.Dispose();
        _sdk.Dispose();
        _kiotaDefault.Dispose();
        _facade.Dispose();
        await _server.DisposeAsync();
    }

    [Benchmark(Baseline = true, Description = "Transport: bytes over plain HttpClient")]
    public Task<byte[]> Transport() => _plain.GetByteArrayAsync(_path);

    [Benchmark(Description = "Bytes through the SDK handlers (+ judge, parse)")]
    public async Task<int> SdkHandlers()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, _server.BaseUrl + _path);
        // With a token: the overload without one would not reach SdkHttpClient's override, and would buffer the body again.
        using var response = await _sdk.SendAsync(request, CancellationToken.None);
        return ((BufferedBody)response.Content).Length;
    }

    [Benchmark(Description = "Bytes through Kiota's default handlers")]
    public Task<byte[]> KiotaDefaultHandlers() => _kiotaDefault.GetByteArrayAsync(_server.BaseUrl + _path);

    [Benchmark(Description = "Request building, facade: its builder, SDK adapter (no send)")]
    public async Task<HttpRequestMessage?> SdkRequestBuilding()
    {
        var request = await _facade.Adapter.ConvertToNativeRequestAsync<HttpRequestMessage>(FacadeRequestInformation());
        request?.Dispose();
        return request;
    }

    [Benchmark(Description = "Request building, Kiota: generated chain, Kiota's adapter (no send)")]
    public async Task<HttpRequestMessage?> KiotaRequestBuilding()
    {
        var request = await _kiotaAdapter.ConvertToNativeRequestAsync<HttpRequestMessage>(ChainRequestInformation());
        request?.Dispose();
        return request;
    }

    [Benchmark(Description = "  generated chain + RequestInformation")]
    public RequestInformation BuilderChain() => ChainRequestInformation();

    [Benchmark(Description = "  facade's builder (AppPaths) + RequestInformation")]
    public RequestInformation FacadeBuilder() => FacadeRequestInformation();

    [Benchmark(Description = "  generated chain + Kiota's URI template expansion")]
    public Uri KiotaUriExpansion()
    {
        var info = ChainRequestInformation();
        info.PathParameters["baseurl"] = _kiotaAdapter.BaseUrl!;
        return info.URI;
    }

    [Benchmark(Description = "  generated chain + SDK's URI template expansion")]
    public bool SdkUriExpansion()
    {
        var info = ChainRequestInformation();
        return RequestUrl.TrySet(info, _kiotaAdapter.BaseUrl);
    }

    private RequestInformation ChainRequestInformation() => Participants == 0
        ? _facade.App.Meetings[Payloads.MeetingId].ActiveSession.ToGetRequestInformation(RetrySafety.Configure(RetrySafety.IdempotentRequest))
        : _facade.App.Meetings[Payloads.MeetingId].Participants.ToGetRequestInformation(c => c.QueryParameters.PerPage = Participants);

    private RequestInformation FacadeRequestInformation() => Participants == 0
        ? _facade.Paths.Meeting(Payloads.MeetingId).ActiveSession.ToGetRequestInformation(RetrySafety.Configure(RetrySafety.IdempotentRequest))
        : _facade.Paths.Meeting(Payloads.MeetingId).Participants.ToGetRequestInformation(c => c.QueryParameters.PerPage = Participants);

    [Benchmark(Description = "Kiota parse nodes read the bytes")]
    public IParsable KiotaParse()
    {
        using var document = JsonDocument.Parse(_body);
        return new JsonParseNode(document.RootElement).GetObjectValue(_model);
    }

    [Benchmark(Description = "SDK parse node reads the bytes")]
    public IParsable SdkParse()
    {
        using var document = JsonDocument.Parse(_body);
        return new SdkJsonParseNode(document.RootElement).GetObjectValue(_model);
    }

    [Benchmark(Description = "SDK handler's one pass over the bytes (JsonEnvelope.Scan)")]
    public JsonValueKind EnvelopeScan() => JsonEnvelope.Scan(_body, ServiceErrorReader.JsonOptions).Data;

    [Benchmark(Description = "SDK streamed reader reads the bytes (no document)")]
    public IParsable? StreamedRead() =>
        StreamedModelReader.TryRead(_body, _model, ReaderOptions, out var model) ? model : throw new InvalidOperationException("The benchmark body was not read by the streamed reader.");

    [Benchmark(Description = "STJ source-gen reads the bytes")]
    public object? StjParse() => Participants == 0
        ? JsonSerializer.Deserialize(_body, RawJson.Default.RawEnvelopeRawSession)
        : JsonSerializer.Deserialize(_body, RawJson.Default.RawParticipantPage);
}
