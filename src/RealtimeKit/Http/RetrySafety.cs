using Microsoft.Kiota.Abstractions;

namespace RealtimeKit.Http;

/// <summary>
/// Marks a request as safe or unsafe to repeat. Travels from the Kiota request configuration to the
/// <see cref="HttpRequestMessage"/>, where <see cref="RetryHandler"/> reads it. Requests without it are judged by method.
/// </summary>
internal sealed class RetrySafety : IRequestOption
{
    private readonly Action<RequestConfiguration<DefaultQueryParameters>> _configuration;

    private RetrySafety(bool idempotent)
    {
        Idempotent = idempotent;
        _configuration = c => c.Options.Add(this);
    }

    /// <summary>Repeating the request has the same effect as sending it once (kick, mute, get, delete).</summary>
    public static RetrySafety IdempotentRequest { get; } = new(true);

    /// <summary>Repeating the request could do it twice (create a poll, add a participant).</summary>
    public static RetrySafety NonIdempotentRequest { get; } = new(false);

    /// <summary>Whether the request may be repeated after an outcome that leaves its fate unknown.</summary>
    public bool Idempotent { get; }

    /// <summary>What the request carries, or a judgement by method when it carries nothing.</summary>
    public static bool IsIdempotent(HttpRequestMessage request) =>
        KiotaRequestOption.Find<RetrySafety>(request) is { } safety
            ? safety.Idempotent
            : request.Method != HttpMethod.Post && request.Method != HttpMethod.Patch;

    /// <summary>A Kiota request configuration that attaches <paramref name="safety"/>.</summary>
    /// <remarks>Made once per safety, not per call: the facade passes it on every request.</remarks>
    public static Action<RequestConfiguration<DefaultQueryParameters>> Configure(RetrySafety safety) => safety._configuration;

    /// <summary>
    /// A Kiota request configuration for an operation with query parameters: attaches <paramref name="safety"/>
    /// and lets <paramref name="query"/> set the generated query parameter object.
    /// </summary>
    public static Action<RequestConfiguration<TQuery>> Configure<TQuery>(RetrySafety safety, Action<TQuery> query)
        where TQuery : class, new() => c =>
    {
        c.Options.Add(safety);
        query(c.QueryParameters);
    };
}
