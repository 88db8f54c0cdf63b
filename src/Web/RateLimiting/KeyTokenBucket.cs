using System.Threading.RateLimiting;

namespace Invoicing.Web.RateLimiting;

/// <summary>
/// One API key's token bucket: <see cref="TokenBucketSettings.Burst"/> tokens, refilled continuously at
/// <see cref="TokenBucketSettings.PermitsPerSecond"/>, on the service's <see cref="TimeProvider"/> (tests move it). A refusal
/// carries the exact wait for the next token (<see cref="MetadataName.RetryAfter"/>). The platform's
/// <see cref="TokenBucketRateLimiter"/> reads the machine's clock and rounds that wait up to whole replenishment periods
/// (docs/decisions/0033).
/// </summary>
internal sealed class KeyTokenBucket(TokenBucketSettings settings, TimeProvider time) : RateLimiter
{
    private static readonly RateLimitLease Granted = new Lease(null);

    private readonly Lock _lock = new();
    private readonly double _rate = settings.PermitsPerSecond;
    private readonly double _burst = settings.Burst;
    private double _tokens = settings.Burst;
    private long _last = time.GetTimestamp();

    /// <summary>How long the bucket has been full, if it is: a full bucket is a new one, and the partitioned limiter drops it after a while.</summary>
    public override TimeSpan? IdleDuration
    {
        get
        {
            lock (_lock)
            {
                var full = time.GetElapsedTime(_last) - TimeSpan.FromSeconds((_burst - _tokens) / _rate);
                return full >= TimeSpan.Zero ? full : null;
            }
        }
    }

    public override RateLimiterStatistics GetStatistics()
    {
        lock (_lock)
        {
            return new RateLimiterStatistics { CurrentAvailablePermits = (long)Refill() };
        }
    }

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        lock (_lock)
        {
            if (Refill() >= permitCount)
            {
                _tokens -= permitCount;
                return Granted;
            }

            return new Lease(TimeSpan.FromSeconds((permitCount - _tokens) / _rate));
        }
    }

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
        ValueTask.FromResult(AttemptAcquireCore(permitCount));

    private double Refill()
    {
        var now = time.GetTimestamp();
        if (now > _last)
        {
            _tokens = Math.Min(_burst, _tokens + ((now - _last) / (double)time.TimestampFrequency * _rate));
            _last = now;
        }

        return _tokens;
    }

    /// <summary>Granted when <paramref name="retryAfter"/> is null; otherwise refused, with the wait for the next token.</summary>
    private sealed class Lease(TimeSpan? retryAfter) : RateLimitLease
    {
        public override bool IsAcquired => retryAfter is null;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = metadataName == MetadataName.RetryAfter.Name ? retryAfter : null;
            return metadata is not null;
        }
    }
}
