using System.Collections.Concurrent;
using System.Net.Http.Headers;
using RealtimeKit.Emulator;

namespace RealtimeKit.Emulator.Tests;

/// <summary>An emulator, an SDK client pointed at it, and every response body the client received.</summary>
internal sealed class EmulatorHarness : IAsyncDisposable
{
    private EmulatorHarness(RealtimeKitEmulator emulator, RealtimeKitClient client, Recorder recorder)
    {
        Emulator = emulator;
        Client = client;
        Responses = recorder.Responses;
    }

    public RealtimeKitEmulator Emulator { get; }

    public RealtimeKitClient Client { get; }

    public ConcurrentQueue<(string Method, string Path, int Status, string Body)> Responses { get; }

    public static async Task<EmulatorHarness> StartAsync(EmulatorOptions? options = null)
    {
        var emulator = await RealtimeKitEmulator.StartAsync(options);
        var recorder = new Recorder { InnerHandler = new SocketsHttpHandler() };
        var client = emulator.CreateClient(o => o.MaxRetries = 0, recorder);
        return new EmulatorHarness(emulator, client, recorder);
    }

    /// <summary>A meeting with <paramref name="count"/> participants added and joined.</summary>
    public async Task<(string MeetingId, List<Generated.Models.Participant> Participants)> LiveMeetingAsync(int count, string title = "Stand-up")
    {
        var meeting = await Emulator.Control.CreateMeetingAsync(title);
        var participants = new List<Generated.Models.Participant>();
        for (var i = 0; i < count; i++)
        {
            var p = await Client.Participants.AddAsync(meeting.Id, $"user-{i}@example.com", "group_call_host", $"User {i}");
            await Emulator.Control.JoinAsync(p.Token!);
            participants.Add(p);
        }

        return (meeting.Id, participants);
    }

    /// <summary>A raw request to the emulator, bypassing the SDK (for what the SDK would refuse to send).</summary>
    public async Task<(int Status, string Body)> RawAsync(HttpMethod method, string pathAndQuery, string? json = null, string? token = "default")
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(method, Emulator.Root + pathAndQuery.TrimStart('/'));
        if (json is not null)
        {
            request.Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        }

        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token == "default" ? Emulator.ApiToken : token);
        }

        using var response = await http.SendAsync(request);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Emulator.DisposeAsync();
    }

    private sealed class Recorder : DelegatingHandler
    {
        public ConcurrentQueue<(string Method, string Path, int Status, string Body)> Responses { get; } = new();

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            Responses.Enqueue((request.Method.Method, request.RequestUri!.AbsolutePath, (int)response.StatusCode, body));
            var contentType = response.Content.Headers.ContentType;
            response.Content = new StringContent(body);
            response.Content.Headers.ContentType = contentType;
            return response;
        }
    }
}
