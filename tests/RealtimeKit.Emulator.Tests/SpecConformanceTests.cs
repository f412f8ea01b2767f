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

        var byOperation = h.Responses.Select(r => (Operation: OperationOf(r.Method, r.Path), r.Status, r.Body)).ToList();
        Assert.Equal(
            new[]
            {
                "addParticipant", "deleteParticipant", "getActiveSession", "kickAllParticipants", "kickParticipants", "muteAllParticipants", "muteParticipants", "createPoll",
                "listParticipants", "getParticipant", "editParticipant", "replaceParticipant", "regenerateParticipantToken",
                "listApps", "createApp", "getApp",
                "createMeeting", "listMeetings", "getMeeting", "updateMeeting", "replaceMeeting",
                "listWebhooks", "createWebhook", "listWebhookEvents", "getWebhook", "updateWebhook", "replaceWebhook", "deleteWebhook",
            }.Order(StringComparer.Ordinal),
            byOperation.Select(r => r.Operation).Distinct().Order(StringComparer.Ordinal));
        foreach (var (operation, status, body) in byOperation)
        {
            var errors = Documented(operation, status)
                ? SpecSchemaValidator.ValidateResponse(operation, status, body)
                : SpecSchemaValidator.Validate(SpecDocument.Pointer("#/components/schemas/RealtimeKitError"), body);
            Assert.True(errors.Count == 0, $"{operation} {status}: {string.Join("; ", errors)}\n{body}");
        }

        Assert.Contains(byOperation, r => r is { Operation: "getActiveSession", Status: 404 });
        Assert.Contains(byOperation, r => r is { Operation: "createPoll", Status: 201 });
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
