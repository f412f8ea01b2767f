namespace RealtimeKit.Emulator.State;

// What sessions starting and ending, and a reset, do to presets, recordings and livestreams.
internal sealed partial class EmulatorState
{
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
        foreach (var timer in _recordings.Values.Select(r => r.Timer).Concat(_livestreams.Values.Select(l => l.Timer)))
        {
            timer?.Dispose();
        }

        _recordings.Clear();
        _livestreams.Clear();
        _presets.Clear();
    }
}
