using static RealtimeKit.Tests.Contract.PathValues;

namespace RealtimeKit.Tests.Contract;

public static partial class OperationCalls
{
    private static readonly OperationCall[] ActiveSession =
    [
        new("getActiveSession", async c => await c.ActiveSession.GetAsync(MeetingId)),
        new("kickParticipants", async c => await c.ActiveSession.KickAsync(MeetingId, ["string"], ["string"])),
        new("kickAllParticipants", async c => await c.ActiveSession.KickAllAsync(MeetingId)),
        new("muteParticipants", async c => await c.ActiveSession.MuteAsync(MeetingId, participantIds: ["813432c7-3c5a-45e2-9acf-eef7061c7584"])),
        new("muteAllParticipants", async c => await c.ActiveSession.MuteAllAsync(MeetingId, allowUnmute: true)),
        new("createPoll", async c => await c.ActiveSession.CreatePollAsync(MeetingId, "question", ["string"])),
    ];
}
