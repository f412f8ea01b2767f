using static RealtimeKit.Tests.Contract.PathValues;

namespace RealtimeKit.Tests.Contract;

public static partial class OperationCalls
{
    private static readonly OperationCall[] Livestreams =
    [
        new("listLivestreams", async c => await c.Livestreams.ListAsync()),
        new("createLivestream", async c => await c.Livestreams.CreateAsync("prdmmp-xhycsl")),
        new("getLivestreamSession", async c => await c.Livestreams.GetSessionAsync(LivestreamSessionId)),
        new("getLivestream", async c => await c.Livestreams.GetAsync(LivestreamId)),
        new("getActiveLivestreamSession", async c => await c.Livestreams.GetActiveSessionAsync(LivestreamId)),
        new("getActiveMeetingLivestream", async c => await c.Livestreams.GetActiveForMeetingAsync(MeetingId)),
        new("stopMeetingLivestream", async c => await c.Livestreams.StopForMeetingAsync(MeetingId)),
        new("getMeetingLivestreams", async c => await c.Livestreams.GetForMeetingAsync(MeetingId)),
        new("startMeetingLivestream", async c => await c.Livestreams.StartForMeetingAsync(MeetingId, "prdmmp-xhycsl")),
        new("listSessionLivestreamSessions", async c => await c.Livestreams.ListForSessionAsync(SessionId)),
    ];
}
