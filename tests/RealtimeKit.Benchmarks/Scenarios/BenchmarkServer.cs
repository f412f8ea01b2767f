using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace RealtimeKit.Benchmarks.Scenarios;

/// <summary>
/// Kestrel on 127.0.0.1 answering each route with bytes prepared in advance, so the server costs the same for every
/// client and nothing it does is measured as a client's cost. A request body is read to the end and dropped.
/// </summary>
public sealed class BenchmarkServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Dictionary<string, byte[]> _routes;

    private BenchmarkServer(WebApplication app, Dictionary<string, byte[]> routes)
    {
        _app = app;
        _routes = routes;
    }

    /// <summary>The server's base URL, e.g. <c>http://127.0.0.1:5123</c> (no trailing slash).</summary>
    public string BaseUrl { get; private set; } = string.Empty;

    /// <summary>Starts a server answering <c>"METHOD /path"</c> (query ignored) with the given JSON bodies; 404 otherwise.</summary>
    public static async Task<BenchmarkServer> StartAsync(IReadOnlyDictionary<string, byte[]> routes)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(System.Net.IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new BenchmarkServer(app, new Dictionary<string, byte[]>(routes, StringComparer.Ordinal));
        app.Run(server.HandleAsync);
        await app.StartAsync();
        server.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        return server;
    }

    private async Task HandleAsync(HttpContext context)
    {
        await context.Request.Body.CopyToAsync(Stream.Null);
        if (!_routes.TryGetValue($"{context.Request.Method} {context.Request.Path.Value}", out var body))
        {
            context.Response.StatusCode = 404;
            return;
        }

        context.Response.ContentType = "application/json";
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
