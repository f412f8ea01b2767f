using System.Net.Http.Json;

namespace RealtimeKit.Benchmarks.Clients;

/// <summary>The floor: <see cref="HttpClient"/> and System.Text.Json source generation, nothing else.</summary>
public sealed class RawClient(HttpClient http, string appPath)
{
    public async Task<RawSession> GetActiveSessionAsync(string meetingId, CancellationToken cancellationToken = default)
    {
        var envelope = await http.GetFromJsonAsync($"{appPath}/meetings/{meetingId}/active-session", RawJson.Default.RawEnvelopeRawSession, cancellationToken);
        return envelope?.Data ?? throw new InvalidOperationException("No data.");
    }

    public async Task<RawSessionParticipants> KickAsync(string meetingId, RawKickBody body, CancellationToken cancellationToken = default)
    {
        using var response = await http.PostAsJsonAsync($"{appPath}/meetings/{meetingId}/active-session/kick", body, RawJson.Default.RawKickBody, cancellationToken);
        response.EnsureSuccessStatusCode();
        var envelope = await response.Content.ReadFromJsonAsync(RawJson.Default.RawEnvelopeRawSessionParticipants, cancellationToken);
        return envelope?.Data ?? throw new InvalidOperationException("No data.");
    }

    public async Task<RawParticipantPage> ListParticipantsAsync(string meetingId, int pageNo, int perPage, CancellationToken cancellationToken = default) =>
        await http.GetFromJsonAsync($"{appPath}/meetings/{meetingId}/participants?page_no={pageNo}&per_page={perPage}", RawJson.Default.RawParticipantPage, cancellationToken)
        ?? throw new InvalidOperationException("No body.");
}
