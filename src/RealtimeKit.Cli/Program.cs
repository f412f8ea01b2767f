using RealtimeKit.Cli;

return await new RtkApp(Console.Out, Console.Error, Environment.GetEnvironmentVariable).RunAsync(args);
