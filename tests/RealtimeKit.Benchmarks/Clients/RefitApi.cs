using Refit;

namespace RealtimeKit.Benchmarks.Clients;

/// <summary>The three measured operations as a Refit interface over the floor's types (System.Text.Json).</summary>
public interface IRealtimeKitRefit
{
    [Get("/accounts/{accountId}/realtime/kit/{appId}/meetings/{meetingId}/active-session")]
    Task<RawEnvelope<RawSession>> GetActiveSessionAsync(string accountId, string appId, string meetingId, CancellationToken cancellationToken = default);

    [Post("/accounts/{accountId}/realtime/kit/{appId}/meetings/{meetingId}/active-session/kick")]
    Task<RawEnvelope<RawSessionParticipants>> KickAsync(string accountId, string appId, string meetingId, [Body] RawKickBody body, CancellationToken cancellationToken = default);

    [Get("/accounts/{accountId}/realtime/kit/{appId}/meetings/{meetingId}/participants")]
    Task<RawParticipantPage> ListParticipantsAsync(string accountId, string appId, string meetingId, [AliasAs("page_no")] int pageNo, [AliasAs("per_page")] int perPage, CancellationToken cancellationToken = default);
}
