using System.Text.Json;

namespace RealtimeKit.Emulator.State;

// Presets, recordings and livestreams. Mutable classes, touched only under EmulatorState's lock.

/// <summary>A preset of an app.</summary>
internal sealed class PresetRecord(Guid id, string name, DateTimeOffset createdAt)
{
    public Guid Id { get; } = id;

    public string Name { get; set; } = name;

    public DateTimeOffset CreatedAt { get; } = createdAt;

    public DateTimeOffset UpdatedAt { get; set; } = createdAt;

    public required JsonElement Config { get; set; }

    public required JsonElement Permissions { get; set; }

    public required JsonElement Ui { get; set; }
}

/// <summary>
/// A recording of a meeting's session: INVOKED → RECORDING ⇄ PAUSED → UPLOADING → UPLOADED. No media is
/// recorded; times come from the emulator's clock.
/// </summary>
internal sealed class RecordingRecord(Guid id, Meeting meeting, Guid sessionId, DateTimeOffset invokedAt)
{
    public Guid Id { get; } = id;

    public Meeting Meeting { get; } = meeting;

    public Guid SessionId { get; } = sessionId;

    public DateTimeOffset InvokedAt { get; } = invokedAt;

    public string Status { get; set; } = RecordingState.Invoked;

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? StoppedAt { get; set; }

    public DateTimeOffset? UploadedAt { get; set; }

    /// <summary>When the current pause began; null when not paused.</summary>
    public DateTimeOffset? PausedAt { get; set; }

    /// <summary>The time spent paused in earlier pauses.</summary>
    public TimeSpan PausedFor { get; set; }

    /// <summary>A track recording (each participant's audio) rather than the meeting's composite.</summary>
    public required bool Track { get; init; }

    public required string OutputFileName { get; init; }

    /// <summary>Whether an audio file is exported beside the recording.</summary>
    public required bool ExportsAudio { get; init; }

    /// <summary>Whether the files go to RealtimeKit's bucket (download URLs are given only then).</summary>
    public required bool InBucket { get; init; }

    public required string StartReason { get; init; }

    public string? StopReason { get; set; }

    /// <summary>Where the files go besides the bucket, without the secrets it was sent with.</summary>
    public JsonElement? StorageConfig { get; init; }

    /// <summary>The recorded time after which it stops itself; null for no limit.</summary>
    public int? MaxSeconds { get; init; }

    public bool IsActive => Status is RecordingState.Invoked or RecordingState.Recording or RecordingState.Paused;

    /// <summary>Whole seconds recorded so far.</summary>
    public int DurationSeconds(DateTimeOffset now) => (int)Recorded(now).TotalSeconds;

    /// <summary>The time recorded so far: running time less pauses.</summary>
    public TimeSpan Recorded(DateTimeOffset now)
    {
        if (StartedAt is not { } started)
        {
            return TimeSpan.Zero;
        }

        var end = StoppedAt ?? now;
        var paused = PausedFor + (PausedAt is { } since ? end - since : TimeSpan.Zero);
        return end - started - paused is var recorded && recorded > TimeSpan.Zero ? recorded : TimeSpan.Zero;
    }
}

/// <summary>The statuses of a recording, as the spec spells them.</summary>
internal static class RecordingState
{
    public const string Invoked = "INVOKED";
    public const string Recording = "RECORDING";
    public const string Paused = "PAUSED";
    public const string Uploading = "UPLOADING";
    public const string Uploaded = "UPLOADED";
}

/// <summary>The statuses of a livestream, as the spec spells them.</summary>
internal static class LivestreamState
{
    public const string Invoked = "INVOKED";
    public const string Live = "LIVE";
    public const string Idle = "IDLE";
}

/// <summary>A livestream: independent (no meeting) or of a meeting. INVOKED → LIVE → IDLE for a meeting's.</summary>
internal sealed class LivestreamRecord(Guid id, string accountId, string appId, Meeting? meeting, string? name, string streamKey, DateTimeOffset createdAt)
{
    public Guid Id { get; } = id;

    public string AccountId { get; } = accountId;

    public string AppId { get; } = appId;

    public Meeting? Meeting { get; } = meeting;

    public string? Name { get; set; } = name;

    public string StreamKey { get; } = streamKey;

    public string Status { get; set; } = LivestreamState.Invoked;

    public DateTimeOffset CreatedAt { get; } = createdAt;

    public DateTimeOffset UpdatedAt { get; set; } = createdAt;

    /// <summary>Oldest first.</summary>
    public List<LivestreamSessionRecord> Sessions { get; } = [];

    public LivestreamSessionRecord? ActiveSession => Sessions.LastOrDefault(s => s.StoppedAt is null);
}

/// <summary>One run of a livestream, from start to stop, during one session of its meeting.</summary>
internal sealed class LivestreamSessionRecord(Guid id, LivestreamRecord livestream, Guid? meetingSessionId, DateTimeOffset invokedAt)
{
    public Guid Id { get; } = id;

    public LivestreamRecord Livestream { get; } = livestream;

    /// <summary>The meeting session it streamed.</summary>
    public Guid? MeetingSessionId { get; } = meetingSessionId;

    public DateTimeOffset InvokedAt { get; } = invokedAt;

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? StoppedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; } = invokedAt;

    /// <summary>Seconds of input the ingest server received: from start to stop.</summary>
    public double IngestSeconds(DateTimeOffset now) => StartedAt is { } started ? Math.Max(0, ((StoppedAt ?? now) - started).TotalSeconds) : 0;
}
