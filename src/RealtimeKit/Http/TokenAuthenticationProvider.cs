using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;
using RealtimeKit.Configuration;

namespace RealtimeKit.Http;

/// <summary>
/// Adds <c>Authorization: Bearer &lt;token&gt;</c> from the configured token source to each request. A fixed
/// <see cref="RealtimeKitClientOptions.ApiToken"/> was checked when the client was built; a token from a
/// <see cref="RealtimeKitClientOptions.TokenProvider"/> is checked here, before anything is sent, and refused with a
/// <see cref="RealtimeKitClientException"/> that never quotes it.
/// </summary>
internal sealed class TokenAuthenticationProvider(Func<CancellationToken, ValueTask<string>> tokenProvider) : IAuthenticationProvider
{
    public async Task AuthenticateRequestAsync(RequestInformation request, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        string token;
        try
        {
            token = await tokenProvider(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not RealtimeKitClientException && !(e is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            // The provider's own message could hold anything; its type and the inner exception are enough.
            throw new RealtimeKitClientException($"The token provider failed ({e.GetType().Name}); nothing was sent.", e);
        }

        if (string.IsNullOrWhiteSpace(token))
        {
            throw new RealtimeKitClientException("The token provider returned an empty API token; nothing was sent.");
        }

        token = token.Trim();

        // Checked here, because the HTTP stack's own error for a bad header would quote the token.
        if (TokenRules.Problem(token) is { } problem)
        {
            throw new RealtimeKitClientException($"The API token from the token provider {problem}; nothing was sent (the token is not shown).");
        }

        request.Headers.Remove("Authorization");
        request.Headers.Add("Authorization", "Bearer " + token);
    }
}
