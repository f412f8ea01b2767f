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

    [Fact]
    public async Task A_daywise_range_of_up_to_1000_days_is_answered_day_by_day_and_a_longer_one_is_refused()
    {
        await using var h = await EmulatorHarness.StartAsync(new EmulatorOptions { TimeProvider = new FakeTimeProvider(Start) });

        var widest = await h.Client.Analytics.GetDaywiseAsync(new DateOnly(2024, 1, 1), new DateOnly(2024, 1, 1).AddDays(999));

        Assert.Equal(1000, widest.SessionStats!.DayStats!.Count);
        Assert.Equal(1000, widest.RecordingStats!.DayStats!.Count);
        var (status, body) = await h.RawAsync(HttpMethod.Get, $"client/v4/accounts/{h.Emulator.AccountId}/realtime/kit/{h.Emulator.AppId}/analytics/daywise?start_date=2024-01-01&end_date=2026-09-27");
        Assert.Equal(400, status);
        Assert.Contains("The range start_date 2024-01-01 to end_date 2026-09-27 spans more than 1000 days.", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_daywise_range_ending_before_it_starts_is_refused_naming_both_dates()
    {
        await using var h = await EmulatorHarness.StartAsync(new EmulatorOptions { TimeProvider = new FakeTimeProvider(Start) });

        var (status, body) = await h.RawAsync(HttpMethod.Get, $"client/v4/accounts/{h.Emulator.AccountId}/realtime/kit/{h.Emulator.AppId}/analytics/daywise?start_date=2026-11-20&end_date=2026-11-19");

        Assert.Equal(400, status);
        Assert.Contains("end_date (2026-11-19) must not be before start_date (2026-11-20).", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Livestream_analytics_default_to_the_30_days_up_to_now_and_refuse_an_end_before_the_start()
    {
        await using var h = await EmulatorHarness.StartAsync(new EmulatorOptions { TimeProvider = new FakeTimeProvider(Start) });

        var days = await h.Client.Analytics.GetLivestreamDaywiseAsync();

        Assert.Equal(31, days.Count);
        Assert.Equal("2026-10-21", days[0].Date);
        Assert.Equal("2026-11-20", days[^1].Date);
        var sameDay = $"start_time={Start.ToUnixTimeSeconds()}&end_time={Start.ToUnixTimeSeconds() - 60}";
        var (status, body) = await h.RawAsync(HttpMethod.Get, $"client/v4/accounts/{h.Emulator.AccountId}/realtime/kit/{h.Emulator.AppId}/analytics/livestreams/overall?{sameDay}");
        Assert.Equal(400, status);
        Assert.Contains($"end_time ({Start.ToUnixTimeSeconds() - 60}) must not be before start_time ({Start.ToUnixTimeSeconds()}).", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("253402300800")]
    [InlineData("1.5")]
    public async Task Livestream_analytics_refuse_a_time_that_is_not_unix_seconds_of_years_1970_to_9999(string seconds)
    {
        await using var h = await EmulatorHarness.StartAsync(new EmulatorOptions { TimeProvider = new FakeTimeProvider(Start) });

        await h.AssertBadRequestAsync($"analytics/livestreams/overall?end_time={seconds}", "end_time must be a Unix timestamp in seconds, got");
    }

    [Fact]
    public async Task Livestream_analytics_accept_the_first_and_last_unix_seconds()
    {
        await using var h = await EmulatorHarness.StartAsync(new EmulatorOptions { TimeProvider = new FakeTimeProvider(Start) });

        var (first, _) = await h.RawAsync(HttpMethod.Get, $"client/v4/accounts/{h.Emulator.AccountId}/realtime/kit/{h.Emulator.AppId}/analytics/livestreams/overall?start_time=0&end_time=86399");
        var (last, _) = await h.RawAsync(HttpMethod.Get, $"client/v4/accounts/{h.Emulator.AccountId}/realtime/kit/{h.Emulator.AppId}/analytics/livestreams/overall?start_time=253402214400&end_time=253402300799");

        Assert.Equal(200, first);
        Assert.Equal(200, last);
    }

    // A session of one participant that lasts exactly `length` on the emulator's clock.
    private static async Task SessionAsync(EmulatorHarness h, FakeTimeProvider time, TimeSpan length)
    {
        var (meetingId, _) = await h.LiveMeetingAsync(1);
        time.Advance(length);
        await h.Emulator.Control.EndSessionAsync(meetingId);
    }
}
