using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using RealtimeKit.Emulator.State;
using RealtimeKit.Emulator.Webhooks;
using RealtimeKit.Generated.Models;
using RealtimeKit.TestSupport;
using static RealtimeKit.Emulator.Tests.ErrorBody;

namespace RealtimeKit.Emulator.Tests;

/// <summary>Recordings: a state machine on the emulator's clock (INVOKED, RECORDING, PAUSED, UPLOADING, UPLOADED), with its events.</summary>
public sealed class RecordingsTests
{
    internal static readonly DateTimeOffset Start = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private static string Recordings => $"client/v4/accounts/{EmulatorOptions.DefaultAccountId}/realtime/kit/{EmulatorOptions.DefaultAppId}/recordings";

    [Fact]
    public async Task A_recording_is_invoked_records_pauses_resumes_stops_and_uploads_on_the_emulators_clock()
    {
        var time = new FakeTimeProvider(Start);
        await using var h = await EmulatorHarness.StartAsync(new EmulatorOptions { TimeProvider = time });
        var (meetingId, _) = await h.LiveMeetingAsync(2);
        var session = await h.Client.ActiveSession.GetAsync(meetingId);

        var invoked = await h.Client.Recordings.StartAsync(new StartRecordingBody { MeetingId = Guid.Parse(meetingId), FileNamePrefix = "standup" });
        time.Advance(EmulatorState.RecorderJoinDelay);
        var recording = await h.Client.Recordings.GetActiveAsync(meetingId);
        time.Advance(TimeSpan.FromSeconds(10));
        var paused = await h.Client.Recordings.PauseAsync(invoked.Id);
        time.Advance(TimeSpan.FromSeconds(5));
        var pausedAgain = await h.Client.Recordings.PauseAsync(invoked.Id);
        var resumed = await h.Client.Recordings.ResumeAsync(invoked.Id);
        time.Advance(TimeSpan.FromSeconds(20));
        var stopped = await h.Client.Recordings.StopAsync(invoked.Id);
        var noneActive = await Assert.ThrowsAsync<RealtimeKitException>(() => h.Client.Recordings.GetActiveAsync(meetingId));
        time.Advance(EmulatorState.UploadDelay);
        var uploaded = await h.Client.Recordings.GetAsync(invoked.Id);

        Assert.Equal((RecordingStatus.INVOKED, Start, (DateTimeOffset?)null, (DateTimeOffset?)null), (invoked.Status, invoked.InvokedTime, invoked.StartedTime, invoked.StoppedTime));
        Assert.Equal(Guid.Parse(session.Id!), invoked.SessionId);
        Assert.StartsWith("standup_", invoked.OutputFileName, StringComparison.Ordinal);
        Assert.Equal(RecordingStartReason_reason.API_CALL, invoked.StartReason!.Reason);
        Assert.Equal((RecordingStatus.RECORDING, Start + EmulatorState.RecorderJoinDelay), (recording.Status, recording.StartedTime));
        Assert.Equal((RecordingStatus.PAUSED, 10), (paused.Status, paused.RecordingDuration));
        Assert.Equal((RecordingStatus.PAUSED, 10), (pausedAgain.Status, pausedAgain.RecordingDuration));
        Assert.Equal(RecordingStatus.RECORDING, resumed.Status);
        Assert.Equal((RecordingStatus.UPLOADING, 30, Start + TimeSpan.FromSeconds(36)), (stopped.Status, stopped.RecordingDuration, stopped.StoppedTime));
        Assert.Equal(RecordingStopReason_reason.API_CALL, stopped.StopReason!.Reason);
        Assert.Null(stopped.DownloadUrl);
        Assert.Equal(404, noneActive.StatusCode);
        Assert.Equal((RecordingStatus.UPLOADED, 30, 30.0 * EmulatorState.EmulatedBytesPerSecond), (uploaded.Status, uploaded.RecordingDuration, uploaded.FileSize));
        Assert.Equal($"https://{EmulatorState.EmulatedMediaHost}/{invoked.Id:N}/{invoked.OutputFileName}", uploaded.DownloadUrl);
        Assert.EndsWith(".mp3", uploaded.AudioDownloadUrl, StringComparison.Ordinal);
        Assert.Equal(time.GetUtcNow() + TimeSpan.FromDays(7), uploaded.DownloadUrlExpiry);
    }

    [Fact]
    public async Task A_recording_stops_itself_after_max_seconds_of_recorded_time_pauses_excluded()
    {
        var time = new FakeTimeProvider(Start);
        await using var h = await EmulatorHarness.StartAsync(new EmulatorOptions { TimeProvider = time });
        var (meetingId, _) = await h.LiveMeetingAsync(1);

        var recording = await h.Client.Recordings.StartAsync(new StartRecordingBody { MeetingId = Guid.Parse(meetingId), MaxSeconds = 60 });
        time.Advance(EmulatorState.RecorderJoinDelay + TimeSpan.FromSeconds(30));
        await h.Client.Recordings.PauseAsync(recording.Id);
        time.Advance(TimeSpan.FromSeconds(100));
        await h.Client.Recordings.ResumeAsync(recording.Id);
        time.Advance(TimeSpan.FromSeconds(29));
        var running = await h.Client.Recordings.GetAsync(recording.Id);
        time.Advance(TimeSpan.FromSeconds(1));
        var stopped = await h.Client.Recordings.GetAsync(recording.Id);
        time.Advance(TimeSpan.FromMinutes(5));
        var uploaded = await h.Client.Recordings.GetAsync(recording.Id);

        Assert.Equal((RecordingStatus.RECORDING, 59), (running.Status, running.RecordingDuration));
        Assert.Equal((RecordingStatus.UPLOADING, 60), (stopped.Status, stopped.RecordingDuration));
        Assert.Equal(Start + EmulatorState.RecorderJoinDelay + TimeSpan.FromSeconds(160), stopped.StoppedTime);
        Assert.Null(stopped.StopReason);
        Assert.Equal((RecordingStatus.UPLOADED, 60), (uploaded.Status, uploaded.RecordingDuration));
    }

    [Fact]
    public async Task A_transition_the_state_does_not_allow_is_a_400_naming_the_state()
    {
        var time = new FakeTimeProvider(Start);
        await using var h = await EmulatorHarness.StartAsync(new EmulatorOptions { TimeProvider = time });
        var idle = await h.Emulator.Control.CreateMeetingAsync("Nobody here");
        var (meetingId, _) = await h.LiveMeetingAsync(1);

        var noSession = await Assert.ThrowsAsync<RealtimeKitException>(() => h.Client.Recordings.StartAsync(new StartRecordingBody { MeetingId = Guid.Parse(idle.Id) }));
        var recording = await h.Client.Recordings.StartAsync(new StartRecordingBody { MeetingId = Guid.Parse(meetingId) });
        var twice = await Assert.ThrowsAsync<RealtimeKitException>(() => h.Client.Recordings.StartAsync(new StartRecordingBody { MeetingId = Guid.Parse(meetingId) }));
        var second = await h.Client.Recordings.StartAsync(new StartRecordingBody { MeetingId = Guid.Parse(meetingId), AllowMultipleRecordings = true });
        var pauseInvoked = await Assert.ThrowsAsync<RealtimeKitException>(() => h.Client.Recordings.PauseAsync(recording.Id));
        await h.Client.Recordings.StopAsync(recording.Id);
        time.Advance(EmulatorState.UploadDelay);
        var resumeUploaded = await Assert.ThrowsAsync<RealtimeKitException>(() => h.Client.Recordings.ResumeAsync(recording.Id));
        var stopAgain = await h.Client.Recordings.StopAsync(recording.Id);
        var unknown = await Assert.ThrowsAsync<RealtimeKitException>(() => h.Client.Recordings.GetAsync(Guid.NewGuid()));
        var (badAction, badActionBody) = await h.RawAsync(HttpMethod.Put, $"{Recordings}/{recording.Id}", """{"action":"rewind"}""");
        var (badId, badIdBody) = await h.RawAsync(HttpMethod.Get, $"{Recordings}/not-a-uuid");
        var (tooShort, tooShortBody) = await h.RawAsync(HttpMethod.Post, Recordings, $$"""{"meeting_id":"{{meetingId}}","max_seconds":10}""");
        var (badStatus, badStatusBody) = await h.RawAsync(HttpMethod.Get, $"{Recordings}?status=RECORDING,DONE");
        var (unauthorized, _) = await h.RawAsync(HttpMethod.Get, Recordings, token: null);

        Assert.Equal(400, noSession.StatusCode);
        Assert.Contains("No active session found for meeting", noSession.ServiceMessage, StringComparison.Ordinal);
        Assert.Equal(400, twice.StatusCode);
        Assert.Contains($"recording {recording.Id} is INVOKED", twice.ServiceMessage, StringComparison.Ordinal);
        Assert.NotEqual(recording.Id, second.Id);
        Assert.Equal(400, pauseInvoked.StatusCode);
        Assert.Contains("it is INVOKED", pauseInvoked.ServiceMessage, StringComparison.Ordinal);
        Assert.Equal(400, resumeUploaded.StatusCode);
        Assert.Contains("it is UPLOADED; only a PAUSED recording can be resumed", resumeUploaded.ServiceMessage, StringComparison.Ordinal);
        Assert.Equal(RecordingStatus.UPLOADED, stopAgain.Status);
        Assert.Equal(404, unknown.StatusCode);
        Assert.Equal((400, 400, 400, 400, 401), (badAction, badId, tooShort, badStatus, unauthorized));
        Assert.Contains("action must be one of stop, pause, resume, got 'rewind'", Message(badActionBody), StringComparison.Ordinal);
        Assert.Contains("recording_id must be a UUID", Message(badIdBody), StringComparison.Ordinal);
        Assert.Contains("max_seconds must be an integer from 60 to 86400, got 10", Message(tooShortBody), StringComparison.Ordinal);
        Assert.Contains("got 'DONE'", Message(badStatusBody), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Recordings_are_listed_filtered_and_paged_and_storage_secrets_are_never_returned()
    {
        var time = new FakeTimeProvider(Start);
        await using var h = await EmulatorHarness.StartAsync(new EmulatorOptions { TimeProvider = time });
        var (standup, _) = await h.LiveMeetingAsync(1, "Stand-up");
        var (retro, _) = await h.LiveMeetingAsync(1, "Retro");
        var first = await h.Client.Recordings.StartAsync(new StartRecordingBody
        {
            MeetingId = Guid.Parse(standup),
            StorageConfig = new RecordingStorageConfig { Type = RecordingStorageConfig_type.Aws, Bucket = "my-recordings", AccessKey = "AKIA-secret", Secret = "top-secret" },
        });
        time.Advance(TimeSpan.FromMinutes(1));
        await h.Client.Recordings.StartAsync(new StartRecordingBody { MeetingId = Guid.Parse(retro) });
        var track = await h.Client.Recordings.StartTrackAsync(retro, fileNamePrefix: "speaker");
        await h.Client.Recordings.StopAsync(first.Id);

        var all = await h.Client.Recordings.ListAsync(perPage: 2);
        var second = await h.Client.Recordings.ListAsync(pageNumber: 2, perPage: 2);
        var ofRetro = await h.Client.Recordings.ListAsync(meetingId: retro);
        var uploading = await h.Client.Recordings.ListAsync(statuses: [RecordingStatus.UPLOADING]);
        var searched = await h.Client.Recordings.ListAsync(search: "stand", sortOrder: RecordingSortOrder.ASC);
        var early = await h.Client.Recordings.ListAsync(endTime: Start);

        Assert.Equal((3, 2, 1), (all.TotalCount, all.Items.Count, second.Items.Count));
        Assert.Equal(2, ofRetro.TotalCount);
        Assert.Equal(first.Id, Assert.Single(uploading.Items).Id);
        Assert.Equal("Stand-up", Assert.Single(searched.Items).Meeting!.Title);
        Assert.Equal(first.Id, Assert.Single(early.Items).Id);
        Assert.Equal("my-recordings", first.StorageConfig!.Bucket);
        Assert.Null(first.StorageConfig.AccessKey);
        Assert.Null(first.StorageConfig.Secret);
        Assert.Matches(@"^speaker_[0-9a-f]{32}\.webm$", track.Recording!.OutputFileName);
    }

    [Fact]
    public async Task The_session_ending_stops_its_recording_and_record_on_start_starts_one()
    {
        var time = new FakeTimeProvider(Start);
        await using var h = await EmulatorHarness.StartAsync(new EmulatorOptions { TimeProvider = time });
        var meeting = await h.Client.Meetings.CreateAsync(new CreateMeetingBody
        {
            Title = "Auto",
            RecordOnStart = true,
            RecordingConfig = new RecordingConfig { FileNamePrefix = "auto", RealtimekitBucketConfig = new RealtimeKitBucketConfig { Enabled = false } },
        });
        var ada = await h.Client.Participants.AddAsync(meeting.Id, "ada", "group_call_host", "Ada");

        await h.Emulator.Control.JoinAsync(ada.Token!);
        var automatic = await h.Client.Recordings.GetActiveAsync(meeting.Id);
        time.Advance(TimeSpan.FromSeconds(31));
        await h.Emulator.Control.LeaveAsync(ada.Token!);
        var stopped = await h.Client.Recordings.GetAsync(automatic.Id);
        time.Advance(EmulatorState.UploadDelay);
        var uploaded = await h.Client.Recordings.GetAsync(automatic.Id);

        Assert.Equal(RecordingStartReason_reason.RECORD_ON_START, automatic.StartReason!.Reason);
        Assert.Null(automatic.StartReason.Caller);
        Assert.Equal((RecordingStatus.UPLOADING, RecordingStopReason_reason.ALL_PEERS_LEFT, 30), (stopped.Status, stopped.StopReason!.Reason, stopped.RecordingDuration));
        Assert.StartsWith("auto_", automatic.OutputFileName, StringComparison.Ordinal);
        Assert.Equal((RecordingStatus.UPLOADED, (string?)null), (uploaded.Status, uploaded.DownloadUrl));
    }

    [Fact]
    public async Task A_loopback_webhook_receives_every_recording_and_livestream_status_change_signed()
    {
        var time = new FakeTimeProvider(Start);
        await using var receiver = await LoopbackServer.StartAsync(_ => new ScriptedResponse(200));
        await using var h = await EmulatorHarness.StartAsync(new EmulatorOptions { TimeProvider = time });
        await h.Client.Webhooks.CreateAsync("Media", new Uri(receiver.BaseUrl + "/media"), [WebhookEvent.RecordingStatusUpdate, WebhookEvent.LivestreamingStatusUpdate]);
        var (meetingId, _) = await h.LiveMeetingAsync(1);

        var recording = await h.Client.Recordings.StartAsync(new StartRecordingBody { MeetingId = Guid.Parse(meetingId) });
        var livestream = await h.Client.Livestreams.StartForMeetingAsync(meetingId, "Stand-up live");
        time.Advance(EmulatorState.RecorderJoinDelay);
        await h.Client.Recordings.PauseAsync(recording.Id);
        await h.Client.Recordings.ResumeAsync(recording.Id);
        await h.Client.Recordings.StopAsync(recording.Id);
        await h.Client.Livestreams.StopForMeetingAsync(meetingId);
        time.Advance(EmulatorState.UploadDelay);
        await h.Emulator.DrainWebhooksAsync();

        var received = receiver.Requests.Select(r => (Request: r, Body: JsonNode.Parse(r.Body)!)).ToList();
        var recordingStatuses = received.Where(r => r.Body["event"]!.GetValue<string>() == "recording.statusUpdate").Select(r => r.Body["recording"]!).ToList();
        var livestreamStatuses = received.Where(r => r.Body["event"]!.GetValue<string>() == "livestreaming.statusUpdate").Select(r => r.Body["livestream"]!).ToList();
        Assert.Equal(["INVOKED", "RECORDING", "PAUSED", "RECORDING", "UPLOADING", "UPLOADED"], recordingStatuses.Select(r => r["status"]!.GetValue<string>()));
        Assert.All(recordingStatuses, r => Assert.Equal(recording.Id.ToString(), r["id"]!.GetValue<string>()));
        Assert.Equal(["INVOKED", "LIVE", "IDLE"], livestreamStatuses.Select(l => l["status"]!.GetValue<string>()));
        Assert.All(livestreamStatuses, l => Assert.Equal(livestream.Id.ToString(), l["id"]!.GetValue<string>()));
        foreach (var (request, body) in received)
        {
            Assert.True(WebhookSignature.Verify(h.Emulator.WebhookPublicKeyPem, Encoding.UTF8.GetBytes(request.Body), request.Header(WebhookSignature.HeaderName)), request.Body);
            Assert.Equal(meetingId, body["meeting"]!["id"]!.GetValue<string>());
            var schema = body["recording"] is not null ? "Recording" : "Livestream";
            var errors = SpecSchemaValidator.Validate(SpecDocument.Pointer($"#/components/schemas/{schema}"), (body["recording"] ?? body["livestream"])!.ToJsonString());
            Assert.True(errors.Count == 0, string.Join("; ", errors));
        }
    }

    [Fact]
    public async Task One_loopback_listener_receives_every_event_kind_the_spec_names()
    {
        var time = new FakeTimeProvider(Start);
        await using var receiver = await LoopbackServer.StartAsync(_ => new ScriptedResponse(200));
        await using var h = await EmulatorHarness.StartAsync(new EmulatorOptions { TimeProvider = time });
        var everything = Enum.GetValues<WebhookEvent>();
        await h.Client.Webhooks.CreateAsync("Everything", new Uri(receiver.BaseUrl + "/all"), everything);
        var (meetingId, people) = await h.LiveMeetingAsync(1);

        await h.Emulator.Control.ChatAsync(people[0].Token!, "Recording now");
        await h.Client.Recordings.StartAsync(new StartRecordingBody { MeetingId = Guid.Parse(meetingId) });
        await h.Client.Livestreams.StartForMeetingAsync(meetingId);
        time.Advance(EmulatorState.RecorderJoinDelay);
        await h.Emulator.Control.LeaveAsync(people[0].Token!);
        time.Advance(EmulatorState.UploadDelay);
        await h.Emulator.DrainWebhooksAsync();

        var kinds = receiver.Requests.Select(r => JsonNode.Parse(r.Body)!["event"]!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
        Assert.Equal((await h.Client.Webhooks.ListEventsAsync()).Count, kinds.Count);
        Assert.Equal(EmulatorState.WebhookEvents.Order(StringComparer.Ordinal), kinds.Order(StringComparer.Ordinal));
    }
}
