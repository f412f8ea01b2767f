using System.Diagnostics;

namespace RealtimeKit.Generator.Tests;

/// <summary>Runs a process to its end and returns its exit code and everything it printed.</summary>
internal static class GeneratorProcess
{
    /// <summary>The generator built beside the tests, as the build runs it.</summary>
    public static Task<(int Exit, string Output)> RunAsync(params string[] arguments) =>
        RunProcessAsync("dotnet", null, [Path.Combine(AppContext.BaseDirectory, "RealtimeKit.Generator.dll"), .. arguments]);

    public static async Task<(int Exit, string Output)> RunProcessAsync(string fileName, string? workingDirectory, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (workingDirectory is not null)
        {
            start.WorkingDirectory = workingDirectory;
        }

        foreach (var a in arguments)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromMinutes(5)).Token);
        }
        catch (OperationCanceledException)
        {
            // Stopped by its own id, never left behind.
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await stdout + await stderr);
    }
}
