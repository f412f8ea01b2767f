using RealtimeKit.SpecTools;

// Usage: RealtimeKit.SpecTools <report|drift|lint|accept-api> [--option value]...; see Commands.Usage.
return await Commands.RunAsync(args, Console.Out, Console.Error).ConfigureAwait(false);
