using RealtimeKit.Emulator;

// Standalone: dotnet run --project src/RealtimeKit.Emulator [-- --port 8787 --token my-token]
var options = new EmulatorOptions();
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
            Console.Error.WriteLine($"Unknown or invalid argument '{args[i]} {args[i + 1]}'. Usage: [--port 0-65535] [--token TOKEN]");
            return 2;
    }
}

if (args.Length % 2 == 1)
{
    Console.Error.WriteLine($"Argument '{args[^1]}' has no value. Usage: [--port 0-65535] [--token TOKEN]");
    return 2;
}

await using var emulator = await RealtimeKitEmulator.StartAsync(options);
foreach (var line in emulator.DescribeConnection())
{
    Console.WriteLine(line);
}

Console.WriteLine("Press Ctrl+C to stop.");
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};
try
{
    await emulator.WaitForShutdownAsync(stop.Token);
}
catch (OperationCanceledException)
{
    // Ctrl+C: stop normally.
}

return 0;
