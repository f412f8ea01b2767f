using RealtimeKit.Generated.Accounts.Item.Realtime.Kit.Item;
using RealtimeKit.Generated.Accounts.Item.Realtime.Kit.Item.Meetings.Item.Participants;
using RealtimeKit.Generated.Models;
using RealtimeKit.Http;

namespace RealtimeKit;

/// <summary>Participants registered on a meeting. Reached through <see cref="RealtimeKitClient.Participants"/>.</summary>
public class ParticipantsClient
{
    private readonly AppPaths _app = null!;

    /// <summary>For mocking frameworks and test doubles; every member is virtual.</summary>
    protected ParticipantsClient()
    {
    }

    internal ParticipantsClient(AppPaths app) => _app = app;

    /// <summary>
    /// Adds a participant to a meeting and returns it with its join token. Not idempotent: it is retried only
    /// when the service provably did not process it (connection never made, 429, or 503 with Retry-After).
    /// </summary>
    /// <param name="meetingId">The meeting (a UUID).</param>
    /// <param name="customParticipantId">Your unique id for the participant (a UUID, an email...); unique per meeting.</param>
    /// <param name="presetName">The preset to apply, such as <c>group_call_host</c>.</param>
    /// <param name="name">The participant's display name.</param>
    /// <param name="picture">A URL to the participant's picture.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The participant, including the <see cref="Participant.Token"/> its client joins with.</returns>
    /// <exception cref="ArgumentException">A blank <paramref name="meetingId"/>, <paramref name="customParticipantId"/> or <paramref name="presetName"/>, or a relative <paramref name="picture"/>.</exception>
    /// <exception cref="RealtimeKitException">The service failed the request.</exception>
    public virtual async Task<Participant> AddAsync(RealtimeKitId meetingId, string customParticipantId, string presetName, string? name = null, Uri? picture = null, CancellationToken cancellationToken = default)
    {
        var meeting = Guard.Id(meetingId, nameof(meetingId));
        Guard.NotBlank(customParticipantId, nameof(customParticipantId));
        Guard.NotBlank(presetName, nameof(presetName));
        if (picture is { IsAbsoluteUri: false })
        {
            throw new ArgumentException($"Expected an absolute URL for picture, got '{picture}'.", nameof(picture));
        }

        var body = new AddParticipantBody { CustomParticipantId = customParticipantId, PresetName = presetName, Name = name, Picture = picture?.AbsoluteUri };
        var response = await _app.Meeting(meeting).Participants.PostAsync(body, RetrySafety.Configure(RetrySafety.NonIdempotentRequest), cancellationToken).ConfigureAwait(false);
        return Envelope.Data(response?.Data, 201, "add a participant");
    }

    /// <summary>Deletes a participant from a meeting.</summary>
    /// <param name="meetingId">The meeting (a UUID).</param>
    /// <param name="participantId">The participant id returned by <see cref="AddAsync"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>What the service reports about the deleted participant.</returns>
    /// <exception cref="ArgumentException">A blank <paramref name="meetingId"/> or <paramref name="participantId"/>.</exception>
    /// <exception cref="RealtimeKitException">The service failed the request.</exception>
    public virtual async Task<DeletedParticipant> DeleteAsync(RealtimeKitId meetingId, RealtimeKitId participantId, CancellationToken cancellationToken = default)
    {
        var meeting = Guard.Id(meetingId, nameof(meetingId));
        var participant = Guard.Id(participantId, nameof(participantId));
        var response = await _app.MeetingParticipant(meeting, participant).DeleteAsync(RetrySafety.Configure(RetrySafety.IdempotentRequest), cancellationToken).ConfigureAwait(false);
        return Envelope.Data(response?.Data, 200, "delete a participant");
    }

    /// <summary>Fetches one page of the participants registered on a meeting (without their tokens).</summary>
    /// <param name="meetingId">The meeting (a UUID).</param>
    /// <param name="pageNumber">The 1-based page to fetch.</param>
    /// <param name="perPage">How many participants a page holds.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page: its participants and the total count the service reports.</returns>
    /// <exception cref="ArgumentException">A blank <paramref name="meetingId"/>, or a page number or size below 1.</exception>
    /// <exception cref="RealtimeKitException">The service failed the request, e.g. 404 for an unknown meeting.</exception>
    public virtual async Task<RealtimeKitPage<MeetingParticipant>> ListAsync(RealtimeKitId meetingId, int pageNumber = 1, int perPage = Paging.DefaultPerPage, CancellationToken cancellationToken = default)
    {
        var meeting = Guard.Id(meetingId, nameof(meetingId));
        Paging.Check(pageNumber, perPage);
        var response = await _app.Meeting(meeting).Participants.GetAsync(
            RetrySafety.Configure<ParticipantsRequestBuilder.ParticipantsRequestBuilderGetQueryParameters>(RetrySafety.IdempotentRequest, q =>
            {
                q.PageNo = pageNumber;
                q.PerPage = perPage;
            }),
            cancellationToken).ConfigureAwait(false);
        return new RealtimeKitPage<MeetingParticipant>(Envelope.Data(response?.Data, 200, "list participants"), pageNumber, perPage, response?.Paging?.TotalCount);
    }

    /// <summary>
    /// Every participant registered on a meeting, fetching page after page only as you enumerate. The arguments
    /// are checked now, before anything is sent.
    /// </summary>
    /// <param name="meetingId">The meeting (a UUID).</param>
    /// <param name="perPage">How many participants each request fetches.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The participants, in the service's order.</returns>
    /// <exception cref="ArgumentException">A blank <paramref name="meetingId"/>, or a page size below 1.</exception>
    /// <exception cref="RealtimeKitException">The service failed a page request (thrown while enumerating).</exception>
    public virtual IAsyncEnumerable<MeetingParticipant> ListAllAsync(RealtimeKitId meetingId, int perPage = Paging.DefaultPerPage, CancellationToken cancellationToken = default)
    {
        Guard.Id(meetingId, nameof(meetingId));
        Paging.Check(1, perPage);
        return Paging.All(perPage, (page, ct) => ListAsync(meetingId, page, perPage, ct), cancellationToken);
    }

    /// <summary>Fetches a participant registered on a meeting (without its token).</summary>
    /// <param name="meetingId">The meeting (a UUID).</param>
    /// <param name="participantId">The participant id returned by <see cref="AddAsync"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The participant.</returns>
    /// <exception cref="ArgumentException">A blank <paramref name="meetingId"/> or <paramref name="participantId"/>.</exception>
    /// <exception cref="RealtimeKitException">The service failed the request, e.g. 404 for an unknown participant.</exception>
    public virtual async Task<MeetingParticipant> GetAsync(RealtimeKitId meetingId, RealtimeKitId participantId, CancellationToken cancellationToken = default)
    {
        var meeting = Guard.Id(meetingId, nameof(meetingId));
        var participant = Guard.Id(participantId, nameof(participantId));
        var response = await _app.MeetingParticipant(meeting, participant).GetAsync(RetrySafety.Configure(RetrySafety.IdempotentRequest), cancellationToken).ConfigureAwait(false);
        return Envelope.Data(response?.Data, 200, "get a participant");
    }

    /// <summary>
    /// Changes the given details of a participant; details left null keep their values. Setting fields is
    /// idempotent, so it is retried like a read.
    /// </summary>
    /// <param name="meetingId">The meeting (a UUID).</param>
    /// <param name="participantId">The participant id returned by <see cref="AddAsync"/>.</param>
    /// <param name="name">The new display name; null to keep it.</param>
    /// <param name="picture">A URL to the new picture; null to keep it.</param>
    /// <param name="presetName">The preset to apply from now on, such as <c>group_call_host</c>; null to keep it.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The participant after the edit, with its join token.</returns>
    /// <exception cref="ArgumentException">A blank <paramref name="meetingId"/> or <paramref name="participantId"/>, nothing to change, a blank <paramref name="presetName"/>, or a relative <paramref name="picture"/>.</exception>
    /// <exception cref="RealtimeKitException">The service failed the request, e.g. 404 for an unknown participant.</exception>
    public virtual async Task<Participant> EditAsync(RealtimeKitId meetingId, RealtimeKitId participantId, string? name = null, Uri? picture = null, string? presetName = null, CancellationToken cancellationToken = default)
    {
        var meeting = Guard.Id(meetingId, nameof(meetingId));
        var participant = Guard.Id(participantId, nameof(participantId));
        if (name is null && picture is null && presetName is null)
        {
            throw new ArgumentException("Expected at least one of name, picture or presetName to change; all are null.", nameof(name));
        }

        if (presetName is not null)
        {
            Guard.NotBlank(presetName, nameof(presetName));
        }

        CheckPicture(picture);
        var body = new EditParticipantBody { Name = name, Picture = picture?.AbsoluteUri, PresetName = presetName };
        var response = await _app.MeetingParticipant(meeting, participant).PatchAsync(body, RetrySafety.Configure(RetrySafety.IdempotentRequest), cancellationToken).ConfigureAwait(false);
        return Envelope.Data(response?.Data, 200, "edit a participant");
    }

    /// <summary>Replaces the details of a participant: its custom id and preset, and its name and picture.</summary>
    /// <param name="meetingId">The meeting (a UUID).</param>
    /// <param name="participantId">The participant id returned by <see cref="AddAsync"/>.</param>
    /// <param name="customParticipantId">Your unique id for the participant; unique per meeting.</param>
    /// <param name="presetName">The preset to apply, such as <c>group_call_host</c>.</param>
    /// <param name="name">The participant's display name.</param>
    /// <param name="picture">A URL to the participant's picture.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The participant after the replacement, with its join token.</returns>
    /// <exception cref="ArgumentException">A blank <paramref name="meetingId"/>, <paramref name="participantId"/>, <paramref name="customParticipantId"/> or <paramref name="presetName"/>, or a relative <paramref name="picture"/>.</exception>
    /// <exception cref="RealtimeKitException">The service failed the request, e.g. 404 for an unknown participant.</exception>
    public virtual async Task<Participant> ReplaceAsync(RealtimeKitId meetingId, RealtimeKitId participantId, string customParticipantId, string presetName, string? name = null, Uri? picture = null, CancellationToken cancellationToken = default)
    {
        var meeting = Guard.Id(meetingId, nameof(meetingId));
        var participant = Guard.Id(participantId, nameof(participantId));
        Guard.NotBlank(customParticipantId, nameof(customParticipantId));
        Guard.NotBlank(presetName, nameof(presetName));
        CheckPicture(picture);
        var body = new ReplaceParticipantBody { CustomParticipantId = customParticipantId, PresetName = presetName, Name = name, Picture = picture?.AbsoluteUri };
        var response = await _app.MeetingParticipant(meeting, participant).PutAsync(body, RetrySafety.Configure(RetrySafety.IdempotentRequest), cancellationToken).ConfigureAwait(false);
        return Envelope.Data(response?.Data, 200, "replace a participant");
    }

    /// <summary>
    /// Issues a new authentication token for a participant (for example when the old one expired). Not
    /// idempotent: each call issues another token, so it is retried only when the service provably did not
    /// process it (connection never made, 429, or 503 with Retry-After).
    /// </summary>
    /// <param name="meetingId">The meeting (a UUID).</param>
    /// <param name="participantId">The participant id returned by <see cref="AddAsync"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new <see cref="ParticipantToken.Token"/> the participant's client joins with.</returns>
    /// <exception cref="ArgumentException">A blank <paramref name="meetingId"/> or <paramref name="participantId"/>.</exception>
    /// <exception cref="RealtimeKitException">The service failed the request, e.g. 404 for an unknown participant.</exception>
    public virtual async Task<ParticipantToken> RegenerateTokenAsync(RealtimeKitId meetingId, RealtimeKitId participantId, CancellationToken cancellationToken = default)
    {
        var meeting = Guard.Id(meetingId, nameof(meetingId));
        var participant = Guard.Id(participantId, nameof(participantId));
        var response = await _app.MeetingParticipant(meeting, participant).Token.PostAsync(RetrySafety.Configure(RetrySafety.NonIdempotentRequest), cancellationToken).ConfigureAwait(false);
        return Envelope.Data(response?.Data, 200, "regenerate a participant's token");
    }

    private static void CheckPicture(Uri? picture)
    {
        if (picture is { IsAbsoluteUri: false })
        {
            throw new ArgumentException($"Expected an absolute URL for picture, got '{picture}'.", nameof(picture));
        }
    }
}
