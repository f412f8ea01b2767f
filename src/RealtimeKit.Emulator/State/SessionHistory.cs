namespace RealtimeKit.Emulator.State;

/// <summary>
/// One stay of a participant in a session, from a join to the matching leave: RealtimeKit's session
/// participant, whose id is the peer id of that connection (a participant who rejoins gets a new one).
/// </summary>
/// <param name="peerId">The id RealtimeKit gives the stay (<c>id</c> of a session participant, <c>peer_id</c> of a peer report).</param>
/// <param name="meeting">The session's meeting.</param>
/// <param name="session">The session.</param>
/// <param name="member">The member the join created; its <c>JoinedAt</c> is the join time.</param>
internal sealed class Attendance(Guid peerId, Meeting meeting, LiveSession session, SessionMember member)
{
    public Guid PeerId { get; } = peerId;

    public Meeting Meeting { get; } = meeting;

    public LiveSession Session { get; } = session;

    public SessionMember Member { get; } = member;

    /// <summary>The name when joining, kept even if the participant is renamed or deleted later.</summary>
    public string DisplayName { get; } = member.Participant.Name ?? member.Participant.CustomParticipantId;

    /// <summary>The preset when joining.</summary>
    public string PresetName { get; } = member.Participant.PresetName;

    /// <summary>When the stay ended (left, kicked, removed, session ended); null while the participant is in.</summary>
    public DateTimeOffset? LeftAt { get; set; }
}

/// <summary>What <c>listSessions</c> filters and sorts by; null means "not filtered".</summary>
internal sealed record SessionFilter(
    Guid? MeetingId, string? Status, DateTimeOffset? Start, DateTimeOffset? End, string? Search, (int Min, int Max)? ParticipantCount,
    bool ByMinutes, bool Ascending);

/// <summary>What <c>listSessionParticipants</c> filters and sorts by.</summary>
internal sealed record SessionParticipantFilter(string? Search, bool ByDuration, bool Ascending, bool IncludePeerEvents);
