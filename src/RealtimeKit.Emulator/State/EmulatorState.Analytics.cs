using System.Globalization;
using RealtimeKit.Emulator.Api;

namespace RealtimeKit.Emulator.State;

/// <summary>Recording usage analytics count: when a recording started and how many minutes it ran.</summary>
internal readonly record struct RecordingUsage(DateTimeOffset StartedAt, double Minutes);

/// <summary>Livestream usage analytics count: when a livestream started, its ingest and viewer seconds.</summary>
internal readonly record struct LivestreamUsage(DateTimeOffset StartedAt, long IngestSeconds, long ViewerSeconds);

// Analytics, computed from the emulator's own sessions (and recordings and livestreams, through the two
// usage seams below) each time they are asked for, so they always match what the sessions operations report.
internal sealed partial class EmulatorState
{
    /// <summary>Session and recording usage per UTC day from <paramref name="first"/> to <paramref name="last"/>, both included.</summary>
    public DaywiseAnalyticsBody DaywiseAnalytics(string accountId, string appId, DateOnly first, DateOnly last)
    {
        lock (_lock)
        {
            var days = Days(first, last);
            var sessions = _sessions.Values
                .Where(s => s.Meeting.AccountId == accountId && s.Meeting.AppId == appId)
                .Select(s => (Day: DayOf(s.Session.StartedAt), Describe(s.Meeting, s.Session).MinutesConsumed))
                .Where(s => s.Day >= first && s.Day <= last)
                .ToList();
            var recordings = RecordingUsages(accountId, appId).Select(r => (Day: DayOf(r.StartedAt), r.Minutes)).Where(r => r.Day >= first && r.Day <= last).ToList();

            var sessionsByDay = sessions.ToLookup(s => s.Day);
            var recordingsByDay = recordings.ToLookup(r => r.Day);
            var sessionDays = days.Select(d => new SessionDayBody(Text(d), sessionsByDay[d].Count(), Math.Round(sessionsByDay[d].Sum(s => s.MinutesConsumed), 2))).ToList();
            var recordingDays = days.Select(d => new RecordingDayBody(Text(d), recordingsByDay[d].Count(), (int)Math.Round(recordingsByDay[d].Sum(r => r.Minutes)))).ToList();
            return new DaywiseAnalyticsBody(
                new SessionAnalyticsBody(sessions.Count, Math.Round(sessions.Sum(s => s.MinutesConsumed), 2), sessionDays),
                new RecordingAnalyticsBody(recordings.Count, Math.Round(recordings.Sum(r => r.Minutes), 2), recordingDays));
        }
    }

    /// <summary>Livestream usage per UTC day of the range [<paramref name="from"/>, <paramref name="to"/>].</summary>
    public IReadOnlyList<LivestreamDayBody> LivestreamDaywiseAnalytics(string accountId, string appId, DateTimeOffset from, DateTimeOffset to)
    {
        lock (_lock)
        {
            var byDay = LivestreamsIn(accountId, appId, from, to).ToLookup(s => DayOf(s.StartedAt));
            return Days(DayOf(from), DayOf(to))
                .Select(d => new LivestreamDayBody(Text(d), byDay[d].Count(), byDay[d].Sum(s => s.IngestSeconds), byDay[d].Sum(s => s.ViewerSeconds)))
                .ToList();
        }
    }

    /// <summary>Livestream usage over the whole range [<paramref name="from"/>, <paramref name="to"/>].</summary>
    public LivestreamTotalsBody LivestreamOverallAnalytics(string accountId, string appId, DateTimeOffset from, DateTimeOffset to)
    {
        lock (_lock)
        {
            var streams = LivestreamsIn(accountId, appId, from, to);
            return new LivestreamTotalsBody(streams.Count, streams.Sum(s => s.IngestSeconds), streams.Sum(s => s.ViewerSeconds));
        }
    }

    /// <summary>Today on the emulator's clock (UTC), for the analytics' default range.</summary>
    public DateOnly Today => DayOf(time.GetUtcNow());

    /// <summary>The emulator's clock (what download links and analytics ranges are measured by).</summary>
    public TimeProvider Clock => time;

    // Every recording of the app that started, with the minutes it recorded (pauses left out) by now.
    private IEnumerable<RecordingUsage> RecordingUsages(string accountId, string appId)
    {
        var now = time.GetUtcNow();
        return _recordings.Values
            .Where(r => r.Meeting.AccountId == accountId && r.Meeting.AppId == appId && r.StartedAt is not null)
            .Select(r => new RecordingUsage(r.StartedAt!.Value, r.Recorded(now).TotalMinutes));
    }

    // Every livestream session of the app that went live, with its ingest seconds by now. Nobody watches an
    // emulated stream, so viewer seconds are 0.
    private IEnumerable<LivestreamUsage> LivestreamUsages(string accountId, string appId)
    {
        var now = time.GetUtcNow();
        return _livestreams.Values
            .Where(l => l.AccountId == accountId && l.AppId == appId)
            .SelectMany(l => l.Sessions)
            .Where(s => s.StartedAt is not null)
            .Select(s => new LivestreamUsage(s.StartedAt!.Value, (long)s.IngestSeconds(now), 0));
    }

    private List<LivestreamUsage> LivestreamsIn(string accountId, string appId, DateTimeOffset from, DateTimeOffset to) =>
        LivestreamUsages(accountId, appId).Where(s => s.StartedAt >= from && s.StartedAt <= to).ToList();

    private static List<DateOnly> Days(DateOnly first, DateOnly last) =>
        Enumerable.Range(0, last.DayNumber - first.DayNumber + 1).Select(first.AddDays).ToList();

    private static DateOnly DayOf(DateTimeOffset at) => DateOnly.FromDateTime(at.UtcDateTime);

    private static string Text(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
