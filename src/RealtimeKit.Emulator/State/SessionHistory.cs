namespace RealtimeKit.Emulator.State;

/// <summary>
/// One stay of a participant in a session, from a join to the matching leave: RealtimeKit's session
/// participant, whose id is the peer id of that connection (a participant who rejoins gets a new one).
/// </summary>
/// <param name="PeerId">The id RealtimeKit gives the stay (<c>id</c> of a session participant, <c>peer_id</c> of a peer report).</param>
/// <param name="Meeting">The session's meeting.</param>
/// <param name="Session">The session.</param>
/// <param name="Member">The member the join created; its <c>JoinedAt</c> is the join time.</param>
/// <param name="DisplayName">The name when joining, kept even if the participant is renamed or deleted later.</param>
/// <param name="PresetName">The preset when joining.</param>
internal sealed record Attendance(Guid PeerId, Meeting Meeting, LiveSession Session, SessionMember Member, string DisplayName, string PresetName);

/// <summary>What <c>listSessions</c> filters and sorts by; null means "not filtered".</summary>
internal sealed record SessionFilter(
    Guid? MeetingId, string? Status, DateTimeOffset? Start, DateTimeOffset? End, string? Search, (int Min, int Max)? ParticipantCount,
    bool ByMinutes, bool Ascending);

/// <summary>What <c>listSessionParticipants</c> filters and sorts by.</summary>
internal sealed record SessionParticipantFilter(string? Search, bool ByDuration, bool Ascending, bool IncludePeerEvents);
