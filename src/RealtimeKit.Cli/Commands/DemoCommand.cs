using System.CommandLine;
using RealtimeKit.Cli.Demo;
using RealtimeKit.Cli.Output;
using RealtimeKit.Generated.Models;
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
        await using var listener = WebhookListener.Start(emulator.WebhookPublicKeyPem);
        var client = emulator.Client;
        var step = 0;
        void Step(string title, string call)
        {
            printer.Heading($"{++step}. {title}");
            printer.Line("   " + call);
        }

        printer.Line($"Emulator started at {emulator.BaseUrl} (in-process; no Cloudflare account used).");

        Step("Register a webhook for every event", $"client.Webhooks.CreateAsync(\"demo listener\", new Uri(\"{listener.Url}\"), await client.Webhooks.ListEventsAsync())");
        var events = await client.Webhooks.ListEventsAsync(cancellationToken);
        var webhook = await client.Webhooks.CreateAsync("demo listener", listener.Url, events, cancellationToken: cancellationToken);
        await printer.ResultAsync(webhook, () => Tables.Webhook(webhook));

        Step("Create a preset from group_call_host", "client.Presets.CreateAsync(new CreatePresetBody { Name = \"demo_host\", Config = host.Config, ... })");
        var hostSummary = await client.Presets.ListAllAsync(search: "group_call_host", cancellationToken: cancellationToken).FirstAsync(p => p.Name == "group_call_host", cancellationToken);
        var host = await client.Presets.GetAsync(hostSummary.Id, cancellationToken);
        var preset = await client.Presets.CreateAsync(new CreatePresetBody { Name = "demo_host", Config = host.Config, Permissions = host.Permissions, Ui = host.Ui }, cancellationToken);
        await printer.ResultAsync(preset, () => Tables.Preset(preset));

        Step("Create a meeting", "client.Meetings.CreateAsync(new CreateMeetingBody { Title = \"Weekly sync\" })");
        var created = await client.Meetings.CreateAsync(new CreateMeetingBody { Title = "Weekly sync" }, cancellationToken);
        var meeting = new { Id = created.Id.ToString()! };
        printer.Line($"   meeting {meeting.Id} ({created.Status})");

        Step("Add three participants", "client.Participants.AddAsync(meetingId, customParticipantId, presetName, name)");
        var people = new List<Participant>();
        foreach (var (id, name, presetName) in new[] { ("ada@example.com", "Ada", "demo_host"), ("grace@example.com", "Grace", "group_call_participant"), ("linus@example.com", "Linus", "group_call_participant") })
        {
            var participant = await client.Participants.AddAsync(meeting.Id, id, presetName, name, cancellationToken: cancellationToken);
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
        await emulator.Control.ChatAsync(people[1].Token!, "Sushi it is, then.", cancellationToken);
        await emulator.Control.ChatAsync(people[0].Token!, "Booked for 12:30.", cancellationToken);
        printer.Line("   Grace and Ada chat: 2 message(s)  (emulator.Control.ChatAsync, what their client SDK does)");

        Step("Record the meeting", "client.Recordings.StartAsync(new StartRecordingBody { MeetingId = meetingId })");
        var recording = await client.Recordings.StartAsync(new StartRecordingBody { MeetingId = created.Id }, cancellationToken);
        var recordingId = recording.Id!.Value;
        recording = await UntilAsync(() => client.Recordings.GetAsync(recordingId, cancellationToken), r => r.Status == RecordingStatus.RECORDING, cancellationToken);
        await printer.ResultAsync(recording, () => Tables.Recording(recording));

        Step("Stop the recording", "client.Recordings.StopAsync(recordingId)");
        var stopped = await client.Recordings.StopAsync(recordingId, cancellationToken);
        await printer.ResultAsync(stopped, () => Tables.Recording(stopped));

        Step("Kick one participant", "client.ActiveSession.KickAsync(meetingId, customParticipantIds: [\"linus@example.com\"])");
        var kicked = await client.ActiveSession.KickAsync(meeting.Id, customParticipantIds: ["linus@example.com"], cancellationToken: cancellationToken);
        await printer.ResultAsync(kicked, () => Printer.Participants(kicked));

        Step("End the meeting: kick everyone else", "client.ActiveSession.KickAllAsync(meetingId)");
        var kickedAll = await client.ActiveSession.KickAllAsync(meeting.Id, cancellationToken);
        await printer.ResultAsync(kickedAll, () => Printer.KickedAll(kickedAll));
        try
        {
            await client.ActiveSession.GetAsync(meeting.Id, cancellationToken);
        }
        catch (RealtimeKitException e) when (e.IsNotFound)
        {
            printer.Line($"   client.ActiveSession.GetAsync now throws RealtimeKitException: {e.Message}");
        }

        Step("Read the session history", "client.Sessions.ListAllAsync(meetingId: meetingId), then client.Sessions.ListAllParticipantsAsync(sessionId)");
        var past = await client.Sessions.ListAllAsync(meetingId: meeting.Id, cancellationToken: cancellationToken).ToListAsync(cancellationToken);
        await printer.ListAsync(past, $"{past.Count} session(s)", () => Tables.Sessions(past));
        var stays = await client.Sessions.ListAllParticipantsAsync(past[0].Id!, cancellationToken: cancellationToken).ToListAsync(cancellationToken);
        await printer.ListAsync(stays, $"{stays.Count} participant(s)", () => Tables.SessionParticipants(stays));

        Step("Download the session's chat", "client.Sessions.GetChatAsync(sessionId), then a plain GET of its chat_download_url");
        var chat = await client.Sessions.GetChatAsync(past[0].Id!, cancellationToken);
        using (var download = new HttpClient())
        {
            var csv = await download.GetStringAsync(new Uri(chat.ChatDownloadUrl!), cancellationToken);
            foreach (var line in csv.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                printer.Line("   " + line);
            }
        }

        Step("The recording's final status", "client.Recordings.GetAsync(recordingId)");
        var final = await UntilAsync(() => client.Recordings.GetAsync(recordingId, cancellationToken), r => r.Status == RecordingStatus.UPLOADED, cancellationToken);
        await printer.ResultAsync(final, () => Tables.Recording(final));

        Step("The webhook events the demo's listener received", $"POSTs to {listener.Url}, each rtk-signature verified with the emulator's public key");
        await emulator.DrainWebhooksAsync(cancellationToken);
        var received = listener.Events;
        foreach (var group in received.GroupBy(e => e.Name))
        {
            printer.Line($"   {group.Key}: {group.Count()}");
        }

        printer.Line($"   {received.Count} event(s), {received.Count(e => e.SignatureVerified)} with a valid signature");

        printer.Heading("Done");
        printer.Line("Every step above went over HTTP through RealtimeKitClient to the emulator.");
    }

    // The emulator moves recordings on by itself (the recorder joins, the upload ends) about a second later.
    private static async Task<T> UntilAsync<T>(Func<Task<T>> read, Func<T, bool> done, CancellationToken cancellationToken)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        while (true)
        {
            var value = await read();
            if (done(value) || DateTimeOffset.UtcNow > deadline)
            {
                return value;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
        }
    }
}
