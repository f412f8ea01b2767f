using RealtimeKit.Generated.Models;
using static RealtimeKit.Tests.Contract.PathValues;

namespace RealtimeKit.Tests.Contract;

public static partial class OperationCalls
{
    /// <summary>The meeting the recording request examples name in their bodies.</summary>
    private const string RecordedMeetingId = "97440c6a-140b-40a9-9499-b23fd7a3868a";

    private static readonly OperationCall[] Recordings =
    [
        new("listRecordings", async c => await c.Recordings.ListAsync()),
        new("startRecording", async c => await c.Recordings.StartAsync(new StartRecordingBody
        {
            MeetingId = Guid.Parse(RecordedMeetingId),
            AllowMultipleRecordings = false,
            MaxSeconds = 60,
            FileNamePrefix = "standup",
            AudioConfig = new StartRecordingAudioConfig { Channel = StartRecordingAudioConfig_channel.Stereo, Codec = StartRecordingAudioConfig_codec.AAC, ExportFile = true },
            VideoConfig = new StartRecordingVideoConfig
            {
                Codec = StartRecordingVideoConfig_codec.H264,
                ExportFile = true,
                Height = 720,
                Width = 1280,
                Watermark = new StartRecordingWatermark
                {
                    Position = StartRecordingWatermark_position.LeftTop,
                    Size = new StartRecordingWatermarkSize { Height = 1, Width = 1 },
                    Url = "http://example.com",
                },
            },
            InteractiveConfig = new StartRecordingInteractiveConfig { Type = StartRecordingInteractiveConfig_type.ID3 },
            RealtimekitBucketConfig = new StartRecordingBucketConfig { Enabled = true },
        })),
        new("getActiveRecording", async c => await c.Recordings.GetActiveAsync(MeetingId)),
        new("startTrackRecording", async c => await c.Recordings.StartTrackAsync(RecordedMeetingId, fileNamePrefix: "speaker")),
        new("getRecording", async c => await c.Recordings.GetAsync(RecordingId)),
        new("updateRecording", async c => await c.Recordings.StopAsync(RecordingId)),
    ];
}
