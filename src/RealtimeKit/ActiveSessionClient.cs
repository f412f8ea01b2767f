using RealtimeKit.Generated.Accounts.Item.Realtime.Kit.Item;
using RealtimeKit.Generated.Models;
using RealtimeKit.Http;

namespace RealtimeKit;

/// <summary>
/// Operations on the live session of a meeting: see who is in, kick or mute participants, run a poll.
/// Reached through <see cref="RealtimeKitClient.ActiveSession"/>.
/// </summary>
public class ActiveSessionClient
{
    private readonly AppPaths _app = null!;

    /// <summary>For mocking frameworks and test doubles; every member is virtual.</summary>
    protected ActiveSessionClient()
    {
    }

    internal ActiveSessionClient(AppPaths app) => _app = app;

    /// <summary>Fetches the ongoing active session of a meeting.</summary>
    /// <param name="meetingId">The meeting: a UUID for V2 meetings, a room name such as <c>abcdef-ghijkl</c> for V1.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The active session.</returns>
    /// <exception cref="ArgumentException"><paramref name="meetingId"/> is null, empty or whitespace.</exception>
    /// <exception cref="RealtimeKitException">The service failed the request, e.g. 404 when the meeting has no active session.</exception>
    /// <exception cref="RealtimeKitConnectionException">The service could not be reached.</exception>
    /// <exception cref="RealtimeKitTimeoutException">An attempt timed out and no retry was left.</exception>
    public virtual async Task<ActiveSession> GetAsync(RealtimeKitId meetingId, CancellationToken cancellationToken = default)
    {
        var meeting = Guard.Id(meetingId, nameof(meetingId));
        var response = await _app.Meeting(meeting).ActiveSession.GetAsync(RetrySafety.Configure(RetrySafety.IdempotentRequest), cancellationToken).ConfigureAwait(false);
        return Envelope.Data(response?.Data, 200, "get the active session");
    }

    /// <summary>Kicks participants out of the active session, by participant id and/or custom participant id.</summary>
    /// <param name="meetingId">The meeting.</param>
    /// <param name="participantIds">Participant ids (from <see cref="ParticipantsClient.AddAsync"/>); may be null or empty when custom ids are given.</param>
    /// <param name="customParticipantIds">Custom participant ids; may be null or empty when participant ids are given.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The participants that were kicked.</returns>
    /// <exception cref="ArgumentException">A blank <paramref name="meetingId"/>, no ids at all, or a blank id.</exception>
    /// <exception cref="RealtimeKitException">The service failed the request, e.g. 404 when no participant has one of the ids.</exception>
    public virtual async Task<SessionParticipantsResult> KickAsync(RealtimeKitId meetingId, IEnumerable<RealtimeKitId>? participantIds = null, IEnumerable<string>? customParticipantIds = null, CancellationToken cancellationToken = default)
    {
        var (meeting, body) = Selection(meetingId, participantIds, customParticipantIds);
        return await SendSelectionAsync(_app.Meeting(meeting).ActiveSession.Kick.PostAsync(body, RetrySafety.Configure(RetrySafety.IdempotentRequest), cancellationToken), "kick participants").ConfigureAwait(false);
    }

    /// <summary>Kicks everyone out of the active session.</summary>
    /// <param name="meetingId">The meeting.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>How many participants were kicked.</returns>
    /// <exception cref="ArgumentException"><paramref name="meetingId"/> is null, empty or whitespace.</exception>
    /// <exception cref="RealtimeKitException">The service failed the request, e.g. 404 when there is no active session.</exception>
    public virtual async Task<KickAllResult> KickAllAsync(RealtimeKitId meetingId, CancellationToken cancellationToken = default)
    {
        var meeting = Guard.Id(meetingId, nameof(meetingId));
        var response = await _app.Meeting(meeting).ActiveSession.KickAll.PostAsync(RetrySafety.Configure(RetrySafety.IdempotentRequest), cancellationToken).ConfigureAwait(false);
        return Envelope.Data(response?.Data, 200, "kick all participants");
    }

    /// <summary>Mutes participants of the active session, by participant id and/or custom participant id.</summary>
    /// <param name="meetingId">The meeting.</param>
    /// <param name="participantIds">Participant ids; may be null or empty when custom ids are given.</param>
    /// <param name="customParticipantIds">Custom participant ids; may be null or empty when participant ids are given.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The participants that were muted.</returns>
    /// <exception cref="ArgumentException">A blank <paramref name="meetingId"/>, no ids at all, or a blank id.</exception>
    /// <exception cref="RealtimeKitException">The service failed the request.</exception>
    public virtual async Task<SessionParticipantsResult> MuteAsync(RealtimeKitId meetingId, IEnumerable<RealtimeKitId>? participantIds = null, IEnumerable<string>? customParticipantIds = null, CancellationToken cancellationToken = default)
    {
        var (meeting, body) = Selection(meetingId, participantIds, customParticipantIds);
        return await SendSelectionAsync(_app.Meeting(meeting).ActiveSession.Mute.PostAsync(body, RetrySafety.Configure(RetrySafety.IdempotentRequest), cancellationToken), "mute participants").ConfigureAwait(false);
    }

    /// <summary>Mutes everyone in the active session.</summary>
    /// <param name="meetingId">The meeting.</param>
    /// <param name="allowUnmute">If false, participants cannot unmute themselves after being muted.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>How many participants were muted.</returns>
    /// <exception cref="ArgumentException"><paramref name="meetingId"/> is null, empty or whitespace.</exception>
    /// <exception cref="RealtimeKitException">The service failed the request.</exception>
    public virtual async Task<MuteAllResult> MuteAllAsync(RealtimeKitId meetingId, bool allowUnmute, CancellationToken cancellationToken = default)
    {
        var meeting = Guard.Id(meetingId, nameof(meetingId));
        var body = new MuteAllBody { AllowUnmute = allowUnmute };
        var response = await _app.Meeting(meeting).ActiveSession.MuteAll.PostAsync(body, RetrySafety.Configure(RetrySafety.IdempotentRequest), cancellationToken).ConfigureAwait(false);
        return Envelope.Data(response?.Data, 200, "mute all participants");
    }

    /// <summary>
    /// Creates a poll in the active session. Not idempotent: it is retried only when the service provably did
    /// not process it (connection never made, 429, or 503 with Retry-After), so a poll is never created twice.
    /// </summary>
    /// <param name="meetingId">The meeting.</param>
    /// <param name="question">The question; not blank.</param>
    /// <param name="options">The answer options; at least one, none blank.</param>
    /// <param name="anonymous">Whether voters are anonymous (service default when null).</param>
    /// <param name="hideVotes">Whether votes stay hidden until a person votes (service default when null).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The created poll (and the action the service reports).</returns>
    /// <exception cref="ArgumentException">A blank <paramref name="meetingId"/> or <paramref name="question"/>, no options, or a blank option.</exception>
    /// <exception cref="RealtimeKitException">The service failed the request, e.g. 400 for a refused poll.</exception>
    public virtual async Task<CreatePollResult> CreatePollAsync(RealtimeKitId meetingId, string question, IEnumerable<string> options, bool? anonymous = null, bool? hideVotes = null, CancellationToken cancellationToken = default)
    {
        var meeting = Guard.Id(meetingId, nameof(meetingId));
        Guard.NotBlank(question, nameof(question));
        ArgumentNullException.ThrowIfNull(options);
        var optionList = Guard.Texts(options, nameof(options));
        if (optionList.Count == 0)
        {
            throw new ArgumentException("Expected at least one answer option in options.", nameof(options));
        }

        var body = new CreatePollBody { Question = question, Options = optionList, Anonymous = anonymous, HideVotes = hideVotes };
        var response = await _app.Meeting(meeting).ActiveSession.Poll.PostAsync(body, RetrySafety.Configure(RetrySafety.NonIdempotentRequest), cancellationToken).ConfigureAwait(false);
        return Envelope.Data(response?.Data, 201, "create a poll");
    }

    private static (string Meeting, KickParticipantsBody Body) Selection(RealtimeKitId meetingId, IEnumerable<RealtimeKitId>? participantIds, IEnumerable<string>? customParticipantIds)
    {
        var meeting = Guard.Id(meetingId, nameof(meetingId));
        var ids = Guard.Ids(participantIds, nameof(participantIds));
        var customIds = Guard.Texts(customParticipantIds, nameof(customParticipantIds));
        if (ids.Count == 0 && customIds.Count == 0)
        {
            throw new ArgumentException("Expected at least one id in participantIds or customParticipantIds; both are empty.", nameof(participantIds));
        }

        // The service requires both arrays; the unused one is sent as [].
        return (meeting, new KickParticipantsBody { ParticipantIds = ids, CustomParticipantIds = customIds });
    }

    private static async Task<SessionParticipantsResult> SendSelectionAsync(Task<SessionParticipantsResponse?> call, string operation)
    {
        var response = await call.ConfigureAwait(false);
        return Envelope.Data(response?.Data, 200, operation);
    }
}
