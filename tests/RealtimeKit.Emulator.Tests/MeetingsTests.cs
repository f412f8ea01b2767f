namespace RealtimeKit.Emulator.Tests;

/// <summary>Meetings created, listed, filtered, paged and changed through the REST API.</summary>
public sealed class MeetingsTests
{
    [Fact]
    public async Task A_page_far_past_the_end_is_empty_for_meetings_participants_and_sessions_instead_of_wrapping_to_the_first()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var (meetingId, _) = await h.LiveMeetingAsync(2);

        // (int.MaxValue - 1) * 2 overflows an int: counted in int, the skip wrapped negative and page 1 came back.
        var meetings = await h.Client.Meetings.ListAsync(pageNumber: int.MaxValue, perPage: 2);
        var participants = await h.Client.Participants.ListAsync(meetingId, pageNumber: int.MaxValue, perPage: 2);
        var sessions = await h.Client.Sessions.ListAsync(pageNumber: int.MaxValue, perPage: 2);

        Assert.Empty(meetings.Items);
        Assert.Empty(participants.Items);
        Assert.Empty(sessions.Items);
        Assert.Equal(2, participants.TotalCount);
    }

    [Fact]
    public async Task Meetings_are_paged_filtered_and_an_inactive_meeting_cannot_be_joined()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var ids = new List<string>();
        foreach (var title in new[] { "Alpha sync", "Beta review", "Alpha retro" })
        {
            ids.Add((await h.Client.Meetings.CreateAsync(new Generated.Models.CreateMeetingBody { Title = title })).Id.ToString()!);
        }

        var page = await h.Client.Meetings.ListAsync(pageNumber: 2, perPage: 2);
        Assert.Equal(3, page.TotalCount);
        Assert.Single(page.Items);
        var alpha = await h.Client.Meetings.ListAsync(search: "alpha");
        Assert.Equal(2, alpha.TotalCount);

        var updated = await h.Client.Meetings.UpdateAsync(ids[0], new Generated.Models.UpdateMeetingBody { Status = Generated.Models.MeetingStatus.INACTIVE });
        Assert.Equal(Generated.Models.MeetingStatus.INACTIVE, updated.Status);
        Assert.Equal("Alpha sync", updated.Title);
        Assert.Equal(1, (await h.Client.Meetings.ListAsync(status: Generated.Models.MeetingStatus.INACTIVE)).TotalCount);

        var p = await h.Client.Participants.AddAsync(ids[0], "ada@example.com", "group_call_host", "Ada");
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => h.Emulator.Control.JoinAsync(p.Token!));
        Assert.Contains("INACTIVE", refused.Message, StringComparison.Ordinal);

        var replaced = await h.Client.Meetings.ReplaceAsync(ids[0], new Generated.Models.CreateMeetingBody { Title = "Renamed" });
        Assert.Equal("Renamed", replaced.Title);
        Assert.Equal(false, replaced.SummarizeOnEnd);
        var (status, body) = await h.RawAsync(HttpMethod.Get, $"client/v4/accounts/{h.Emulator.AccountId}/realtime/kit/{h.Emulator.AppId}/meetings?start_time=yesterday");
        Assert.Equal(400, status);
        Assert.Contains("start_time", body, StringComparison.Ordinal);
    }
}

/// <summary>Participants listed, edited, replaced, and their tokens regenerated.</summary>
public sealed class ParticipantsTests
{
    [Fact]
    public async Task A_regenerated_token_replaces_the_old_one_and_edits_keep_what_is_not_sent()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var meeting = await h.Emulator.Control.CreateMeetingAsync("Tokens");
        var ada = await h.Client.Participants.AddAsync(meeting.Id, "ada@example.com", "group_call_host", "Ada");
        await h.Client.Participants.AddAsync(meeting.Id, "bob@example.com", "group_call_host", "Bob");

        var page = await h.Client.Participants.ListAsync(meeting.Id, pageNumber: 1, perPage: 1);
        Assert.Equal(2, page.TotalCount);
        Assert.Single(page.Items);
        var edited = await h.Client.Participants.EditAsync(meeting.Id, ada.Id, presetName: "webinar_host");
        Assert.Equal("Ada", edited.Name);
        Assert.Equal("webinar_host", edited.PresetName);
        var fresh = await h.Client.Participants.RegenerateTokenAsync(meeting.Id, ada.Id);

        Assert.NotEqual(ada.Token, fresh.Token);
        await Assert.ThrowsAsync<InvalidOperationException>(() => h.Emulator.Control.JoinAsync(ada.Token!));
        Assert.Equal(1, (await h.Emulator.Control.JoinAsync(fresh.Token!)).LiveParticipants);
    }

    [Fact]
    public async Task Replacing_a_custom_id_frees_the_old_one_and_takes_the_new_one()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var meeting = await h.Client.Meetings.CreateAsync(new Generated.Models.CreateMeetingBody { Title = "ids" });
        var ada = await h.Client.Participants.AddAsync(meeting.Id, "ada@example.com", "group_call_host", "Ada");

        await h.Client.Participants.ReplaceAsync(meeting.Id, ada.Id, "ada.l@example.com", "group_call_host", "Ada L.");
        var reuse = await h.Client.Participants.AddAsync(meeting.Id, "ada@example.com", "group_call_host", "Another Ada");
        var duplicate = await Assert.ThrowsAsync<RealtimeKitException>(() => h.Client.Participants.AddAsync(meeting.Id, "ada.l@example.com", "group_call_host"));

        Assert.NotEqual(ada.Id, reuse.Id);
        Assert.Equal(409, duplicate.StatusCode);
    }
}
