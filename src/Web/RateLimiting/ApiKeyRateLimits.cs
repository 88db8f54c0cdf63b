using System.Globalization;
using System.Threading.RateLimiting;
using Invoicing.Application.Common.Metrics;
using Invoicing.Domain.Common;
using Invoicing.Infrastructure.Redis;
using Invoicing.Web.Authentication;
using Invoicing.Web.Errors;
using Microsoft.AspNetCore.RateLimiting;

namespace Invoicing.Web.RateLimiting;

/// <summary>
/// ASP.NET Core's rate limiter, partitioned per API key (display prefix): each key has its own
/// <see cref="KeyTokenBucket"/>, sized by its environment. Requests that did not authenticate have no partition, and
/// the limiter runs after authentication on <c>/v1</c> only, so health endpoints and 401s never count. Without Redis, in
/// this instance's memory: with several instances a key may make up to that many times the rate (README,
/// docs/decisions/0033). With <c>ConnectionStrings:Redis</c>, each partition's bucket is the fleet's, kept in Redis
/// (<see cref="FleetKeyBucket"/>, docs/decisions/0041).
/// </summary>
internal static class ApiKeyRateLimits
{
    public static PartitionedRateLimiter<HttpContext> Create(RateLimitOptions options, TimeProvider time, RedisRateLimitStore shared, InvoicingMetrics metrics)
    {
        Func<(string Prefix, ApiEnvironment Environment), RateLimiter> newBucket = shared.IsConfigured
            ? key => new FleetKeyBucket(key.Prefix, key.Environment, Settings(options, key.Environment), shared, metrics, time)
            : key => new KeyTokenBucket(Settings(options, key.Environment), time);
        return PartitionedRateLimiter.Create<HttpContext, (string Prefix, ApiEnvironment Environment)>(context =>
            AuthenticatedKey.Get(context) is { } key
                ? RateLimitPartition.Get((key.Prefix, key.Environment), newBucket)
                : RateLimitPartition.GetNoLimiter<(string, ApiEnvironment)>(default));
    }

    private static TokenBucketSettings Settings(RateLimitOptions options, ApiEnvironment environment) =>
        environment == ApiEnvironment.Live ? options.Live : options.Test;

    /// <summary>
    /// 429 <c>rate_limited</c> with <c>Retry-After</c>: the wait for the key's next token, rounded up to whole seconds.
    /// Counted by the key's environment (a rejected request always has a key: requests without one have no limit).
    /// </summary>
    public static ValueTask RejectAsync(OnRejectedContext rejected, InvoicingMetrics metrics, CancellationToken cancellationToken)
    {
        if (AuthenticatedKey.Get(rejected.HttpContext) is { } key)
        {
            metrics.RateLimited(key.Environment);
        }

        var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.Zero;
        var seconds = Math.Max(1, (long)Math.Ceiling(wait.TotalSeconds));
        rejected.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return new ValueTask(ApiErrors.WriteAsync(rejected.HttpContext, StatusCodes.Status429TooManyRequests, ApiErrors.TooManyRequests(seconds)));
    }
}
