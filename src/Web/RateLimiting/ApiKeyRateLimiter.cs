using System.Collections.Concurrent;
using Invoicing.Domain.Common;
using Microsoft.Extensions.Options;

namespace Invoicing.Web.RateLimiting;

/// <summary>
/// One token bucket per API key (by display prefix), in this instance's memory: with several instances a
/// key may make up to that many times the configured rate (README, docs/decisions/0011). Time comes from
/// <see cref="TimeProvider"/>, so tests can move it.
/// </summary>
internal sealed class ApiKeyRateLimiter(IOptions<RateLimitOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, TokenBucket> _buckets = new(StringComparer.Ordinal);

    /// <summary>Takes one token from the key's bucket; when it is empty, says in how many whole seconds the next token is there.</summary>
    public bool TryAcquire(string keyPrefix, ApiEnvironment environment, out long retryAfterSeconds)
    {
        var bucket = _buckets.GetOrAdd(keyPrefix, _ => new TokenBucket(environment == ApiEnvironment.Live ? options.Value.Live : options.Value.Test, time.GetTimestamp()));
        return bucket.TryTake(time.GetTimestamp(), time.TimestampFrequency, out retryAfterSeconds);
    }

    private sealed class TokenBucket(TokenBucketSettings settings, long now)
    {
        private readonly Lock _lock = new();
        private readonly double _rate = settings.PermitsPerSecond;
        private readonly double _burst = settings.Burst;
        private double _tokens = settings.Burst;
        private long _last = now;

        public bool TryTake(long now, long frequency, out long retryAfterSeconds)
        {
            lock (_lock)
            {
                if (now > _last)
                {
                    _tokens = Math.Min(_burst, _tokens + ((now - _last) / (double)frequency * _rate));
                    _last = now;
                }

                if (_tokens >= 1)
                {
                    _tokens -= 1;
                    retryAfterSeconds = 0;
                    return true;
                }

                retryAfterSeconds = Math.Max(1, (long)Math.Ceiling((1 - _tokens) / _rate));
                return false;
            }
        }
    }
}
