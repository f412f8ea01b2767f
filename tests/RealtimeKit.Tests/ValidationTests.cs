using RealtimeKit.Tests.Support;
using static RealtimeKit.Tests.Support.TestClients;

namespace RealtimeKit.Tests;

/// <summary>Bad input fails before anything is sent, naming the parameter and what was expected.</summary>
public class ValidationTests
{
    private readonly ScriptedTransport _transport = new();

    public static TheoryData<string?> Blanks() => new(null, "", "   ", "\t");

    [Theory]
    [MemberData(nameof(Blanks))]
    public async Task Blank_meeting_ids_are_refused_by_every_operation(string? meetingId)
    {
        using var client = Over(_transport);
        var calls = new Func<Task>[]
        {
            () => client.ActiveSession.GetAsync(meetingId!),
            () => client.ActiveSession.KickAsync(meetingId!, ["p"]),
            () => client.ActiveSession.KickAllAsync(meetingId!),
            () => client.ActiveSession.MuteAsync(meetingId!, ["p"]),
            () => client.ActiveSession.MuteAllAsync(meetingId!, true),
            () => client.ActiveSession.CreatePollAsync(meetingId!, "q", ["a"]),
            () => client.Participants.AddAsync(meetingId!, "c", "p"),
            () => client.Participants.DeleteAsync(meetingId!, "p"),
        };

        foreach (var call in calls)
        {
            var error = await Assert.ThrowsAnyAsync<ArgumentException>(call);
            Assert.Equal("meetingId", error.ParamName);
            Assert.Contains("Expected a non-empty value for meetingId", error.Message, StringComparison.Ordinal);
        }

        Assert.Empty(_transport.Requests);
    }

    [Fact]
    public async Task Kick_and_mute_need_at_least_one_id()
    {
        using var client = Over(_transport);

        var kick = await Assert.ThrowsAsync<ArgumentException>(() => client.ActiveSession.KickAsync(MeetingId, [], null));
        var mute = await Assert.ThrowsAsync<ArgumentException>(() => client.ActiveSession.MuteAsync(MeetingId));

        Assert.Equal("participantIds", kick.ParamName);
        Assert.Contains("at least one id in participantIds or customParticipantIds", mute.Message, StringComparison.Ordinal);
        Assert.Empty(_transport.Requests);
    }

    [Fact]
    public async Task A_blank_id_inside_the_lists_is_named_by_position()
    {
        using var client = Over(_transport);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => client.ActiveSession.KickAsync(MeetingId, customParticipantIds: ["alice", " "]));

        Assert.Equal("customParticipantIds", error.ParamName);
        Assert.Contains("item 1 is ' '", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_poll_needs_a_question_and_at_least_one_option()
    {
        using var client = Over(_transport);

        Assert.Equal("question", (await Assert.ThrowsAnyAsync<ArgumentException>(() => client.ActiveSession.CreatePollAsync(MeetingId, " ", ["a"]))).ParamName);
        Assert.Equal("options", (await Assert.ThrowsAnyAsync<ArgumentException>(() => client.ActiveSession.CreatePollAsync(MeetingId, "q", []))).ParamName);
        Assert.Equal("options", (await Assert.ThrowsAnyAsync<ArgumentException>(() => client.ActiveSession.CreatePollAsync(MeetingId, "q", null!))).ParamName);
        Assert.Equal("options", (await Assert.ThrowsAnyAsync<ArgumentException>(() => client.ActiveSession.CreatePollAsync(MeetingId, "q", ["a", ""]))).ParamName);
        Assert.Empty(_transport.Requests);
    }

    [Fact]
    public async Task Adding_a_participant_needs_a_custom_id_and_a_preset()
    {
        using var client = Over(_transport);

        Assert.Equal("customParticipantId", (await Assert.ThrowsAnyAsync<ArgumentException>(() => client.Participants.AddAsync(MeetingId, "", "host"))).ParamName);
        Assert.Equal("presetName", (await Assert.ThrowsAnyAsync<ArgumentException>(() => client.Participants.AddAsync(MeetingId, "alice", null!))).ParamName);
        Assert.Equal("picture", (await Assert.ThrowsAnyAsync<ArgumentException>(() => client.Participants.AddAsync(MeetingId, "alice", "host", picture: new Uri("a.png", UriKind.Relative)))).ParamName);
        Assert.Equal("participantId", (await Assert.ThrowsAnyAsync<ArgumentException>(() => client.Participants.DeleteAsync(MeetingId, " "))).ParamName);
        Assert.Empty(_transport.Requests);
    }
}
