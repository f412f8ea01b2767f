using System.CommandLine;
using RealtimeKit.Cli.Output;
using RealtimeKit.Generated.Models;

namespace RealtimeKit.Cli.Commands;

/// <summary>
/// <c>rtk sessions list|get|participants|chat|transcript|summary</c>: past and ongoing sessions of the app's
/// meetings (<c>rtk session</c>, singular, acts on the live session of one meeting).
/// </summary>
internal static class SessionCommands
{
    public static Command Create(ApiCommands.Runner run)
    {
        var meeting = new Option<string?>("--meeting", "-m") { Description = "Only sessions of this meeting (a UUID)" };
        var status = new Option<ActiveSessionStatus?>("--status") { Description = "Only sessions with this status: LIVE or ENDED", CustomParser = CliParsers.EnumValue<ActiveSessionStatus> };
        var search = new Option<string?>("--search") { Description = "Text matched against the meeting title, meeting id and session id" };
        var paging = new CommandKit.PagingOptions();
        var list = CommandKit.Command("list", "List the app's sessions", ["rtk sessions list", "rtk sessions list -m <meeting> --status ENDED --all --json"], [meeting, status, search, .. paging.Options]);
        list.SetAction((parse, ct) => run(parse, (client, printer, token) => CommandKit.ListAsync(
            parse, paging, printer, "session",
            (page, perPage, t) => client.Sessions.ListAsync(parse.GetValue(meeting), parse.GetValue(status), null, null, parse.GetValue(search), null, null, null, page, perPage, t),
            (perPage, t) => client.Sessions.ListAllAsync(parse.GetValue(meeting), parse.GetValue(status), null, null, parse.GetValue(search), null, null, null, perPage, t),
            Tables.Sessions, token), ct));

        var session = new Option<string>("--session", "-s") { Description = "Session id (a UUID, as list shows it)", Required = true };
        var breakout = new Option<bool>("--breakout-rooms") { Description = "Include the session's breakout rooms (in --json)" };
        var get = CommandKit.Command("get", "Show a session", ["rtk sessions get -s <session>", "rtk sessions get -s <session> --breakout-rooms --json"], session, breakout);
        get.SetAction((parse, ct) => run(parse, async (client, printer, token) =>
        {
            var result = await client.Sessions.GetAsync(parse.GetValue(session), parse.GetValue(breakout), token);
            await printer.ResultAsync(result, () => Printer.Session(result));
        }, ct));

        var participantSearch = new Option<string?>("--search") { Description = "Text matched against participant id, custom id and display name" };
        var participantPaging = new CommandKit.PagingOptions();
        var participants = CommandKit.Command("participants", "List the participants of a session", ["rtk sessions participants -s <session>", "rtk sessions participants -s <session> --all --json"], [session, participantSearch, .. participantPaging.Options]);
        participants.SetAction((parse, ct) => run(parse, (client, printer, token) => CommandKit.ListAsync(
            parse, participantPaging, printer, "participant",
            (page, perPage, t) => client.Sessions.ListParticipantsAsync(parse.GetValue(session), parse.GetValue(participantSearch), null, null, false, null, page, perPage, t),
            (perPage, t) => client.Sessions.ListAllParticipantsAsync(parse.GetValue(session), parse.GetValue(participantSearch), null, null, false, null, perPage, t),
            Tables.SessionParticipants, token), ct));

        var chat = CommandKit.Command("chat", "Get a link to download the session's chat (CSV)", ["rtk sessions chat -s <session>", "curl -o chat.csv \"$(rtk sessions chat -s <session> --json | jq -r .chat_download_url)\""], session);
        chat.SetAction((parse, ct) => run(parse, async (client, printer, token) =>
        {
            var result = await client.Sessions.GetChatAsync(parse.GetValue(session), token);
            await printer.ResultAsync(result, () => Tables.Download("Chat download", result.ChatDownloadUrl, result.ChatDownloadUrlExpiry));
        }, ct));

        var format = new Option<SessionTranscriptFormat?>("--format") { Description = "File format: CSV (default), JSON, SRT or VTT", CustomParser = CliParsers.EnumValue<SessionTranscriptFormat> };
        var transcript = CommandKit.Command("transcript", "Get a link to download the session's transcript", ["rtk sessions transcript -s <session>", "rtk sessions transcript -s <session> --format VTT --json"], session, format);
        transcript.SetAction((parse, ct) => run(parse, async (client, printer, token) =>
        {
            var result = await client.Sessions.GetTranscriptAsync(parse.GetValue(session), parse.GetValue(format), token);
            await printer.ResultAsync(result, () => Tables.Download("Transcript download", result.TranscriptDownloadUrl, result.TranscriptDownloadUrlExpiry));
        }, ct));

        var summary = CommandKit.Command("summary", "Get a link to download the summary of the session's transcript", ["rtk sessions summary -s <session>"], session);
        summary.SetAction((parse, ct) => run(parse, async (client, printer, token) =>
        {
            var result = await client.Sessions.GetSummaryAsync(parse.GetValue(session), token);
            await printer.ResultAsync(result, () => Tables.Download("Summary download", result.SummaryDownloadUrl, result.SummaryDownloadUrlExpiry));
        }, ct));

        return CommandKit.Group("sessions", "Past and ongoing sessions of the app's meetings", list, get, participants, chat, transcript, summary);
    }
}
