using System.Security.Cryptography;
using System.Text;
using Invoicing.Domain.Common;

namespace Invoicing.Domain.ApiKeys;

/// <summary>
/// A secret that authenticates requests for one environment. Only its SHA-256 hash and a
/// short display prefix are kept; the secret itself exists once, when it is issued.
/// Keys are not environment-scoped data: they are what chooses the environment.
/// </summary>
public sealed class ApiKey
{
    public const int RandomPartLength = 32;
    public const int DisplayRandomLength = 8;
    public const int NameMaxLength = 100;
    private const string Base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private ApiKey(Guid id, ApiEnvironment environment, string? name, string prefix, string hash, DateTimeOffset createdAt)
    {
        Id = id;
        Environment = environment;
        Name = name;
        Prefix = prefix;
        Hash = hash;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }

    public ApiEnvironment Environment { get; private set; }

    public string? Name { get; private set; }

    /// <summary>The first characters of the key (<c>sk_test_Ab12Cd34</c>): enough to recognise it, useless to use it.</summary>
    public string Prefix { get; private set; }

    /// <summary>Lowercase hex SHA-256 of the whole key.</summary>
    public string Hash { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public bool IsRevoked => RevokedAt is not null;

    /// <summary>Issues a new key. The plaintext is returned once and never stored.</summary>
    public static (ApiKey Key, string Secret) Issue(ApiEnvironment environment, string? name, DateTimeOffset now)
    {
        if (name is not null && Text.Length(name) > NameMaxLength)
        {
            throw new DomainException("A key name has at most 100 characters.");
        }

        var secret = EnvironmentPrefix(environment) + RandomNumberGenerator.GetString(Base62, RandomPartLength);
        var key = new ApiKey(Guid.CreateVersion7(now), environment, name, DisplayPrefix(secret), HashOf(secret), now);
        return (key, secret);
    }

    /// <summary>
    /// Stores a key chosen in advance (a bootstrap key from configuration) the same way as an issued one: only
    /// its hash and display prefix. The key must be well formed and its prefix must name <paramref name="environment"/>.
    /// The messages never contain the key.
    /// </summary>
    public static ApiKey FromKnownSecret(string secret, ApiEnvironment environment, string? name, DateTimeOffset now)
    {
        if (!TryParseEnvironment(secret, out var prefixEnvironment))
        {
            throw new DomainException("A known key must be sk_test_ or sk_live_ followed by 32 to 128 base62 characters.");
        }

        if (prefixEnvironment != environment)
        {
            throw new DomainException($"A key that starts with {EnvironmentPrefix(prefixEnvironment)} cannot belong to the {environment.ToString().ToLowerInvariant()} environment.");
        }

        if (name is not null && Text.Length(name) > NameMaxLength)
        {
            throw new DomainException("A key name has at most 100 characters.");
        }

        return new ApiKey(Guid.CreateVersion7(now), environment, name, DisplayPrefix(secret), HashOf(secret), now);
    }

    public void Revoke(DateTimeOffset now) => RevokedAt ??= now;

    public static string EnvironmentPrefix(ApiEnvironment environment) =>
        environment == ApiEnvironment.Live ? "sk_live_" : "sk_test_";

    /// <summary>
    /// Reads a presented key's environment from its prefix; false when the key is not of the
    /// form <c>sk_test_|sk_live_</c> followed by 32 to 128 base62 characters.
    /// </summary>
    public static bool TryParseEnvironment(string presented, out ApiEnvironment environment)
    {
        environment = presented.StartsWith("sk_live_", StringComparison.Ordinal) ? ApiEnvironment.Live : ApiEnvironment.Test;
        var random = presented.AsSpan(Math.Min(presented.Length, 8));
        return (presented.StartsWith("sk_test_", StringComparison.Ordinal) || presented.StartsWith("sk_live_", StringComparison.Ordinal))
            && random.Length is >= RandomPartLength and <= 128
            && !random.ContainsAnyExcept(Base62);
    }

    public static string HashOf(string secret) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>The first 16 characters of a well-formed key: what may be shown and logged of it.</summary>
    public static string DisplayPrefix(string secret) => secret[..(8 + DisplayRandomLength)];
}
