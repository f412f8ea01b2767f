using RealtimeKit.Generated.Models;
using RealtimeKit.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace RealtimeKit.Emulator.Tests;

public partial class SpecConformanceTests
{
    [Fact]
    public async Task Every_response_of_the_sessions_and_analytics_operations_validates_against_the_spec()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero));
        await using var h = await EmulatorHarness.StartAsync(new EmulatorOptions { TimeProvider = time });
        var (meetingId, people) = await h.LiveMeetingAsync(2, "Conformance");
        await h.Emulator.Control.ChatAsync(people[0].Token!, "hello");
        await h.Client.ActiveSession.CreatePollAsync(meetingId, "Lunch?", ["Pizza", "Sushi"]);
        var live = await h.Client.ActiveSession.GetAsync(meetingId);
        time.Advance(TimeSpan.FromMinutes(3));
        await h.Emulator.Control.LeaveAsync(people[1].Token!);
        var liveStays = await h.Client.Sessions.ListParticipantsAsync(live.Id!, includePeerEvents: true);
        await h.Client.Sessions.GetAsync(live.Id!, includeBreakoutRooms: true);
        await Assert.ThrowsAsync<RealtimeKitException>(() => h.Client.Sessions.GetTranscriptAsync(live.Id!));
        await Assert.ThrowsAsync<RealtimeKitException>(() => h.Client.Sessions.GenerateSummaryAsync(live.Id!));
        time.Advance(TimeSpan.FromMinutes(2));
        await h.Emulator.Control.EndSessionAsync(meetingId);

        await h.Client.Sessions.ListAsync(status: ActiveSessionStatus.ENDED, sortBy: SessionSortBy.MinutesConsumed, pageNumber: 1, perPage: 5);
        await h.Client.Sessions.GetAsync(live.Id!);
        await Assert.ThrowsAsync<RealtimeKitException>(() => h.Client.Sessions.GetAsync(Guid.NewGuid().ToString()));
        await h.Client.Sessions.ListParticipantsAsync(live.Id!, sortBy: SessionParticipantSortBy.Duration, view: SessionParticipantsView.Consolidated);
        foreach (var stay in liveStays.Items)
        {
            await h.Client.Sessions.GetParticipantAsync(live.Id!, stay.Id!, includePeerEvents: true);
            await h.Client.Sessions.GetPeerReportAsync(stay.Id!, includePeerEvents: true);
            await h.Client.Sessions.GetPeerReportAsync(stay.Id!, PeerReportFilter.Events);
            await h.Client.Sessions.GetPeerReportAsync(stay.Id!, PeerReportFilter.Device_info);
            await h.Client.Sessions.GetPeerReportAsync(stay.Id!, PeerReportFilter.Quality_stats);
        }

        await Assert.ThrowsAsync<RealtimeKitException>(() => h.Client.Sessions.GetParticipantAsync(live.Id!, Guid.NewGuid().ToString()));
        await Assert.ThrowsAsync<RealtimeKitException>(() => h.Client.Sessions.GetPeerReportAsync(Guid.NewGuid().ToString()));
        await h.Client.Sessions.GetChatAsync(live.Id!);
        await h.Client.Sessions.GetTranscriptAsync(live.Id!, SessionTranscriptFormat.SRT);
        await Assert.ThrowsAsync<RealtimeKitException>(() => h.Client.Sessions.GetSummaryAsync(live.Id!));
        await h.Client.Sessions.GenerateSummaryAsync(live.Id!);
        await h.Client.Sessions.GetSummaryAsync(live.Id!);
        await h.Client.Analytics.GetDaywiseAsync();
        await h.Client.Analytics.GetDaywiseAsync(new DateOnly(2026, 11, 19), new DateOnly(2026, 11, 20));
        await h.Client.Analytics.GetLivestreamDaywiseAsync();
        await h.Client.Analytics.GetLivestreamOverallAsync(time.GetUtcNow().AddDays(-1), time.GetUtcNow());

        var byOperation = h.Responses.Select(r => (Operation: OperationOf(r.Method, r.Path), r.Status, r.Body)).ToList();
        Assert.Empty(SessionFlowOperations.Except(byOperation.Select(r => r.Operation)));
        AssertEveryResponseValidates(byOperation);
        Assert.Contains(byOperation, r => r is { Operation: "getSession", Status: 404 });
        Assert.Contains(byOperation, r => r is { Operation: "getSessionSummary", Status: 404 });
    }

    // A documented status validates against its schema; any other must be RealtimeKit's error body.
    // (The meeting-flow test above carries the same loop inline; it can call this.)
    private static void AssertEveryResponseValidates(IEnumerable<(string Operation, int Status, string Body)> responses)
    {
        foreach (var (operation, status, body) in responses)
        {
            var errors = Documented(operation, status)
                ? SpecSchemaValidator.ValidateResponse(operation, status, body)
                : SpecSchemaValidator.Validate(SpecDocument.Pointer("#/components/schemas/RealtimeKitError"), body);
            Assert.True(errors.Count == 0, $"{operation} {status}: {string.Join("; ", errors)}\n{body}");
        }
    }
}
