using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Invoicing.Application.ApiKeys.AuthenticateApiKey;

/// <summary>
/// The <c>ApiKeys</c> configuration section. <see cref="CacheSeconds"/> bounds how long a revoked key can still be
/// accepted by a running instance when it was revoked elsewhere (another instance, the <c>keys revoke</c> command) and no
/// Redis carries the revocation: at most that many seconds. 0 turns the cache off. See docs/decisions/0018 and 0041.
/// </summary>
public sealed class ApiKeyCacheOptions
{
    public const string Section = "ApiKeys";

    public const int MaxCacheSeconds = 60;

    public int CacheSeconds { get; set; } = 5;
}

/// <summary>
/// Remembers, for a few seconds, which live key a presented key's hash belongs to, so that an authenticated request
/// does not pay a database round trip for its key. Only found keys are remembered (an unknown key always asks the
/// database, so a new key works at once and random keys cannot fill the memory), by hash (never the key itself).
/// A revocation in this process, or one heard of through <see cref="IApiKeyRevocations"/> (Redis), forgets the key at once;
/// one anywhere else takes effect within the lifetime (docs/decisions/0018, 0041).
/// </summary>
public sealed class ApiKeyCache(TimeProvider time, IOptions<ApiKeyCacheOptions> options)
{
    /// <summary>More live keys than this in a few seconds is not a workload the cache is for: it starts over.</summary>
    private const int MaxEntries = 10_000;

    private readonly ConcurrentDictionary<string, (ApiKeySummary Key, DateTimeOffset Expires)> _entries = new(StringComparer.Ordinal);

    /// <summary>Prefixes revoked in the last lifetime: never remembered again meanwhile (a read racing the revocation's commit).</summary>
    private readonly ConcurrentDictionary<string, DateTimeOffset> _revoked = new(StringComparer.Ordinal);
    private readonly TimeSpan _lifetime = TimeSpan.FromSeconds(options.Value.CacheSeconds);

    public bool TryGet(string hash, out ApiKeySummary key)
    {
        if (_entries.TryGetValue(hash, out var entry) && entry.Expires > time.GetUtcNow())
        {
            key = entry.Key;
            return true;
        }

        key = null!;
        return false;
    }

    public void Remember(string hash, ApiKeySummary key)
    {
        if (_lifetime <= TimeSpan.Zero)
        {
            return;
        }

        if (!_revoked.IsEmpty && _revoked.TryGetValue(key.Prefix, out var until) && until > time.GetUtcNow())
        {
            return;
        }

        if (_entries.Count >= MaxEntries)
        {
            _entries.Clear();
        }

        _entries[hash] = (key, time.GetUtcNow() + _lifetime);
    }

    /// <summary>
    /// Forgets the key with this display prefix, revoked here or on another instance, and does not remember it again for a
    /// lifetime: a request that read the key before the revocation was committed cannot put it back.
    /// </summary>
    public void Revoked(string prefix)
    {
        var now = time.GetUtcNow();
        foreach (var (revoked, until) in _revoked)
        {
            if (until <= now)
            {
                _revoked.TryRemove(revoked, out _);
            }
        }

        if (_lifetime > TimeSpan.Zero)
        {
            _revoked[prefix] = now + _lifetime;
        }

        foreach (var (hash, entry) in _entries)
        {
            if (entry.Key.Prefix == prefix)
            {
                _entries.TryRemove(hash, out _);
            }
        }
    }
}
