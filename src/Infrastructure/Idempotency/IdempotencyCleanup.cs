using Invoicing.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Invoicing.Infrastructure.Idempotency;

/// <summary>
/// Deletes idempotency records older than the retention (at least 24 hours), in bounded batches so that
/// no statement locks or rewrites an unbounded number of rows. It runs outside any request, so it is the
/// one place that reads across environments (expiry does not depend on the environment).
/// </summary>
internal sealed class IdempotencyPurger(ApplicationDbContext db, TimeProvider time, IOptions<IdempotencyOptions> options)
{
    /// <summary>Deletes every expired record, one batch per statement; returns how many went.</summary>
    public async Task<int> PurgeExpiredAsync(CancellationToken cancellationToken)
    {
        var cutoff = time.GetUtcNow().UtcDateTime - options.Value.Retention;
        var batchSize = options.Value.CleanupBatchSize;
        var records = db.Set<IdempotencyRecord>().IgnoreQueryFilters();
        var total = 0;
        while (true)
        {
            var batch = await records.Where(r => r.CreatedAt < cutoff).OrderBy(r => r.CreatedAt).Select(r => r.Id).Take(batchSize).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                return total;
            }

            total += await records.Where(r => batch.Contains(r.Id)).ExecuteDeleteAsync(cancellationToken);
            if (batch.Count < batchSize)
            {
                return total;
            }
        }
    }
}

/// <summary>Runs <see cref="IdempotencyPurger"/> once the database is ready and then every <see cref="IdempotencyOptions.CleanupInterval"/>.</summary>
internal sealed class IdempotencyCleanupService(
    IServiceScopeFactory scopes,
    DatabaseReadiness readiness,
    IOptions<IdempotencyOptions> options,
    ILogger<IdempotencyCleanupService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await readiness.WaitAsync(stoppingToken); // not before the database is migrated (docs/decisions/0025)
        }
        catch (OperationCanceledException)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.CleanupInterval);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var deleted = await scope.ServiceProvider.GetRequiredService<IdempotencyPurger>().PurgeExpiredAsync(stoppingToken);
                if (deleted > 0)
                {
                    logger.LogInformation("Deleted {Count} expired idempotency records", deleted);
                }
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "Deleting expired idempotency records failed; the next run tries again");
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
