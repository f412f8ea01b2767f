using Microsoft.Extensions.Time.Testing;
using RealtimeKit.Emulator.State;
using RealtimeKit.Generated.Models;

namespace RealtimeKit.Emulator.Tests;

/// <summary>Analytics computed from the emulator's own sessions, read through <c>client.Analytics</c>.</summary>
public sealed class AnalyticsTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 20, 22, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Daywise_analytics_count_the_sessions_and_their_minutes_per_day_and_match_the_session_list()
    {
        var time = new FakeTimeProvider(Start);
        await using var h = await EmulatorHarness.StartAsync(new EmulatorOptions { TimeProvider = time });
        await SessionAsync(h, time, TimeSpan.FromMinutes(15));   // 20 Nov 22:00, 15 min
        time.Advance(TimeSpan.FromMinutes(45));
        await SessionAsync(h, time, TimeSpan.FromMinutes(90));   // 20 Nov 23:00, runs past midnight: counted on the day it started
        time.Advance(TimeSpan.FromDays(1));
        await SessionAsync(h, time, TimeSpan.FromMinutes(12.5)); // 22 Nov 00:30

        var analytics = await h.Client.Analytics.GetDaywiseAsync(new DateOnly(2026, 11, 19), new DateOnly(2026, 11, 22));

        var stats = analytics.SessionStats!;
        Assert.Equal(new[] { "2026-11-19", "2026-11-20", "2026-11-21", "2026-11-22" }, stats.DayStats!.Select(d => d.Day));
        Assert.Equal(new[] { 0, 2, 0, 1 }, stats.DayStats!.Select(d => d.TotalSessions!.Value));
        Assert.Equal(new[] { 0, 105, 0, 12.5 }, stats.DayStats!.Select(d => d.TotalSessionMinutes!.Value));
        Assert.Equal(3, stats.SessionsCount);
        var listed = await h.Client.Sessions.ListAsync();
        Assert.Equal(listed.Items.Sum(s => s.MinutesConsumed!.Value), stats.SessionsMinutesConsumed);
        Assert.Equal(0, analytics.RecordingStats!.RecordingCount); // nobody recorded these sessions
        Assert.All(analytics.RecordingStats.DayStats!, d => Assert.Equal(0, d.TotalRecordings));

        var oneDay = await h.Client.Analytics.GetDaywiseAsync(new DateOnly(2026, 11, 22), new DateOnly(2026, 11, 22));
        Assert.Equal(1, oneDay.SessionStats!.SessionsCount);
        var byDefault = await h.Client.Analytics.GetDaywiseAsync(); // the 30 days before today, and today
        Assert.Equal(31, byDefault.SessionStats!.DayStats!.Count);
        Assert.Equal("2026-11-22", byDefault.SessionStats.DayStats[^1].Day);
        Assert.Equal(3, byDefault.SessionStats.SessionsCount);

        await h.AssertBadRequestAsync("analytics/daywise?start_date=22-11-2026", "start_date");
        await h.AssertBadRequestAsync("analytics/daywise?start_date=2000-01-01&end_date=2026-01-01", "start_date");
    }

    [Fact]
    public async Task Livestream_analytics_cover_every_day_of_the_range_and_count_nothing_without_livestreams()
    {
        var time = new FakeTimeProvider(Start);
        await using var h = await EmulatorHarness.StartAsync(new EmulatorOptions { TimeProvider = time });
        await SessionAsync(h, time, TimeSpan.FromMinutes(5)); // a meeting session is not a livestream

        var days = await h.Client.Analytics.GetLivestreamDaywiseAsync(Start.AddDays(-2), Start);
        var overall = await h.Client.Analytics.GetLivestreamOverallAsync(Start.AddDays(-2), Start);

        Assert.Equal(new[] { "2026-11-18", "2026-11-19", "2026-11-20" }, days.Select(d => d.Date));
        Assert.All(days, d => Assert.True(d is { Count: 0, TotalIngestSeconds: 0, TotalViewerSeconds: 0 }));
        Assert.True(overall is { Count: 0, TotalIngestSeconds: 0, TotalViewerSeconds: 0 });
        await h.AssertBadRequestAsync("analytics/livestreams/overall?start_time=yesterday", "start_time");
    }

    [Fact]
    public async Task Recordings_and_livestreams_are_counted_with_the_time_they_ran_on_the_day_they_started()
    {
        var time = new FakeTimeProvider(Start);
        await using var h = await EmulatorHarness.StartAsync(new EmulatorOptions { TimeProvider = time });
        var (meetingId, _) = await h.LiveMeetingAsync(1);

        var recording = await h.Client.Recordings.StartAsync(new StartRecordingBody { MeetingId = Guid.Parse(meetingId) });
        time.Advance(EmulatorState.RecorderJoinDelay);                 // the recorder joins: RECORDING from here
        time.Advance(TimeSpan.FromMinutes(3));
        await h.Client.Recordings.PauseAsync(recording.Id!);
        time.Advance(TimeSpan.FromMinutes(10));                        // a pause is not recorded time
        await h.Client.Recordings.ResumeAsync(recording.Id!);
        time.Advance(TimeSpan.FromMinutes(2));
        await h.Client.Recordings.StopAsync(recording.Id!);

        await h.Client.Livestreams.StartForMeetingAsync(meetingId, name: "All hands");
        time.Advance(TimeSpan.FromSeconds(1));                         // the ingest goes LIVE
        time.Advance(TimeSpan.FromSeconds(90));
        await h.Client.Livestreams.StopForMeetingAsync(meetingId);
        await h.Emulator.Control.EndSessionAsync(meetingId);

        var daywise = await h.Client.Analytics.GetDaywiseAsync(new DateOnly(2026, 11, 20), new DateOnly(2026, 11, 21));
        var overall = await h.Client.Analytics.GetLivestreamOverallAsync(Start, Start.AddDays(1));
        var days = await h.Client.Analytics.GetLivestreamDaywiseAsync(Start, Start.AddDays(1));

        Assert.Equal(1, daywise.RecordingStats!.RecordingCount);
        Assert.Equal(5, daywise.RecordingStats.RecordingMinutesConsumed);
        Assert.Equal(new[] { 1, 0 }, daywise.RecordingStats.DayStats!.Select(d => d.TotalRecordings!.Value));
        Assert.True(overall is { Count: 1, TotalIngestSeconds: 90, TotalViewerSeconds: 0 }, $"{overall.Count} {overall.TotalIngestSeconds}");
        Assert.Equal(new[] { 90L, 0L }, days.Select(d => (long)d.TotalIngestSeconds!.Value));
    }

    // A session of one participant that lasts exactly `length` on the emulator's clock.
    private static async Task SessionAsync(EmulatorHarness h, FakeTimeProvider time, TimeSpan length)
    {
        var (meetingId, _) = await h.LiveMeetingAsync(1);
        time.Advance(length);
        await h.Emulator.Control.EndSessionAsync(meetingId);
    }
}
