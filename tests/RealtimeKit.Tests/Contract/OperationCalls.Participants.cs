using static RealtimeKit.Tests.Contract.PathValues;

namespace RealtimeKit.Tests.Contract;

public static partial class OperationCalls
{
    private static readonly OperationCall[] Participants =
    [
        new("addParticipant", async c => await c.Participants.AddAsync(MeetingId, "custom_participant_id", "preset_name")),
        new("deleteParticipant", async c => await c.Participants.DeleteAsync(MeetingId, ParticipantId)),
        new("listParticipants", async c => await c.Participants.ListAsync(MeetingId)),
        new("getParticipant", async c => await c.Participants.GetAsync(MeetingId, ParticipantId)),
        new("editParticipant", async c => await c.Participants.EditAsync(MeetingId, ParticipantId, name: "Alice Smith", presetName: "group_call_host")),
        new("replaceParticipant", async c => await c.Participants.ReplaceAsync(MeetingId, ParticipantId, "alice@example.com", "webinar_host", "Alice", new Uri("https://example.com/alice.png"))),
        new("regenerateParticipantToken", async c => await c.Participants.RegenerateTokenAsync(MeetingId, ParticipantId)),
    ];
}
