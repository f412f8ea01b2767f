using RealtimeKit.Generated.Models;
using static RealtimeKit.Tests.Contract.PathValues;

namespace RealtimeKit.Tests.Contract;

public static partial class OperationCalls
{
    private static readonly OperationCall[] Presets =
    [
        new("listPresets", async c => await c.Presets.ListAsync()),
        new("createPreset", async c => await c.Presets.CreateAsync(WebinarHost(complete: true))),
        new("getPreset", async c => await c.Presets.GetAsync(PresetId)),
        new("updatePreset", async c => await c.Presets.UpdateAsync(PresetId, new() { Name = "webinar_host" })),
        new("replacePreset", async c => await c.Presets.ReplaceAsync(PresetId, WebinarHost(complete: false))),
        new("deletePreset", async c => await c.Presets.DeleteAsync(PresetId)),
    ];

    /// <summary>
    /// The webinar host preset of the createPreset example (<paramref name="complete"/>) or of the replacePreset
    /// example (only what a preset requires), built as a user would build it.
    /// </summary>
    internal static CreatePresetBody WebinarHost(bool complete)
    {
        return new CreatePresetBody
        {
            Name = "webinar_host",
            Config = new PresetConfig
            {
                ViewType = PresetViewType.WEBINAR,
                MaxVideoStreams = new PresetMaxVideoStreams { Desktop = 25, Mobile = 6 },
                MaxScreenshareCount = 1,
                Media = new PresetMediaConfig
                {
                    Audio = complete ? new PresetAudioConfig { EnableHighBitrate = false, EnableStereo = false } : null,
                    Video = new PresetVideoConfig { Quality = PresetMediaQuality.Hd, FrameRate = 30, Simulcast = complete ? false : null },
                    Screenshare = new PresetScreenshareConfig { Quality = PresetMediaQuality.Fhd, FrameRate = 5 },
                },
                LivestreamViewerQualities = complete ? [] : null,
            },
            Permissions = new PresetPermissions
            {
                AcceptWaitingRequests = true,
                CanAcceptProductionRequests = true,
                CanChangeParticipantPermissions = true,
                CanEditDisplayName = true,
                CanLivestream = false,
                CanRecord = true,
                CanSpotlight = true,
                DisableParticipantAudio = false,
                DisableParticipantScreensharing = false,
                DisableParticipantVideo = false,
                HiddenParticipant = false,
                IsRecorder = complete ? false : null,
                KickParticipant = true,
                PinParticipant = true,
                RecorderType = PresetRecorderType.NONE,
                ShowParticipantList = true,
                StageEnabled = complete ? true : null,
                StageAccess = complete ? PresetMediaAccess.ALLOWED : null,
                AcceptStageRequests = complete ? true : null,
                TranscriptionEnabled = complete ? false : null,
                WaitingRoomType = PresetWaitingRoomType.SKIP,
                Chat = new PresetChatPermissions
                {
                    Public = new PresetPublicChatPermissions { CanSend = true, Text = true, Files = true },
                    Private = new PresetPrivateChatPermissions { CanSend = true, CanReceive = true, Text = true, Files = false },
                },
                ConnectedMeetings = new PresetConnectedMeetingsPermissions { CanAlterConnectedMeetings = false, CanSwitchConnectedMeetings = false, CanSwitchToParentMeeting = false },
                Media = new PresetMediaPermissions
                {
                    Audio = new PresetProducePermission { CanProduce = PresetMediaAccess.ALLOWED },
                    Video = new PresetProducePermission { CanProduce = PresetMediaAccess.ALLOWED },
                    Screenshare = new PresetProducePermission { CanProduce = PresetMediaAccess.CAN_REQUEST },
                },
                Plugins = new PresetPluginPermissions { CanClose = true, CanStart = true, CanEditConfig = true, Config = new PresetPluginConfig() },
                Polls = new PresetPollPermissions { CanCreate = true, CanVote = true, CanView = true },
            },
            Ui = new PresetUi
            {
                DesignTokens = new PresetDesignTokens
                {
                    BorderRadius = PresetBorderRadius.Rounded,
                    BorderWidth = PresetBorderWidth.Thin,
                    SpacingBase = 4,
                    Theme = PresetTheme.Dark,
                    Colors = new PresetColors
                    {
                        Brand = new PresetBrandColors { ThreeZeroZero = "#844d1c", FourZeroZero = "#9d5b22", FiveZeroZero = "#b56927", SixZeroZero = "#d37c30", SevenZeroZero = "#d9904f" },
                        Background = new PresetBackgroundColors { SixZeroZero = "#222222", SevenZeroZero = "#1f1f1f", EightZeroZero = "#1b1b1b", NineZeroZero = "#181818", OneZeroZeroZero = "#141414" },
                        Danger = "#FF2D2D",
                        Success = "#62A504",
                        Text = "#EEEEEE",
                        TextOnBrand = "#EEEEEE",
                        VideoBg = "#191919",
                        Warning = "#FFCD07",
                    },
                },
            },
        };
    }
}
