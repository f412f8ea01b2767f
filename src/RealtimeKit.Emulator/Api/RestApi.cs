using RealtimeKit.Emulator.State;

namespace RealtimeKit.Emulator.Api;

/// <summary>The eight operations of openapi/realtimekit.yaml: parameter and body checks, then the state.</summary>
internal static class RestApi
{
    /// <summary>One parsed REST request: the path's parameter values (unescaped), the query and the body.</summary>
    public sealed record Request(EmulatorState State, IReadOnlyDictionary<string, string> Path, IReadOnlyDictionary<string, string> Query, string Body)
    {
        public string AccountId => Path["account_id"];

        public string AppId => Path["app_id"];

        public string MeetingId => Path["meeting_id"];

        public string? ParticipantId => Path.GetValueOrDefault("participant_id");
    }

    /// <summary>An operation: the success status and the <c>data</c> it answers with.</summary>
    public delegate (int Status, object Data) Handler(Request request);

    public static (int, object) GetActiveSession(Request r) => (200, r.State.GetActiveSession(r.AccountId, r.AppId, r.MeetingId));

    public static (int, object) Kick(Request r)
    {
        var (ids, customIds) = Selection(JsonBody.Parse(r.Body));
        return (200, r.State.Kick(r.AccountId, r.AppId, r.MeetingId, ids, customIds));
    }

    public static (int, object) KickAll(Request r) => (200, r.State.KickAll(r.AccountId, r.AppId, r.MeetingId));

    public static (int, object) Mute(Request r)
    {
        var (ids, customIds) = Selection(JsonBody.Parse(r.Body));
        return (200, r.State.Mute(r.AccountId, r.AppId, r.MeetingId, ids, customIds));
    }

    public static (int, object) MuteAll(Request r) =>
        (200, r.State.MuteAll(r.AccountId, r.AppId, r.MeetingId, JsonBody.Parse(r.Body).RequiredBool("allow_unmute")));

    public static (int, object) CreatePoll(Request r)
    {
        var body = JsonBody.Parse(r.Body);
        var question = body.RequiredString("question");
        var options = body.RequiredStringArray("options");
        if (options.Count == 0)
        {
            throw EmulatorProblem.BadRequest("options must hold at least one answer option.");
        }

        return (201, r.State.CreatePoll(r.AccountId, r.AppId, r.MeetingId, question, options, body.OptionalBool("anonymous") ?? false, body.OptionalBool("hide_votes") ?? false));
    }

    public static (int, object) AddParticipant(Request r)
    {
        var meetingId = MeetingUuid(r.MeetingId);
        var body = JsonBody.Parse(r.Body);
        var customId = body.RequiredString("custom_participant_id");
        var preset = body.RequiredString("preset_name");
        var name = body.OptionalNullableString("name");
        var picture = body.OptionalNullableString("picture");
        if (picture is not null && !Uri.TryCreate(picture, UriKind.Absolute, out _))
        {
            throw EmulatorProblem.BadRequest($"picture must be an absolute URI, got '{picture}'.");
        }

        return (201, r.State.AddParticipant(r.AccountId, r.AppId, meetingId, customId, preset, name, picture));
    }

    public static (int, object) DeleteParticipant(Request r) =>
        (200, r.State.DeleteParticipant(r.AccountId, r.AppId, MeetingUuid(r.MeetingId), r.ParticipantId!));

    /// <summary>The spec's limits on the ids every path carries.</summary>
    public static void CheckIds(string accountId, string appId)
    {
        CheckLength("account_id", accountId);
        CheckLength("app_id", appId);
    }

    private static void CheckLength(string name, string value)
    {
        if (value.Length > 32)
        {
            throw EmulatorProblem.BadRequest($"{name} must be at most 32 characters, got {value.Length}.");
        }
    }

    private static Guid MeetingUuid(string meetingId) =>
        Guid.TryParseExact(meetingId, "D", out var id) ? id : throw EmulatorProblem.BadRequest($"meeting_id must be a UUID, got '{meetingId}'.");

    private static (List<string>, List<string>) Selection(JsonBody body)
    {
        var ids = body.RequiredStringArray("participant_ids");
        var customIds = body.RequiredStringArray("custom_participant_ids");
        if (ids.Count == 0 && customIds.Count == 0)
        {
            throw EmulatorProblem.BadRequest("participant_ids or custom_participant_ids must hold at least one id.");
        }

        return (ids, customIds);
    }
}
