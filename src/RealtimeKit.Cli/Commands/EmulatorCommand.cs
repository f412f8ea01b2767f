using System.CommandLine;
using RealtimeKit.Emulator;

namespace RealtimeKit.Cli.Commands;

/// <summary><c>rtk emulator [--port N] [--token T]</c>: runs the emulator until Ctrl+C.</summary>
internal static class EmulatorCommand
{
    public static Command Create(TextWriter stdout)
    {
        var port = new Option<int>("--port") { Description = "Port on 127.0.0.1 (0 picks a free one)", DefaultValueFactory = _ => 8787 };
        port.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 0 or > 65535)
            {
                r.AddError($"--port must be between 0 and 65535, got {r.GetValueOrDefault<int>()}.");
            }
        });
        var token = new Option<string?>("--token") { Description = "API token clients must send (random when omitted)" };
        var command = new Command("emulator", "Run a local RealtimeKit emulator (no Cloudflare account needed)") { port, token };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var emulator = await RealtimeKitEmulator.StartAsync(new EmulatorOptions { Port = parse.GetValue(port), ApiToken = parse.GetValue(token) }, cancellationToken);
            foreach (var line in emulator.DescribeConnection())
            {
                await stdout.WriteLineAsync(line);
            }

            await stdout.WriteLineAsync("Press Ctrl+C to stop.");
            await stdout.FlushAsync(cancellationToken);
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C: stop normally.
            }

            return 0;
        });
        return command;
    }
}
