using System.Text.Json.Nodes;
using RealtimeKit.Emulator.Webhooks;
using RealtimeKit.Generated.Models;
using RealtimeKit.TestSupport;

namespace RealtimeKit.Emulator.Tests;

/// <summary>
/// 32 clients, each with its own SDK client and connection pool, run a whole meeting at the same time against one
/// emulator; afterwards every invariant a team's backend relies on still holds: no participant lost or doubled,
/// every session ended with every stay closed, every recording uploaded, history and analytics agreeing, and each
/// webhook event delivered exactly once with a valid signature.
/// </summary>
public sealed class LoadTests
{
    private const int Clients = 32;
    private const int PeoplePerMeeting = 4;

    [Fact]
    public async Task Thirty_two_concurrent_clients_each_running_a_meeting_keep_every_invariant()
    {
        await using var receiver = await LoopbackServer.StartAsync(_ => new ScriptedResponse(204));
        await using var emulator = await RealtimeKitEmulator.StartAsync();
        using (var admin = emulator.CreateClient(o => o.MaxRetries = 0))
        {
            await admin.Webhooks.CreateAsync("load", new Uri(receiver.BaseUrl + "/hooks"), await admin.Webhooks.ListEventsAsync());
        }

        var meetings = await Task.WhenAll(Enumerable.Range(0, Clients).Select(i => RunMeetingAsync(emulator, i)));
        await emulator.DrainWebhooksAsync();

        using var client = emulator.CreateClient(o => o.MaxRetries = 0);
        var sessions = await client.Sessions.ListAllAsync(perPage: 10).ToListAsync();
        Assert.Equal(Clients, sessions.Count);
        Assert.Equal(meetings.Select(m => m.MeetingId).Order(), sessions.Select(s => s.AssociatedId!).Order());
        Assert.All(sessions, s => Assert.Equal(ActiveSessionStatus.ENDED, s.Status));
        foreach (var session in sessions)
        {
            var stays = await client.Sessions.ListAllParticipantsAsync(session.Id!).ToListAsync();
            Assert.Equal(PeoplePerMeeting, stays.Count);
            Assert.Equal(PeoplePerMeeting, stays.Select(s => s.CustomParticipantId).Distinct().Count());
            Assert.All(stays, s => Assert.NotNull(s.LeftAt));
        }

        var recordings = await client.Recordings.ListAllAsync(perPage: 10).ToListAsync();
        Assert.Equal(meetings.Select(m => m.RecordingId).Order(), recordings.Select(r => r.Id!.Value).Order());

        var analytics = await client.Analytics.GetDaywiseAsync();
        Assert.Equal(Clients, analytics.SessionStats!.SessionsCount);
        Assert.Equal(Clients, analytics.RecordingStats!.RecordingCount);

        // Each event once: per meeting, one start and one end, a join and a leave per person.
        Assert.All(receiver.Requests, r => Assert.True(WebhookSignature.Verify(emulator.WebhookPublicKeyPem, System.Text.Encoding.UTF8.GetBytes(r.Body), r.Header(WebhookSignature.HeaderName))));
        var events = receiver.Requests.Select(r => JsonNode.Parse(r.Body)!).ToList();
        Assert.Equal(events.Count, events.Select(e => e["id"]!.GetValue<string>()).Distinct().Count());
        Assert.Equal(Clients, events.Count(e => e["event"]!.GetValue<string>() == "meeting.started"));
        Assert.Equal(Clients, events.Count(e => e["event"]!.GetValue<string>() == "meeting.ended"));
        Assert.Equal(Clients * PeoplePerMeeting, events.Count(e => e["event"]!.GetValue<string>() == "meeting.participantJoined"));
        Assert.Equal(Clients * PeoplePerMeeting, events.Count(e => e["event"]!.GetValue<string>() == "meeting.participantLeft"));
        Assert.All(emulator.WebhookDeliveries, d => Assert.True(d.Delivered, d.Error));
        Assert.Equal(events.Count, emulator.WebhookDeliveries.Count);
    }

    // One team's backend: its own client, a meeting with people who join, chat and vote; a recording; then the end.
    private static async Task<(string MeetingId, Guid RecordingId)> RunMeetingAsync(RealtimeKitEmulator emulator, int index)
    {
        using var client = emulator.CreateClient(o => o.MaxRetries = 0);
        var meeting = await client.Meetings.CreateAsync(new CreateMeetingBody { Title = $"Load {index}" });
        var meetingId = meeting.Id!.Value.ToString();
        var people = new List<Participant>();
        for (var p = 0; p < PeoplePerMeeting; p++)
        {
            people.Add(await client.Participants.AddAsync(meetingId, $"m{index}-p{p}@example.com", "group_call_participant", $"Person {p}"));
        }

        await Task.WhenAll(people.Select(p => emulator.Control.JoinAsync(p.Token!)));
        var recording = await client.Recordings.StartAsync(new StartRecordingBody { MeetingId = meeting.Id });
        await UntilAsync(client, recording.Id!.Value, RecordingStatus.RECORDING, index); // the recorder joins a moment later
        var poll = await client.ActiveSession.CreatePollAsync(meetingId, "Ship it?", ["Yes", "No"]);
        await Task.WhenAll(people.Select(p => emulator.Control.VoteAsync(p.Token!, poll.Poll!.Id!, 0)));
        await emulator.Control.ChatAsync(people[0].Token!, $"hello from meeting {index}");
        var muted = await client.ActiveSession.MuteAllAsync(meetingId, allowUnmute: true);
        Assert.Equal(PeoplePerMeeting, (int)muted.MutedParticipantsCount!.Value);
        var kicked = await client.ActiveSession.KickAllAsync(meetingId);
        Assert.Equal(PeoplePerMeeting, (int)kicked.KickedParticipantsCount!.Value);

        // The session's end stops the recording; the upload finishes a moment later on the emulator's clock.
        await UntilAsync(client, recording.Id!.Value, RecordingStatus.UPLOADED, index);
        return (meetingId, recording.Id!.Value);
    }

    private static async Task UntilAsync(RealtimeKitClient client, Guid recordingId, RecordingStatus status, int index)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        while ((await client.Recordings.GetAsync(recordingId)).Status != status)
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, $"the recording of meeting {index} never reached {status}");
            await Task.Delay(50);
        }
    }
}
