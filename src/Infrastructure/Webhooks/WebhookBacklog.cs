using Invoicing.Application.Common.Metrics;
using Invoicing.Domain.Webhooks;
using Invoicing.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Invoicing.Infrastructure.Webhooks;

/// <summary>
/// The pending webhook deliveries for the metrics' gauges: one statement (the oldest pending delivery's time with the
/// pending count beside it), run at most once per <see cref="CacheFor"/> whatever the number of scrapes and gauges, never
/// two at once, and never waited for longer than <see cref="MaxWait"/>: a slow database leaves the last reading in place
/// instead of holding the scrape, and one that fails leaves none (docs/decisions/0038).
/// </summary>
internal sealed class WebhookBacklog(IServiceScopeFactory scopes, DatabaseReadiness readiness, TimeProvider time, ILogger<WebhookBacklog> logger) : IWebhookBacklog
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(5);

    public static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(2);

    private readonly Lock _lock = new();
    private Task? _refresh;
    private DateTimeOffset _readAt = DateTimeOffset.MinValue;
    private volatile WebhookBacklogReading? _last;

    public WebhookBacklogReading? Read()
    {
        if (!readiness.IsReady)
        {
            return null; // no tables yet (docs/decisions/0025)
        }

        Task refresh;
        lock (_lock)
        {
            var now = time.GetUtcNow();
            if (_refresh is null || (_refresh.IsCompleted && now - _readAt >= CacheFor))
            {
                _readAt = now;
                _refresh = Task.Run(RefreshAsync);
            }

            refresh = _refresh;
        }

        // Observable instruments are read synchronously, on the scrape's thread.
        refresh.Wait(MaxWait);
        return _last;
    }

    /// <summary>The statement: the oldest pending delivery, with the count of all pending ones as a subquery; no row when none is pending.</summary>
    internal static async Task<WebhookBacklogReading> QueryAsync(ApplicationDbContext db, CancellationToken cancellationToken)
    {
        var pending = db.Set<WebhookDelivery>().Where(d => d.Status == WebhookDeliveryStatus.Pending);
        var oldest = await pending
            .OrderBy(d => d.CreatedAt)
            .Select(d => new { d.CreatedAt, Count = db.Set<WebhookDelivery>().LongCount(p => p.Status == WebhookDeliveryStatus.Pending) })
            .AsNoTracking()
            .FirstOrDefaultAsync(cancellationToken);
        return oldest is null
            ? new WebhookBacklogReading(0, null)
            : new WebhookBacklogReading(oldest.Count, new DateTimeOffset(DateTime.SpecifyKind(oldest.CreatedAt, DateTimeKind.Utc)));
    }

    private async Task RefreshAsync()
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            _last = await QueryAsync(scope.ServiceProvider.GetRequiredService<ApplicationDbContext>(), CancellationToken.None);
        }
        catch (Exception e)
        {
            // No reading rather than an old one: the gauges' series are absent until the database answers again (its
            // trouble is reported by readiness and by the requests; here it is only a Debug line).
            _last = null;
            logger.LogDebug(e, "Reading the webhook backlog for the metrics failed");
        }
    }
}
