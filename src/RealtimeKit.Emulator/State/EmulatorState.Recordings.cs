using System.Text.Json;
using RealtimeKit.Emulator.Api;

namespace RealtimeKit.Emulator.State;

/// <summary>What a start-recording request asks for.</summary>
/// <param name="MeetingId">The meeting to record.</param>
/// <param name="Track">A track recording (each participant's audio, .webm) rather than the composite (.mp4).</param>
/// <param name="AllowMultiple">Whether it may run beside another recording of the same kind.</param>
/// <param name="Settings">The settings sent; what is not sent comes from the meeting's recording_config.</param>
internal sealed record RecordingRequest(string MeetingId, bool Track, bool AllowMultiple = false, RecordingSettings? Settings = null);

/// <summary>The recording settings the emulator acts on; null means "not given".</summary>
/// <param name="FileNamePrefix">The output file's prefix.</param>
/// <param name="ExportsAudio">Whether an audio file is exported too.</param>
/// <param name="InBucket">Whether the files go to RealtimeKit's bucket (download URLs given).</param>
/// <param name="StorageConfig">Where else the files go, secrets already removed.</param>
/// <param name="MaxSeconds">The recorded time after which the recording stops itself.</param>
internal sealed record RecordingSettings(string? FileNamePrefix = null, bool? ExportsAudio = null, bool? InBucket = null, JsonElement? StorageConfig = null, int? MaxSeconds = null)
{
    // The secrets a storage configuration is sent with: kept by nobody, returned never.
    private static readonly string[] StorageSecrets = ["access_key", "secret", "password", "private_key"];

    /// <summary>
    /// The settings of a start-recording body or of a meeting's recording_config (the same field names). A field of
    /// another type than expected counts as not given: a meeting's recording_config is stored as it was sent.
    /// </summary>
    public static RecordingSettings From(JsonElement? source) => new(
        JsonPath.Find(source, "file_name_prefix") is { ValueKind: JsonValueKind.String } prefix ? prefix.GetString() : null,
        Flag(JsonPath.Find(source, "audio_config", "export_file")),
        Flag(JsonPath.Find(source, "realtimekit_bucket_config", "enabled")),
        JsonPath.Find(source, "storage_config") is { ValueKind: JsonValueKind.Object } storage ? WithoutSecrets(storage) : null,
        JsonPath.Find(source, "max_seconds") is { ValueKind: JsonValueKind.Number } max && max.GetDouble() is >= 1 and <= 86400 ? (int)Math.Ceiling(max.GetDouble()) : null);

    /// <summary>These settings, with what they do not give taken from <paramref name="fallback"/>.</summary>
    public RecordingSettings Or(RecordingSettings fallback) => new(
        FileNamePrefix ?? fallback.FileNamePrefix, ExportsAudio ?? fallback.ExportsAudio, InBucket ?? fallback.InBucket, StorageConfig ?? fallback.StorageConfig,
        MaxSeconds ?? fallback.MaxSeconds);

    private static bool? Flag(JsonElement? value) => value?.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };

    private static JsonElement WithoutSecrets(JsonElement storage)
    {
        var copy = System.Text.Json.Nodes.JsonObject.Create(storage)!;
        foreach (var secret in StorageSecrets)
        {
            copy.Remove(secret);
        }

        return JsonSerializer.SerializeToElement(copy);
    }
}

/// <summary>The filters of a recordings list.</summary>
internal sealed record RecordingFilter(Guid? MeetingId, bool? Expired, string? Search, DateTimeOffset? Start, DateTimeOffset? End, IReadOnlySet<string>? Statuses, bool Ascending);

// Recordings: a state machine on the emulator's clock, no media. The recorder joins RecorderJoinDelay after the
// start (INVOKED → RECORDING); a stopped recording uploads for UploadDelay (UPLOADING → UPLOADED). Every status
// change is a recording.statusUpdate event.
internal sealed partial class EmulatorState
{
    /// <summary>How long the emulated recorder takes to join: the time between invoked_time and started_time.</summary>
    public static readonly TimeSpan RecorderJoinDelay = TimeSpan.FromSeconds(1);

    /// <summary>How long an emulated upload takes, from stopped to UPLOADED.</summary>
    public static readonly TimeSpan UploadDelay = TimeSpan.FromSeconds(1);

    /// <summary>The file size the emulator reports per recorded second (1 Mbit/s); no file exists.</summary>
    public const int EmulatedBytesPerSecond = 125_000;

    /// <summary>Where the emulator says recordings can be downloaded: a reserved domain that never resolves, as there is no media.</summary>
    public const string EmulatedMediaHost = "recordings.emulator.invalid";

    private readonly Dictionary<Guid, RecordingRecord> _recordings = [];

    public RecordingBody StartRecording(string accountId, string appId, RecordingRequest request)
    {
        try
        {
            lock (_lock)
            {
                var meeting = FindMeeting(accountId, appId, request.MeetingId);
                if (meeting.Session is not { IsLive: true } session)
                {
                    throw EmulatorProblem.BadRequest($"No active session found for meeting {meeting.Id}: a recording starts once a participant has joined.");
                }

                if (!request.AllowMultiple && _recordings.Values.FirstOrDefault(r => r.Meeting == meeting && r.IsActive && r.Track == request.Track) is { } running)
                {
                    throw EmulatorProblem.BadRequest($"Meeting {meeting.Id} is already being recorded: recording {running.Id} is {running.Status}. Stop it first, or send allow_multiple_recordings: true.");
                }

                return Describe(StartRecordingLocked(meeting, session, request, "API_CALL"), withMeeting: false);
            }
        }
        finally
        {
            Flush();
        }
    }

    public Paged ListRecordings(string accountId, string appId, RecordingFilter filter, int page, int perPage)
    {
        lock (_lock)
        {
            var now = time.GetUtcNow();
            var matching = _recordings.Values
                .Where(r => r.Meeting.AccountId == accountId && r.Meeting.AppId == appId)
                .Where(r => filter.MeetingId is null || r.Meeting.Id == filter.MeetingId)
                .Where(r => filter.Expired is null || Expired(r, now) == filter.Expired)
                .Where(r => filter.Search is null || r.Meeting.Id.ToString().Contains(filter.Search, StringComparison.OrdinalIgnoreCase) || (r.Meeting.Title?.Contains(filter.Search, StringComparison.OrdinalIgnoreCase) ?? false))
                .Where(r => (filter.Start is null || r.InvokedAt >= filter.Start) && (filter.End is null || r.InvokedAt <= filter.End))
                .Where(r => filter.Statuses is null || filter.Statuses.Contains(r.Status));
            var sorted = (filter.Ascending ? matching.OrderBy(r => r.InvokedAt) : matching.OrderByDescending(r => r.InvokedAt)).ThenBy(r => r.Id);
            return Page(sorted.Select(r => Describe(r, withMeeting: true)).ToList(), page, perPage);
        }
    }

    public RecordingBody GetRecording(string accountId, string appId, Guid recordingId)
    {
        lock (_lock)
        {
            return Describe(FindRecording(accountId, appId, recordingId), withMeeting: false);
        }
    }

    public RecordingBody GetActiveRecording(string accountId, string appId, string meetingId)
    {
        lock (_lock)
        {
            var meeting = FindMeeting(accountId, appId, meetingId);
            var active = _recordings.Values.Where(r => r.Meeting == meeting && r.IsActive).OrderBy(r => r.Track).ThenByDescending(r => r.InvokedAt).FirstOrDefault()
                ?? throw EmulatorProblem.NotFound($"No active recording found for meeting {meeting.Id}");
            return Describe(active, withMeeting: false);
        }
    }

    /// <summary>Pauses, resumes or stops a recording; repeating an action changes nothing more.</summary>
    public RecordingBody UpdateRecording(string accountId, string appId, Guid recordingId, string action)
    {
        try
        {
            lock (_lock)
            {
                var recording = FindRecording(accountId, appId, recordingId);
                var now = time.GetUtcNow();
                switch (action, recording.Status)
                {
                    case ("pause", RecordingState.Recording):
                        recording.Status = RecordingState.Paused;
                        recording.PausedAt = now;
                        RaiseRecording(recording);
                        break;
                    case ("resume", RecordingState.Paused):
                        recording.PausedFor += now - recording.PausedAt!.Value;
                        recording.PausedAt = null;
                        recording.Status = RecordingState.Recording;
                        RaiseRecording(recording);
                        ArmLimit(recording, now);
                        break;
                    case ("stop", RecordingState.Invoked or RecordingState.Recording or RecordingState.Paused):
                        StopRecording(recording, "API_CALL", now);
                        break;
                    case ("pause", RecordingState.Paused) or ("resume", RecordingState.Recording) or ("stop", RecordingState.Uploading or RecordingState.Uploaded):
                        break;
                    default:
                        throw EmulatorProblem.BadRequest($"Cannot {action} recording {recording.Id}: it is {recording.Status}; {(action == "resume" ? "only a PAUSED recording can be resumed" : "only a RECORDING recording can be paused")}.");
                }

                return Describe(recording, withMeeting: false);
            }
        }
        finally
        {
            Flush();
        }
    }

    // Under the lock: a new recording of the live session, INVOKED until the emulated recorder joins.
    private RecordingRecord StartRecordingLocked(Meeting meeting, LiveSession session, RecordingRequest request, string reason)
    {
        var id = Guid.NewGuid();
        var extension = request.Track ? "webm" : "mp4";
        var settings = (request.Settings ?? new RecordingSettings()).Or(RecordingSettings.From(meeting.Settings.RecordingConfig));
        var recording = new RecordingRecord(id, meeting, session.Id, time.GetUtcNow())
        {
            Track = request.Track,
            OutputFileName = $"{settings.FileNamePrefix ?? (request.Track ? "track" : "recording")}_{id:N}.{extension}",
            ExportsAudio = settings.ExportsAudio ?? true,
            InBucket = settings.InBucket ?? true,
            StartReason = reason,
            StorageConfig = settings.StorageConfig,
            MaxSeconds = settings.MaxSeconds,
        };
        _recordings.Add(id, recording);
        RaiseRecording(recording);
        At(recording.InvokedAt + RecorderJoinDelay, joined =>
        {
            if (_recordings.ContainsKey(id) && recording.Status == RecordingState.Invoked)
            {
                recording.Status = RecordingState.Recording;
                recording.StartedAt = joined;
                RaiseRecording(recording);
                ArmLimit(recording, joined);
            }
        });
        return recording;
    }

    // Under the lock: stops a running recording (no stop_reason when max_seconds stopped it: the spec's reasons do not
    // name that case); the emulated upload finishes UploadDelay later.
    private void StopRecording(RecordingRecord recording, string? reason, DateTimeOffset now)
    {
        if (recording.PausedAt is { } pausedAt)
        {
            recording.PausedFor += now - pausedAt;
            recording.PausedAt = null;
        }

        recording.Status = RecordingState.Uploading;
        recording.StoppedAt = now;
        recording.StopReason = reason;
        RaiseRecording(recording);
        At(now + UploadDelay, uploaded =>
        {
            if (_recordings.ContainsKey(recording.Id) && recording.Status == RecordingState.Uploading)
            {
                recording.Status = RecordingState.Uploaded;
                recording.UploadedAt = uploaded;
                RaiseRecording(recording);
            }
        });
    }

    // Under the lock: the session ended, so its recordings stop as RealtimeKit's do when everyone has left.
    private void StopRecordingsOf(Meeting meeting, DateTimeOffset now)
    {
        foreach (var recording in _recordings.Values.Where(r => r.Meeting == meeting && r.IsActive).ToList())
        {
            StopRecording(recording, "ALL_PEERS_LEFT", now);
        }
    }

    // Under the lock: a recording that has just started recording again stops itself once it has recorded
    // max_seconds. A pause makes the armed step find too little recorded time, and the resume arms a new one.
    private void ArmLimit(RecordingRecord recording, DateTimeOffset from)
    {
        if (recording.MaxSeconds is not { } max)
        {
            return;
        }

        var limit = TimeSpan.FromSeconds(max);
        At(from + (limit - recording.Recorded(from)), due =>
        {
            if (_recordings.ContainsKey(recording.Id) && recording.Status == RecordingState.Recording && recording.Recorded(due) >= limit)
            {
                StopRecording(recording, null, due);
            }
        });
    }

    private RecordingRecord FindRecording(string accountId, string appId, Guid recordingId) =>
        _recordings.TryGetValue(recordingId, out var recording) && recording.Meeting.AccountId == accountId && recording.Meeting.AppId == appId
            ? recording
            : throw EmulatorProblem.NotFound($"No recording found with id {recordingId}");

    private void RaiseRecording(RecordingRecord recording) =>
        Raise("recording.statusUpdate", ("meeting", DescribeMeeting(recording.Meeting)), ("recording", Describe(recording, withMeeting: false)));

    private static bool Expired(RecordingRecord r, DateTimeOffset now) => r.UploadedAt is { } uploaded && uploaded + DownloadUrlLifetime <= now;

    private static readonly TimeSpan DownloadUrlLifetime = TimeSpan.FromDays(7);

    private RecordingBody Describe(RecordingRecord r, bool withMeeting)
    {
        var now = time.GetUtcNow();
        var duration = r.DurationSeconds(now);
        var downloadable = r.InBucket && r.UploadedAt is not null;
        var url = $"https://{EmulatedMediaHost}/{r.Id:N}/";
        return new RecordingBody(
            r.Id.ToString(),
            downloadable ? url + r.OutputFileName : null,
            downloadable ? Stamp(r.UploadedAt!.Value + DownloadUrlLifetime) : null,
            downloadable && r.ExportsAudio ? url + Path.ChangeExtension(r.OutputFileName, r.Track ? "webm" : "mp3") : null,
            r.StoppedAt is null ? 0 : (double)duration * EmulatedBytesPerSecond,
            r.SessionId.ToString(),
            r.OutputFileName,
            r.Status,
            Stamp(r.InvokedAt),
            r.StartedAt is { } started ? Stamp(started) : null,
            r.StoppedAt is { } stopped ? Stamp(stopped) : null,
            duration,
            Reason(r.StartReason),
            r.StopReason is { } stop ? Reason(stop) : null,
            r.StorageConfig,
            withMeeting ? DescribeMeeting(r.Meeting) : null);
    }

    // The API's own calls are the app's (ORGANIZATION); automatic starts and stops name no caller.
    private static RecordingReasonBody Reason(string reason) =>
        new(reason, reason == "API_CALL" ? new RecordingCallerBody("ORGANIZATION", "RealtimeKit emulator") : null);
}
