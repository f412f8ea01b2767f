using System.CommandLine;
using RealtimeKit.Cli.Commands;
using RealtimeKit.Cli.Output;

namespace RealtimeKit.Cli;

/// <summary>
/// The <c>rtk</c> program, runnable in-process: exit code 0 on success, 1 on an API or network error
/// (status, code and message printed), 2 on bad usage.
/// </summary>
internal sealed class RtkApp(TextWriter stdout, TextWriter stderr, Func<string, string?> environment)
{
    public const int Success = 0;
    public const int ApiError = 1;
    public const int UsageError = 2;

    private readonly CommonOptions _common = new();

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken = default)
    {
        var root = new RootCommand("rtk: the RealtimeKit SDK on the command line. Credentials come from flags or CLOUDFLARE_* variables.");
        foreach (var option in _common.All)
        {
            root.Options.Add(option);
        }

        foreach (var command in ApiCommands.Create(RunApiAsync))
        {
            root.Subcommands.Add(command);
        }

        root.Subcommands.Add(EmulatorCommand.Create(stdout));
        root.Subcommands.Add(DemoCommand.Create(stdout, stderr));

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                await stderr.WriteLineAsync("Usage error: " + error.Message);
            }

            await stderr.WriteLineAsync("Run 'rtk --help' (or 'rtk <command> --help') for usage.");
            return UsageError;
        }

        return await parse.InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr }, cancellationToken);
    }

    private async Task<int> RunApiAsync(ParseResult parse, Func<RealtimeKitClient, Printer, CancellationToken, Task> call, CancellationToken cancellationToken)
    {
        var printer = new Printer(stdout, stderr, parse.GetValue(_common.Json));
        try
        {
            using var client = new RealtimeKitClient(_common.ClientOptions(parse, environment));
            await call(client, printer, cancellationToken);
            return Success;
        }
        catch (RealtimeKitException e)
        {
            printer.Error(printer.Json
                ? System.Text.Json.JsonSerializer.Serialize(new { status = e.StatusCode, code = e.ErrorCode, message = e.ServiceMessage, request_id = e.RequestId })
                : $"Error: {e.StatusCode} {RealtimeKitException.ReasonPhrase(e.StatusCode)} (code {e.ErrorCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}): {e.ServiceMessage}"
                  + (e.RequestId is null ? string.Empty : $" [request id {e.RequestId}]"));
            return ApiError;
        }
        catch (RealtimeKitClientException e)
        {
            printer.Error("Error: " + e.Message);
            return ApiError;
        }
        catch (ArgumentException e)
        {
            printer.Error("Usage error: " + FlagHint(e));
            return UsageError;
        }
    }

    // The SDK names options ("options.AccountId"); on the command line the fix is a flag or a variable.
    private static string FlagHint(ArgumentException e) => e.ParamName switch
    {
        "options.AccountId" when e.Message.Contains("is required", StringComparison.Ordinal) => "no account id: pass --account-id or set CLOUDFLARE_ACCOUNT_ID.",
        "options.AppId" when e.Message.Contains("is required", StringComparison.Ordinal) => "no app id: pass --app-id or set CLOUDFLARE_REALTIMEKIT_APP_ID.",
        "options.ApiToken" when e.Message.StartsWith("No API token", StringComparison.Ordinal) => "no API token: set CLOUDFLARE_API_TOKEN (or pass --api-token).",
        _ => e.Message,
    };
}
