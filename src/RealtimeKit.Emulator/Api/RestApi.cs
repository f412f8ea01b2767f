using RealtimeKit.Emulator.State;

namespace RealtimeKit.Emulator.Api;

/// <summary>The operations of openapi/realtimekit.yaml the emulator answers: parameter and body checks, then the state.</summary>
internal static partial class RestApi
{
    /// <summary>One parsed REST request: the path's parameter values (unescaped), the query and the body.</summary>
    public sealed record Request(EmulatorState State, IReadOnlyDictionary<string, string> Path, IReadOnlyDictionary<string, string> Query, string Body)
    {
        public string AccountId => Path["account_id"];

        public string AppId => Path["app_id"];

        public string MeetingId => Path["meeting_id"];

        public string? ParticipantId => Path.GetValueOrDefault("participant_id");

        /// <summary>The emulator's root as the caller reached it, for links back to it.</summary>
        public Uri? Root { get; init; }

        /// <summary>Signs the download links the sessions operations answer with.</summary>
        public Downloads? Downloads { get; init; }
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

    public static (int, object) ListParticipants(Request r) =>
        (200, r.State.ListParticipants(r.AccountId, r.AppId, MeetingUuid(r.MeetingId), PositiveInt(r, "page_no", 1), PositiveInt(r, "per_page", 20)));

    public static (int, object) GetParticipant(Request r) => (200, r.State.GetParticipant(r.AccountId, r.AppId, MeetingUuid(r.MeetingId), r.ParticipantId!));

    public static (int, object) EditParticipant(Request r)
    {
        var meetingId = MeetingUuid(r.MeetingId);
        var body = JsonBody.Parse(r.Body);
        var preset = body.Has("preset_name") ? body.RequiredString("preset_name") : null;
        var name = body.OptionalNullableString("name");
        var picture = Picture(body);
        return (200, r.State.ChangeParticipant(r.AccountId, r.AppId, meetingId, r.ParticipantId!, null, preset, name, picture, replace: false));
    }

    public static (int, object) ReplaceParticipant(Request r)
    {
        var meetingId = MeetingUuid(r.MeetingId);
        var body = JsonBody.Parse(r.Body);
        var customId = body.RequiredString("custom_participant_id");
        var preset = body.RequiredString("preset_name");
        return (200, r.State.ChangeParticipant(r.AccountId, r.AppId, meetingId, r.ParticipantId!, customId, preset, body.OptionalNullableString("name"), Picture(body), replace: true));
    }

    public static (int, object) RegenerateParticipantToken(Request r) =>
        (200, r.State.RegenerateToken(r.AccountId, r.AppId, MeetingUuid(r.MeetingId), r.ParticipantId!));

    private static string? Picture(JsonBody body) =>
        body.OptionalNullableString("picture") is { } picture && !Uri.TryCreate(picture, UriKind.Absolute, out _)
            ? throw EmulatorProblem.BadRequest($"picture must be an absolute URI, got '{Safe(picture)}'.")
            : body.OptionalNullableString("picture");

    public static (int, object) DeleteParticipant(Request r) =>
        (200, r.State.DeleteParticipant(r.AccountId, r.AppId, MeetingUuid(r.MeetingId), r.ParticipantId!));

    public static (int, object) ListApps(Request r)
    {
        var order = r.Query.GetValueOrDefault("sort_order") is { Length: > 0 } o ? o : "DESC";
        if (order is not ("ASC" or "DESC"))
        {
            throw EmulatorProblem.BadRequest($"sort_order must be ASC or DESC, got '{Safe(order)}'.");
        }

        var search = r.Query.GetValueOrDefault("search") is { Length: > 0 } s ? s : null;
        return (200, r.State.ListApps(r.AccountId, search, order == "ASC", PositiveInt(r, "page_no", 1), PositiveInt(r, "per_page", 20)));
    }

    public static (int, object) CreateApp(Request r) => (200, r.State.CreateApp(r.AccountId, JsonBody.Parse(r.Body).RequiredString("name")));

    public static (int, object) GetApp(Request r) => (200, r.State.GetApp(r.AccountId, r.AppId));

    public static (int, object) CreateMeeting(Request r)
    {
        var body = JsonBody.Parse(string.IsNullOrWhiteSpace(r.Body) ? "{}" : r.Body);
        return (201, r.State.CreateMeeting(r.AccountId, r.AppId, body.OptionalNullableString("title"), Settings(body)));
    }

    public static (int, object) ListMeetings(Request r)
    {
        var status = r.Query.GetValueOrDefault("status") is { Length: > 0 } s ? MeetingStatus(s) : null;
        return (200, r.State.ListMeetings(
            r.AccountId, r.AppId, r.Query.GetValueOrDefault("search") is { Length: > 0 } search ? search : null,
            Time(r, "start_time"), Time(r, "end_time"), status, PositiveInt(r, "page_no", 1), PositiveInt(r, "per_page", 20)));
    }

    public static (int, object) GetMeeting(Request r) => (200, r.State.GetMeeting(r.AccountId, r.AppId, r.MeetingId));

    public static (int, object) UpdateMeeting(Request r)
    {
        var body = JsonBody.Parse(r.Body);
        var title = body.Has("title") ? body.RequiredString("title") : null;
        var status = body.Has("status") ? MeetingStatus(body.RequiredString("status")) : null;
        return (200, r.State.ChangeMeeting(r.AccountId, r.AppId, r.MeetingId, body.Has("title"), title, status, Settings(body), replace: false));
    }

    public static (int, object) ReplaceMeeting(Request r)
    {
        var body = JsonBody.Parse(r.Body);
        return (200, r.State.ChangeMeeting(r.AccountId, r.AppId, r.MeetingId, true, body.OptionalNullableString("title"), null, Settings(body), replace: true));
    }

    private static MeetingSettings Settings(JsonBody body)
    {
        var keepAlive = body.OptionalNumber("session_keep_alive_time_in_secs");
        if (keepAlive is < 60 or > 600)
        {
            throw EmulatorProblem.BadRequest($"session_keep_alive_time_in_secs must be between 60 and 600, got {keepAlive}.");
        }

        return new MeetingSettings(
            body.OptionalNullableBool("record_on_start"), body.OptionalNullableBool("live_stream_on_start"), body.OptionalNullableBool("persist_chat"),
            body.OptionalNullableBool("summarize_on_end"), body.OptionalNullableBool("transcribe_on_end"), keepAlive,
            body.OptionalObject("recording_config"), body.OptionalObject("ai_config"));
    }

    private static string MeetingStatus(string value) =>
        value is "ACTIVE" or "INACTIVE" ? value : throw EmulatorProblem.BadRequest($"status must be ACTIVE or INACTIVE, got '{Safe(value)}'.");

    private static DateTimeOffset? Time(Request r, string name) =>
        r.Query.GetValueOrDefault(name) is not { Length: > 0 } text ? null
        : DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var value) ? value
        : throw EmulatorProblem.BadRequest($"{name} must be a valid ISO 8601 date, got '{Safe(text)}'.");

    private static int PositiveInt(Request r, string name, int fallback) =>
        r.Query.GetValueOrDefault(name) is not { Length: > 0 } text ? fallback
        : int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) && value >= 1 ? value
        : throw EmulatorProblem.BadRequest($"{name} must be an integer of at least 1, got '{Safe(text)}'.");

    public static (int, object) ListWebhooks(Request r) => (200, r.State.ListWebhooks(r.AccountId, r.AppId));

    public static (int, object) ListWebhookEvents(Request r) => (200, EmulatorState.WebhookEvents);

    public static (int, object) CreateWebhook(Request r)
    {
        var body = JsonBody.Parse(r.Body);
        var name = body.RequiredString("name");
        var url = WebhookUrl(body.RequiredString("url"));
        var events = WebhookEventList(body.RequiredStringArray("events"));
        return (201, r.State.CreateWebhook(r.AccountId, r.AppId, name, url, events, body.OptionalBool("enabled")));
    }

    public static (int, object) GetWebhook(Request r) => (200, r.State.GetWebhook(r.AccountId, r.AppId, PathUuid(r, "webhook_id")));

    public static (int, object) UpdateWebhook(Request r)
    {
        var id = PathUuid(r, "webhook_id");
        var body = JsonBody.Parse(r.Body);
        var name = body.Has("name") ? body.RequiredString("name") : null;
        var url = body.Has("url") ? WebhookUrl(body.RequiredString("url")) : null;
        var events = body.Has("events") ? WebhookEventList(body.RequiredStringArray("events")) : null;
        return (200, r.State.EditWebhook(r.AccountId, r.AppId, id, name, url, events, body.OptionalBool("enabled"), replace: false));
    }

    public static (int, object) ReplaceWebhook(Request r)
    {
        var id = PathUuid(r, "webhook_id");
        var body = JsonBody.Parse(r.Body);
        var name = body.RequiredString("name");
        var url = WebhookUrl(body.RequiredString("url"));
        var events = WebhookEventList(body.RequiredStringArray("events"));
        return (200, r.State.EditWebhook(r.AccountId, r.AppId, id, name, url, events, body.OptionalBool("enabled"), replace: true));
    }

    public static (int, object) DeleteWebhook(Request r) => (200, r.State.DeleteWebhook(r.AccountId, r.AppId, PathUuid(r, "webhook_id")));

    // The emulator only ever calls loopback URLs: anything else is refused up front.
    private static Uri WebhookUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && Webhooks.WebhookDispatcher.IsAllowed(uri)
            ? uri
            : throw EmulatorProblem.BadRequest($"url must be an http(s) URL on a loopback address (127.0.0.1, [::1] or localhost): the emulator delivers nowhere else; got '{Safe(url)}'.");

    private static List<string> WebhookEventList(List<string> events)
    {
        if (events.Count == 0)
        {
            throw EmulatorProblem.BadRequest("events must hold at least one event.");
        }

        foreach (var e in events.Where(e => !EmulatorState.WebhookEvents.Contains(e)))
        {
            throw EmulatorProblem.BadRequest($"events holds an unknown event '{Safe(e)}'; known: {string.Join(", ", EmulatorState.WebhookEvents)}.");
        }

        return events.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>A value safe to put in a message: control characters (CR, LF...) escaped, long values cut.</summary>
    public static string Safe(string value)
    {
        var text = value.Length > 80 ? value[..77] + "..." : value;
        return string.Concat(text.Select(c => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString()));
    }

    /// <summary>The spec's limits on the ids every path carries.</summary>
    public static void CheckIds(string accountId, string appId)
    {
        CheckLength("account_id", accountId);
        CheckLength("app_id", appId);
    }

    /// <summary>Refuses an account or app id longer than the API's 32 characters, naming it.</summary>
    public static void CheckLength(string name, string value)
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
