using RealtimeKit.Cli.Output;
using RealtimeKit.Generated.Models;
using static RealtimeKit.Cli.Tests.RenderedTables;

namespace RealtimeKit.Cli.Tests;

/// <summary>
/// What each resource table shows: every field under its label, in order, values as the API writes them (enum wire
/// names, UTC dates to the second, yes/no), and nothing for a field the API left out.
/// </summary>
public class TablesTests
{
    private static readonly Guid Id = Guid.Parse("8f4b2c1e-5d3a-4e6f-9a7b-1c2d3e4f5a6b");
    private static readonly Guid Other = Guid.Parse("0b7e1d2c-3a4f-4b5c-8d9e-0f1a2b3c4d5e");
    private static readonly DateTimeOffset Created = new(2026, 1, 2, 3, 4, 5, 678, TimeSpan.FromHours(2));
    private static readonly DateTimeOffset Updated = new(2026, 2, 3, 4, 5, 6, TimeSpan.Zero);

    [Fact]
    public void A_meeting_shows_every_setting()
    {
        var meeting = new Meeting
        {
            Id = Id, Title = "Stand-up", Status = MeetingStatus.INACTIVE, RecordOnStart = true, LiveStreamOnStart = false, PersistChat = true,
            SummarizeOnEnd = false, TranscribeOnEnd = true, SessionKeepAliveTimeInSecs = 90.5, CreatedAt = Created, UpdatedAt = Updated,
        };

        AssertFields(
            Tables.Meeting(meeting),
            ("Meeting", Id.ToString()), ("Title", "Stand-up"), ("Status", "INACTIVE"), ("Record on start", "yes"), ("Live stream on start", "no"),
            ("Persist chat", "yes"), ("Summarize on end", "no"), ("Transcribe on end", "yes"), ("Keep alive (s)", "90.5"),
            ("Created", "2026-01-02T01:04:05Z"), ("Updated", "2026-02-03T04:05:06Z"));
    }

    [Fact]
    public void Fields_the_api_left_out_are_not_shown()
    {
        AssertFields(Tables.Meeting(new Meeting { Title = "Only a title" }), ("Title", "Only a title"));
        AssertFields(Tables.App(null));
    }

    [Fact]
    public void Meetings_are_one_row_each_under_their_columns()
    {
        var rendered = Render(Tables.Meetings([
            new Meeting { Id = Id, Title = "First", Status = MeetingStatus.ACTIVE, CreatedAt = Created },
            new Meeting { Id = Other, Title = "Second" },
        ]));

        AssertRow(rendered, "Meeting", "Title", "Status", "Created");
        AssertRow(rendered, Id.ToString(), "First", "ACTIVE", "2026-01-02T01:04:05Z");
        AssertRow(rendered, Other.ToString(), "Second");
    }

    [Fact]
    public void Apps_and_an_app()
    {
        var app = new App { Id = Id, Name = "Prod", CreatedAt = Created };

        AssertFields(Tables.App(app), ("App", Id.ToString()), ("Name", "Prod"), ("Created", "2026-01-02T01:04:05Z"));
        var rendered = Render(Tables.Apps([app]));
        AssertRow(rendered, "App", "Name", "Created");
        AssertRow(rendered, Id.ToString(), "Prod", "2026-01-02T01:04:05Z");
    }

    [Fact]
    public void Meeting_participants_and_a_participant_and_a_token()
    {
        var participant = new MeetingParticipant
        {
            Id = Id, CustomParticipantId = "ada@example.com", Name = "Ada", PresetName = "group_call_host", Picture = "https://example.com/ada.png",
            CreatedAt = Created, UpdatedAt = Updated,
        };

        AssertFields(
            Tables.MeetingParticipant(participant),
            ("Participant", Id.ToString()), ("Custom id", "ada@example.com"), ("Name", "Ada"), ("Preset", "group_call_host"),
            ("Picture", "https://example.com/ada.png"), ("Created", "2026-01-02T01:04:05Z"), ("Updated", "2026-02-03T04:05:06Z"));
        var rendered = Render(Tables.MeetingParticipants([participant]));
        AssertRow(rendered, "Participant", "Custom id", "Name", "Preset", "Created");
        AssertRow(rendered, Id.ToString(), "ada@example.com", "Ada", "group_call_host", "2026-01-02T01:04:05Z");
        AssertFields(Tables.Token(new ParticipantToken { Token = "eyJ.token" }), ("Join token", "eyJ.token"));
    }

    [Fact]
    public void Presets_and_a_preset()
    {
        AssertFields(
            Tables.Preset(new Preset { Id = Id, Name = "host", CreatedAt = Created, UpdatedAt = Updated }),
            ("Preset", Id.ToString()), ("Name", "host"), ("Created", "2026-01-02T01:04:05Z"), ("Updated", "2026-02-03T04:05:06Z"));
        var rendered = Render(Tables.Presets([new PresetSummary { Id = Id, Name = "host", CreatedAt = Created, UpdatedAt = Updated }]));
        AssertRow(rendered, "Preset", "Name", "Created", "Updated");
        AssertRow(rendered, Id.ToString(), "host", "2026-01-02T01:04:05Z", "2026-02-03T04:05:06Z");
    }

    [Fact]
    public void Recordings_and_a_recording()
    {
        var recording = new Recording
        {
            Id = Id, Status = RecordingStatus.UPLOADED, Meeting = new RecordingMeeting { Id = Other }, SessionId = Other, OutputFileName = "out.mp4",
            InvokedTime = Created, StartedTime = Created.AddSeconds(1), StoppedTime = Updated, RecordingDuration = 3600,
            DownloadUrl = "https://example.com/out.mp4", DownloadUrlExpiry = Updated.AddDays(1),
        };

        AssertFields(
            Tables.Recording(recording),
            ("Recording", Id.ToString()), ("Status", "UPLOADED"), ("Meeting", Other.ToString()), ("Session", Other.ToString()), ("File", "out.mp4"),
            ("Invoked", "2026-01-02T01:04:05Z"), ("Started", "2026-01-02T01:04:06Z"), ("Stopped", "2026-02-03T04:05:06Z"), ("Duration (s)", "3600"),
            ("Download", "https://example.com/out.mp4"), ("Download expires", "2026-02-04T04:05:06Z"));
        var rendered = Render(Tables.Recordings([recording]));
        AssertRow(rendered, "Recording", "Status", "Meeting", "Started", "Stopped", "Duration (s)");
        AssertRow(rendered, Id.ToString(), "UPLOADED", Other.ToString(), "2026-01-02T01:04:06Z", "2026-02-03T04:05:06Z", "3600");
    }

    [Fact]
    public void Webhooks_and_a_webhook_name_their_events_as_the_api_does()
    {
        var webhook = new Webhook
        {
            Id = Id, Name = "hooks", Url = "https://example.com/hook", Enabled = false, Events = [WebhookEvent.MeetingStarted, null, WebhookEvent.MeetingEnded],
            CreatedAt = Created, UpdatedAt = Updated,
        };

        AssertFields(
            Tables.Webhook(webhook),
            ("Webhook", Id.ToString()), ("Name", "hooks"), ("URL", "https://example.com/hook"), ("Enabled", "no"), ("Events", "meeting.started, meeting.ended"),
            ("Created", "2026-01-02T01:04:05Z"), ("Updated", "2026-02-03T04:05:06Z"));
        var rendered = Render(Tables.Webhooks([webhook]));
        AssertRow(rendered, "Webhook", "Name", "URL", "Enabled", "Events");
        AssertRow(rendered, Id.ToString(), "hooks", "https://example.com/hook", "no", "meeting.started, meeting.ended");
    }

    [Fact]
    public void Sessions_are_one_row_each_under_their_columns()
    {
        var rendered = Render(Tables.Sessions([
            new ActiveSession { Id = "s1", AssociatedId = "m1", MeetingDisplayName = "Stand-up", Status = ActiveSessionStatus.ENDED, StartedAt = "2026-01-02T03:04:05Z", EndedAt = "2026-01-02T04:04:05Z" },
        ]));

        AssertRow(rendered, "Session", "Meeting", "Title", "Status", "Started", "Ended");
        AssertRow(rendered, "s1", "m1", "Stand-up", "ENDED", "2026-01-02T03:04:05Z", "2026-01-02T04:04:05Z");
    }

    [Fact]
    public void A_webhook_without_events_shows_no_events_row()
    {
        AssertFields(Tables.Webhook(new Webhook { Name = "quiet" }), ("Name", "quiet"));
    }

    [Fact]
    public void Session_participants_and_a_download()
    {
        var rendered = Render(Tables.SessionParticipants([
            new SessionParticipantDetails { Id = "p1", CustomParticipantId = "ada", DisplayName = "Ada", PresetName = "host", JoinedAt = "2026-01-02T01:00:00Z", LeftAt = "2026-01-02T02:00:00Z", Duration = 60.126 },
        ]));

        AssertRow(rendered, "Participant", "Custom id", "Name", "Preset", "Joined", "Left", "Duration");
        AssertRow(rendered, "p1", "ada", "Ada", "host", "2026-01-02T01:00:00Z", "2026-01-02T02:00:00Z", "60.13");
        AssertFields(Tables.Download("Transcript download", "https://example.com/t.csv", "2026-03-01T00:00:00Z"), ("Transcript download", "https://example.com/t.csv"), ("Expires", "2026-03-01T00:00:00Z"));
    }
}
