using System.Diagnostics.Metrics;
using Invoicing.Domain.Common;

namespace Invoicing.Application.Common.Metrics;

/// <summary>
/// The service's own instruments, all on one <see cref="Meter"/> named <see cref="MeterName"/> and all created here
/// (docs/operations.md "Metrics", docs/decisions/0038). Whoever sees the thing happen calls one method, which is one
/// <c>Counter.Add</c> with tags made once: the rate limiter's rejection, the idempotency middleware's replay or
/// conflict, the webhook worker's recorded attempt and its take-over of a lapsed claim, a rate-limit decision taken
/// without the configured Redis. The webhook gauges read the <see cref="IWebhookBacklog"/> when scraped, the Redis gauge
/// the <see cref="IRedisReachability"/>.
/// </summary>
public sealed class InvoicingMetrics
{
    public const string MeterName = "Invoicing";

    public const string RateLimitRejections = "invoicing.rate_limit.rejections";
    public const string IdempotentReplays = "invoicing.idempotency.replays";
    public const string IdempotencyConflicts = "invoicing.idempotency.conflicts";
    public const string WebhookAttempts = "invoicing.webhook.delivery_attempts";
    public const string WebhookClaimsTakenOver = "invoicing.webhook.claims_taken_over";
    public const string WebhookPending = "invoicing.webhook.deliveries_pending";
    public const string WebhookOldestPendingAge = "invoicing.webhook.oldest_pending_age";
    public const string RateLimitDecisionsWithoutRedis = "invoicing.rate_limit.decisions_without_redis";
    public const string RedisReachable = "invoicing.redis.reachable";

    private static readonly KeyValuePair<string, object?> Test = new("environment", "test");
    private static readonly KeyValuePair<string, object?> Live = new("environment", "live");
    private static readonly KeyValuePair<string, object?> Delivered = new("outcome", "delivered");
    private static readonly KeyValuePair<string, object?> Retrying = new("outcome", "retrying");
    private static readonly KeyValuePair<string, object?> Failed = new("outcome", "failed");

    private readonly Counter<long> _rateLimitRejections;
    private readonly Counter<long> _idempotentReplays;
    private readonly Counter<long> _idempotencyConflicts;
    private readonly Counter<long> _webhookAttempts;
    private readonly Counter<long> _webhookClaimsTakenOver;
    private readonly Counter<long> _decisionsWithoutRedis;

    public InvoicingMetrics(IMeterFactory meters, IWebhookBacklog backlog, TimeProvider time, IRedisReachability redis)
    {
        var meter = meters.Create(MeterName);
        _rateLimitRejections = meter.CreateCounter<long>(RateLimitRejections, "{request}", "Requests refused with 429 rate_limited, by the key's environment.");
        _idempotentReplays = meter.CreateCounter<long>(IdempotentReplays, "{request}", "Requests answered with the stored answer of an earlier request with the same Idempotency-Key.");
        _idempotencyConflicts = meter.CreateCounter<long>(IdempotencyConflicts, "{request}", "Requests refused because of their Idempotency-Key, by error code (409 idempotency_key_in_use, 422 idempotency_key_reused).");
        _webhookAttempts = meter.CreateCounter<long>(WebhookAttempts, "{attempt}", "Webhook delivery attempts recorded, by outcome: delivered, retrying (failed, another attempt is scheduled), failed (failed, the delivery is given up).");
        _webhookClaimsTakenOver = meter.CreateCounter<long>(
            WebhookClaimsTakenOver,
            "{delivery}",
            "Webhook deliveries claimed after another worker's claim on them lapsed unrecorded: its instance died, stalled or lost the database mid-send (Webhooks:ClaimLease).");
        meter.CreateObservableGauge(
            WebhookPending,
            () => Pending(backlog),
            "{delivery}",
            "Webhook deliveries not delivered and not given up yet, in the whole database (read at most every few seconds).");
        meter.CreateObservableGauge(
            WebhookOldestPendingAge,
            () => OldestPendingAge(backlog, time),
            "s",
            "How long the oldest pending webhook delivery has been waiting since its event; 0 when none is pending.");
        _decisionsWithoutRedis = meter.CreateCounter<long>(
            RateLimitDecisionsWithoutRedis,
            "{request}",
            "Rate-limit decisions this instance took with its own per-instance buckets because the configured Redis was unreachable, by the key's environment (none without ConnectionStrings:Redis).");
        meter.CreateObservableGauge(
            RedisReachable,
            () => Reachable(redis),
            null, // no unit: "1" would make Prometheus' name invoicing_redis_reachable_ratio
            "1 while the configured Redis (shared rate limits, revocations) answers, 0 while it does not; absent without ConnectionStrings:Redis.");
    }

    public void RateLimited(ApiEnvironment environment) => _rateLimitRejections.Add(1, Tag(environment));

    /// <summary>A rate-limit decision taken by this instance's own bucket because the configured Redis did not answer.</summary>
    public void RateLimitDecisionWithoutRedis(ApiEnvironment environment) => _decisionsWithoutRedis.Add(1, Tag(environment));

    public void IdempotentReplay(ApiEnvironment environment) => _idempotentReplays.Add(1, Tag(environment));

    /// <param name="environment">The environment of the request's key.</param>
    /// <param name="code">The error code answered: <c>idempotency_key_in_use</c> or <c>idempotency_key_reused</c>.</param>
    public void IdempotencyConflict(ApiEnvironment environment, string code) =>
        _idempotencyConflicts.Add(1, Tag(environment), new KeyValuePair<string, object?>("code", code));

    public void WebhookAttempt(WebhookDeliveryResult outcome) => _webhookAttempts.Add(1, outcome switch
    {
        WebhookDeliveryResult.Delivered => Delivered,
        WebhookDeliveryResult.Retrying => Retrying,
        _ => Failed,
    });

    /// <param name="deliveries">How many deliveries one claim took over.</param>
    public void WebhookTakeOvers(int deliveries) => _webhookClaimsTakenOver.Add(deliveries);

    private static KeyValuePair<string, object?> Tag(ApiEnvironment environment) => environment == ApiEnvironment.Live ? Live : Test;

    private static IEnumerable<Measurement<int>> Reachable(IRedisReachability redis)
    {
        if (redis.Reachable is { } reachable)
        {
            yield return new(reachable ? 1 : 0);
        }
    }

    private static IEnumerable<Measurement<long>> Pending(IWebhookBacklog backlog)
    {
        if (backlog.Read() is { } reading)
        {
            yield return new(reading.Pending);
        }
    }

    private static IEnumerable<Measurement<double>> OldestPendingAge(IWebhookBacklog backlog, TimeProvider time)
    {
        if (backlog.Read() is { } reading)
        {
            yield return new(reading.OldestCreatedAt is { } oldest ? Math.Max(0, (time.GetUtcNow() - oldest).TotalSeconds) : 0);
        }
    }
}

public enum WebhookDeliveryResult
{
    /// <summary>A 2xx: the delivery is done.</summary>
    Delivered,

    /// <summary>No 2xx; another attempt is scheduled.</summary>
    Retrying,

    /// <summary>No 2xx, and past the retry horizon: the delivery is given up.</summary>
    Failed,
}

/// <summary>Whether the Redis the instances share answers, as the metrics see it (docs/decisions/0041).</summary>
public interface IRedisReachability
{
    /// <summary>Null without <c>ConnectionStrings:Redis</c>; else whether it answered last (false while it is being reached first).</summary>
    bool? Reachable { get; }
}

/// <summary>The webhook deliveries still owed, as the metrics see them: read cheaply and not on every scrape.</summary>
public interface IWebhookBacklog
{
    /// <summary>The latest reading, at most a few seconds old; null before the database is ready or when it cannot be read.</summary>
    WebhookBacklogReading? Read();
}

/// <param name="Pending">Deliveries still pending.</param>
/// <param name="OldestCreatedAt">When the oldest pending delivery's event occurred; null when none is pending.</param>
public sealed record WebhookBacklogReading(long Pending, DateTimeOffset? OldestCreatedAt);
