using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Invoicing.Application.ApiKeys.AuthenticateApiKey;

/// <summary>
/// The <c>ApiKeys</c> configuration section. <see cref="CacheSeconds"/> bounds how long a revoked key can still be
/// accepted by a running instance that revoked it elsewhere (another instance, the <c>keys revoke</c> command):
/// at most that many seconds. 0 turns the cache off. See docs/decisions/0018.
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
/// A revocation in this process forgets the key at once; one anywhere else takes effect within the lifetime.
/// </summary>
internal sealed class ApiKeyCache(TimeProvider time, IOptions<ApiKeyCacheOptions> options)
{
    /// <summary>More live keys than this in a few seconds is not a workload the cache is for: it starts over.</summary>
    private const int MaxEntries = 10_000;

    private readonly ConcurrentDictionary<string, (ApiKeySummary Key, DateTimeOffset Expires)> _entries = new(StringComparer.Ordinal);
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

        if (_entries.Count >= MaxEntries)
        {
            _entries.Clear();
        }

        _entries[hash] = (key, time.GetUtcNow() + _lifetime);
    }

    public void Forget(string hash) => _entries.TryRemove(hash, out _);
}
