using Microsoft.Extensions.Time.Testing;
using RealtimeKit.Emulator.Api;
using RealtimeKit.TestSupport;

namespace RealtimeKit.Emulator.Tests;

/// <summary>Every operation, driven through the SDK against the emulator, answers bodies the spec's schemas accept.</summary>
public partial class SpecConformanceTests
{
    [Fact]
    public async Task Every_response_of_a_full_meeting_flow_validates_against_the_spec()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var (meetingId, people) = await h.LiveMeetingAsync(3);

        await h.Client.ActiveSession.GetAsync(meetingId);
        await h.Client.ActiveSession.MuteAsync(meetingId, participantIds: [people[0].Id]);
        await h.Client.ActiveSession.MuteAllAsync(meetingId, allowUnmute: true);
        var poll = await h.Client.ActiveSession.CreatePollAsync(meetingId, "Lunch?", ["Pizza", "Sushi"]);
        await h.Emulator.Control.VoteAsync(people[1].Token!, poll.Poll!.Id!, 1);
        await h.Client.ActiveSession.CreatePollAsync(meetingId, "Again?", ["Yes", "No"], anonymous: true, hideVotes: true);
        await h.Client.ActiveSession.KickAsync(meetingId, customParticipantIds: ["user-2@example.com"]);
        await h.Client.ActiveSession.KickAllAsync(meetingId);
        await h.Client.Participants.ListAsync(meetingId, pageNumber: 1, perPage: 2);
        await h.Client.Participants.GetAsync(meetingId, people[1].Id);
        await h.Client.Participants.EditAsync(meetingId, people[1].Id, name: "Renamed");
        await h.Client.Participants.ReplaceAsync(meetingId, people[1].Id, "user-1b@example.com", "group_call_host");
        await h.Client.Participants.RegenerateTokenAsync(meetingId, people[1].Id);
        await Assert.ThrowsAsync<RealtimeKitException>(() => h.Client.Participants.GetAsync(meetingId, Guid.NewGuid().ToString()));
        await h.Client.Participants.DeleteAsync(meetingId, people[0].Id);
        await Assert.ThrowsAsync<RealtimeKitException>(() => h.Client.ActiveSession.GetAsync(meetingId));
        await Assert.ThrowsAsync<RealtimeKitException>(() => h.Client.ActiveSession.KickAllAsync(meetingId));
        await Assert.ThrowsAsync<RealtimeKitException>(() => h.Client.Participants.DeleteAsync(meetingId, Guid.NewGuid().ToString()));

        var created = await h.Client.Meetings.CreateAsync(new Generated.Models.CreateMeetingBody { Title = "Planning", SummarizeOnEnd = true, SessionKeepAliveTimeInSecs = 120 });
        await h.Client.Meetings.CreateAsync();
        await h.Client.Meetings.ListAsync(pageNumber: 1, perPage: 2);
        await h.Client.Meetings.ListAsync(search: "plan", status: Generated.Models.MeetingStatus.ACTIVE);
        await h.Client.Meetings.GetAsync(created.Id.ToString()!);
        await h.Client.Meetings.UpdateAsync(created.Id.ToString()!, new Generated.Models.UpdateMeetingBody { Status = Generated.Models.MeetingStatus.INACTIVE });
        await h.Client.Meetings.ReplaceAsync(created.Id.ToString()!, new Generated.Models.CreateMeetingBody { Title = "Planning again" });
        await Assert.ThrowsAsync<RealtimeKitException>(() => h.Client.Meetings.GetAsync(Guid.NewGuid().ToString()));

        var app = await h.Client.Apps.CreateAsync("my-app");
        await h.Client.Apps.ListAsync(search: "my");
        await h.Client.Apps.GetAsync(app.App!.Id.ToString()!);
        await Assert.ThrowsAsync<RealtimeKitException>(() => h.Client.Apps.GetAsync(Guid.NewGuid().ToString()));

        var hook = await h.Client.Webhooks.CreateAsync("Hook", new Uri("http://127.0.0.1:9/hook"), [Generated.Models.WebhookEvent.MeetingStarted], enabled: false);
        await Assert.ThrowsAsync<RealtimeKitException>(() => h.Client.Webhooks.CreateAsync("Hook", new Uri("https://example.com/hook"), [Generated.Models.WebhookEvent.MeetingStarted]));
        await h.Client.Webhooks.ListAsync();
        await h.Client.Webhooks.ListEventsAsync();
        await h.Client.Webhooks.GetAsync(hook.Id!);
        await h.Client.Webhooks.UpdateAsync(hook.Id!, name: "Renamed");
        await h.Client.Webhooks.ReplaceAsync(hook.Id!, "Replaced", new Uri("http://localhost:9/hook"), [Generated.Models.WebhookEvent.MeetingEnded], enabled: false);
        await h.Client.Webhooks.DeleteAsync(hook.Id!);
        await Assert.ThrowsAsync<RealtimeKitException>(() => h.Client.Webhooks.GetAsync(hook.Id!));

        var byOperation = ValidatedResponses(h, MeetingFlowOperations);

        Assert.Contains(byOperation, r => r is { Operation: "getActiveSession", Status: 404 });
        Assert.Contains(byOperation, r => r is { Operation: "createPoll", Status: 201 });
    }

    // The operations each flow drives: together, every operation the emulator answers (checked below).
    private static readonly string[] MeetingFlowOperations =
    [
        "addParticipant", "deleteParticipant", "getActiveSession", "kickAllParticipants", "kickParticipants", "muteAllParticipants", "muteParticipants", "createPoll",
        "listParticipants", "getParticipant", "editParticipant", "replaceParticipant", "regenerateParticipantToken",
        "listApps", "createApp", "getApp",
        "createMeeting", "listMeetings", "getMeeting", "updateMeeting", "replaceMeeting",
        "listWebhooks", "createWebhook", "listWebhookEvents", "getWebhook", "updateWebhook", "replaceWebhook", "deleteWebhook",
    ];

    private static readonly string[] MediaFlowOperations =
    [
        "listPresets", "createPreset", "getPreset", "updatePreset", "replacePreset", "deletePreset",
        "listRecordings", "startRecording", "getActiveRecording", "startTrackRecording", "getRecording", "updateRecording",
        "listLivestreams", "createLivestream", "getLivestreamSession", "getLivestream", "getActiveLivestreamSession",
        "getActiveMeetingLivestream", "stopMeetingLivestream", "getMeetingLivestreams", "startMeetingLivestream", "listSessionLivestreamSessions",
    ];

    private static readonly string[] SessionFlowOperations =
    [
        "listSessions", "getSession", "listSessionParticipants", "getSessionParticipant", "getSessionChat", "getSessionTranscript",
        "getSessionSummary", "generateSessionSummary", "getPeerReport", "getDaywiseAnalytics", "getLivestreamDaywiseAnalytics", "getLivestreamOverallAnalytics",
    ];

    [Fact]
    public void The_flows_drive_every_operation_the_emulator_answers()
    {
        var answered = RequestRouter.Routes.Routes.Select(r => OperationOf(r.Method, "/client/v4" + r.Template)).Order(StringComparer.Ordinal);

        Assert.Equal(answered, MeetingFlowOperations.Concat(MediaFlowOperations).Concat(SessionFlowOperations).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Every_response_of_the_presets_recordings_and_livestreams_flows_validates_against_the_spec()
    {
        var time = new FakeTimeProvider(RecordingsTests.Start);
        await using var h = await EmulatorHarness.StartAsync(new EmulatorOptions { TimeProvider = time });

        await h.Client.Presets.ListAsync(search: "host", pageNumber: 1, perPage: 2);
        var preset = await h.Client.Presets.CreateAsync(PresetsTests.WebinarHost("coach"));
        await Assert.ThrowsAsync<RealtimeKitException>(() => h.Client.Presets.CreateAsync(PresetsTests.WebinarHost("coach")));
        await h.Client.Presets.GetAsync(preset.Id);
        await h.Client.Presets.UpdateAsync(preset.Id, new Generated.Models.UpdatePresetBody { Name = "head_coach" });
        await h.Client.Presets.ReplaceAsync(preset.Id, PresetsTests.WebinarHost("coach"));
        await h.Client.Presets.DeleteAsync(preset.Id);
        await Assert.ThrowsAsync<RealtimeKitException>(() => h.Client.Presets.GetAsync(preset.Id));

        var (meetingId, _) = await h.LiveMeetingAsync(2);
        var session = await h.Client.ActiveSession.GetAsync(meetingId);
        var recording = await h.Client.Recordings.StartAsync(new Generated.Models.StartRecordingBody
        {
            MeetingId = Guid.Parse(meetingId),
            StorageConfig = new Generated.Models.RecordingStorageConfig { Type = Generated.Models.RecordingStorageConfig_type.Aws, Bucket = "b", Secret = "s" },
        });
        await Assert.ThrowsAsync<RealtimeKitException>(() => h.Client.Recordings.StartAsync(new Generated.Models.StartRecordingBody { MeetingId = Guid.Parse(meetingId) }));
        await h.Client.Recordings.StartTrackAsync(meetingId, fileNamePrefix: "speaker");
        time.Advance(State.EmulatorState.RecorderJoinDelay);
        await h.Client.Recordings.GetActiveAsync(meetingId);
        await h.Client.Recordings.PauseAsync(recording.Id);
        await h.Client.Recordings.ResumeAsync(recording.Id);
        await h.Client.Recordings.StopAsync(recording.Id);
        time.Advance(State.EmulatorState.UploadDelay);
        await h.Client.Recordings.GetAsync(recording.Id);
        await h.Client.Recordings.ListAsync(meetingId: meetingId, perPage: 1);
        await Assert.ThrowsAsync<RealtimeKitException>(() => h.Client.Recordings.GetAsync(Guid.NewGuid()));

        var livestream = await h.Client.Livestreams.StartForMeetingAsync(meetingId, "Live", 1280, 720);
        await h.Client.Livestreams.GetActiveForMeetingAsync(meetingId);
        time.Advance(State.EmulatorState.RecorderJoinDelay);
        var active = await h.Client.Livestreams.GetActiveSessionAsync(livestream.Id);
        await h.Client.Livestreams.GetSessionAsync(active.Session!.Id!);
        await h.Client.Livestreams.GetAsync(livestream.Id);
        await h.Client.Livestreams.GetForMeetingAsync(meetingId);
        await h.Client.Livestreams.ListForSessionAsync(session.Id!);
        await h.Client.Livestreams.StopForMeetingAsync(meetingId);
        await Assert.ThrowsAsync<RealtimeKitException>(() => h.Client.Livestreams.GetActiveForMeetingAsync(meetingId));
        await h.Client.Livestreams.CreateAsync("independent");
        await h.Client.Livestreams.ListAsync(perPage: 1);
        await Assert.ThrowsAsync<RealtimeKitException>(() => h.Client.Livestreams.GetAsync(Guid.NewGuid()));

        var byOperation = ValidatedResponses(h, MediaFlowOperations.Append("addParticipant").Append("getActiveSession"));

        Assert.Contains(byOperation, r => r is { Operation: "createPreset", Status: 409 });
        Assert.Contains(byOperation, r => r is { Operation: "getActiveMeetingLivestream", Status: 404 });
    }

    // Every response the harness's client received, by operation: the flow drove exactly `expected`, and every
    // body validates against the spec's schema for its status (RealtimeKit's error body for undocumented errors).
    private static List<(string Operation, int Status, string Body)> ValidatedResponses(EmulatorHarness h, IEnumerable<string> expected)
    {
        var byOperation = h.Responses.Select(r => (Operation: OperationOf(r.Method, r.Path), r.Status, r.Body)).ToList();
        Assert.Equal(expected.Order(StringComparer.Ordinal), byOperation.Select(r => r.Operation).Distinct().Order(StringComparer.Ordinal));
        foreach (var (operation, status, body) in byOperation)
        {
            var errors = Documented(operation, status)
                ? SpecSchemaValidator.ValidateResponse(operation, status, body)
                : SpecSchemaValidator.Validate(SpecDocument.Pointer("#/components/schemas/RealtimeKitError"), body);
            Assert.True(errors.Count == 0, $"{operation} {status}: {string.Join("; ", errors)}\n{body}");
        }

        return byOperation;
    }

    private static bool Documented(string operation, int status) =>
        SpecDocument.Operation(operation)["responses"]![status.ToString(System.Globalization.CultureInfo.InvariantCulture)] is not null;

    // The spec operation whose method and path template match (a fixed segment wins over a parameter).
    private static string OperationOf(string method, string path)
    {
        var segments = path["/client/v4".Length..].Split('/', StringSplitOptions.RemoveEmptyEntries);
        return SpecDocument.Operations()
            .Where(o => o.Method == method)
            .Select(o => (o.Operation, Template: o.Path.Split('/', StringSplitOptions.RemoveEmptyEntries)))
            .Where(o => o.Template.Length == segments.Length && o.Template.Zip(segments).All(p => p.First.StartsWith('{') || p.First == p.Second))
            .OrderByDescending(o => o.Template.Count(t => !t.StartsWith('{')))
            .Select(o => o.Operation["operationId"]!.GetValue<string>())
            .FirstOrDefault() ?? throw new InvalidOperationException($"Unknown operation {method} {path}");
    }
}
