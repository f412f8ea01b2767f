using System.CommandLine;
using RealtimeKit.Cli.Output;

namespace RealtimeKit.Cli.Commands;

/// <summary>One command per operation: <c>session get|kick|kick-all|mute|mute-all</c>, <c>poll create</c>, <c>participants add|delete</c>.</summary>
internal static class ApiCommands
{
    /// <summary>Runs an API call with a client built from the parse result; the app maps exceptions to exit codes.</summary>
    public delegate Task<int> Runner(ParseResult parse, Func<RealtimeKitClient, Printer, CancellationToken, Task> call, CancellationToken cancellationToken);

    public static IEnumerable<Command> Create(Runner run)
    {
        var meeting = new Option<string>("--meeting", "-m") { Description = "Meeting id", Required = true };
        var participantIds = new Option<string[]>("--participant-id", "-p") { Description = "Participant id (repeatable)", AllowMultipleArgumentsPerToken = true };
        var customIds = new Option<string[]>("--custom-id", "-c") { Description = "Custom participant id (repeatable)", AllowMultipleArgumentsPerToken = true };

        var get = new Command("get", "Show the active session of a meeting") { meeting };
        get.SetAction((parse, ct) => run(parse, async (client, printer, token) =>
        {
            var session = await client.ActiveSession.GetAsync(parse.GetValue(meeting)!, token);
            await printer.ResultAsync(session, () => Printer.Session(session));
        }, ct));

        var kick = new Command("kick", "Kick participants from the active session") { meeting, participantIds, customIds };
        kick.SetAction((parse, ct) => run(parse, async (client, printer, token) =>
        {
            var result = await client.ActiveSession.KickAsync(parse.GetValue(meeting)!, parse.GetValue(participantIds)?.Select(RealtimeKitId.FromString), parse.GetValue(customIds), token);
            await printer.ResultAsync(result, () => Printer.Participants(result));
        }, ct));

        var kickAll = new Command("kick-all", "Kick everyone from the active session") { meeting };
        kickAll.SetAction((parse, ct) => run(parse, async (client, printer, token) =>
        {
            var result = await client.ActiveSession.KickAllAsync(parse.GetValue(meeting)!, token);
            await printer.ResultAsync(result, () => Printer.KickedAll(result));
        }, ct));

        var mute = new Command("mute", "Mute participants in the active session") { meeting, participantIds, customIds };
        mute.SetAction((parse, ct) => run(parse, async (client, printer, token) =>
        {
            var result = await client.ActiveSession.MuteAsync(parse.GetValue(meeting)!, parse.GetValue(participantIds)?.Select(RealtimeKitId.FromString), parse.GetValue(customIds), token);
            await printer.ResultAsync(result, () => Printer.Participants(result));
        }, ct));

        var allowUnmute = new Option<bool>("--allow-unmute") { Description = "Let participants unmute themselves afterwards" };
        var muteAll = new Command("mute-all", "Mute everyone in the active session") { meeting, allowUnmute };
        muteAll.SetAction((parse, ct) => run(parse, async (client, printer, token) =>
        {
            var result = await client.ActiveSession.MuteAllAsync(parse.GetValue(meeting)!, parse.GetValue(allowUnmute), token);
            await printer.ResultAsync(result, () => Printer.MutedAll(result));
        }, ct));

        var question = new Option<string>("--question", "-q") { Description = "The question", Required = true };
        var options = new Option<string[]>("--option", "-o") { Description = "An answer option (repeat for each)", Required = true, AllowMultipleArgumentsPerToken = true };
        var anonymous = new Option<bool>("--anonymous") { Description = "Voters are anonymous" };
        var hideVotes = new Option<bool>("--hide-votes") { Description = "Hide votes until a person votes" };
        var createPoll = new Command("create", "Create a poll in the active session") { meeting, question, options, anonymous, hideVotes };
        createPoll.SetAction((parse, ct) => run(parse, async (client, printer, token) =>
        {
            var result = await client.ActiveSession.CreatePollAsync(parse.GetValue(meeting)!, parse.GetValue(question)!, parse.GetValue(options)!, parse.GetValue(anonymous), parse.GetValue(hideVotes), token);
            await printer.ResultAsync(result, () => Printer.Poll(result));
        }, ct));

        var customId = new Option<string>("--custom-id", "-c") { Description = "Your unique id for the participant", Required = true };
        var preset = new Option<string>("--preset") { Description = "Preset name, e.g. group_call_host", Required = true };
        var name = new Option<string?>("--name") { Description = "Display name" };
        var picture = new Option<Uri?>("--picture") { Description = "Picture URL (absolute http(s))", CustomParser = CliParsers.AbsoluteUrl };
        var add = new Command("add", "Add a participant to a meeting") { meeting, customId, preset, name, picture };
        add.SetAction((parse, ct) => run(parse, async (client, printer, token) =>
        {
            var result = await client.Participants.AddAsync(parse.GetValue(meeting)!, parse.GetValue(customId)!, parse.GetValue(preset)!, parse.GetValue(name), parse.GetValue(picture), token);
            await printer.ResultAsync(result, () => Printer.Participant(result));
        }, ct));

        var participant = new Option<string>("--participant-id", "-p") { Description = "Participant id", Required = true };
        var delete = new Command("delete", "Delete a participant from a meeting") { meeting, participant };
        delete.SetAction((parse, ct) => run(parse, async (client, printer, token) =>
        {
            var result = await client.Participants.DeleteAsync(parse.GetValue(meeting)!, parse.GetValue(participant)!, token);
            await printer.ResultAsync(result, () => Printer.Deleted(result));
        }, ct));

        return
        [
            new Command("session", "The live session of a meeting") { get, kick, kickAll, mute, muteAll },
            new Command("poll", "Polls in the live session") { createPoll },
            new Command("participants", "Participants of a meeting") { add, delete },
        ];
    }
}
