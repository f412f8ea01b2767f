using RealtimeKit.Generated.Accounts.Item.Realtime.Kit.Item;
using RealtimeKit.Generated.Models;
using RealtimeKit.Http;

namespace RealtimeKit;

/// <summary>Participants registered on a meeting. Reached through <see cref="RealtimeKitClient.Participants"/>.</summary>
public class ParticipantsClient
{
    private readonly WithApp_ItemRequestBuilder _app = null!;

    /// <summary>For mocking frameworks and test doubles; every member is virtual.</summary>
    protected ParticipantsClient()
    {
    }

    internal ParticipantsClient(WithApp_ItemRequestBuilder app) => _app = app;

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
        var response = await _app.Meetings[meeting].Participants.PostAsync(body, RetrySafety.Configure(RetrySafety.NonIdempotentRequest), cancellationToken).ConfigureAwait(false);
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
        var response = await _app.Meetings[meeting].Participants[participant].DeleteAsync(RetrySafety.Configure(RetrySafety.IdempotentRequest), cancellationToken).ConfigureAwait(false);
        return Envelope.Data(response?.Data, 200, "delete a participant");
    }
}
