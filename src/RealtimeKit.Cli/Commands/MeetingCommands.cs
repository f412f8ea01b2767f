using System.CommandLine;
using RealtimeKit.Cli.Output;
using RealtimeKit.Generated.Models;

namespace RealtimeKit.Cli.Commands;

/// <summary><c>rtk meetings list|create|get|update</c>: the app's meetings.</summary>
internal static class MeetingCommands
{
    public static Command Create(ApiCommands.Runner run)
    {
        var search = new Option<string?>("--search") { Description = "Only meetings whose id or title matches this text" };
        var status = new Option<MeetingStatus?>("--status") { Description = "Only meetings with this status: ACTIVE or INACTIVE", CustomParser = CliParsers.EnumValue<MeetingStatus> };
        var paging = new CommandKit.PagingOptions();
        var list = CommandKit.Command("list", "List the app's meetings", ["rtk meetings list", "rtk meetings list --search stand-up --status ACTIVE --per-page 20", "rtk meetings list --all --json"], [search, status, .. paging.Options]);
        list.SetAction((parse, ct) => run(parse, (client, printer, token) => CommandKit.ListAsync(
            parse, paging, printer, "meeting",
            (page, perPage, t) => client.Meetings.ListAsync(parse.GetValue(search), null, null, parse.GetValue(status), page, perPage, t),
            (perPage, t) => client.Meetings.ListAllAsync(parse.GetValue(search), null, null, parse.GetValue(status), perPage, t),
            Tables.Meetings, token), ct));

        var settings = new Settings();
        var create = CommandKit.Command(
            "create",
            "Create a meeting (every setting optional)",
            ["rtk meetings create --title \"Stand-up\"", "rtk meetings create --title Webinar --record-on-start --persist-chat --json"],
            settings.Options);
        create.SetAction((parse, ct) => run(parse, async (client, printer, token) =>
        {
            var body = new CreateMeetingBody
            {
                Title = parse.GetValue(settings.Title),
                RecordOnStart = parse.GetValue(settings.RecordOnStart),
                LiveStreamOnStart = parse.GetValue(settings.LiveStreamOnStart),
                PersistChat = parse.GetValue(settings.PersistChat),
                SummarizeOnEnd = parse.GetValue(settings.SummarizeOnEnd),
                TranscribeOnEnd = parse.GetValue(settings.TranscribeOnEnd),
                SessionKeepAliveTimeInSecs = parse.GetValue(settings.KeepAlive),
            };
            var meeting = await client.Meetings.CreateAsync(body, token);
            await printer.ResultAsync(meeting, () => Tables.Meeting(meeting));
        }, ct));

        var meetingId = new Option<string>("--meeting", "-m") { Description = "Meeting id", Required = true };
        var get = CommandKit.Command("get", "Show a meeting with its settings", ["rtk meetings get -m <meeting>", "rtk meetings get -m <meeting> --json"], meetingId);
        get.SetAction((parse, ct) => run(parse, async (client, printer, token) =>
        {
            var meeting = await client.Meetings.GetAsync(parse.GetValue(meetingId), token);
            await printer.ResultAsync(meeting, () => Tables.Meeting(meeting));
        }, ct));

        var newStatus = new Option<MeetingStatus?>("--status") { Description = "ACTIVE or INACTIVE (an inactive meeting cannot be joined)", CustomParser = CliParsers.EnumValue<MeetingStatus> };
        var changes = new Settings();
        var update = CommandKit.Command(
            "update",
            "Change the given settings of a meeting; the others keep their values. Booleans take true or false",
            ["rtk meetings update -m <meeting> --title \"Weekly sync\"", "rtk meetings update -m <meeting> --status INACTIVE", "rtk meetings update -m <meeting> --record-on-start false --json"],
            [meetingId, newStatus, .. changes.Options]);
        update.SetAction((parse, ct) => run(parse, async (client, printer, token) =>
        {
            var body = new UpdateMeetingBody
            {
                Title = parse.GetValue(changes.Title),
                Status = parse.GetValue(newStatus),
                RecordOnStart = parse.GetValue(changes.RecordOnStart),
                LiveStreamOnStart = parse.GetValue(changes.LiveStreamOnStart),
                PersistChat = parse.GetValue(changes.PersistChat),
                SummarizeOnEnd = parse.GetValue(changes.SummarizeOnEnd),
                TranscribeOnEnd = parse.GetValue(changes.TranscribeOnEnd),
                SessionKeepAliveTimeInSecs = parse.GetValue(changes.KeepAlive),
            };
            if (body is { Title: null, Status: null, RecordOnStart: null, LiveStreamOnStart: null, PersistChat: null, SummarizeOnEnd: null, TranscribeOnEnd: null, SessionKeepAliveTimeInSecs: null })
            {
                throw new UsageException("Nothing to change: pass at least one of --title, --status, --record-on-start, --live-stream-on-start, --persist-chat, --summarize-on-end, --transcribe-on-end, --keep-alive.");
            }

            var meeting = await client.Meetings.UpdateAsync(parse.GetValue(meetingId), body, token);
            await printer.ResultAsync(meeting, () => Tables.Meeting(meeting));
        }, ct));

        return CommandKit.Group("meetings", "The app's meetings", list, create, get, update);
    }

    /// <summary>The settings create and update share (one instance per command).</summary>
    private sealed class Settings
    {
        public Option<string?> Title { get; } = new("--title") { Description = "The meeting's title" };

        public Option<bool?> RecordOnStart { get; } = new("--record-on-start") { Description = "Record as soon as the session starts" };

        public Option<bool?> LiveStreamOnStart { get; } = new("--live-stream-on-start") { Description = "Live stream as soon as the session starts" };

        public Option<bool?> PersistChat { get; } = new("--persist-chat") { Description = "Keep the chat after the session" };

        public Option<bool?> SummarizeOnEnd { get; } = new("--summarize-on-end") { Description = "Summarize the transcript when the session ends" };

        public Option<bool?> TranscribeOnEnd { get; } = new("--transcribe-on-end") { Description = "Transcribe the session when it ends" };

        public Option<int?> KeepAlive { get; } = new("--keep-alive") { Description = "Seconds the session stays alive once empty (60-600)", CustomParser = KeepAliveSeconds };

        private static int? KeepAliveSeconds(System.CommandLine.Parsing.ArgumentResult result)
        {
            var value = CliParsers.WholeNumber(result);
            if (value is < 60 or > 600)
            {
                result.AddError($"--keep-alive: expected 60 to 600 seconds, got {value}.");
                return null;
            }

            return value;
        }

        public Option[] Options => [Title, RecordOnStart, LiveStreamOnStart, PersistChat, SummarizeOnEnd, TranscribeOnEnd, KeepAlive];
    }
}
