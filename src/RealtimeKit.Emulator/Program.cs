using RealtimeKit.Emulator;

// Standalone: dotnet run --project src/RealtimeKit.Emulator [-- --port 8787 --token my-token]
return await EmulatorProgram.RunAsync(args, Console.Out, Console.Error, CancellationToken.None);
