using System.CommandLine;
using System.Text.Json;
using RealtimeKit.Emulator;
using RealtimeKit.Emulator.Control;

namespace RealtimeKit.Cli.Commands;

/// <summary>
/// <c>rtk emulator [--port N] [--api-token T] [--json]</c> runs the emulator until Ctrl+C; its subcommands
/// <c>join</c>, <c>leave</c> and <c>vote</c> act as a participant on a running emulator.
/// </summary>
internal static class EmulatorCommand
{
    private const string DefaultBaseUrl = "http://127.0.0.1:8787/client/v4";

    public static Command Create(TextWriter stdout, Func<string, string?> environment)
    {
        var port = new Option<int>("--port") { Description = "Port on 127.0.0.1 (0 picks a free one)", DefaultValueFactory = _ => 8787, CustomParser = r => CliParsers.WholeNumber(r) ?? 0 };
        port.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 0 or > 65535)
            {
                r.AddError($"--port must be between 0 and 65535, got {r.GetValueOrDefault<int>()}.");
            }
        });
        var token = new Option<string?>("--api-token", "--token") { Description = "API token clients must send (default: $CLOUDFLARE_API_TOKEN, else a random one, printed)" };
        var json = new Option<bool>("--json") { Description = "Print the connection details as one JSON object (for scripts)" };
        var command = new Command("emulator", "Run a local RealtimeKit emulator (no Cloudflare account needed), or act as a participant on a running one.\nExample: rtk emulator --port 0 --json\nExample: eval \"$(rtk emulator --port 8787 | grep ^export)\"")
        {
            port, token, json,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var given = parse.GetValue(token) ?? environment(RealtimeKitClientOptions.ApiTokenVariable);
            RealtimeKitEmulator emulator;
            try
            {
                emulator = await RealtimeKitEmulator.StartAsync(new EmulatorOptions { Port = parse.GetValue(port), ApiToken = given }, cancellationToken);
            }
            catch (IOException)
            {
                throw new UsageException($"--port {parse.GetValue(port)}: 127.0.0.1:{parse.GetValue(port)} is already in use; choose another port, or --port 0 for a free one.");
            }

            await using (emulator)
            {
                // A token the user supplied may be a real one: never echo it.
                var minted = given is null ? emulator.ApiToken : null;
                await stdout.WriteLineAsync(parse.GetValue(json) ? Json(emulator, minted) : Text(emulator, minted));
                await stdout.FlushAsync(cancellationToken);
                try
                {
                    await Task.Delay(Timeout.Infinite, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    // Ctrl+C: stop normally.
                }
            }

            return 0;
        });

        var participantToken = new Option<string>("--participant-token", "-t") { Description = "The participant's token (from participants add)", Required = true };
        var baseUrl = new Option<string?>("--base-url") { Description = $"The emulator's API root (default: $CLOUDFLARE_BASE_URL or {DefaultBaseUrl})" };
        var join = new Command("join", "Join the meeting's live session as the participant (starting one)\nExample: rtk emulator join -t <participant token>") { participantToken, baseUrl };
        join.SetAction((parse, ct) => ControlAsync(parse, baseUrl, environment, stdout, async c =>
        {
            var presence = await c.JoinAsync(parse.GetValue(participantToken)!, ct);
            return $"Joined session {presence.SessionId} of meeting {presence.MeetingId}: {presence.LiveParticipants} live.";
        }));
        var leave = new Command("leave", "Leave the live session as the participant (the last one out ends it)") { participantToken, baseUrl };
        leave.SetAction((parse, ct) => ControlAsync(parse, baseUrl, environment, stdout, async c =>
        {
            var presence = await c.LeaveAsync(parse.GetValue(participantToken)!, ct);
            return $"Left session {presence.SessionId} of meeting {presence.MeetingId}: {presence.LiveParticipants} live.";
        }));
        var poll = new Option<string>("--poll") { Description = "The poll id (from poll create)", Required = true };
        var choice = new Option<int>("--option", "-o") { Description = "The 0-based index of the chosen option", Required = true, CustomParser = r => CliParsers.WholeNumber(r) ?? 0 };
        var vote = new Command("vote", "Vote on a poll as the participant\nExample: rtk emulator vote -t <participant token> --poll <poll id> -o 0") { participantToken, poll, choice, baseUrl };
        vote.SetAction((parse, ct) => ControlAsync(parse, baseUrl, environment, stdout, async c =>
        {
            var count = await c.VoteAsync(parse.GetValue(participantToken)!, parse.GetValue(poll)!, parse.GetValue(choice), ct);
            return $"Voted: option {parse.GetValue(choice)} has {count} vote(s).";
        }));
        command.Subcommands.Add(join);
        command.Subcommands.Add(leave);
        command.Subcommands.Add(vote);
        return command;
    }

    private static async Task<int> ControlAsync(ParseResult parse, Option<string?> baseUrl, Func<string, string?> environment, TextWriter stdout, Func<EmulatorControlClient, Task<string>> act)
    {
        var text = parse.GetValue(baseUrl) ?? environment(RealtimeKitClientOptions.BaseUrlVariable) ?? DefaultBaseUrl;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var api))
        {
            throw new UsageException($"--base-url '{text}' is not an absolute URL.");
        }

        using var http = new HttpClient();
        var control = new EmulatorControlClient(http, new Uri(api, "/"), string.Empty);
        try
        {
            await stdout.WriteLineAsync(await act(control));
        }
        catch (HttpRequestException e)
        {
            throw new EmulatorUnreachableException($"No emulator answers at {new Uri(api, "/")} ({e.Message}); start one with 'rtk emulator'.");
        }
        catch (InvalidOperationException e)
        {
            throw new EmulatorUnreachableException(e.Message);
        }

        return 0;
    }

    private static string Text(RealtimeKitEmulator emulator, string? mintedToken) => string.Join(Environment.NewLine,
    [
        $"RealtimeKit emulator listening on {emulator.Root}",
        $"export {RealtimeKitClientOptions.BaseUrlVariable}={emulator.BaseUrl}",
        $"export {RealtimeKitClientOptions.AccountIdVariable}={emulator.AccountId}",
        $"export {RealtimeKitClientOptions.AppIdVariable}={emulator.AppId}",
        mintedToken is null
            ? $"# {RealtimeKitClientOptions.ApiTokenVariable}: the token you gave (--api-token or the variable) is the one it accepts"
            : $"export {RealtimeKitClientOptions.ApiTokenVariable}={mintedToken}",
        $"# control surface: {emulator.Root}_emulator/ (rtk emulator join|leave|vote)",
        "Press Ctrl+C to stop.",
    ]);

    private static string Json(RealtimeKitEmulator emulator, string? mintedToken) => JsonSerializer.Serialize(new Dictionary<string, object?>
    {
        ["root"] = emulator.Root.ToString(),
        ["base_url"] = emulator.BaseUrl.ToString(),
        ["port"] = emulator.Root.Port,
        ["account_id"] = emulator.AccountId,
        ["app_id"] = emulator.AppId,
        ["api_token"] = mintedToken,
        ["control_url"] = new Uri(emulator.Root, "_emulator/").ToString(),
    });
}

/// <summary>The emulator's control surface could not be reached or refused the action: exit code 1.</summary>
internal sealed class EmulatorUnreachableException(string message) : Exception(message);
