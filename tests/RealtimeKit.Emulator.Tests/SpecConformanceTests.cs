using RealtimeKit.TestSupport;

namespace RealtimeKit.Emulator.Tests;

/// <summary>Every operation, driven through the SDK against the emulator, answers bodies the spec's schemas accept.</summary>
public class SpecConformanceTests
{
    [Fact]
    public async Task Every_response_of_a_full_meeting_flow_validates_against_the_spec()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var (meetingId, people) = await h.LiveMeetingAsync(3);

        await h.Client.ActiveSession.GetAsync(meetingId);
        await h.Client.ActiveSession.MuteAsync(meetingId, participantIds: [people[0].Id]);
        await h.Client.ActiveSession.MuteAllAsync(meetingId, allowUnmute: true);
        var poll = await h.Client.ActiveSession.CreatePollAsync(meetingId, "Lunch?", ["Pizza", "Sushi"]);
        await h.Emulator.Control.VoteAsync(people[1].Token!, poll.Poll!.Id!, 1);
        await h.Client.ActiveSession.CreatePollAsync(meetingId, "Again?", ["Yes", "No"], anonymous: true, hideVotes: true);
        await h.Client.ActiveSession.KickAsync(meetingId, customParticipantIds: ["user-2@example.com"]);
        await h.Client.ActiveSession.KickAllAsync(meetingId);
        await h.Client.Participants.DeleteAsync(meetingId, people[0].Id);
        await Assert.ThrowsAsync<RealtimeKitException>(() => h.Client.ActiveSession.GetAsync(meetingId));
        await Assert.ThrowsAsync<RealtimeKitException>(() => h.Client.ActiveSession.KickAllAsync(meetingId));
        await Assert.ThrowsAsync<RealtimeKitException>(() => h.Client.Participants.DeleteAsync(meetingId, Guid.NewGuid().ToString()));

        var byOperation = h.Responses.Select(r => (Operation: OperationOf(r.Method, r.Path), r.Status, r.Body)).ToList();
        Assert.Equal(
            new[] { "addParticipant", "deleteParticipant", "getActiveSession", "kickAllParticipants", "kickParticipants", "muteAllParticipants", "muteParticipants", "createPoll" }.Order(StringComparer.Ordinal),
            byOperation.Select(r => r.Operation).Distinct().Order(StringComparer.Ordinal));
        foreach (var (operation, status, body) in byOperation)
        {
            var errors = Documented(operation, status)
                ? SpecSchemaValidator.ValidateResponse(operation, status, body)
                : SpecSchemaValidator.Validate(SpecDocument.Pointer("#/components/schemas/RealtimeKitError"), body);
            Assert.True(errors.Count == 0, $"{operation} {status}: {string.Join("; ", errors)}\n{body}");
        }

        Assert.Contains(byOperation, r => r is { Operation: "getActiveSession", Status: 404 });
        Assert.Contains(byOperation, r => r is { Operation: "createPoll", Status: 201 });
    }

    private static bool Documented(string operation, int status) =>
        SpecDocument.Operation(operation)["responses"]![status.ToString(System.Globalization.CultureInfo.InvariantCulture)] is not null;

    private static string OperationOf(string method, string path)
    {
        var tail = path[(path.IndexOf("/meetings/", StringComparison.Ordinal) + "/meetings/".Length)..].Split('/')[1..];
        return (method, string.Join('/', tail.Take(2))) switch
        {
            ("GET", "active-session") => "getActiveSession",
            ("POST", "active-session/kick") => "kickParticipants",
            ("POST", "active-session/kick-all") => "kickAllParticipants",
            ("POST", "active-session/mute") => "muteParticipants",
            ("POST", "active-session/mute-all") => "muteAllParticipants",
            ("POST", "active-session/poll") => "createPoll",
            ("POST", "participants") => "addParticipant",
            ("DELETE", var t) when t.StartsWith("participants/", StringComparison.Ordinal) => "deleteParticipant",
            _ => throw new InvalidOperationException($"Unknown operation {method} {path}"),
        };
    }
}
