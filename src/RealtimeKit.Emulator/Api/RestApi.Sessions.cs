using System.Globalization;
using RealtimeKit.Emulator.State;

namespace RealtimeKit.Emulator.Api;

// The sessions operations: history of live and ended sessions, their participants and peers, and links to
// download their chat, transcript and summary.
internal static partial class RestApi
{
    public static (int, object) ListSessions(Request r)
    {
        var filter = new SessionFilter(
            OptionalUuid(r, "associated_id"),
            QueryEnum(r, "status", "LIVE", "ENDED"),
            Time(r, "start_time"),
            Time(r, "end_time"),
            QueryText(r, "search"),
            CountRange(r, "participants"),
            (QueryEnum(r, "sort_by", "minutesConsumed", "createdAt") ?? "createdAt") == "minutesConsumed",
            (QueryEnum(r, "sort_order", "ASC", "DESC") ?? "DESC") == "ASC");
        return (200, r.State.ListSessions(r.AccountId, r.AppId, filter, PositiveInt(r, "page_no", 1), PositiveInt(r, "per_page", 20)));
    }

    public static (int, object) GetSession(Request r)
    {
        _ = QueryBool(r, "include_breakout_rooms"); // checked only: the emulator has no breakout rooms
        return (200, r.State.GetSession(r.AccountId, r.AppId, PathUuid(r, "session_id")));
    }

    public static (int, object) ListSessionParticipants(Request r)
    {
        var sessionId = PathUuid(r, "session_id");
        _ = QueryEnum(r, "view", "raw", "consolidated"); // no breakout rooms: both views count the same time
        var filter = new SessionParticipantFilter(
            QueryText(r, "search"),
            (QueryEnum(r, "sort_by", "joinedAt", "duration") ?? "joinedAt") == "duration",
            (QueryEnum(r, "sort_order", "ASC", "DESC") ?? "ASC") == "ASC",
            (QueryBool(r, "include_peer_events") ?? false));
        return (200, r.State.ListSessionParticipants(r.AccountId, r.AppId, sessionId, filter, PositiveInt(r, "page_no", 1), PositiveInt(r, "per_page", 20)));
    }

    public static (int, object) GetSessionParticipant(Request r) =>
        (200, r.State.GetSessionParticipant(r.AccountId, r.AppId, PathUuid(r, "session_id"), PathUuid(r, "participant_id"), (QueryBool(r, "include_peer_events") ?? false)));

    public static (int, object) GetPeerReport(Request r) =>
        (200, r.State.GetPeerReport(
            r.AccountId, r.AppId, PathUuid(r, "peer_id"),
            QueryEnum(r, "filters", "device_info", "ip_information", "precall_network_information", "events", "quality_stats"),
            (QueryBool(r, "include_peer_events") ?? false)));

    public static (int, object) GetSessionChat(Request r)
    {
        var (url, expires) = Link(r, r.State.RequireSession(r.AccountId, r.AppId, PathUuid(r, "session_id")), "chat.csv");
        return (200, new SessionChatDownloadBody(url, expires));
    }

    public static (int, object) GetSessionTranscript(Request r)
    {
        var format = (QueryEnum(r, "format", "SRT", "VTT", "JSON", "CSV") ?? "CSV")!;
        var sessionId = r.State.RequireTranscript(r.AccountId, r.AppId, PathUuid(r, "session_id"));
        var (url, expires) = Link(r, sessionId, "transcript." + format.ToLowerInvariant());
        return (200, new SessionTranscriptDownloadBody(sessionId.ToString(), url, expires));
    }

    public static (int, object) GetSessionSummary(Request r)
    {
        var sessionId = r.State.RequireSummary(r.AccountId, r.AppId, PathUuid(r, "session_id"));
        var (url, expires) = Link(r, sessionId, "summary.txt");
        return (200, new SessionSummaryDownloadBody(sessionId.ToString(), url, expires));
    }

    public static (int, object) GenerateSessionSummary(Request r) => (200, r.State.GenerateSummary(r.AccountId, r.AppId, PathUuid(r, "session_id")));

    private static (string Url, string Expires) Link(Request r, Guid sessionId, string file)
    {
        var (url, expires) = r.Downloads!.Link(r.Root!, sessionId, file);
        return (url, expires.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
    }

    private static Guid? OptionalUuid(Request r, string name) =>
        QueryText(r, name) is not { } text ? null
        : Guid.TryParseExact(text, "D", out var id) ? id
        : throw EmulatorProblem.BadRequest($"{name} must be a UUID, got '{Safe(text)}'.");

    // "min:max", both whole numbers, min not above max.
    private static (int Min, int Max)? CountRange(Request r, string name)
    {
        if (QueryText(r, name) is not { } text)
        {
            return null;
        }

        var parts = text.Split(':');
        return parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var min)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var max)
            && min <= max
                ? (min, max)
                : throw EmulatorProblem.BadRequest($"{name} must be a range 'min:max' of whole numbers with min <= max (for example 1:10), got '{Safe(text)}'.");
    }
}
