using System.Security.Cryptography;
using System.Text;
using Invoicing.Application.Webhooks;
using Microsoft.Extensions.Options;

namespace Invoicing.Infrastructure.Webhooks;

/// <summary>
/// Endpoint secrets encrypted at rest with AES-256-GCM (docs/decisions/0016). Stored form:
/// <c>v1.</c> + base64(12-byte nonce ‖ 16-byte tag ‖ ciphertext). The key is <see cref="WebhookOptions.SecretKey"/>;
/// outside Production, when it is unset, a fixed development key is used (it is public: it protects nothing).
/// </summary>
internal sealed class AesGcmSecretProtector(IOptions<WebhookOptions> options) : IWebhookSecretProtector
{
    private const string Version = "v1.";
    private const int NonceSize = 12;
    private const int TagSize = 16;

    /// <summary>SHA-256 of a published phrase: only for Development and tests, never for real secrets.</summary>
    internal static readonly byte[] DevelopmentKey = SHA256.HashData("invoicing development webhook secret key (not secret)"u8);

    private readonly byte[] _key = KeyOf(options.Value) ?? DevelopmentKey;

    public static byte[]? KeyOf(WebhookOptions options) =>
        string.IsNullOrWhiteSpace(options.SecretKey) ? null : Convert.FromBase64String(options.SecretKey);

    public string Protect(string secret) => Version + Convert.ToBase64String(Seal(Encoding.UTF8.GetBytes(secret)));

    public string Unprotect(string protectedSecret)
    {
        if (!protectedSecret.StartsWith(Version, StringComparison.Ordinal))
        {
            throw new CryptographicException("Unknown protected secret format.");
        }

        return Encoding.UTF8.GetString(Open(Convert.FromBase64String(protectedSecret[Version.Length..])));
    }

    /// <summary>nonce ‖ tag ‖ ciphertext of <paramref name="plain"/> (also for the stored answers of idempotent requests).</summary>
    public byte[] Seal(ReadOnlySpan<byte> plain)
    {
        var sealedBytes = new byte[NonceSize + TagSize + plain.Length];
        var nonce = sealedBytes.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_key, TagSize);
        aes.Encrypt(nonce, plain, sealedBytes.AsSpan(NonceSize + TagSize), sealedBytes.AsSpan(NonceSize, TagSize));
        return sealedBytes;
    }

    /// <summary>The plain bytes of what <see cref="Seal"/> made; throws when they were changed or sealed with another key.</summary>
    public byte[] Open(ReadOnlySpan<byte> sealedBytes)
    {
        var plain = new byte[sealedBytes.Length - NonceSize - TagSize];
        using var aes = new AesGcm(_key, TagSize);
        aes.Decrypt(sealedBytes[..NonceSize], sealedBytes[(NonceSize + TagSize)..], sealedBytes.Slice(NonceSize, TagSize), plain);
        return plain;
    }
}
