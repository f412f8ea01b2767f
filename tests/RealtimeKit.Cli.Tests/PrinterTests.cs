using RealtimeKit.Cli.Output;
using RealtimeKit.Generated.Models;
using static RealtimeKit.Cli.Tests.RenderedTables;

namespace RealtimeKit.Cli.Tests;

/// <summary>What the live-meeting commands print: the session, its participants, kicks, mutes, polls, a participant.</summary>
public class PrinterTests
{
    private static readonly Guid Id = Guid.Parse("8f4b2c1e-5d3a-4e6f-9a7b-1c2d3e4f5a6b");

    [Fact]
    public void A_session_shows_every_field_with_counts_as_numbers()
    {
        var session = new ActiveSession
        {
            Id = "s1", AssociatedId = "m1", MeetingDisplayName = "Stand-up", Status = ActiveSessionStatus.LIVE, Type = ActiveSessionType.Meeting,
            LiveParticipants = 3, MaxConcurrentParticipants = 4.5, MinutesConsumed = 12.345, StartedAt = "2026-01-02T03:04:05Z", EndedAt = "2026-01-02T04:04:05Z",
        };

        AssertFields(
            Printer.Session(session),
            ("Session", "s1"), ("Meeting", "m1"), ("Title", "Stand-up"), ("Status", "LIVE"), ("Type", "Meeting"), ("Live participants", "3"),
            ("Peak participants", "4.5"), ("Minutes consumed", "12.35"), ("Started", "2026-01-02T03:04:05Z"), ("Ended", "2026-01-02T04:04:05Z"));
    }

    [Fact]
    public void Counts_the_api_left_out_show_as_a_dash_and_other_fields_not_at_all()
    {
        AssertFields(Printer.Session(new ActiveSession { Id = "s1" }), ("Session", "s1"), ("Live participants", "-"), ("Peak participants", "-"), ("Minutes consumed", "-"));
        Assert.Equal("kicked: - participant(s) kicked\n", Render(Printer.KickedAll(new KickAllResult { Action = "kicked" })));
    }

    [Fact]
    public void Kicks_and_mutes_are_one_line_with_their_count()
    {
        Assert.Equal("kicked: 2 participant(s) kicked\n", Render(Printer.KickedAll(new KickAllResult { Action = "kicked", KickedParticipantsCount = 2 })));
        Assert.Equal("muted: 3 participant(s) muted\n", Render(Printer.MutedAll(new MuteAllResult { Action = "muted", MutedParticipantsCount = 3 })));
    }

    [Fact]
    public void Session_participants_are_counted_and_listed()
    {
        var rendered = Render(Printer.Participants(new SessionParticipantsResult
        {
            Action = "kicked",
            Participants = [new SessionParticipant { Id = "p1", Name = "Ada", CreatedAt = "2026-01-02T03:04:05Z" }, new SessionParticipant { Id = "p2" }],
        }));

        Assert.StartsWith("kicked: 2 participant(s)\n", rendered, StringComparison.Ordinal);
        AssertRow(rendered, "Participant", "Name", "Joined");
        AssertRow(rendered, "p1", "Ada", "2026-01-02T03:04:05Z");
        AssertRow(rendered, "p2");
        Assert.StartsWith("listed: 0 participant(s)\n", Render(Printer.Participants(new SessionParticipantsResult { Action = "listed" })), StringComparison.Ordinal);
    }

    [Fact]
    public void A_poll_numbers_its_options_from_zero_with_their_votes()
    {
        var rendered = Render(Printer.Poll(new CreatePollResult
        {
            Action = "created",
            Poll = new Poll { Id = "poll1", Question = "Lunch?", Options = [new PollOption { Text = "Pizza", Count = 2 }, new PollOption { Text = "Salad" }] },
        }));

        Assert.StartsWith("created: poll poll1: Lunch?\n", rendered, StringComparison.Ordinal);
        AssertRow(rendered, "#", "Option", "Votes");
        AssertRow(rendered, "0", "Pizza", "2");
        AssertRow(rendered, "1", "Salad", "-");
    }

    [Fact]
    public void An_added_participant_shows_its_join_token_and_a_deleted_one_what_was_deleted()
    {
        var created = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

        AssertFields(
            Printer.Participant(new Participant { Id = Id, CustomParticipantId = "ada@example.com", PresetName = "host", Name = "Ada", Picture = "https://example.com/a.png", CreatedAt = created, Token = "eyJ.t" }),
            ("Participant", Id.ToString()), ("Custom id", "ada@example.com"), ("Preset", "host"), ("Name", "Ada"), ("Picture", "https://example.com/a.png"),
            ("Created", "2026-01-02T03:04:05.0000000+00:00"), ("Join token", "eyJ.t"));
        AssertFields(
            Printer.Deleted(new DeletedParticipant { CustomParticipantId = "ada@example.com", PresetId = Id, CreatedAt = created }),
            ("Deleted", "ada@example.com"), ("Preset id", Id.ToString()), ("Created", "2026-01-02T03:04:05.0000000+00:00"));
    }
}
