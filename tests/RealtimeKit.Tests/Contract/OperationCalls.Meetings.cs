using RealtimeKit.Generated.Models;
using static RealtimeKit.Tests.Contract.PathValues;

namespace RealtimeKit.Tests.Contract;

public static partial class OperationCalls
{
    private static readonly OperationCall[] Meetings =
    [
        new("listMeetings", async c => await c.Meetings.ListAsync()),
        new("createMeeting", async c => await c.Meetings.CreateAsync(new()
        {
            Title = "Daily stand-up",
            SummarizeOnEnd = true,
            TranscribeOnEnd = true,
            SessionKeepAliveTimeInSecs = 120,
            AiConfig = new()
            {
                Transcription = new() { Keywords = ["RealtimeKit"], Language = TranscriptionLanguage.EnUS },
                Summarization = new() { SummaryType = SummaryType.Daily_standup, WordLimit = 300 },
            },
            RecordingConfig = new()
            {
                FileNamePrefix = "standup",
                MaxSeconds = 3600,
                VideoConfig = new() { Codec = VideoCodec.H264, Width = 1280, Height = 720 },
            },
        })),
        new("getMeeting", async c => await c.Meetings.GetAsync(MeetingId)),
        new("updateMeeting", async c => await c.Meetings.UpdateAsync(MeetingId, new() { Status = MeetingStatus.INACTIVE })),
        new("replaceMeeting", async c => await c.Meetings.ReplaceAsync(MeetingId, new()
        {
            Title = "Daily stand-up",
            RecordOnStart = false,
            LiveStreamOnStart = false,
            PersistChat = false,
            SummarizeOnEnd = true,
            TranscribeOnEnd = true,
            SessionKeepAliveTimeInSecs = 120,
            AiConfig = new()
            {
                Transcription = new() { Keywords = ["RealtimeKit"], Language = TranscriptionLanguage.EnUS, ProfanityFilter = false },
                Summarization = new() { SummaryType = SummaryType.Daily_standup, TextFormat = SummaryTextFormat.Markdown, WordLimit = 300 },
            },
            RecordingConfig = new()
            {
                FileNamePrefix = "standup",
                MaxSeconds = 3600,
                AudioConfig = new() { Codec = AudioCodec.AAC, Channel = AudioChannel.Stereo, ExportFile = true },
                VideoConfig = new() { Codec = VideoCodec.H264, Width = 1280, Height = 720, ExportFile = true },
                RealtimekitBucketConfig = new() { Enabled = true },
            },
        })),
    ];
}
