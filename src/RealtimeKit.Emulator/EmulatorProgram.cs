namespace RealtimeKit.Emulator;

/// <summary>
/// The standalone emulator's command line (<c>[--port 0-65535] [--token TOKEN]</c>): parses the arguments, starts
/// the emulator, prints how to connect and runs until stopped (Ctrl+C, SIGTERM, or <c>stop</c>).
/// </summary>
internal static class EmulatorProgram
{
    private const string Usage = "Usage: [--port 0-65535] [--token TOKEN]";

    /// <summary>Runs the emulator for <paramref name="args"/>.</summary>
    /// <returns>0 after a normal stop; 2 for bad arguments (with the reason on <paramref name="error"/>).</returns>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken stop)
    {
        if (Parse(args, out var problem) is not { } options)
        {
            await error.WriteLineAsync(problem);
            return 2;
        }

        await using var emulator = await RealtimeKitEmulator.StartAsync(options, stop);
        foreach (var line in emulator.DescribeConnection())
        {
            await output.WriteLineAsync(line);
        }

        await output.WriteLineAsync("Press Ctrl+C to stop.");
        await output.FlushAsync(stop);
        // The host's console lifetime turns Ctrl+C and SIGTERM into a shutdown, which ends this wait as `stop` does.
        await emulator.WaitForShutdownAsync(stop);
        return 0;
    }

    /// <summary>The options <paramref name="args"/> ask for, or null with the reason in <paramref name="problem"/>.</summary>
    internal static EmulatorOptions? Parse(string[] args, out string problem)
    {
        var options = new EmulatorOptions();
        problem = string.Empty;
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--port" when int.TryParse(args[i + 1], out var port) && port is >= 0 and <= 65535:
                    options.Port = port;
                    break;
                case "--token":
                    options.ApiToken = args[i + 1];
                    break;
                default:
                    problem = $"Unknown or invalid argument '{args[i]} {args[i + 1]}'. {Usage}";
                    return null;
            }
        }

        if (args.Length % 2 == 1)
        {
            problem = $"Argument '{args[^1]}' has no value. {Usage}";
            return null;
        }

        return options;
    }
}
