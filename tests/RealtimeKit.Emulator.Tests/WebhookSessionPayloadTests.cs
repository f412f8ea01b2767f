using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using RealtimeKit.Generated.Models;
using RealtimeKit.TestSupport;

namespace RealtimeKit.Emulator.Tests;

/// <summary>Session events carry the session and the participant's stay as the sessions operations report them.</summary>
public sealed class WebhookSessionPayloadTests
{
    [Fact]
    public async Task Join_leave_and_end_events_carry_the_stay_and_the_session_that_the_history_then_reports()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero));
        await using var receiver = await LoopbackServer.StartAsync(_ => new ScriptedResponse(200));
        await using var h = await EmulatorHarness.StartAsync(new EmulatorOptions { TimeProvider = time });
        await h.Client.Webhooks.CreateAsync("Sessions", new Uri(receiver.BaseUrl + "/sessions"), [WebhookEvent.MeetingParticipantJoined, WebhookEvent.MeetingParticipantLeft, WebhookEvent.MeetingEnded]);
        var (meetingId, people) = await h.LiveMeetingAsync(1, "Hooked");
        await h.Client.ActiveSession.CreatePollAsync(meetingId, "Tea?", ["Yes", "No"]);
        time.Advance(TimeSpan.FromMinutes(6));
        await h.Emulator.Control.LeaveAsync(people[0].Token!);
        await h.Emulator.DrainWebhooksAsync();

        var events = receiver.Requests.Select(r => JsonNode.Parse(r.Body)!).ToDictionary(e => e["event"]!.GetValue<string>());
        var session = await h.Client.Sessions.GetAsync(events["meeting.ended"]["session"]!["id"]!.GetValue<string>());
        var stay = Assert.Single((await h.Client.Sessions.ListParticipantsAsync(session.Id!)).Items);

        var ended = events["meeting.ended"]["session"]!;
        Assert.Equal(session.EndedAt, ended["ended_at"]!.GetValue<string>());
        Assert.Equal(6d, ended["minutes_consumed"]!.GetValue<double>());
        Assert.Equal("Tea?", ended["meta"]!["polls"]![0]!["question"]!.GetValue<string>());
        var joined = events["meeting.participantJoined"]["session_participant"]!;
        Assert.Equal(stay.Id, joined["id"]!.GetValue<string>());
        Assert.Null(joined["left_at"]);
        var left = events["meeting.participantLeft"]["session_participant"]!;
        Assert.Equal(stay.Id, left["id"]!.GetValue<string>());
        Assert.Equal(stay.LeftAt, left["left_at"]!.GetValue<string>());
        Assert.Equal(6d, left["duration"]!.GetValue<double>());
    }
}
