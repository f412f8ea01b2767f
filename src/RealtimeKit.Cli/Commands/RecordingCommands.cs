using System.CommandLine;
using RealtimeKit.Cli.Output;
using RealtimeKit.Generated.Models;

namespace RealtimeKit.Cli.Commands;

/// <summary><c>rtk recordings list|start|get|pause|resume|stop</c>: recordings of the app's meetings.</summary>
internal static class RecordingCommands
{
    public static Command Create(ApiCommands.Runner run)
    {
        var meetingFilter = new Option<string?>("--meeting", "-m") { Description = "Only recordings of this meeting (a UUID)" };
        var status = new Option<RecordingStatus[]>("--status") { Description = "Only recordings in this status (repeatable): INVOKED, RECORDING, PAUSED, UPLOADING, UPLOADED, ERRORED", CustomParser = CliParsers.EnumValues<RecordingStatus> };
        var search = new Option<string?>("--search") { Description = "Text matched against the meeting id or title" };
        var paging = new CommandKit.PagingOptions();
        var list = CommandKit.Command("list", "List the app's recordings", ["rtk recordings list", "rtk recordings list -m <meeting> --status UPLOADED --all --json"], [meetingFilter, status, search, .. paging.Options]);
        list.SetAction((parse, ct) => run(parse, (client, printer, token) =>
        {
            var meeting = parse.GetValue(meetingFilter) is { } m ? RealtimeKitId.FromString(m) : (RealtimeKitId?)null;
            var statuses = parse.GetValue(status) is { Length: > 0 } s ? s : null;
            return CommandKit.ListAsync(
                parse, paging, printer, "recording",
                (page, perPage, t) => client.Recordings.ListAsync(meeting, statuses, null, parse.GetValue(search), null, null, null, null, page, perPage, t),
                (perPage, t) => client.Recordings.ListAllAsync(meeting, statuses, null, parse.GetValue(search), null, null, null, null, perPage, t),
                Tables.Recordings, token);
        }, ct));

        var meeting = new Option<string>("--meeting", "-m") { Description = "The meeting to record (a UUID; it needs a live session)", Required = true };
        var maxSeconds = new Option<int?>("--max-seconds") { Description = "Stop after this many seconds (60-86400)", CustomParser = MaxSeconds };
        var prefix = new Option<string?>("--file-name-prefix") { Description = "Prefix of the recording's file name" };
        var start = CommandKit.Command("start", "Start recording a meeting's live session", ["rtk recordings start -m <meeting>", "rtk recordings start -m <meeting> --max-seconds 3600 --json"], meeting, maxSeconds, prefix);
        start.SetAction((parse, ct) => run(parse, async (client, printer, token) =>
        {
            var text = parse.GetValue(meeting)!;
            if (!Guid.TryParse(text, out var meetingId))
            {
                throw new UsageException($"--meeting: expected a UUID, got '{text}'.");
            }

            var body = new StartRecordingBody { MeetingId = meetingId, MaxSeconds = parse.GetValue(maxSeconds), FileNamePrefix = parse.GetValue(prefix) };
            var result = await client.Recordings.StartAsync(body, token);
            await printer.ResultAsync(result, () => Tables.Recording(result));
        }, ct));

        var recording = new Option<string>("--recording", "-r") { Description = "Recording id (a UUID)", Required = true };
        var get = CommandKit.Command("get", "Show a recording with its download link", ["rtk recordings get -r <recording>", "rtk recordings get -r <recording> --json | jq -r .download_url"], recording);
        get.SetAction((parse, ct) => run(parse, async (client, printer, token) =>
        {
            var result = await client.Recordings.GetAsync(parse.GetValue(recording), token);
            await printer.ResultAsync(result, () => Tables.Recording(result));
        }, ct));

        var pause = Action("pause", "Pause a recording", recording, run, (client, id, token) => client.Recordings.PauseAsync(id, token));
        var resume = Action("resume", "Resume a paused recording", recording, run, (client, id, token) => client.Recordings.ResumeAsync(id, token));
        var stop = Action("stop", "Stop a recording (it is then uploaded)", recording, run, (client, id, token) => client.Recordings.StopAsync(id, token));

        return CommandKit.Group("recordings", "Recordings of the app's meetings", list, start, get, pause, resume, stop);
    }

    private static Command Action(string name, string summary, Option<string> recording, ApiCommands.Runner run, Func<RealtimeKitClient, RealtimeKitId, CancellationToken, Task<Recording>> call)
    {
        var command = CommandKit.Command(name, summary, [$"rtk recordings {name} -r <recording>", $"rtk recordings {name} -r <recording> --json"], recording);
        command.SetAction((parse, ct) => run(parse, async (client, printer, token) =>
        {
            var result = await call(client, parse.GetValue(recording), token);
            await printer.ResultAsync(result, () => Tables.Recording(result));
        }, ct));
        return command;
    }

    private static int? MaxSeconds(System.CommandLine.Parsing.ArgumentResult result)
    {
        var value = CliParsers.WholeNumber(result);
        if (value is < 60 or > 86400)
        {
            result.AddError($"--max-seconds: expected 60 to 86400 seconds, got {value}.");
            return null;
        }

        return value;
    }
}
