using System.CommandLine;
using RealtimeKit.Cli.Output;
using RealtimeKit.Emulator;

namespace RealtimeKit.Cli.Commands;

/// <summary>
/// <c>rtk demo</c>: starts the emulator in-process and walks a whole meeting through the SDK, printing each
/// call and what it returned.
/// </summary>
internal static class DemoCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var command = new Command("demo", "Walk a full meeting through the SDK against the built-in emulator");
        command.SetAction(async (_, cancellationToken) =>
        {
            await RunAsync(new Printer(stdout, stderr, json: false), cancellationToken);
            return 0;
        });
        return command;
    }

    public static async Task RunAsync(Printer printer, CancellationToken cancellationToken)
    {
        await using var emulator = await RealtimeKitEmulator.StartAsync(cancellationToken: cancellationToken);
        var client = emulator.Client;
        var step = 0;
        void Step(string title, string call)
        {
            printer.Heading($"{++step}. {title}");
            printer.Line("   " + call);
        }

        printer.Line($"Emulator started at {emulator.BaseUrl} (in-process; no Cloudflare account used).");

        Step("Create a meeting", "client.Meetings.CreateAsync(new CreateMeetingBody { Title = \"Weekly sync\" })");
        var created = await client.Meetings.CreateAsync(new Generated.Models.CreateMeetingBody { Title = "Weekly sync" }, cancellationToken);
        var meeting = new { Id = created.Id.ToString()! };
        printer.Line($"   meeting {meeting.Id} ({created.Status})");

        Step("Add three participants", "client.Participants.AddAsync(meetingId, customParticipantId, \"group_call_host\", name)");
        var people = new List<Generated.Models.Participant>();
        foreach (var (id, name) in new[] { ("ada@example.com", "Ada"), ("grace@example.com", "Grace"), ("linus@example.com", "Linus") })
        {
            var participant = await client.Participants.AddAsync(meeting.Id, id, "group_call_host", name, cancellationToken: cancellationToken);
            people.Add(participant);
            await printer.ResultAsync(participant, () => Printer.Participant(participant));
        }

        Step("Join them to the live session", "emulator.Control.JoinAsync(participant.Token)  (what the client SDK does with the join token)");
        foreach (var p in people)
        {
            var presence = await emulator.Control.JoinAsync(p.Token!, cancellationToken);
            printer.Line($"   {p.Name} joined; {presence.LiveParticipants} in the session");
        }

        Step("Show the active session", "client.ActiveSession.GetAsync(meetingId)");
        var session = await client.ActiveSession.GetAsync(meeting.Id, cancellationToken);
        await printer.ResultAsync(session, () => Printer.Session(session));

        Step("Mute one participant", $"client.ActiveSession.MuteAsync(meetingId, participantIds: [\"{people[0].Id}\"])");
        var muted = await client.ActiveSession.MuteAsync(meeting.Id, participantIds: [people[0].Id], cancellationToken: cancellationToken);
        await printer.ResultAsync(muted, () => Printer.Participants(muted));

        Step("Mute everyone, allowing them to unmute", "client.ActiveSession.MuteAllAsync(meetingId, allowUnmute: true)");
        var mutedAll = await client.ActiveSession.MuteAllAsync(meeting.Id, allowUnmute: true, cancellationToken);
        await printer.ResultAsync(mutedAll, () => Printer.MutedAll(mutedAll));

        Step("Run a poll", "client.ActiveSession.CreatePollAsync(meetingId, \"Where do we go for lunch?\", [\"Pizza\", \"Sushi\", \"Tacos\"])");
        var poll = await client.ActiveSession.CreatePollAsync(meeting.Id, "Where do we go for lunch?", ["Pizza", "Sushi", "Tacos"], cancellationToken: cancellationToken);
        await printer.ResultAsync(poll, () => Printer.Poll(poll));
        await emulator.Control.VoteAsync(people[1].Token!, poll.Poll!.Id!, 1, cancellationToken);
        var votes = await emulator.Control.VoteAsync(people[2].Token!, poll.Poll.Id!, 1, cancellationToken);
        printer.Line($"   Grace and Linus vote Sushi: {votes} vote(s)");

        Step("Kick one participant", "client.ActiveSession.KickAsync(meetingId, customParticipantIds: [\"linus@example.com\"])");
        var kicked = await client.ActiveSession.KickAsync(meeting.Id, customParticipantIds: ["linus@example.com"], cancellationToken: cancellationToken);
        await printer.ResultAsync(kicked, () => Printer.Participants(kicked));

        Step("Kick everyone else", "client.ActiveSession.KickAllAsync(meetingId)");
        var kickedAll = await client.ActiveSession.KickAllAsync(meeting.Id, cancellationToken);
        await printer.ResultAsync(kickedAll, () => Printer.KickedAll(kickedAll));

        Step("Delete a participant", $"client.Participants.DeleteAsync(meetingId, \"{people[2].Id}\")");
        var deleted = await client.Participants.DeleteAsync(meeting.Id, people[2].Id, cancellationToken);
        await printer.ResultAsync(deleted, () => Printer.Deleted(deleted));

        Step("Show the session again", "client.ActiveSession.GetAsync(meetingId)");
        try
        {
            var after = await client.ActiveSession.GetAsync(meeting.Id, cancellationToken);
            await printer.ResultAsync(after, () => Printer.Session(after));
        }
        catch (RealtimeKitException e) when (e.IsNotFound)
        {
            printer.Line($"   RealtimeKitException: {e.Message}");
            printer.Line("   (everyone was kicked, so the session ended: exactly what RealtimeKit answers)");
        }

        printer.Heading("Done");
        printer.Line("Every step above went over HTTP through RealtimeKitClient to the emulator.");
    }
}
