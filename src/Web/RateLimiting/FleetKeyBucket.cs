using System.Threading.RateLimiting;
using Invoicing.Application.Common.Metrics;
using Invoicing.Domain.Common;
using Invoicing.Infrastructure.Redis;

namespace Invoicing.Web.RateLimiting;

/// <summary>
/// One API key's bucket for the whole fleet, when <c>ConnectionStrings:Redis</c> is set: Redis decides
/// (<see cref="RedisRateLimitStore"/>), with the same rate, burst and exact <see cref="MetadataName.RetryAfter"/> as the
/// in-memory <see cref="KeyTokenBucket"/>. While Redis does not answer, that in-memory bucket of this instance decides
/// instead, and each such decision is counted (<c>invoicing.rate_limit.decisions_without_redis</c>): the service keeps
/// serving, limited per instance (docs/decisions/0041).
/// </summary>
/// <remarks>
/// A Redis decision is a round trip, so the synchronous attempt the rate-limiting middleware makes first is refused
/// without metadata (<see cref="AskRedis"/>) and the middleware then asks <see cref="AcquireAsyncCore"/>, as it does for a
/// limiter that queues. While Redis is down, that asks no one and completes at once.
/// </remarks>
internal sealed class FleetKeyBucket(
    string bucket,
    ApiEnvironment environment,
    TokenBucketSettings settings,
    RedisRateLimitStore shared,
    InvoicingMetrics metrics,
    TimeProvider time) : RateLimiter
{
    private static readonly RateLimitLease AskRedis = new Lease(null);
    private static readonly RateLimitLease Granted = new Lease(null, granted: true);

    private readonly KeyTokenBucket _local = new(settings, time);
    private long _lastUsed = time.GetTimestamp();

    /// <summary>Idle once its local bucket is full and it has not been used for a while: the partitioned limiter may drop it.</summary>
    public override TimeSpan? IdleDuration => _local.IdleDuration is null ? null : time.GetElapsedTime(Interlocked.Read(ref _lastUsed));

    public override RateLimiterStatistics? GetStatistics() => _local.GetStatistics();

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        Interlocked.Exchange(ref _lastUsed, time.GetTimestamp());
        return permitCount == 0 ? Granted : AskRedis;
    }

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        Interlocked.Exchange(ref _lastUsed, time.GetTimestamp());
        if (await shared.TakeAsync(bucket, settings.PermitsPerSecond, settings.Burst, permitCount) is { } answer)
        {
            return answer.Granted ? Granted : new Lease(answer.RetryAfter);
        }

        metrics.RateLimitDecisionWithoutRedis(environment);
        return _local.AttemptAcquire(permitCount);
    }

    /// <summary>Granted, or refused with the wait for the next token (none: the synchronous attempt that defers to Redis).</summary>
    private sealed class Lease(TimeSpan? retryAfter, bool granted = false) : RateLimitLease
    {
        public override bool IsAcquired => granted;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = metadataName == MetadataName.RetryAfter.Name ? retryAfter : null;
            return metadata is not null;
        }
    }
}
