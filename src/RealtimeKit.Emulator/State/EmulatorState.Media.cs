namespace RealtimeKit.Emulator.State;

// What sessions starting and ending, and a reset, do to presets, recordings and livestreams; and the steps they take
// by themselves on the emulator's clock.
internal sealed partial class EmulatorState
{
    // The pending steps (recorder joined, upload done, max_seconds reached...), until they run or a reset.
    private readonly HashSet<ITimer> _timers = [];

    /// <summary>
    /// Under the lock: runs <paramref name="step"/> at <paramref name="due"/> on the emulator's clock, given that time
    /// so its timestamps do not depend on when a timer ran. At once when already due (the caller publishes what it
    /// raised); otherwise from a timer, under the lock, publishing afterwards. Steps check the state is still what
    /// they expect, so a stale one does nothing.
    /// </summary>
    private void At(DateTimeOffset due, Action<DateTimeOffset> step)
    {
        var delay = due - time.GetUtcNow();
        if (delay <= TimeSpan.Zero)
        {
            step(due);
            return;
        }

        ITimer? timer = null;
        timer = time.CreateTimer(
            _ =>
            {
                lock (_lock)
                {
                    // The timer was created under the lock, so it is assigned by the time this runs.
                    if (!_timers.Remove(timer!))
                    {
                        return;
                    }

                    step(due);
                }

                Flush();
            },
            null,
            delay,
            Timeout.InfiniteTimeSpan);
        _timers.Add(timer);
    }

    // Under the lock: a session has just started; the meeting's record_on_start and live_stream_on_start apply.
    private void OnSessionStarted(Meeting meeting, LiveSession session)
    {
        if (meeting.Settings.RecordOnStart == true)
        {
            StartRecordingLocked(meeting, session, new RecordingRequest(meeting.Id.ToString(), Track: false), "RECORD_ON_START");
        }

        if (meeting.Settings.LiveStreamOnStart == true)
        {
            StartLivestreamLocked(meeting, session, null);
        }
    }

    // Under the lock: the session has just ended (everyone left); what it was recording or streaming stops.
    private void OnSessionEnded(Meeting meeting, DateTimeOffset now)
    {
        StopRecordingsOf(meeting, now);
        StopLivestreamsOf(meeting, now);
    }

    // Under the lock: forget presets, recordings and livestreams, and cancel their pending steps.
    private void ResetMedia()
    {
        foreach (var timer in _timers)
        {
            timer.Dispose();
        }

        _timers.Clear();
        _recordings.Clear();
        _livestreams.Clear();
        _presets.Clear();
    }
}
