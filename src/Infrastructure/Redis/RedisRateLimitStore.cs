using StackExchange.Redis;

namespace Invoicing.Infrastructure.Redis;

/// <summary>
/// Token buckets kept in Redis, so that every instance takes from the same one: one Lua script per decision, atomic on the
/// server, on the server's clock (instances' clocks may differ). The same bucket as the in-memory one: refilled
/// continuously at the rate (which may be fractional), up to the burst, and a refusal says exactly how long until enough
/// tokens are back. Chosen over RedisRateLimiting by measurement (bench/Redis, docs/decisions/0041).
/// </summary>
public sealed class RedisRateLimitStore(RedisConnection redis)
{
    /// <summary>
    /// KEYS[1] the bucket (a hash: tokens, at µs); ARGV rate per second, burst, permits wanted. Returns 0 when granted, else
    /// the wait in microseconds. The bucket expires once it would be full again, so idle keys leave nothing behind.
    /// </summary>
    internal const string Script = """
        local rate = tonumber(ARGV[1])
        local burst = tonumber(ARGV[2])
        local wanted = tonumber(ARGV[3])
        local clock = redis.call('TIME')
        local now = tonumber(clock[1]) * 1000000 + tonumber(clock[2])
        local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
        local tokens = tonumber(state[1])
        local at = tonumber(state[2])
        if tokens == nil or at == nil then
          tokens = burst
          at = now
        end
        if now > at then
          tokens = math.min(burst, tokens + (now - at) * rate / 1000000)
          at = now
        end
        local wait = 0
        if tokens >= wanted then
          tokens = tokens - wanted
        else
          wait = math.ceil((wanted - tokens) * 1000000 / rate)
        end
        redis.call('HSET', KEYS[1], 'tokens', tokens, 'at', at)
        redis.call('PEXPIRE', KEYS[1], math.ceil((burst - tokens) * 1000 / rate) + 1000)
        return wait
        """;

    private const string KeyPrefix = "invoicing:rate:";

    /// <summary>Whether a Redis is configured at all (else the limits stay per instance).</summary>
    public bool IsConfigured => redis.IsConfigured;

    /// <summary>
    /// Takes <paramref name="permits"/> from the fleet's bucket named <paramref name="bucket"/> (a key's display prefix).
    /// Null when Redis did not decide (down, or slower than its timeout): the caller decides on its own.
    /// </summary>
    public async ValueTask<SharedBucketAnswer?> TakeAsync(string bucket, double permitsPerSecond, int burst, int permits)
    {
        if (!redis.ShouldTry() || redis.Multiplexer is not { } multiplexer)
        {
            return null;
        }

        var sentAt = redis.Now();
        try
        {
            var result = await multiplexer.GetDatabase().ScriptEvaluateAsync(
                Script,
                [KeyPrefix + bucket],
                [permitsPerSecond, burst, permits]);
            redis.Answered(sentAt);
            var waitMicroseconds = (long)result;
            return new SharedBucketAnswer(waitMicroseconds <= 0, TimeSpan.FromMicroseconds(Math.Max(0, waitMicroseconds)));
        }
        catch (Exception e) when (e is RedisException or TimeoutException or ObjectDisposedException)
        {
            redis.Failed(e.GetType().Name, sentAt);
            return null;
        }
    }
}

/// <summary>Redis's decision: granted, or refused with the wait until enough tokens are back.</summary>
public readonly record struct SharedBucketAnswer(bool Granted, TimeSpan RetryAfter);
