using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace RealtimeKit.TestSupport;

/// <summary>A request as it reached the server: the raw target (not decoded), headers and body.</summary>
/// <param name="Method">HTTP method.</param>
/// <param name="RawTarget">Path and query exactly as sent, percent-encoding intact.</param>
/// <param name="Headers">Request headers (values joined with ", "), case-insensitive.</param>
/// <param name="Body">The body as text (empty when none).</param>
/// <param name="HasBody">Whether a body (or a Content-Type) was sent at all.</param>
public sealed record RecordedRequest(string Method, string RawTarget, IReadOnlyDictionary<string, string> Headers, string Body, bool HasBody)
{
    /// <summary>The path part of <see cref="RawTarget"/>.</summary>
    public string RawPath => RawTarget.Split('?')[0];

    /// <summary>A header value, or null.</summary>
    public string? Header(string name) => Headers.TryGetValue(name, out var v) ? v : null;
}

/// <summary>What the server answers.</summary>
/// <param name="Status">HTTP status.</param>
/// <param name="Body">Body text (none when null).</param>
/// <param name="ContentType">Content type of the body.</param>
/// <param name="Headers">Extra response headers.</param>
public sealed record ScriptedResponse(int Status, string? Body = null, string ContentType = "application/json", IReadOnlyDictionary<string, string>? Headers = null)
{
    /// <summary>A JSON response.</summary>
    public static ScriptedResponse Json(int status, string json, params (string Name, string Value)[] headers) =>
        new(status, json, "application/json", headers.ToDictionary(h => h.Name, h => h.Value));
}

/// <summary>
/// A Kestrel server on 127.0.0.1 (random port) that records every request and answers with a script,
/// for asserting exactly what a client puts on the wire.
/// </summary>
public sealed class LoopbackServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private Func<RecordedRequest, ScriptedResponse> _respond;

    private LoopbackServer(WebApplication app, Func<RecordedRequest, ScriptedResponse> respond)
    {
        _app = app;
        _respond = respond;
    }

    /// <summary>The server's base URL, e.g. <c>http://127.0.0.1:5123</c> (no trailing slash).</summary>
    public string BaseUrl { get; private set; } = string.Empty;

    /// <summary>Every request received, in order.</summary>
    public IReadOnlyList<RecordedRequest> Requests => _requests.ToArray();

    /// <summary>Replaces the script.</summary>
    public void Respond(Func<RecordedRequest, ScriptedResponse> respond) => _respond = respond;

    /// <summary>Starts a server answering with <paramref name="respond"/>.</summary>
    public static async Task<LoopbackServer> StartAsync(Func<RecordedRequest, ScriptedResponse> respond)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(System.Net.IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new LoopbackServer(app, respond);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        server.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        return server;
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync();
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var rawTarget = context.Features.Get<IHttpRequestFeature>()!.RawTarget;
        var recorded = new RecordedRequest(context.Request.Method, rawTarget, headers, body, body.Length > 0 || context.Request.ContentType is not null);
        _requests.Enqueue(recorded);

        var response = _respond(recorded);
        context.Response.StatusCode = response.Status;
        foreach (var (name, value) in response.Headers ?? new Dictionary<string, string>())
        {
            context.Response.Headers[name] = value;
        }

        if (response.Body is not null)
        {
            context.Response.ContentType = response.ContentType;
            await context.Response.WriteAsync(response.Body);
        }
    }

    /// <summary>Stops the server.</summary>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
