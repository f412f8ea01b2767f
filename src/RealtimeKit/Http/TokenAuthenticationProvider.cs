using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;

namespace RealtimeKit.Http;

/// <summary>Adds <c>Authorization: Bearer &lt;token&gt;</c> from the configured token source to each request.</summary>
internal sealed class TokenAuthenticationProvider(Func<CancellationToken, ValueTask<string>> tokenProvider) : IAuthenticationProvider
{
    public async Task AuthenticateRequestAsync(RequestInformation request, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var token = await tokenProvider(cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrWhiteSpace(token))
        {
            throw new InvalidOperationException("The token provider returned an empty API token.");
        }

        // Checked here, because the HTTP stack's own error for a bad header would quote the token.
        if (token.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)))
        {
            throw new InvalidOperationException("The API token contains whitespace or control characters, which an HTTP header cannot carry.");
        }

        request.Headers.Remove("Authorization");
        request.Headers.Add("Authorization", "Bearer " + token);
    }
}
