using RealtimeKit.Generated.Models;
using RealtimeKit.Tests.Contract;
using RealtimeKit.TestSupport;
using static RealtimeKit.Tests.Support.TestClients;

namespace RealtimeKit.Tests.Readme;

/// <summary>
/// The README's "Everyday calls" block, compiled and run here against Prism serving the spec (which checks
/// every request and answers the documented examples); a second test checks the README shows exactly this code.
/// </summary>
public sealed class ReadmeClientExamplesTests(PrismFixture prism) : IClassFixture<PrismFixture>
{
    [Fact]
    public async Task The_everyday_calls_of_every_group_run_against_the_spec()
    {
        using var client = Against(prism.Server.BaseUrl);
        var appId = Guid.Parse("b3b0c1a2-1d2e-4f5a-8b9c-0d1e2f3a4b5c");
        var lines = new List<string>();
        void Print(object? value) => lines.Add(value?.ToString() ?? "null");

        // README: everyday calls (begin)
        // Meetings and participants
        var meeting = await client.Meetings.CreateAsync(new CreateMeetingBody { Title = "Stand-up", RecordOnStart = false });
        var ada = await client.Participants.AddAsync(meeting.Id, "ada@example.com", "group_call_host", name: "Ada");
        await foreach (var participant in client.Participants.ListAllAsync(meeting.Id))
        {
            Print(participant.Name);
        }

        var fresh = await client.Participants.RegenerateTokenAsync(meeting.Id, ada.Id);

        // The live session
        var live = await client.ActiveSession.GetAsync(meeting.Id);
        await client.ActiveSession.MuteAsync(meeting.Id, participantIds: [ada.Id]);
        var poll = await client.ActiveSession.CreatePollAsync(meeting.Id, "Lunch?", ["Pizza", "Sushi"]);
        await client.ActiveSession.KickAllAsync(meeting.Id);

        // Presets and apps
        var presets = await client.Presets.ListAsync(perPage: 20);
        var app = await client.Apps.GetAsync(appId);

        // Session history
        await foreach (var past in client.Sessions.ListAllAsync(meetingId: meeting.Id))
        {
            var chat = await client.Sessions.GetChatAsync(past.Id);
            Print(chat.ChatDownloadUrl);
        }

        // Recordings and livestreams
        var recording = await client.Recordings.StartAsync(new StartRecordingBody { MeetingId = meeting.Id });
        await client.Recordings.StopAsync(recording.Id);
        var stream = await client.Livestreams.StartForMeetingAsync(meeting.Id, name: "All hands");

        // Webhooks and analytics
        var hook = await client.Webhooks.CreateAsync("ops", new Uri("https://example.com/rtk"), [WebhookEvent.MeetingStarted, WebhookEvent.MeetingEnded]);
        var days = await client.Analytics.GetDaywiseAsync(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 27));
        // README: everyday calls (end)

        Assert.NotNull(meeting.Id);
        Assert.NotNull(ada.Id);
        Assert.NotEmpty(lines);
        Assert.NotNull(fresh);
        Assert.NotNull(live.Id);
        Assert.NotNull(poll.Poll);
        Assert.NotEmpty(presets.Items);
        Assert.NotNull(app);
        Assert.NotNull(recording.Id);
        Assert.NotNull(stream);
        Assert.NotNull(hook.Id);
        Assert.NotNull(days);
    }

    [Fact]
    public void The_readme_shows_exactly_the_code_this_test_runs() =>
        Assert.Equal(ReadmeBlocks.Tested("ReadmeClientExamplesTests.cs", "everyday calls"), ReadmeBlocks.Shown("// Meetings and participants"));
}
