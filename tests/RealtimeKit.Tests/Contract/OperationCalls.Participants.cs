using static RealtimeKit.Tests.Contract.PathValues;

namespace RealtimeKit.Tests.Contract;

public static partial class OperationCalls
{
    private static readonly OperationCall[] Participants =
    [
        new("addParticipant", async c => await c.Participants.AddAsync(MeetingId, "custom_participant_id", "preset_name")),
        new("deleteParticipant", async c => await c.Participants.DeleteAsync(MeetingId, ParticipantId)),
    ];
}
