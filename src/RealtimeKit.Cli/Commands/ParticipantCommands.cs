using System.CommandLine;
using RealtimeKit.Cli.Output;

namespace RealtimeKit.Cli.Commands;

/// <summary>
/// <c>rtk participants list|get|edit|token</c>: the participants registered on a meeting (beside <c>add</c> and
/// <c>delete</c> in <see cref="ApiCommands"/>; the app merges both into one <c>participants</c> group).
/// </summary>
internal static class ParticipantCommands
{
    /// <summary>The commands as their own group (for listing); <see cref="AddTo"/> puts them in an existing group.</summary>
    public static Command Create(ApiCommands.Runner run) =>
        CommandKit.Group("participants", "Participants of a meeting", [.. Commands(run)]);

    /// <summary>Adds list, get, edit and token to the existing <c>participants</c> group.</summary>
    public static void AddTo(Command group, ApiCommands.Runner run)
    {
        foreach (var command in Commands(run))
        {
            group.Subcommands.Add(command);
        }
    }

    private static IEnumerable<Command> Commands(ApiCommands.Runner run)
    {
        var meeting = new Option<string>("--meeting", "-m") { Description = "Meeting id", Required = true };
        var participant = new Option<string>("--participant-id", "-p") { Description = "Participant id (as add or list returns it)", Required = true };
        var paging = new CommandKit.PagingOptions();

        var list = CommandKit.Command("list", "List the participants registered on a meeting", ["rtk participants list -m <meeting>", "rtk participants list -m <meeting> --all --json"], [meeting, .. paging.Options]);
        list.SetAction((parse, ct) => run(parse, (client, printer, token) => CommandKit.ListAsync(
            parse, paging, printer, "participant",
            (page, perPage, t) => client.Participants.ListAsync(parse.GetValue(meeting), page, perPage, t),
            (perPage, t) => client.Participants.ListAllAsync(parse.GetValue(meeting), perPage, t),
            Tables.MeetingParticipants, token), ct));

        var get = CommandKit.Command("get", "Show a participant of a meeting (without its token)", ["rtk participants get -m <meeting> -p <participant>"], meeting, participant);
        get.SetAction((parse, ct) => run(parse, async (client, printer, token) =>
        {
            var result = await client.Participants.GetAsync(parse.GetValue(meeting), parse.GetValue(participant), token);
            await printer.ResultAsync(result, () => Tables.MeetingParticipant(result));
        }, ct));

        var name = new Option<string?>("--name") { Description = "New display name" };
        var picture = new Option<Uri?>("--picture") { Description = "New picture URL (absolute http(s))", CustomParser = CliParsers.AbsoluteUrl };
        var preset = new Option<string?>("--preset") { Description = "Preset to apply from now on, e.g. group_call_participant" };
        var edit = CommandKit.Command(
            "edit",
            "Change a participant's name, picture or preset; the others keep their values",
            ["rtk participants edit -m <meeting> -p <participant> --name \"Ada L.\"", "rtk participants edit -m <meeting> -p <participant> --preset group_call_host --json"],
            meeting, participant, name, picture, preset);
        edit.SetAction((parse, ct) => run(parse, async (client, printer, token) =>
        {
            var result = await client.Participants.EditAsync(parse.GetValue(meeting), parse.GetValue(participant), parse.GetValue(name), parse.GetValue(picture), parse.GetValue(preset), token);
            await printer.ResultAsync(result, () => Printer.Participant(result));
        }, ct));

        var tokenCommand = CommandKit.Command("token", "Issue a new join token for a participant (e.g. when the old one expired)", ["rtk participants token -m <meeting> -p <participant>", "rtk participants token -m <meeting> -p <participant> --json | jq -r .token"], meeting, participant);
        tokenCommand.SetAction((parse, ct) => run(parse, async (client, printer, token) =>
        {
            var result = await client.Participants.RegenerateTokenAsync(parse.GetValue(meeting), parse.GetValue(participant), token);
            await printer.ResultAsync(result, () => Tables.Token(result));
        }, ct));

        return [list, get, edit, tokenCommand];
    }
}
