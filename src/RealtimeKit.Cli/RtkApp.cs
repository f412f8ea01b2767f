using System.CommandLine;
using System.Text.Json;
using System.Text.RegularExpressions;
using RealtimeKit.Cli.Commands;
using RealtimeKit.Cli.Output;

namespace RealtimeKit.Cli;

/// <summary>
/// The <c>rtk</c> program, runnable in-process: exit code 0 on success, 1 on an API or network error
/// (status, code and message printed), 2 on bad usage. Every failure is one line on stderr (JSON with
/// <c>--json</c>), never a stack trace.
/// </summary>
internal sealed partial class RtkApp(TextWriter stdout, TextWriter stderr, Func<string, string?> environment)
{
    public const int Success = 0;
    public const int ApiError = 1;
    public const int UsageError = 2;

    private static readonly JsonSerializerOptions ErrorJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private const string Description = """
        rtk: the RealtimeKit SDK on the command line. Credentials come from flags or the CLOUDFLARE_* variables.

        Examples:
          rtk emulator --port 8787                       run a local emulator (prints the variables to export)
          rtk participants add -m <meeting> -c ada@example.com --preset group_call_host
          rtk session get -m <meeting> --json
          rtk meetings list --all --json                 every meeting of the app
          rtk meetings create --title "Stand-up"
          rtk sessions list -m <meeting>                 past and live sessions; rtk recordings, presets, webhooks, apps alike
          rtk api                                        list every operation; rtk api <operationId> calls one

        Exit codes: 0 success, 1 API or network error, 2 bad usage.
        """;

    private readonly CommonOptions _common = new();

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken = default)
    {
        var json = args.Contains("--json");

        // No response files: "@file" is rtk api's --body syntax, not a list of arguments.
        var parse = CreateRootCommand().Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (parse.Errors.Count > 0)
        {
            return await UsageAsync(parse.Errors.Select(e => Explain(e.Message, parse)), json);
        }

        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false }, cancellationToken);
        }
        catch (UsageException e)
        {
            return await UsageAsync([e.Message], json);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await stderr.WriteLineAsync("Cancelled.");
            return ApiError;
        }
        catch (Exception e)
        {
            // Anything unforeseen is still one line: no stack trace, no build paths.
            await ErrorAsync(e is EmulatorUnreachableException ? e.Message : $"{e.GetType().Name}: {e.Message}", json);
            return ApiError;
        }
    }

    /// <summary>Every command rtk has, as <c>rtk --help</c> shows them.</summary>
    internal RootCommand CreateRootCommand()
    {
        var root = new RootCommand(Description);
        foreach (var group in MergeGroups(ApiCommands.Create(RunApiAsync).Concat(ResourceCommands()).Append(RawApiCommand.Create(_common, environment, RunApiAsync))))
        {
            // The credential options belong to the API commands only, not to emulator or demo.
            foreach (var option in _common.All)
            {
                group.Options.Add(option);
            }

            root.Subcommands.Add(group);
        }

        root.Subcommands.Add(EmulatorCommand.Create(stdout, environment));
        root.Subcommands.Add(DemoCommand.Create(stdout, stderr));
        return root;
    }

    private IEnumerable<Command> ResourceCommands() =>
    [
        AppCommands.Create(RunApiAsync, parse => parse.GetValue(_common.AppId) ?? environment(RealtimeKitClientOptions.AppIdVariable)),
        MeetingCommands.Create(RunApiAsync),
        ParticipantCommands.Create(RunApiAsync),
        PresetCommands.Create(RunApiAsync),
        SessionCommands.Create(RunApiAsync),
        RecordingCommands.Create(RunApiAsync),
        WebhookCommands.Create(RunApiAsync),
    ];

    // Two groups of one name (participants add|delete and list|get|edit|token) become one: the later group's
    // commands are built again under the first, so that they have one parent (recursive options follow parents).
    private List<Command> MergeGroups(IEnumerable<Command> groups)
    {
        var merged = new List<Command>();
        foreach (var group in groups)
        {
            if (merged.Find(g => g.Name == group.Name) is { } first)
            {
                if (group.Name == "participants")
                {
                    ParticipantCommands.AddTo(first, RunApiAsync);
                }

                continue;
            }

            merged.Add(group);
        }

        return merged;
    }

    private async Task<int> RunApiAsync(ParseResult parse, Func<RealtimeKitClient, Printer, CancellationToken, Task> call, CancellationToken cancellationToken)
    {
        var printer = new Printer(stdout, stderr, parse.GetValue(_common.Json));
        var missing = _common.MissingCredentials(parse, environment);
        if (missing.Count > 0)
        {
            throw new UsageException("Missing " + string.Join("; ", missing) + ".");
        }

        try
        {
            using var client = new RealtimeKitClient(_common.ClientOptions(parse, environment));
            await call(client, printer, cancellationToken);
            return Success;
        }
        catch (RealtimeKitException e)
        {
            printer.Error(printer.Json
                ? JsonSerializer.Serialize(new { status = e.StatusCode, code = e.ErrorCode, message = e.ServiceMessage, request_id = e.RequestId }, ErrorJson)
                : $"Error: {e.StatusCode} {RealtimeKitException.ReasonPhrase(e.StatusCode)} (code {e.ErrorCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}): {e.ServiceMessage}"
                  + (e.RequestId is null ? string.Empty : $" [request id {e.RequestId}]"));
            return ApiError;
        }
        catch (RealtimeKitClientException e)
        {
            await ErrorAsync(e.Message, printer.Json);
            return ApiError;
        }
        catch (ArgumentException e)
        {
            throw new UsageException(FlagNames.Rewrite(e));
        }
    }

    private async Task<int> UsageAsync(IEnumerable<string> messages, bool json)
    {
        var list = messages.Select(OneLine).ToList();
        if (json)
        {
            await stderr.WriteLineAsync(JsonSerializer.Serialize(new { error = "usage", messages = list, exit_code = UsageError }, ErrorJson));
            return UsageError;
        }

        foreach (var message in list)
        {
            await stderr.WriteLineAsync("Usage error: " + message);
        }

        await stderr.WriteLineAsync("Run 'rtk --help' (or 'rtk <command> --help') for usage.");
        return UsageError;
    }

    private async Task ErrorAsync(string message, bool json) =>
        await stderr.WriteLineAsync(json ? JsonSerializer.Serialize(new { error = "failure", message = OneLine(message) }, ErrorJson) : "Error: " + OneLine(message));

    // "Unrecognized command or argument 'sesion'." gets the nearest command names of where it was typed.
    private static string Explain(string message, ParseResult parse)
    {
        var unknown = Unrecognized().Match(message);
        return unknown.Success
            ? message + Suggestions.DidYouMean(unknown.Groups["token"].Value, parse.CommandResult.Command.Subcommands.Select(c => c.Name).Concat(parse.CommandResult.Command.Options.Select(o => o.Name)))
            : message;
    }

    private static string OneLine(string message) => message.ReplaceLineEndings(" ").Trim();

    [GeneratedRegex("Unrecognized command or argument '(?<token>[^']+)'")]
    private static partial Regex Unrecognized();
}
