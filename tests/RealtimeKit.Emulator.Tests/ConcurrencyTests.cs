namespace RealtimeKit.Emulator.Tests;

/// <summary>Concurrent requests never lose or duplicate a participant, and counts stay consistent.</summary>
public class ConcurrencyTests
{
    [Fact]
    public async Task Parallel_adds_with_distinct_ids_all_land_and_the_same_id_lands_once()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var meeting = await h.Emulator.Control.CreateMeetingAsync();

        var distinct = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => h.Client.Participants.AddAsync(meeting.Id, $"p{i}", "host")));
        var same = await Task.WhenAll(Enumerable.Range(0, 20).Select(async _ =>
        {
            try
            {
                await h.Client.Participants.AddAsync(meeting.Id, "everyone-wants-this", "host");
                return 201;
            }
            catch (RealtimeKitException e)
            {
                return e.StatusCode;
            }
        }));

        Assert.Equal(40, distinct.Select(p => p.Id).Distinct().Count());
        Assert.Equal(1, same.Count(s => s == 201));
        Assert.Equal(19, same.Count(s => s == 409));
    }

    [Fact]
    public async Task Parallel_joins_and_leaves_keep_live_and_peak_counts_consistent()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var meeting = await h.Emulator.Control.CreateMeetingAsync();
        var people = await Task.WhenAll(Enumerable.Range(0, 30).Select(i => h.Client.Participants.AddAsync(meeting.Id, $"p{i}", "host")));

        await Task.WhenAll(people.Select(p => h.Emulator.Control.JoinAsync(p.Token!)));
        await Task.WhenAll(people.Take(10).Select(p => h.Emulator.Control.LeaveAsync(p.Token!)));
        var session = await h.Client.ActiveSession.GetAsync(meeting.Id);

        Assert.Equal(20d, session.LiveParticipants);
        Assert.Equal(30d, session.MaxConcurrentParticipants);
    }

    [Fact]
    public async Task Concurrent_kicks_of_the_same_people_kick_each_person_once()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var (meetingId, people) = await h.LiveMeetingAsync(6);
        var ids = people.Take(3).Select(p => (RealtimeKitId)p.Id).ToList();

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            try
            {
                return (await h.Client.ActiveSession.KickAsync(meetingId, ids)).Participants!.Count;
            }
            catch (RealtimeKitException e) when (e.StatusCode == 404)
            {
                return 0;
            }
        }));

        Assert.Equal(3, results.Sum());
        Assert.Equal(3d, (await h.Client.ActiveSession.GetAsync(meetingId)).LiveParticipants);
    }
}
