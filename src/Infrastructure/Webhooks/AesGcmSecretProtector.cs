using System.Security.Cryptography;
using System.Text;
using Invoicing.Application.Webhooks;
using Microsoft.Extensions.Options;

namespace Invoicing.Infrastructure.Webhooks;

/// <summary>
/// Endpoint secrets and stored idempotent answers encrypted at rest with AES-256-GCM under one of several keys
/// (docs/decisions/0016, 0037). The first key of <see cref="WebhookOptions.SecretKeys"/> (the newest) seals; any configured
/// key opens. Each key has an id derived from the key itself (<see cref="KeyIdOf(byte[])"/>), so two different keys can
/// never share an id. Stored form of a secret: <c>v2.</c> + key id + <c>.</c> + base64(12-byte nonce ‖ 16-byte tag ‖
/// ciphertext); the older <c>v1.</c> + base64(…) carries no key id and is opened by whichever configured key fits.
/// Outside Production, when no key is set, a fixed development key is used (it is public: it protects nothing).
/// </summary>
public sealed class AesGcmSecretProtector : IWebhookSecretProtector
{
    private const string Version1 = "v1.";
    private const string Version2 = "v2.";
    private const int NonceSize = 12;
    private const int TagSize = 16;

    /// <summary>SHA-256 of a published phrase: only for Development and tests, never for real secrets.</summary>
    internal static readonly byte[] DevelopmentKey = SHA256.HashData("invoicing development webhook secret key (not secret)"u8);

    private readonly (string Id, byte[] Key)[] _keys;

    public AesGcmSecretProtector(IOptions<WebhookOptions> options)
    {
        var keys = KeysOf(options.Value);
        _keys = keys.Count == 0 ? [(KeyIdOf(DevelopmentKey), DevelopmentKey)] : [.. keys.Select(k => (KeyIdOf(k), k))];
    }

    /// <summary>The id of the key that seals: the first configured.</summary>
    public string PrimaryKeyId => _keys[0].Id;

    /// <summary>The ids of every configured key, the sealing one first.</summary>
    public IReadOnlyList<string> KeyIds => [.. _keys.Select(k => k.Id)];

    /// <summary>
    /// The configured keys, newest first: those of <see cref="WebhookOptions.SecretKeys"/>, then
    /// <see cref="WebhookOptions.SecretKey"/> unless it is one of them. Assumes the options were validated.
    /// </summary>
    public static IReadOnlyList<byte[]> KeysOf(WebhookOptions options)
    {
        var keys = WebhookOptions.Split(options.SecretKeys).Select(Convert.FromBase64String).ToList();
        if (!string.IsNullOrWhiteSpace(options.SecretKey))
        {
            var single = Convert.FromBase64String(options.SecretKey.Trim());
            if (!keys.Any(k => CryptographicOperations.FixedTimeEquals(k, single)))
            {
                keys.Add(single);
            }
        }

        return keys;
    }

    /// <summary>
    /// A key's id: the first 6 bytes (12 hex digits) of HMAC-SHA256 under the key of a fixed label. It names the key in
    /// stored values, logs and the <c>secrets</c> command, and reveals nothing of it.
    /// </summary>
    public static string KeyIdOf(byte[] key) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(key, "invoicing webhook key id"u8)[..6]);

    /// <summary>The key id written in a stored secret, or null for a <c>v1.</c> secret (which names none).</summary>
    public static string? KeyIdOf(string protectedSecret) =>
        protectedSecret.StartsWith(Version2, StringComparison.Ordinal) && protectedSecret.IndexOf('.', Version2.Length) is var dot and > 0
            ? protectedSecret[Version2.Length..dot]
            : null;

    /// <summary>How a secret sealed with the key <paramref name="keyId"/> begins.</summary>
    public static string PrefixOf(string keyId) => Version2 + keyId + ".";

    public string Protect(string secret)
    {
        var (keyId, sealedBytes) = Seal(Encoding.UTF8.GetBytes(secret));
        return PrefixOf(keyId) + Convert.ToBase64String(sealedBytes);
    }

    /// <exception cref="SecretKeyMissingException">No configured key opens it.</exception>
    public string Unprotect(string protectedSecret)
    {
        if (protectedSecret.StartsWith(Version1, StringComparison.Ordinal))
        {
            return Encoding.UTF8.GetString(Open(null, Convert.FromBase64String(protectedSecret[Version1.Length..])));
        }

        if (KeyIdOf(protectedSecret) is { } keyId)
        {
            return Encoding.UTF8.GetString(Open(keyId, Convert.FromBase64String(protectedSecret[PrefixOf(keyId).Length..])));
        }

        throw new CryptographicException("Unknown protected secret format.");
    }

    /// <summary>nonce ‖ tag ‖ ciphertext of <paramref name="plain"/> under the sealing key, and that key's id.</summary>
    public (string KeyId, byte[] Sealed) Seal(ReadOnlySpan<byte> plain)
    {
        var (id, key) = _keys[0];
        var sealedBytes = new byte[NonceSize + TagSize + plain.Length];
        var nonce = sealedBytes.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagSize);
        aes.Encrypt(nonce, plain, sealedBytes.AsSpan(NonceSize + TagSize), sealedBytes.AsSpan(NonceSize, TagSize));
        return (id, sealedBytes);
    }

    /// <summary>
    /// The plain bytes of what <see cref="Seal"/> made with the key <paramref name="keyId"/>; null for values sealed
    /// before keys had ids (any configured key that fits opens them).
    /// </summary>
    /// <exception cref="SecretKeyMissingException">The key is not configured, or no configured key fits.</exception>
    /// <exception cref="CryptographicException">The value was changed.</exception>
    public byte[] Open(string? keyId, ReadOnlySpan<byte> sealedBytes)
    {
        if (sealedBytes.Length < NonceSize + TagSize)
        {
            throw new CryptographicException("The sealed value is too short.");
        }

        foreach (var (id, key) in _keys)
        {
            if (keyId is not null && id != keyId)
            {
                continue;
            }

            var plain = new byte[sealedBytes.Length - NonceSize - TagSize];
            using var aes = new AesGcm(key, TagSize);
            try
            {
                aes.Decrypt(sealedBytes[..NonceSize], sealedBytes[(NonceSize + TagSize)..], sealedBytes.Slice(NonceSize, TagSize), plain);
                return plain;
            }
            catch (AuthenticationTagMismatchException) when (keyId is null)
            {
                // A v1 value: try the next key.
            }
        }

        throw new SecretKeyMissingException(keyId);
    }

    /// <summary>Whether a configured key opens it (see <see cref="Open"/>).</summary>
    public bool CanOpen(string? keyId, ReadOnlySpan<byte> sealedBytes)
    {
        try
        {
            Open(keyId, sealedBytes);
            return true;
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    /// <summary>Whether a configured key opens this stored secret.</summary>
    public bool CanUnprotect(string protectedSecret)
    {
        try
        {
            Unprotect(protectedSecret);
            return true;
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return false;
        }
    }
}

/// <summary>A stored value was sealed with a key that is not configured (or, for a value without key id, with none that is).</summary>
public sealed class SecretKeyMissingException(string? keyId)
    : CryptographicException(keyId is null
        ? "The value was sealed before keys had ids (v1), and none of the configured keys opens it."
        : $"The value was sealed with the key {keyId}, which is not configured.")
{
    /// <summary>Null for a value sealed before keys had ids.</summary>
    public string? KeyId { get; } = keyId;
}
