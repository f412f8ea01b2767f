using RealtimeKit.Emulator.State;
using static RealtimeKit.Emulator.Api.JsonShape;

namespace RealtimeKit.Emulator.Api;

// Livestreams: independent ones and meetings', with their sessions.
internal static partial class RestApi
{
    private static readonly JsonShape StartLivestreamShape = Optional(new Dictionary<string, JsonShape>
    {
        ["name"] = Text.OrNull(),
        ["video_config"] = Optional(new Dictionary<string, JsonShape> { ["width"] = Integer(1), ["height"] = Integer(1) }),
    });

    public static (int, object) ListLivestreams(Request r)
    {
        var filter = new LivestreamFilter(
            QueryBool(r, "exclude_meetings") ?? false, QueryEnum(r, "status", "LIVE", "IDLE", "ERRORED", "INVOKED"),
            Time(r, "start_time"), Time(r, "end_time"), QueryEnum(r, "sort_order", "ASC", "DSC") == "ASC");
        return (200, r.State.ListLivestreams(r.AccountId, r.AppId, filter, PositiveInt(r, "page_no", 1), PositiveInt(r, "per_page", 20)));
    }

    public static (int, object) CreateLivestream(Request r) =>
        (201, r.State.CreateLivestream(r.AccountId, r.AppId, JsonBody.Parse(r.Body).OptionalNullableString("name")));

    public static (int, object) GetLivestreamSession(Request r) => (200, r.State.GetLivestreamSession(r.AccountId, r.AppId, r.Path["livestream-session-id"]));

    public static (int, object) GetLivestream(Request r) =>
        (200, r.State.GetLivestream(r.AccountId, r.AppId, r.Path["livestream_id"], PositiveInt(r, "page_no", 1), PositiveInt(r, "per_page", 20)));

    public static (int, object) GetActiveLivestreamSession(Request r) => (200, r.State.GetActiveLivestreamSession(r.AccountId, r.AppId, r.Path["livestream_id"]));

    public static (int, object) GetActiveMeetingLivestream(Request r) =>
        (200, r.State.GetActiveMeetingLivestream(r.AccountId, r.AppId, MeetingUuid(r.MeetingId).ToString()));

    public static (int, object) StopMeetingLivestream(Request r) =>
        (200, r.State.StopMeetingLivestream(r.AccountId, r.AppId, MeetingUuid(r.MeetingId).ToString()));

    public static (int, object) GetMeetingLivestreams(Request r) =>
        (200, r.State.GetMeetingLivestreams(r.AccountId, r.AppId, MeetingUuid(r.MeetingId).ToString(), PositiveInt(r, "page_no", 1), PositiveInt(r, "per_page", 20)));

    public static (int, object) StartMeetingLivestream(Request r)
    {
        var meetingId = MeetingUuid(r.MeetingId);
        var body = JsonBody.Parse(r.Body);
        StartLivestreamShape.Check(body.Root, string.Empty);
        return (201, r.State.StartMeetingLivestream(r.AccountId, r.AppId, meetingId.ToString(), body.OptionalNullableString("name")));
    }

    public static (int, object) ListSessionLivestreamSessions(Request r) =>
        (200, r.State.ListSessionLivestreamSessions(r.AccountId, r.AppId, PathUuid(r, "session_id"), PositiveInt(r, "page_no", 1), PositiveInt(r, "per_page", 20)));
}
