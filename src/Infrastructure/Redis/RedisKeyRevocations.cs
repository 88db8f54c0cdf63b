using Invoicing.Application.ApiKeys;
using Invoicing.Application.ApiKeys.AuthenticateApiKey;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Invoicing.Infrastructure.Redis;

/// <summary>
/// Revocations over Redis pub/sub (docs/decisions/0041): a revocation publishes the key's display prefix on
/// <see cref="Channel"/>, and every instance listening forgets that key from its <see cref="ApiKeyCache"/> on receipt.
/// Without Redis both sides do nothing, and another instance refuses a revoked key within <c>ApiKeys:CacheSeconds</c>.
/// A message is heard by whoever listens at that moment: an instance cut off from Redis meanwhile misses it, and its
/// cache entry expires within <c>ApiKeys:CacheSeconds</c> as without Redis.
/// </summary>
internal sealed class RedisKeyRevocations(RedisConnection redis, ILogger<RedisKeyRevocations> logger) : IApiKeyRevocations
{
    public static readonly RedisChannel Channel = RedisChannel.Literal("invoicing:api-keys:revoked");

    public async Task PublishAsync(string prefix, CancellationToken cancellationToken)
    {
        if (!redis.IsConfigured)
        {
            return;
        }

        string failure;
        try
        {
            // The keys command publishes from a process of its own, connecting now (bounded by the connect timeout).
            if (await redis.ConnectedAsync().WaitAsync(cancellationToken) is { } multiplexer)
            {
                var listeners = await multiplexer.GetSubscriber().PublishAsync(Channel, prefix);
                redis.Answered();
                logger.LogInformation("Revocation of {KeyPrefix} published on Redis to {Listeners} listening instance(s).", prefix, listeners);
                return;
            }

            failure = "no connection";
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            failure = e.GetType().Name;
        }

        redis.Failed(failure);
        logger.LogWarning(
            "Revocation of {KeyPrefix} stored but not published on Redis ({RedisFailure}): other instances refuse the key within ApiKeys:CacheSeconds.",
            prefix,
            failure);
    }
}

/// <summary>
/// Listens on <see cref="RedisKeyRevocations.Channel"/> while the service runs: subscribes as soon as Redis answers (the
/// client subscribes again by itself after a reconnection) and forgets each revoked key on receipt.
/// </summary>
internal sealed class RevocationListener(RedisConnection redis, ApiKeyCache cache, ILogger<RevocationListener> logger) : BackgroundService
{
    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once subscribed (never without Redis): what a test waits for before revoking elsewhere.</summary>
    public Task Listening => _listening.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!redis.IsConfigured)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await redis.ConnectedAsync().WaitAsync(stoppingToken) is { } multiplexer)
                {
                    await multiplexer.GetSubscriber().SubscribeAsync(RedisKeyRevocations.Channel, (_, prefix) => Forget(prefix));
                    _listening.TrySetResult();
                    return;
                }
            }
            catch (Exception e) when (e is RedisException or TimeoutException)
            {
                // Redis is down: RedisConnection has said so once; try again in a second.
            }

            await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
        }
    }

    private void Forget(RedisValue prefix)
    {
        if (prefix.HasValue && !prefix.IsNullOrEmpty)
        {
            cache.Revoked(prefix.ToString());
            logger.LogInformation("Revocation of {KeyPrefix} heard on Redis: forgotten from this instance's key cache.", prefix.ToString());
        }
    }
}
