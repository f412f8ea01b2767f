using System.Collections.Concurrent;
using System.Net;

namespace RealtimeKit.Tests.Support;

/// <summary>An innermost handler that plays a script per attempt: a response, or a transport failure.</summary>
internal sealed class ScriptedTransport : HttpMessageHandler
{
    private readonly ConcurrentQueue<Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>>> _script = new();

    public List<HttpRequestMessage> Requests { get; } = [];

    public List<string?> Bodies { get; } = [];

    public ScriptedTransport Respond(HttpStatusCode status, string? body = null, params (string Name, string Value)[] headers)
    {
        _script.Enqueue((_, _) =>
        {
            var response = new HttpResponseMessage(status);
            if (body is not null)
            {
                response.Content = new StringContent(body, System.Text.Encoding.UTF8, body.TrimStart().StartsWith('<') ? "text/html" : "application/json");
            }

            foreach (var (name, value) in headers)
            {
                response.Headers.TryAddWithoutValidation(name, value);
            }

            return Task.FromResult(response);
        });
        return this;
    }

    public ScriptedTransport Fail(HttpRequestError error) => Then((_, _) => throw new HttpRequestException(error, $"Simulated {error}."));

    /// <summary>An attempt that never answers until it is cancelled.</summary>
    public ScriptedTransport Hang() => Then(async (_, ct) =>
    {
        await Task.Delay(Timeout.InfiniteTimeSpan, ct);
        throw new InvalidOperationException("unreachable");
    });

    public ScriptedTransport Then(Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> step)
    {
        _script.Enqueue(step);
        return this;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        lock (Requests)
        {
            Requests.Add(request);
        }

        Bodies.Add(request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken));
        if (!_script.TryDequeue(out var step))
        {
            throw new InvalidOperationException($"No scripted answer left for attempt {Requests.Count}.");
        }

        var response = await step(request, cancellationToken);
        response.RequestMessage = request;
        return response;
    }
}
