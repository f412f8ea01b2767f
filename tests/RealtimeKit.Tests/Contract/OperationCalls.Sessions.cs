using RealtimeKit.Generated.Models;
using static RealtimeKit.Tests.Contract.PathValues;

namespace RealtimeKit.Tests.Contract;

public static partial class OperationCalls
{
    // Where the facade unwraps deeper than the envelope's data (a page's items, a single participant), the call
    // puts its result back into the generated model of data, so the whole of the example's data is compared.
    private static readonly OperationCall[] Sessions =
    [
        new("listSessions", async c => new SessionList { Sessions = (await c.Sessions.ListAsync()).Items.ToList() }),
        new("getSession", async c => await c.Sessions.GetAsync(SessionId)),
        new("listSessionParticipants", async c => new SessionParticipantList { Participants = (await c.Sessions.ListParticipantsAsync(SessionId)).Items.ToList() }),
        new("getSessionParticipant", async c => new SessionParticipantResult { Participant = await c.Sessions.GetParticipantAsync(SessionId, ParticipantId) }),
        new("getSessionChat", async c => await c.Sessions.GetChatAsync(SessionId)),
        new("getSessionTranscript", async c => await c.Sessions.GetTranscriptAsync(SessionId)),
        new("getSessionSummary", async c => await c.Sessions.GetSummaryAsync(SessionId)),
        new("generateSessionSummary", async c => await c.Sessions.GenerateSummaryAsync(SessionId)),
        new("getPeerReport", async c => new PeerReportResult { Participant = await c.Sessions.GetPeerReportAsync(PeerId) }),
    ];
}
