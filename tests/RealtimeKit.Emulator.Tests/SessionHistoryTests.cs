using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using RealtimeKit.Generated.Models;

namespace RealtimeKit.Emulator.Tests;

/// <summary>Live and ended sessions read back through <c>client.Sessions</c>, with the emulator's clock moved by the test.</summary>
public sealed class SessionHistoryTests
{
    private static readonly DateTimeOffset Nine = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task An_ended_session_keeps_its_participants_join_and_leave_times_durations_chat_and_polls()
    {
        var time = new FakeTimeProvider(Nine);
        await using var h = await EmulatorHarness.StartAsync(new EmulatorOptions { TimeProvider = time });
        var meeting = await h.Emulator.Control.CreateMeetingAsync("Retro");
        var ada = await h.Client.Participants.AddAsync(meeting.Id, "ada@example.com", "group_call_host", "Ada");
        var bob = await h.Client.Participants.AddAsync(meeting.Id, "bob@example.com", "group_call_participant", "Bob");
        var joined = await h.Emulator.Control.JoinAsync(ada.Token!);
        time.Advance(TimeSpan.FromMinutes(1));
        await h.Emulator.Control.JoinAsync(bob.Token!);
        await h.Emulator.Control.ChatAsync(ada.Token!, "Hi, team");
        await h.Emulator.Control.ChatAsync(bob.Token!, "Bob says \"hi\"\nback");
        var poll = await h.Client.ActiveSession.CreatePollAsync(meeting.Id, "Ship it?", ["Yes", "No"]);
        await h.Emulator.Control.VoteAsync(bob.Token!, poll.Poll!.Id!, 0);
        time.Advance(TimeSpan.FromMinutes(4));
        await h.Emulator.Control.LeaveAsync(bob.Token!);
        time.Advance(TimeSpan.FromMinutes(1));
        await h.Emulator.Control.JoinAsync(bob.Token!);
        time.Advance(TimeSpan.FromMinutes(4));
        await h.Emulator.Control.EndSessionAsync(meeting.Id);
        time.Advance(TimeSpan.FromHours(1)); // an ended session's numbers no longer move

        var session = Assert.Single((await h.Client.Sessions.ListAsync(meetingId: meeting.Id)).Items);
        Assert.Equal(joined.SessionId, session.Id);
        Assert.Equal(ActiveSessionStatus.ENDED, session.Status);
        Assert.Equal(10d, session.MinutesConsumed);
        Assert.Equal(2d, session.MaxConcurrentParticipants);
        Assert.Equal(0d, session.LiveParticipants);
        Assert.Equal("2026-11-20T09:00:00.000Z", session.StartedAt);
        Assert.Equal("2026-11-20T09:10:00.000Z", session.EndedAt);
        var fetched = await h.Client.Sessions.GetAsync(session.Id!);
        Assert.Equal("Retro", fetched.MeetingDisplayName);
        var polls = JsonNode.Parse(h.Responses.Last().Body)!["data"]!["meta"]!["polls"]!.AsArray();
        Assert.Equal("Ship it?", Assert.Single(polls)!["question"]!.GetValue<string>());
        Assert.Equal(1, polls[0]!["options"]![0]!["count"]!.GetValue<int>());

        var stays = await h.Client.Sessions.ListParticipantsAsync(session.Id!);
        Assert.Equal(new[] { "Ada", "Bob", "Bob" }, stays.Items.Select(p => p.DisplayName));
        Assert.Equal(new[] { 10d, 4d, 4d }, stays.Items.Select(p => p.Duration!.Value));
        Assert.Equal(new[] { "2026-11-20T09:00:00.000Z", "2026-11-20T09:01:00.000Z", "2026-11-20T09:06:00.000Z" }, stays.Items.Select(p => p.JoinedAt));
        Assert.Equal(new[] { "2026-11-20T09:10:00.000Z", "2026-11-20T09:05:00.000Z", "2026-11-20T09:10:00.000Z" }, stays.Items.Select(p => p.LeftAt));
        Assert.Equal(new[] { ada.Id.ToString(), bob.Id.ToString(), bob.Id.ToString() }, stays.Items.Select(p => p.UserId));
        Assert.Equal(3, stays.Items.Select(p => p.Id).Distinct().Count()); // each stay is its own peer
        Assert.Equal("group_call_participant", stays.Items[1].PresetName);

        var bobsFirst = await h.Client.Sessions.GetParticipantAsync(session.Id!, stays.Items[1].Id!, includePeerEvents: true);
        Assert.Equal(new[] { "PEER_JOINING", "PEER_LEAVING" }, bobsFirst.PeerEvents!.Select(e => e.EventName.ToString()!.ToUpperInvariant()));
        Assert.Equal("2026-11-20T09:05:00.000Z", bobsFirst.PeerEvents![1].CreatedAt);
        Assert.Null((await h.Client.Sessions.GetParticipantAsync(session.Id!, stays.Items[1].Id!)).PeerEvents);

        var report = await h.Client.Sessions.GetPeerReportAsync(stays.Items[0].Id!);
        Assert.Equal("group_call_host", report.Role);
        Assert.Equal(10d, report.Duration);
        Assert.Equal(session.Id, report.SessionId.ToString());
        Assert.Equal("realtimekit-emulator", report.PeerReport!.Metadata!.SdkName);

        var missing = await Assert.ThrowsAsync<RealtimeKitException>(() => h.Client.Sessions.GetAsync(Guid.NewGuid().ToString()));
        Assert.Equal(404, missing.StatusCode);
        Assert.Contains("No session found", missing.Message, StringComparison.Ordinal);
        var noStay = await Assert.ThrowsAsync<RealtimeKitException>(() => h.Client.Sessions.GetParticipantAsync(session.Id!, ada.Id));
        Assert.Equal(404, noStay.StatusCode);
        Assert.Equal(404, (await Assert.ThrowsAsync<RealtimeKitException>(() => h.Client.Sessions.GetPeerReportAsync(Guid.NewGuid().ToString()))).StatusCode);
    }

    [Fact]
    public async Task The_chat_transcript_and_summary_are_downloaded_from_the_emulator_through_signed_links_that_expire()
    {
        var time = new FakeTimeProvider(Nine);
        await using var h = await EmulatorHarness.StartAsync(new EmulatorOptions { TimeProvider = time });
        var (meetingId, people) = await h.LiveMeetingAsync(2, "Chatty");
        await h.Emulator.Control.ChatAsync(people[0].Token!, "Plain");
        await h.Emulator.Control.ChatAsync(people[1].Token!, "Quote \"this\", please");
        var sessionId = (await h.Client.ActiveSession.GetAsync(meetingId)).Id!;

        var liveTranscript = await Assert.ThrowsAsync<RealtimeKitException>(() => h.Client.Sessions.GetTranscriptAsync(sessionId));
        Assert.Equal(404, liveTranscript.StatusCode);
        var chat = await h.Client.Sessions.GetChatAsync(sessionId);
        Assert.StartsWith(h.Emulator.Root + "_emulator/downloads/sessions/" + sessionId + "/chat.csv?", chat.ChatDownloadUrl, StringComparison.Ordinal);
        Assert.Equal("2026-11-21T09:00:00.000Z", chat.ChatDownloadUrlExpiry);
        var csv = await DownloadAsync(chat.ChatDownloadUrl!);
        Assert.Equal(200, csv.Status);
        var lines = csv.Body.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("id,participant_id,display_name,message,sent_at", lines[0]);
        Assert.EndsWith($",{people[0].Id},User 0,Plain,2026-11-20T09:00:00.000Z", lines[1], StringComparison.Ordinal);
        Assert.Contains(",User 1,\"Quote \"\"this\"\", please\",", lines[2], StringComparison.Ordinal);
        var json = JsonNode.Parse((await DownloadAsync(chat.ChatDownloadUrl!.Replace("chat.csv", "chat.json", StringComparison.Ordinal))).Body)!.AsArray();
        Assert.Equal(new[] { "Plain", "Quote \"this\", please" }, json.Select(m => m!["message"]!.GetValue<string>()));
        Assert.Equal(403, (await DownloadAsync(chat.ChatDownloadUrl!.Replace("signature=", "signature=0", StringComparison.Ordinal))).Status);

        time.Advance(TimeSpan.FromMinutes(3));
        await h.Emulator.Control.EndSessionAsync(meetingId);
        var transcript = await h.Client.Sessions.GetTranscriptAsync(sessionId, SessionTranscriptFormat.VTT);
        Assert.Equal(sessionId, transcript.SessionId);
        var vtt = (await DownloadAsync(transcript.TranscriptDownloadUrl!)).Body;
        Assert.StartsWith("WEBVTT\n\n00:00:00.000 --> 00:03:00.000\n[RealtimeKit emulator]", vtt, StringComparison.Ordinal);

        var noSummary = await Assert.ThrowsAsync<RealtimeKitException>(() => h.Client.Sessions.GetSummaryAsync(sessionId));
        Assert.Contains("generate one first", noSummary.Message, StringComparison.Ordinal);
        var generation = await h.Client.Sessions.GenerateSummaryAsync(sessionId);
        Assert.Equal(sessionId, generation.SessionId.ToString());
        var summary = await h.Client.Sessions.GetSummaryAsync(sessionId);
        var text = (await DownloadAsync(summary.SummaryDownloadUrl!)).Body;
        Assert.StartsWith("[RealtimeKit emulator]", text, StringComparison.Ordinal);
        Assert.Contains("Meeting: Chatty", text, StringComparison.Ordinal);
        Assert.Contains("2 chat messages", text, StringComparison.Ordinal);

        time.Advance(Api.Downloads.Lifetime + TimeSpan.FromSeconds(1));
        var expired = await DownloadAsync(chat.ChatDownloadUrl!);
        Assert.Equal(403, expired.Status);
        Assert.Contains("expired", expired.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sessions_are_filtered_sorted_and_paged()
    {
        var time = new FakeTimeProvider(Nine);
        await using var h = await EmulatorHarness.StartAsync(new EmulatorOptions { TimeProvider = time });
        var (alpha, alphaPeople) = await JoinOneAMinuteAsync(h, time, "Alpha planning", 3); // 09:00, 09:01, 09:02; ends at 09:30 (30 min)
        time.Advance(TimeSpan.FromMinutes(27));
        await h.Emulator.Control.EndSessionAsync(alpha);
        var (beta, _) = await JoinOneAMinuteAsync(h, time, "Beta review", 1);                // 09:30; ends at 09:35 (5 min)
        time.Advance(TimeSpan.FromMinutes(4));
        await h.Emulator.Control.EndSessionAsync(beta);
        time.Advance(TimeSpan.FromHours(2));
        await h.Emulator.Control.JoinAsync(alphaPeople[0].Token!);              // 11:35, still live
        time.Advance(TimeSpan.FromMinutes(1));

        var all = await h.Client.Sessions.ListAsync();
        Assert.Equal(3, all.TotalCount);
        Assert.Equal(new[] { 1d, 5d, 30d }, all.Items.Select(s => s.MinutesConsumed!.Value)); // newest first by default
        var byMinutes = await h.Client.Sessions.ListAsync(sortBy: SessionSortBy.MinutesConsumed, sortOrder: SessionSortOrder.DESC);
        Assert.Equal(new[] { 30d, 5d, 1d }, byMinutes.Items.Select(s => s.MinutesConsumed!.Value));
        Assert.Equal(2, (await h.Client.Sessions.ListAsync(meetingId: alpha)).TotalCount);
        Assert.Equal(ActiveSessionStatus.LIVE, Assert.Single((await h.Client.Sessions.ListAsync(status: ActiveSessionStatus.LIVE)).Items).Status);
        Assert.Equal(2, (await h.Client.Sessions.ListAsync(status: ActiveSessionStatus.ENDED)).TotalCount);
        Assert.Equal(2, (await h.Client.Sessions.ListAsync(search: "ALPHA")).TotalCount);
        Assert.Equal(alpha, Assert.Single((await h.Client.Sessions.ListAsync(participantCountRange: "2:5")).Items).AssociatedId);
        var window = await h.Client.Sessions.ListAsync(startTime: Nine.AddMinutes(10), endTime: Nine.AddHours(1));
        Assert.Equal(beta, Assert.Single(window.Items).AssociatedId);
        var page = await h.Client.Sessions.ListAsync(sortOrder: SessionSortOrder.ASC, pageNumber: 2, perPage: 2);
        Assert.Equal(3, page.TotalCount);
        Assert.Equal(1d, Assert.Single(page.Items).MinutesConsumed);

        var alphaSession = byMinutes.Items[0].Id!;
        var people = await h.Client.Sessions.ListParticipantsAsync(alphaSession, pageNumber: 2, perPage: 2);
        Assert.Equal(3, people.TotalCount);
        Assert.Equal("User 2", Assert.Single(people.Items).DisplayName);
        Assert.Equal("User 1", Assert.Single((await h.Client.Sessions.ListParticipantsAsync(alphaSession, search: "user-1@")).Items).DisplayName);
        var newestFirst = await h.Client.Sessions.ListParticipantsAsync(alphaSession, sortBy: SessionParticipantSortBy.JoinedAt, sortOrder: SessionSortOrder.DESC);
        Assert.Equal(new[] { "User 2", "User 1", "User 0" }, newestFirst.Items.Select(p => p.DisplayName));

        await h.AssertBadRequestAsync("sessions?participants=5:1", "participants");
        await h.AssertBadRequestAsync("sessions?sort_by=name", "sort_by");
        await h.AssertBadRequestAsync("sessions?associated_id=nope", "associated_id");
        await h.AssertBadRequestAsync("sessions/not-a-uuid", "session_id");
        await h.AssertBadRequestAsync($"sessions/{alphaSession}/participants?view=flat", "view");
        await h.AssertBadRequestAsync($"sessions/{alphaSession}/participants?include_peer_events=yes", "include_peer_events");
        await h.AssertBadRequestAsync($"sessions/{alphaSession}/transcript?format=DOCX", "format");
    }

    [Fact]
    public async Task A_live_session_grows_with_the_clock_and_a_participant_still_in_has_no_left_at()
    {
        var time = new FakeTimeProvider(Nine);
        await using var h = await EmulatorHarness.StartAsync(new EmulatorOptions { TimeProvider = time });
        var (meetingId, _) = await h.LiveMeetingAsync(1);
        var sessionId = (await h.Client.ActiveSession.GetAsync(meetingId)).Id!;
        time.Advance(TimeSpan.FromMinutes(7.5));

        var session = await h.Client.Sessions.GetAsync(sessionId);
        var stay = Assert.Single((await h.Client.Sessions.ListParticipantsAsync(sessionId)).Items);

        Assert.Equal(ActiveSessionStatus.LIVE, session.Status);
        Assert.Equal(7.5, session.MinutesConsumed);
        Assert.Null(session.EndedAt);
        Assert.Equal(7.5, stay.Duration);
        Assert.Null(stay.LeftAt);
    }

    // A meeting whose participants join one minute apart (the clock ends one minute after the last join).
    private static async Task<(string MeetingId, List<Participant> People)> JoinOneAMinuteAsync(EmulatorHarness h, FakeTimeProvider time, string title, int count)
    {
        var meeting = await h.Emulator.Control.CreateMeetingAsync(title);
        var people = new List<Participant>();
        for (var i = 0; i < count; i++)
        {
            var p = await h.Client.Participants.AddAsync(meeting.Id, $"user-{i}@example.com", "group_call_host", $"User {i}");
            await h.Emulator.Control.JoinAsync(p.Token!);
            people.Add(p);
            time.Advance(TimeSpan.FromMinutes(1));
        }

        return (meeting.Id, people);
    }

    private static async Task<(int Status, string Body)> DownloadAsync(string url)
    {
        using var http = new HttpClient(); // no token: the link's signature is what lets it in
        using var response = await http.GetAsync(new Uri(url));
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
