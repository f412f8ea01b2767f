using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;

namespace RealtimeKit.Emulator.Tests;

/// <summary>
/// The standalone emulator's command line, run in-process: the port and token it is given are the ones it serves on and
/// accepts, it prints how to connect, a stop ends it with exit code 0, and bad arguments exit 2 naming what was wrong.
/// </summary>
public sealed class EmulatorProgramTests
{
    [Fact]
    public async Task A_run_serves_on_the_given_port_with_the_given_token_and_a_stop_exits_0()
    {
        var port = FreePort();
        var output = new LineSignal("Press Ctrl+C to stop.");
        var error = new StringWriter();
        using var stop = new CancellationTokenSource();

        var run = EmulatorProgram.RunAsync(["--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--token", "cli-token-77"], output, error, stop.Token);
        await output.Seen.WaitAsync(TimeSpan.FromSeconds(60));

        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"http://127.0.0.1:{port}/client/v4/accounts/{EmulatorOptions.DefaultAccountId}/realtime/kit/{EmulatorOptions.DefaultAppId}/meetings");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "cli-token-77");
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var printed = output.ToString();
        Assert.Contains($"RealtimeKit emulator listening on http://127.0.0.1:{port}/", printed, StringComparison.Ordinal);
        Assert.Contains($"CLOUDFLARE_BASE_URL=http://127.0.0.1:{port}/client/v4", printed, StringComparison.Ordinal);
        Assert.Contains("CLOUDFLARE_API_TOKEN=cli-token-77", printed, StringComparison.Ordinal);

        await stop.CancelAsync();
        Assert.Equal(0, await run);
        Assert.Empty(error.ToString());
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => http.GetAsync(new Uri($"http://127.0.0.1:{port}/_emulator/health")));
    }

    [Fact]
    public async Task Without_a_token_argument_the_run_makes_up_one_and_prints_it()
    {
        var output = new LineSignal("Press Ctrl+C to stop.");
        using var stop = new CancellationTokenSource();

        var run = EmulatorProgram.RunAsync([], output, new StringWriter(), stop.Token);
        await output.Seen.WaitAsync(TimeSpan.FromSeconds(60));
        await stop.CancelAsync();

        Assert.Equal(0, await run);
        Assert.Matches("CLOUDFLARE_API_TOKEN=emu_[0-9a-f]{32}", output.ToString());
    }

    [Theory]
    [InlineData(new[] { "--port", "65536" }, "Unknown or invalid argument '--port 65536'")]
    [InlineData(new[] { "--port", "-1" }, "Unknown or invalid argument '--port -1'")]
    [InlineData(new[] { "--port", "eighty" }, "Unknown or invalid argument '--port eighty'")]
    [InlineData(new[] { "--verbose", "yes" }, "Unknown or invalid argument '--verbose yes'")]
    [InlineData(new[] { "--token", "t", "--port" }, "Argument '--port' has no value")]
    [InlineData(new[] { "--token" }, "Argument '--token' has no value")]
    public async Task Bad_arguments_exit_2_and_say_what_was_wrong_and_how_to_call_it(string[] args, string reason)
    {
        var output = new StringWriter();
        var error = new StringWriter();

        var code = await EmulatorProgram.RunAsync(args, output, error, CancellationToken.None);

        Assert.Equal(2, code);
        Assert.Contains(reason, error.ToString(), StringComparison.Ordinal);
        Assert.Contains("Usage: [--port 0-65535] [--token TOKEN]", error.ToString(), StringComparison.Ordinal);
        Assert.Empty(output.ToString());
    }

    [Theory]
    [InlineData("0", 0)]
    [InlineData("65535", 65535)]
    [InlineData("8787", 8787)]
    public void The_port_range_is_0_to_65535(string given, int port)
    {
        var options = EmulatorProgram.Parse(["--port", given, "--token", "tok"], out var problem);

        Assert.NotNull(options);
        Assert.Equal(port, options.Port);
        Assert.Equal("tok", options.ApiToken);
        Assert.Empty(problem);
    }

    [Fact]
    public void The_programs_entry_point_runs_the_command_line()
    {
        // The compiler's synchronous Main around the top-level statements.
        var main = typeof(RealtimeKitEmulator).Assembly.EntryPoint!;

        var code = (int)main.Invoke(null, [new[] { "--port", "not-a-port" }])!;

        Assert.Equal(2, code);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    // Collects what is written and completes Seen once a line containing the awaited text has been written.
    private sealed class LineSignal(string awaited) : StringWriter
    {
        private readonly TaskCompletionSource _seen = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Seen => _seen.Task;

        public override Encoding Encoding => Encoding.UTF8;

        public override Task WriteLineAsync(string? value)
        {
            lock (this)
            {
                base.WriteLine(value);
            }

            if (value?.Contains(awaited, StringComparison.Ordinal) == true)
            {
                _seen.TrySetResult();
            }

            return Task.CompletedTask;
        }

        public override string ToString()
        {
            lock (this)
            {
                return base.ToString();
            }
        }
    }
}
