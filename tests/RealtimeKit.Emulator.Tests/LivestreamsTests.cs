using Microsoft.Extensions.Time.Testing;
using RealtimeKit.Emulator.State;
using RealtimeKit.Generated.Models;
using static RealtimeKit.Emulator.Tests.ErrorBody;

namespace RealtimeKit.Emulator.Tests;

/// <summary>Livestreams: a meeting's goes INVOKED, LIVE, IDLE on the emulator's clock, each run a livestream session; independent ones are listed.</summary>
public sealed class LivestreamsTests
{
    private static readonly DateTimeOffset Start = RecordingsTests.Start;

    [Fact]
    public async Task A_meetings_livestream_goes_live_stops_and_keeps_its_sessions()
    {
        var time = new FakeTimeProvider(Start);
        await using var h = await EmulatorHarness.StartAsync(new EmulatorOptions { TimeProvider = time });
        var (meetingId, _) = await h.LiveMeetingAsync(2);
        var meetingSession = await h.Client.ActiveSession.GetAsync(meetingId);

        var started = await h.Client.Livestreams.StartForMeetingAsync(meetingId, "Stand-up live", 1280, 720);
        var twice = await Assert.ThrowsAsync<RealtimeKitException>(() => h.Client.Livestreams.StartForMeetingAsync(meetingId));
        time.Advance(EmulatorState.RecorderJoinDelay);
        var live = await h.Client.Livestreams.GetActiveForMeetingAsync(meetingId);
        var active = await h.Client.Livestreams.GetActiveSessionAsync(started.Id);
        time.Advance(TimeSpan.FromSeconds(90));
        var stopped = await h.Client.Livestreams.StopForMeetingAsync(meetingId);
        var stopAgain = await Assert.ThrowsAsync<RealtimeKitException>(() => h.Client.Livestreams.StopForMeetingAsync(meetingId));
        var noneActive = await Assert.ThrowsAsync<RealtimeKitException>(() => h.Client.Livestreams.GetActiveSessionAsync(started.Id));
        await h.Client.Livestreams.StartForMeetingAsync(meetingId);
        var details = await h.Client.Livestreams.GetAsync(started.Id, pageNumber: 2, perPage: 1);
        var ofMeeting = await h.Client.Livestreams.GetForMeetingAsync(meetingId);
        var ofSession = await h.Client.Livestreams.ListForSessionAsync(meetingSession.Id!);
        var firstRun = await h.Client.Livestreams.GetSessionAsync(active.Session!.Id!);

        Assert.Equal((LivestreamStatus.INVOKED, meetingId, "Stand-up live"), (started.Status, started.MeetingId, started.Name));
        Assert.Equal(400, twice.StatusCode);
        Assert.Contains($"livestream {started.Id} is INVOKED", twice.ServiceMessage, StringComparison.Ordinal);
        Assert.Equal((started.Id, LivestreamStatus.LIVE), (live.Id, live.Status));
        Assert.Equal((Start, Start + EmulatorState.RecorderJoinDelay, (DateTimeOffset?)null), (active.Session.InvokedTime, active.Session.StartedTime, active.Session.StoppedTime));
        Assert.Equal("Stopped live stream successfully", stopped.Message);
        Assert.Equal((404, 404), (stopAgain.StatusCode, noneActive.StatusCode));
        Assert.Equal(started.Id, details.Livestream!.Id);
        Assert.Equal((2, 2, 2), (details.Paging!.TotalCount, details.Paging.StartOffset, details.Paging.EndOffset));
        Assert.Equal(active.Session.Id, details.Session!.Id);
        Assert.Equal(started.Id, Assert.Single(ofMeeting.Livestreams!).Id);
        Assert.NotEqual(active.Session.Id, ofMeeting.Sessions!.Id);
        Assert.Equal(2, ofSession.Paging!.TotalCount);
        Assert.Equal(active.Session.Id, ofSession.Data![0].Id);
        Assert.Equal((90.0, Start + TimeSpan.FromSeconds(91)), (firstRun.IngestSeconds, firstRun.StoppedTime));
    }

    [Fact]
    public async Task Independent_livestreams_are_created_listed_filtered_and_paged()
    {
        var time = new FakeTimeProvider(Start);
        await using var h = await EmulatorHarness.StartAsync(new EmulatorOptions { TimeProvider = time });
        var (meetingId, _) = await h.LiveMeetingAsync(1);
        await h.Client.Livestreams.StartForMeetingAsync(meetingId);
        time.Advance(EmulatorState.RecorderJoinDelay);
        var first = await h.Client.Livestreams.CreateAsync("first");
        time.Advance(TimeSpan.FromMinutes(1));
        var second = await h.Client.Livestreams.CreateAsync("second");

        var all = await h.Client.Livestreams.ListAsync();
        var independent = await h.Client.Livestreams.ListAsync(excludeMeetings: true, sortOrder: LivestreamSortOrder.ASC, perPage: 1);
        var live = await h.Client.Livestreams.ListAsync(status: LivestreamStatus.LIVE);
        var later = await h.Client.Livestreams.ListAsync(startTime: Start + TimeSpan.FromSeconds(30));
        var notLive = await Assert.ThrowsAsync<RealtimeKitException>(() => h.Client.Livestreams.GetActiveSessionAsync(first.Id));
        var unknown = await Assert.ThrowsAsync<RealtimeKitException>(() => h.Client.Livestreams.GetAsync(Guid.NewGuid()));
        var unknownSession = await Assert.ThrowsAsync<RealtimeKitException>(() => h.Client.Livestreams.ListForSessionAsync(Guid.NewGuid()));
        var idle = await h.Emulator.Control.CreateMeetingAsync("Nobody");
        var noSession = await Assert.ThrowsAsync<RealtimeKitException>(() => h.Client.Livestreams.StartForMeetingAsync(idle.Id));
        var (badStatus, badStatusBody) = await h.RawAsync(HttpMethod.Get, $"client/v4/accounts/{h.Emulator.AccountId}/realtime/kit/{h.Emulator.AppId}/livestreams?status=OFF");

        Assert.Equal((LivestreamStatus.INVOKED, (string?)null), (first.Status, first.MeetingId));
        Assert.Equal(3, all.TotalCount);
        Assert.Equal(second.Id, all.Items[0].Id);
        Assert.Equal((2, first.Id), (independent.TotalCount, Assert.Single(independent.Items).Id));
        Assert.Equal(meetingId, Assert.Single(live.Items).MeetingId);
        Assert.Equal(second.Id, Assert.Single(later.Items).Id);
        Assert.Equal((404, 404, 404, 400), (notLive.StatusCode, unknown.StatusCode, unknownSession.StatusCode, noSession.StatusCode));
        Assert.Equal(400, badStatus);
        Assert.Contains("status must be one of LIVE, IDLE, ERRORED, INVOKED, got 'OFF'", Message(badStatusBody), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_session_ending_stops_the_livestream_and_live_stream_on_start_starts_one()
    {
        var time = new FakeTimeProvider(Start);
        await using var h = await EmulatorHarness.StartAsync(new EmulatorOptions { TimeProvider = time });
        var meeting = await h.Client.Meetings.CreateAsync(new CreateMeetingBody { Title = "Town hall", LiveStreamOnStart = true });
        var ada = await h.Client.Participants.AddAsync(meeting.Id, "ada", "livestream_host", "Ada");

        await h.Emulator.Control.JoinAsync(ada.Token!);
        time.Advance(EmulatorState.RecorderJoinDelay);
        var automatic = await h.Client.Livestreams.GetActiveForMeetingAsync(meeting.Id);
        await h.Emulator.Control.LeaveAsync(ada.Token!);
        var after = await h.Client.Livestreams.GetForMeetingAsync(meeting.Id);

        Assert.Equal((LivestreamStatus.LIVE, "Town hall"), (automatic.Status, automatic.Name));
        Assert.Equal(LivestreamStatus.IDLE, Assert.Single(after.Livestreams!).Status);
        Assert.Equal(Start + EmulatorState.RecorderJoinDelay, after.Sessions!.StoppedTime);
    }
}
