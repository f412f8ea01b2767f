using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace RealtimeKit.TestSupport;

/// <summary>
/// Prism mocking <c>openapi/realtimekit.yaml</c> on 127.0.0.1. <c>dotnet cake</c> starts one and passes its
/// URL in <c>PRISM_URL</c>; without it (a plain <c>dotnet test</c>) this starts its own from
/// <c>tests/prism/node_modules</c> and stops it by its process id.
/// </summary>
public sealed class PrismServer : IAsyncDisposable
{
    /// <summary>The environment variable the build sets to a running Prism's URL.</summary>
    public const string UrlVariable = "PRISM_URL";

    private readonly Process? _process;

    private PrismServer(string baseUrl, Process? process)
    {
        BaseUrl = baseUrl;
        _process = process;
    }

    /// <summary>Prism's base URL (no trailing slash).</summary>
    public string BaseUrl { get; }

    /// <summary>Uses the build's Prism, or starts one.</summary>
    public static async Task<PrismServer> StartAsync()
    {
        if (Environment.GetEnvironmentVariable(UrlVariable) is { Length: > 0 } url)
        {
            return new PrismServer(url.TrimEnd('/'), null);
        }

        var script = Path.Combine(RepoPaths.Root, "tests", "prism", "node_modules", "@stoplight", "prism-cli", "dist", "index.js");
        if (!File.Exists(script))
        {
            throw new InvalidOperationException($"Prism is not installed ({script} is missing): run 'dotnet cake' once, or 'npm ci --prefix tests/prism'.");
        }

        var port = FreePort();
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { script, "mock", RepoPaths.Spec, "-h", "127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start node for Prism.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new PrismServer($"http://127.0.0.1:{port}", process);
        await server.WaitUntilListeningAsync(port);
        return server;
    }

    private async Task WaitUntilListeningAsync(int port)
    {
        for (var attempt = 0; attempt < 300; attempt++)
        {
            if (_process is { HasExited: true })
            {
                throw new InvalidOperationException($"Prism exited with code {_process.ExitCode} before listening.");
            }

            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }

        await DisposeAsync();
        throw new TimeoutException($"Prism did not listen on port {port} within 30 s.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Stops the Prism this instance started (by its own process id), if any.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_process is null)
        {
            return;
        }

        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
