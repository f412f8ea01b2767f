using System.Diagnostics;
using System.Text.RegularExpressions;

namespace RealtimeKit.Cli.Tests;

public class DemoAndEmulatorTests
{
    [Fact]
    public async Task The_demo_walks_the_whole_meeting_and_exits_0()
    {
        var result = await CliHarness.RunWithAsync(_ => null, "demo");

        Assert.True(result.ExitCode == 0, result.ToString());
        string[] steps =
        [
            "1. Register a webhook for every event", "2. Create a preset from group_call_host", "3. Create a meeting", "4. Add three participants",
            "5. Join them to the live session", "6. Show the active session", "7. Mute one participant", "8. Mute everyone, allowing them to unmute",
            "9. Run a poll", "10. Record the meeting", "11. Stop the recording", "12. Kick one participant", "13. End the meeting: kick everyone else",
            "14. Read the session history", "15. Download the session's chat", "16. The recording's final status",
            "17. The webhook events the demo's listener received",
        ];
        var positions = steps.Select(s => result.Stdout.IndexOf(s, StringComparison.Ordinal)).ToList();
        Assert.All(positions, p => Assert.True(p >= 0, result.Stdout));
        Assert.Equal(positions.Order(), positions);
        string[] shown =
        [
            "│ Name    │ demo_host", "Linus joined; 3 in the session", "mute_all: 3 participant(s) muted", "Grace and Linus vote Sushi: 2 vote(s)",
            "│ Status       │ RECORDING", "│ Status       │ UPLOADING", "kick_all: 2 participant(s) kicked",
            "404 Not Found: No active session found for meeting_id", "│ ENDED  │", "3 participant(s)", "│ ada@example.com   │ Ada   │ demo_host",
            "Grace,\"Sushi it is, then.\"", "Ada,Booked for 12:30.", "│ Status           │ UPLOADED",
            "meeting.started: 1", "meeting.participantJoined: 3", "meeting.participantLeft: 3", "meeting.ended: 1", "meeting.chatSynced: 1",
        ];
        Assert.All(shown, text => Assert.Contains(text, result.Stdout, StringComparison.Ordinal));
        var received = Regex.Match(result.Stdout, @"(\d+) event\(s\), (\d+) with a valid signature");
        Assert.True(received.Success, result.Stdout);
        Assert.Equal(received.Groups[1].Value, received.Groups[2].Value);
        Assert.Matches(@"recording\.statusUpdate: [3-9]", result.Stdout);
        Assert.Empty(result.Stderr);
        AssertEachStepShowsItsCallAndResult(result.Stdout);
    }

    // The transcript, step by step: the heading, the SDK call it makes (ids and ports as placeholders), and what it shows.
    private static void AssertEachStepShowsItsCallAndResult(string stdout)
    {
        var lines = Regex.Replace(Regex.Replace(stdout, "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "<id>"), @"127\.0\.0\.1:\d+", "127.0.0.1:<port>")
            .Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var sections = new Dictionary<string, List<string>>(StringComparer.Ordinal) { [""] = [] };
        var current = "";
        foreach (var line in lines)
        {
            if (line.StartsWith("── ", StringComparison.Ordinal))
            {
                current = line[3..].TrimEnd('─').TrimEnd();
                sections[current] = [];
            }
            else
            {
                sections[current].Add(line);
            }
        }

        void Shows(string heading, string call, params string[] shown)
        {
            Assert.True(sections.TryGetValue(heading, out var body), $"no heading '── {heading}' in:\n{stdout}");
            Assert.Equal("   " + call, body[0]);
            foreach (var text in shown)
            {
                Assert.True(body.Any(l => l.Contains(text, StringComparison.Ordinal)), $"'{text}' is not under '{heading}':\n{string.Join('\n', body)}");
            }
        }

        Assert.Equal("Emulator started at http://127.0.0.1:<port>/client/v4 (in-process; no Cloudflare account used).", Assert.Single(sections[""].Where(l => l.Length > 0)));
        Shows("1. Register a webhook for every event", "client.Webhooks.CreateAsync(\"demo listener\", new Uri(\"http://127.0.0.1:<port>/rtk-webhooks/\"), await client.Webhooks.ListEventsAsync())",
            "│ Webhook │ <id>", "│ URL     │ http://127.0.0.1:<port>/rtk-webhooks/");
        Shows("2. Create a preset from group_call_host", "client.Presets.CreateAsync(new CreatePresetBody { Name = \"demo_host\", Config = host.Config, ... })", "│ Preset  │ <id>");
        Shows("3. Create a meeting", "client.Meetings.CreateAsync(new CreateMeetingBody { Title = \"Weekly sync\" })", "   meeting <id> (ACTIVE)");
        Shows("4. Add three participants", "client.Participants.AddAsync(meetingId, customParticipantId, presetName, name)",
            "│ Custom id   │ ada@example.com", "│ Custom id   │ grace@example.com", "│ Custom id   │ linus@example.com", "│ Join token  │ rtk_");
        Shows("5. Join them to the live session", "emulator.Control.JoinAsync(participant.Token)  (what the client SDK does with the join token)",
            "   Ada joined; 1 in the session", "   Grace joined; 2 in the session");
        Shows("6. Show the active session", "client.ActiveSession.GetAsync(meetingId)", "│ Title             │ Weekly sync", "│ Live participants │ 3");
        Shows("7. Mute one participant", "client.ActiveSession.MuteAsync(meetingId, participantIds: [\"<id>\"])", "mute: 1 participant(s)", "│ <id> │ Ada  │");
        Shows("8. Mute everyone, allowing them to unmute", "client.ActiveSession.MuteAllAsync(meetingId, allowUnmute: true)");
        Shows("9. Run a poll", "client.ActiveSession.CreatePollAsync(meetingId, \"Where do we go for lunch?\", [\"Pizza\", \"Sushi\", \"Tacos\"])",
            "create_poll: poll <id>: Where do we go for lunch?", "│ 1 │ Sushi  │ 0     │",
            "   Grace and Ada chat: 2 message(s)  (emulator.Control.ChatAsync, what their client SDK does)");
        Shows("10. Record the meeting", "client.Recordings.StartAsync(new StartRecordingBody { MeetingId = meetingId })", "│ Recording    │ <id>");
        Shows("11. Stop the recording", "client.Recordings.StopAsync(recordingId)", "│ Stopped      │");
        Shows("12. Kick one participant", "client.ActiveSession.KickAsync(meetingId, customParticipantIds: [\"linus@example.com\"])", "kick: 1 participant(s)", "│ <id> │ Linus │");
        Shows("13. End the meeting: kick everyone else", "client.ActiveSession.KickAllAsync(meetingId)",
            "   client.ActiveSession.GetAsync now throws RealtimeKitException: 404 Not Found: No active session found for meeting_id <id>");
        Shows("14. Read the session history", "client.Sessions.ListAllAsync(meetingId: meetingId), then client.Sessions.ListAllParticipantsAsync(sessionId)",
            "│ <id> │ <id> │ Weekly sync │ ENDED  │", "1 session(s)", "3 participant(s)");
        Shows("15. Download the session's chat", "client.Sessions.GetChatAsync(sessionId), then a plain GET of its chat_download_url");
        Assert.Equal(["   id,participant_id,display_name,message,sent_at", "   <id>,<id>,Grace,\"Sushi it is, then.\",", "   <id>,<id>,Ada,Booked for 12:30.,"],
            sections["15. Download the session's chat"].Skip(1).Select(l => Regex.Replace(l, @"\d{4}-\d\d-\d\dT[\d:.]+Z$", string.Empty)));
        Shows("16. The recording's final status", "client.Recordings.GetAsync(recordingId)", "│ Status           │ UPLOADED", "│ Download         │ https://");
        Shows("17. The webhook events the demo's listener received", "POSTs to http://127.0.0.1:<port>/rtk-webhooks/, each rtk-signature verified with the emulator's public key");
        Assert.Equal(["Every step above went over HTTP through RealtimeKitClient to the emulator.", ""], sections["Done"]);
    }

    [Fact]
    public async Task Rtk_emulator_serves_until_cancelled()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        using var stop = new CancellationTokenSource();
        var run = new RtkApp(TextWriter.Synchronized(stdout), stderr, _ => null).RunAsync(["emulator", "--port", "0", "--token", "cli-test-token"], stop.Token);

        string? baseUrl = null;
        for (var i = 0; i < 300 && baseUrl is null; i++)
        {
            baseUrl = Regex.Match(stdout.ToString(), @"CLOUDFLARE_BASE_URL=(\S+)").Groups[1].Value is { Length: > 0 } url ? url : null;
            await Task.Delay(10);
        }

        Assert.NotNull(baseUrl);
        using var client = new RealtimeKitClient(new RealtimeKitClientOptions { AccountId = "a", AppId = "b", ApiToken = "cli-test-token", BaseUrl = new Uri(baseUrl), MaxRetries = 0 });
        var error = await Assert.ThrowsAsync<RealtimeKitException>(() => client.ActiveSession.GetAsync("m1"));
        Assert.Equal(404, error.StatusCode);

        await stop.CancelAsync();
        Assert.Equal(0, await run);
    }

    [Fact]
    public async Task As_a_process_bad_usage_exits_2()
    {
        var rtk = Path.Combine(AppContext.BaseDirectory, "rtk.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add(rtk);
        start.ArgumentList.Add("session");
        start.ArgumentList.Add("get");
        using var process = Process.Start(start)!;
        var stderr = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.Equal(2, process.ExitCode);
        Assert.Contains("Option '--meeting' is required", stderr, StringComparison.Ordinal);
    }
}
