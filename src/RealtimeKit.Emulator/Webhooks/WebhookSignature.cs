using System.Security.Cryptography;

namespace RealtimeKit.Emulator.Webhooks;

/// <summary>
/// How the emulator signs webhook deliveries, and how a receiver verifies them: the <c>rtk-signature</c> header
/// holds the base64 RSA-SHA256 (PKCS#1 v1.5) signature of the exact request body bytes, made with the
/// emulator's private key; receivers verify it with the emulator's public key (PEM,
/// or <c>GET /_emulator/webhooks/public-key</c>). This scheme is the emulator's own: check your production
/// verifier against Cloudflare's documentation.
/// </summary>
public static class WebhookSignature
{
    /// <summary>The header carrying the signature.</summary>
    public const string HeaderName = "rtk-signature";

    /// <summary>Whether <paramref name="signature"/> (the header's value) signs <paramref name="body"/> for the key in <paramref name="publicKeyPem"/>.</summary>
    /// <param name="publicKeyPem">The emulator's public key, PEM (<c>-----BEGIN PUBLIC KEY-----</c>).</param>
    /// <param name="body">The request body exactly as received.</param>
    /// <param name="signature">The <c>rtk-signature</c> header's value.</param>
    /// <returns>True when the signature is valid; false for a wrong, malformed or missing one.</returns>
    public static bool Verify(string publicKeyPem, ReadOnlySpan<byte> body, string? signature)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(publicKeyPem);
        if (string.IsNullOrWhiteSpace(signature))
        {
            return false;
        }

        var bytes = new byte[signature.Length];
        if (!Convert.TryFromBase64String(signature.Trim(), bytes, out var length))
        {
            return false;
        }

        using var rsa = RSA.Create();
        rsa.ImportFromPem(publicKeyPem);
        return rsa.VerifyData(body, bytes.AsSpan(0, length), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
    }
}

/// <summary>The emulator's signing key: one RSA key per running emulator.</summary>
internal sealed class WebhookSigner : IDisposable
{
    private readonly RSA _key = RSA.Create(2048);

    public string PublicKeyPem => _key.ExportSubjectPublicKeyInfoPem();

    public string Sign(byte[] body) => Convert.ToBase64String(_key.SignData(body, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));

    public void Dispose() => _key.Dispose();
}
