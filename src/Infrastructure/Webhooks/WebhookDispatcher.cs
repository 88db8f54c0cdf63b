using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Invoicing.Application.Common.Interfaces;
using Invoicing.Application.Common.Json;
using Invoicing.Application.Common.Metrics;
using Invoicing.Application.Events;
using Invoicing.Application.Webhooks;
using Invoicing.Domain.Events;
using Invoicing.Domain.Webhooks;
using Invoicing.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Invoicing.Infrastructure.Webhooks;

/// <summary>
/// One pass of the delivery worker (docs/decisions/0017): first the fan-out (docs/decisions/0020), which turns the
/// events saved since the last pass into one delivery per matching endpoint; then claim up to <see cref="WebhookOptions.BatchSize"/> due
/// deliveries, POST each signed event to its endpoint (in parallel, 10 s each), record every attempt (with its outcome
/// and the next retry, docs/decisions/0036; a failed one logged at Warning), and mark the delivery delivered, due again
/// later (exponential backoff with jitter), or failed once past the horizon (logged at Error). A claimed delivery whose
/// endpoint has been disabled since is canceled instead of sent.
/// A claim is one atomic statement that moves the deliveries' due time forward by a short lease
/// (<see cref="WebhookOptions.ClaimLease"/>) and stamps them with this pass's claim token, so other workers (other
/// instances) skip them; on PostgreSQL with <c>FOR UPDATE SKIP LOCKED</c>, on SQL Server with its equivalent
/// <c>WITH (UPDLOCK, READPAST, ROWLOCK)</c> (docs/decisions/0030), on SQLite under its single writer. While the pass is
/// sending, it renews the lease of the deliveries it has not recorded yet every third of the lease, in one statement and
/// only where its token is still on them; its results are recorded only where its token still is, so a delivery taken
/// over after the lease lapsed (its instance stalled or died) is never completed by its old holder (docs/decisions/0042).
/// </summary>
internal sealed class WebhookDispatcher(
    IServiceScopeFactory scopes,
    IHttpClientFactory httpClients,
    IWebhookSecretProtector protector,
    TimeProvider time,
    IOptions<WebhookOptions> options,
    InvoicingMetrics metrics,
    ILogger<WebhookDispatcher> logger)
{
    public const string HttpClientName = "webhooks";

    /// <summary>The <c>User-Agent</c> of every delivery (docs/api.md, "Events and webhooks").</summary>
    public const string UserAgent = "Invoicing-Webhooks/1.0";

    /// <summary>The <c>error</c> of an attempt that got no answer in time.</summary>
    public const string TimeoutMessage = "No answer within 10 seconds.";

    /// <summary>Any 2xx within this time is success (§9).</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    /// <summary>How many undispatched events one fan-out transaction claims at most.</summary>
    public const int FanOutBatchSize = 500;

    private const int ResponseReadLimit = 4096;

    /// <summary>Runs one pass; returns how many deliveries it attempted (0 when nothing was due).</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        var unitOfWork = scope.ServiceProvider.GetRequiredService<IUnitOfWork>();
        await DispatchEventsAsync(db, unitOfWork, cancellationToken);
        var now = WholeMilliseconds(time.GetUtcNow().UtcDateTime);
        var claim = new ClaimTokens(Guid.NewGuid(), Guid.NewGuid());
        var claimed = await ClaimAsync(db, now, now + options.Value.ClaimLease, claim, cancellationToken);
        if (claimed.Count == 0)
        {
            return 0;
        }

        var takenOver = claimed.Count(c => c.Token == claim.TakenOver);
        if (takenOver > 0)
        {
            metrics.WebhookTakeOvers(takenOver);
            logger.LogWarning(
                "Took over {Count} webhook deliveries whose claim lapsed (the instance that held them stopped or lost the database); one that was on its way may arrive twice",
                takenOver);
        }

        var tokens = claimed.ToDictionary(c => c.Id, c => c.Token);
        var inFlight = new ConcurrentDictionary<Guid, byte>(claimed.Select(c => KeyValuePair.Create(c.Id, (byte)0)));
        using var stopRenewing = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var renewing = RenewWhileSendingAsync(inFlight, claim, stopRenewing.Token);
        try
        {
            // Delivery runs outside any request, so it reads across environments.
            var ids = tokens.Keys.ToList();
            var work = await (
                from d in db.Set<WebhookDelivery>()
                where ids.Contains(d.Id)
                join e in db.Events.IgnoreQueryFilters() on d.EventId equals e.Id
                join w in db.WebhookEndpoints.IgnoreQueryFilters() on d.WebhookEndpointId equals w.Id
                select new Claimed(d.Id, d.CreatedAt, d.AttemptCount, w.Id, w.Url, w.ProtectedSecret, w.Disabled, e)).AsNoTracking().ToListAsync(cancellationToken);
            foreach (var gone in ids.Except(work.Select(item => item.DeliveryId)))
            {
                inFlight.TryRemove(gone, out _); // deleted with its endpoint since the claim
            }

            foreach (var item in work.Where(item => item.Disabled))
            {
                await CancelAsync(db, item, tokens[item.DeliveryId], cancellationToken);
                inFlight.TryRemove(item.DeliveryId, out _);
            }

            var sendable = work.Where(item => !item.Disabled).ToList();
            var outcomes = await Task.WhenAll(sendable.Select(item => SendAsync(item, cancellationToken)));
            foreach (var (item, attempt) in sendable.Zip(outcomes))
            {
                await RecordAsync(db, unitOfWork, item, attempt, tokens[item.DeliveryId], cancellationToken);
                inFlight.TryRemove(item.DeliveryId, out _);
            }

            return work.Count;
        }
        finally
        {
            await stopRenewing.CancelAsync();
            await renewing;
        }
    }

    /// <summary>
    /// Extends the lease of the deliveries this pass still holds (claimed, not recorded yet) to now plus
    /// <see cref="WebhookOptions.ClaimLease"/>: one statement for all of them, only where the pass's token still is.
    /// Returns how many it renewed (fewer than given when some were recorded meanwhile, or taken over).
    /// </summary>
    internal static Task<int> RenewAsync(ApplicationDbContext db, IReadOnlyCollection<Guid> ids, ClaimTokens claim, DateTime until, CancellationToken cancellationToken)
    {
        Guid? fresh = claim.Fresh;
        Guid? takenOver = claim.TakenOver;
        return db.Set<WebhookDelivery>()
            .Where(d => ids.Contains(d.Id) && d.Status == WebhookDeliveryStatus.Pending && (d.ClaimToken == fresh || d.ClaimToken == takenOver))
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.NextAttemptAt, until), cancellationToken);
    }

    /// <summary>
    /// The heartbeat of a pass: every third of the lease (on <see cref="TimeProvider"/>'s timers), renews the lease of
    /// the deliveries still in <paramref name="inFlight"/>, until <paramref name="cancellationToken"/> says the pass is
    /// over. A renewal that fails is logged and tried again at the next beat (two more before the lease lapses).
    /// Never throws.
    /// </summary>
    private async Task RenewWhileSendingAsync(ConcurrentDictionary<Guid, byte> inFlight, ClaimTokens claim, CancellationToken cancellationToken)
    {
        var lease = options.Value.ClaimLease;
        try
        {
            while (true)
            {
                await Task.Delay(lease / 3, time, cancellationToken);
                var ids = inFlight.Keys.ToList();
                if (ids.Count == 0)
                {
                    continue;
                }

                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    var until = WholeMilliseconds(time.GetUtcNow().UtcDateTime) + lease;
                    var renewed = await RenewAsync(scope.ServiceProvider.GetRequiredService<ApplicationDbContext>(), ids, claim, until, cancellationToken);
                    logger.LogDebug("Renewed the claim on {Renewed} of {Count} webhook deliveries being sent, until {Until}", renewed, ids.Count, until);
                }
                catch (Exception e) when (!cancellationToken.IsCancellationRequested)
                {
                    logger.LogWarning(e, "Renewing the claim on {Count} webhook deliveries being sent failed; the next renewal tries again", ids.Count);
                }
            }
        }
        catch (Exception) when (cancellationToken.IsCancellationRequested)
        {
            // The pass is over (or the service stops).
        }
    }

    /// <summary>Only the fan-out of a pass (all undispatched events, in batches); returns how many events it dispatched.</summary>
    public async Task<int> DispatchEventsAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await DispatchEventsAsync(scope.ServiceProvider.GetRequiredService<ApplicationDbContext>(), scope.ServiceProvider.GetRequiredService<IUnitOfWork>(), cancellationToken);
    }

    /// <summary>The delay before retry number <paramref name="failures"/>: base × 2^(failures−1), of which the upper half is random.</summary>
    public static TimeSpan RetryDelay(TimeSpan baseDelay, int failures, double random)
    {
        var full = baseDelay * Math.Pow(2, Math.Min(failures - 1, 30));
        return (full / 2) + (full / 2 * random);
    }

    private static DateTime WholeMilliseconds(DateTime value) =>
        new(value.Ticks - (value.Ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc);

    /// <summary>
    /// The fan-out (docs/decisions/0020): in one transaction per batch, claims up to <see cref="FanOutBatchSize"/>
    /// undispatched events (deleting their rows from the queue, docs/decisions/0047; on PostgreSQL <c>FOR UPDATE SKIP LOCKED</c> and on SQL Server
    /// <c>UPDLOCK, READPAST</c>, so two workers never claim the same event; on SQLite under its single writer), and inserts one delivery per endpoint of the
    /// event's environment that receives its type, existed when the event occurred and is not disabled. Until the batches run dry.
    /// </summary>
    private async Task<int> DispatchEventsAsync(ApplicationDbContext db, IUnitOfWork unitOfWork, CancellationToken cancellationToken)
    {
        var dispatched = 0;
        var undispatched = db.Model.FindEntityType(typeof(UndispatchedEvent))!;
        int claimed;
        do
        {
            await using var transaction = await unitOfWork.BeginAsync(cancellationToken);
            var ids = (await ExecuteClaimAsync(db, DispatchSql(db.Database), undispatched, null, FanOutBatchSize, cancellationToken)).Select(row => row.Id).ToList();
            claimed = ids.Count;
            if (claimed == 0)
            {
                return dispatched;
            }

            // Fan-out runs outside any request, so it reads across environments. With no endpoint enabled anywhere, no
            // event becomes a delivery: taking them off the queue is the whole fan-out, and they are not read.
            var endpoints = await db.WebhookEndpoints.IgnoreQueryFilters().Where(w => !w.Disabled)
                .Select(w => new { w.Id, w.Environment, w.EnabledEvents, w.CreatedAt }).AsNoTracking().ToListAsync(cancellationToken);
            if (endpoints.Count > 0)
            {
                var events = await db.Events.IgnoreQueryFilters().Where(e => ids.Contains(e.Id))
                    .Select(e => new { e.Id, e.Environment, e.Type, e.CreatedAt }).AsNoTracking().ToListAsync(cancellationToken);
                foreach (var e in events.OrderBy(e => e.Id))
                {
                    foreach (var w in endpoints.Where(w => w.Environment == e.Environment && w.CreatedAt <= e.CreatedAt && WebhookEndpoint.Receives(w.EnabledEvents, e.Type)))
                    {
                        db.Add(WebhookDelivery.Create(e.Id, w.Id, e.CreatedAt.UtcDateTime));
                    }
                }

                await db.SaveChangesAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            db.ChangeTracker.Clear();
            dispatched += claimed;
        }
        while (claimed == FanOutBatchSize);

        return dispatched;
    }

    /// <summary>The fan-out's claim: up to <c>@limit</c> undispatched events, oldest first, that no other worker holds.</summary>
    internal static string DispatchSql(DatabaseFacade database) => database.IsSqlServer()
        ? """
            WITH claimed AS (
                SELECT TOP (@limit) event_id FROM undispatched_events WITH (UPDLOCK, READPAST, ROWLOCK)
                ORDER BY event_id)
            DELETE FROM claimed
            OUTPUT deleted.event_id
            """
        : $"""
            DELETE FROM undispatched_events
            WHERE event_id IN (
                SELECT event_id FROM undispatched_events
                ORDER BY event_id
                LIMIT @limit{SkipLocked(database)})
            RETURNING event_id
            """;

    /// <summary>
    /// The delivery claim: up to <c>@limit</c> pending deliveries due by <c>@now</c>, earliest first, that no other worker
    /// holds, leased until <c>@lease</c> and stamped with the pass's token: <c>@token</c> when nobody held it,
    /// <c>@takeover</c> when another claim's lease had lapsed on it (a take-over, counted). Returns each id with its token.
    /// </summary>
    internal static string ClaimSql(DatabaseFacade database) => database.IsSqlServer()
        ? """
            WITH claimed AS (
                SELECT TOP (@limit) id, next_attempt_at, claim_token FROM webhook_deliveries WITH (UPDLOCK, READPAST, ROWLOCK)
                WHERE status = 'pending' AND next_attempt_at <= @now
                ORDER BY next_attempt_at)
            UPDATE claimed SET next_attempt_at = @lease, claim_token = CASE WHEN claim_token IS NULL THEN @token ELSE @takeover END
            OUTPUT inserted.id, inserted.claim_token
            """
        : $"""
            UPDATE webhook_deliveries SET next_attempt_at = @lease, claim_token = CASE WHEN claim_token IS NULL THEN @token ELSE @takeover END
            WHERE id IN (
                SELECT id FROM webhook_deliveries
                WHERE status = 'pending' AND next_attempt_at <= @now
                ORDER BY next_attempt_at
                LIMIT @limit{SkipLocked(database)})
            RETURNING id, claim_token
            """;

    /// <summary>PostgreSQL skips rows another worker has locked; SQLite has one writer, so nothing is ever locked there.</summary>
    private static string SkipLocked(DatabaseFacade database) => database.IsNpgsql() ? " FOR UPDATE SKIP LOCKED" : string.Empty;

    private async Task<List<(Guid Id, Guid Token)>> ClaimAsync(ApplicationDbContext db, DateTime now, DateTime lease, ClaimTokens claim, CancellationToken cancellationToken)
    {
        var deliveries = db.Model.FindEntityType(typeof(WebhookDelivery))!;
        var rows = await ExecuteClaimAsync(db, ClaimSql(db.Database), deliveries, new DeliveryClaim(now, lease, claim), options.Value.BatchSize, cancellationToken);
        return rows.Select(row => (Id: row.Id, Token: row.Token!.Value)).ToList();
    }

    /// <summary>
    /// Runs a claim statement (<c>@limit</c>, and for a delivery claim <c>@now</c>, <c>@lease</c>, <c>@token</c> and
    /// <c>@takeover</c>) through EF's command pipeline (its connection, transaction, interceptors and logging), in the
    /// context's transaction if any; returns the claimed keys of <paramref name="entity"/> (with their token, for a
    /// delivery claim). The times and tokens are sent as their columns store them and the keys read through the key's
    /// type mapping: on SQL Server a plain <c>DateTime</c> parameter would be the old <c>datetime</c> (3 ms steps), and a
    /// <c>Guid</c> a <c>uniqueidentifier</c> where the column is <c>binary(16)</c>.
    /// </summary>
    private static async Task<List<(Guid Id, Guid? Token)>> ExecuteClaimAsync(
        ApplicationDbContext db, string sql, IEntityType entity, DeliveryClaim? delivery, int limit, CancellationToken cancellationToken)
    {
        var id = entity.FindPrimaryKey()!.Properties[0].GetRelationalTypeMapping();
        var builder = db.GetService<IRelationalCommandBuilderFactory>().Create()
            .Append(sql)
            .AddParameter("limit", "@limit", db.GetService<IRelationalTypeMappingSource>().FindMapping(typeof(int))!, nullable: false);
        var values = new Dictionary<string, object?> { ["limit"] = limit };
        RelationalTypeMapping? token = null;
        if (delivery is { } claim)
        {
            var times = entity.FindProperty(nameof(WebhookDelivery.NextAttemptAt))!.GetRelationalTypeMapping();
            token = entity.FindProperty(nameof(WebhookDelivery.ClaimToken))!.GetRelationalTypeMapping();
            builder.AddParameter("lease", "@lease", times, nullable: false).AddParameter("now", "@now", times, nullable: false)
                .AddParameter("token", "@token", token, nullable: false).AddParameter("takeover", "@takeover", token, nullable: false);
            values["lease"] = claim.Lease;
            values["now"] = claim.Now;
            values["token"] = claim.Tokens.Fresh;
            values["takeover"] = claim.Tokens.TakenOver;
        }

        await using var reader = await builder.Build().ExecuteReaderAsync(
            new RelationalCommandParameterObject(db.GetService<IRelationalConnection>(), values, null, db, db.GetService<IRelationalCommandDiagnosticsLogger>()),
            cancellationToken);
        var rows = new List<(Guid, Guid?)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add((ReadGuid(reader.DbDataReader, 0, id), token is null ? (Guid?)null : ReadGuid(reader.DbDataReader, 1, token)));
        }

        return rows;
    }

    private static Guid ReadGuid(System.Data.Common.DbDataReader reader, int ordinal, RelationalTypeMapping mapping) =>
        mapping.Converter is { } converter ? (Guid)converter.ConvertFromProvider(reader.GetValue(ordinal))! : reader.GetGuid(ordinal);

    private async Task<Attempt> SendAsync(Claimed item, CancellationToken cancellationToken)
    {
        var attemptedAt = time.GetUtcNow();
        var started = Stopwatch.GetTimestamp();
        string secret;
        try
        {
            secret = protector.Unprotect(item.ProtectedSecret);
        }
        catch (CryptographicException exception)
        {
            logger.LogError(
                "The secret of webhook endpoint {WebhookEndpointId} for delivery {DeliveryId} cannot be decrypted: it was sealed with webhook key {KeyId}, which is not configured (Webhooks:SecretKeys; docs/operations.md)",
                item.EndpointId,
                item.DeliveryId,
                exception is SecretKeyMissingException { KeyId: null } ? "v1 (no id)" : AesGcmSecretProtector.KeyIdOf(item.ProtectedSecret) ?? "unknown");
            return new Attempt(attemptedAt, WebhookAttemptOutcome.SecretUnreadable, null, TimeSpan.Zero, null, "The endpoint's secret could not be decrypted.");
        }

        var body = JsonSerializer.Serialize(EventResponse.From(item.Event), ApiJson.Options);
        using var request = new HttpRequestMessage(HttpMethod.Post, item.Url)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation(WebhookSignature.HeaderName, WebhookSignature.Sign(secret, attemptedAt.ToUnixTimeSeconds(), body));
        request.Headers.TryAddWithoutValidation("User-Agent", UserAgent);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var text = await ReadStartAsync(response, timeout.Token);
            var status = (int)response.StatusCode;
            var outcome = status is >= 200 and < 300 ? WebhookAttemptOutcome.Succeeded : WebhookAttemptOutcome.HttpError;
            return new Attempt(attemptedAt, outcome, status, Stopwatch.GetElapsedTime(started), text, null);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new Attempt(attemptedAt, WebhookAttemptOutcome.Timeout, null, Stopwatch.GetElapsedTime(started), null, TimeoutMessage);
        }
        catch (HttpRequestException e)
        {
            return new Attempt(attemptedAt, WebhookAttemptOutcome.ConnectionError, null, Stopwatch.GetElapsedTime(started), null, e.Message);
        }
    }

    private static async Task<string> ReadStartAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[ResponseReadLimit];
        var read = 0;
        int n;
        while (read < buffer.Length && (n = await stream.ReadAsync(buffer.AsMemory(read), cancellationToken)) > 0)
        {
            read += n;
        }

        return Encoding.UTF8.GetString(buffer, 0, read);
    }

    /// <summary>
    /// Stores the attempt and the delivery's next state (and lets go of the claim), only while this pass still holds the
    /// claim (its token is still on the row): a delivery deleted with its endpoint, canceled, or taken over after the lease
    /// lapsed is left alone, whatever this attempt's outcome, so the new holder's result stands.
    /// </summary>
    private async Task RecordAsync(ApplicationDbContext db, IUnitOfWork unitOfWork, Claimed item, Attempt attempt, Guid token, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var settings = options.Value;
        var failures = item.AttemptCount + 1;
        var (status, nextAttemptAt, completedAt) = attempt.Succeeded
            ? (WebhookDeliveryStatus.Delivered, now, (DateTime?)now)
            : (now + RetryDelay(settings.RetryBaseDelay, failures, Random.Shared.NextDouble())) is var next && next <= item.CreatedAt + settings.RetryHorizon
                ? (WebhookDeliveryStatus.Pending, WholeMilliseconds(next), null)
                : (WebhookDeliveryStatus.Failed, now, now);

        await using var transaction = await unitOfWork.BeginAsync(cancellationToken);
        var updated = await db.Set<WebhookDelivery>()
            .Where(d => d.Id == item.DeliveryId && d.Status == WebhookDeliveryStatus.Pending && d.ClaimToken == token)
            .ExecuteUpdateAsync(
                s => s.SetProperty(d => d.Status, status)
                    .SetProperty(d => d.AttemptCount, d => d.AttemptCount + 1)
                    .SetProperty(d => d.NextAttemptAt, nextAttemptAt)
                    .SetProperty(d => d.CompletedAt, completedAt)
                    .SetProperty(d => d.ClaimToken, (Guid?)null),
                cancellationToken);
        if (updated == 0)
        {
            logger.LogWarning(
                "Webhook delivery {DeliveryId} was deleted, canceled or taken over by another claim while it was sent; this attempt ({Outcome}) is not recorded",
                item.DeliveryId,
                JsonNamingPolicy.SnakeCaseLower.ConvertName(attempt.Outcome.ToString()));
            return;
        }

        var retryAt = status == WebhookDeliveryStatus.Pending ? nextAttemptAt : (DateTime?)null;
        db.Add(WebhookDeliveryAttempt.Record(
            item.DeliveryId, item.EndpointId, item.Event.Id, attempt.AttemptedAt.UtcDateTime, attempt.Outcome, attempt.Status, attempt.Duration, attempt.ResponseBody, attempt.Error, retryAt));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        if (!attempt.Succeeded)
        {
            // Ids, outcome and status only: never the secret, the payload or the receiver's answer.
            logger.LogWarning(
                "Webhook delivery attempt {Attempt} to endpoint {WebhookEndpointId} for event {EventId} failed: {Outcome}, response status {ResponseStatus}; next attempt at {NextAttemptAt}",
                failures,
                item.EndpointId,
                item.Event.Id,
                JsonNamingPolicy.SnakeCaseLower.ConvertName(attempt.Outcome.ToString()),
                attempt.Status,
                retryAt);
        }

        metrics.WebhookAttempt(status switch
        {
            WebhookDeliveryStatus.Delivered => WebhookDeliveryResult.Delivered,
            WebhookDeliveryStatus.Pending => WebhookDeliveryResult.Retrying,
            _ => WebhookDeliveryResult.Failed,
        });

        if (status == WebhookDeliveryStatus.Failed)
        {
            logger.LogError(
                "Webhook delivery {DeliveryId} to endpoint {WebhookEndpointId} for event {EventId} failed for good after {Attempts} attempts",
                item.DeliveryId,
                item.EndpointId,
                item.Event.Id,
                failures);
        }
    }

    /// <summary>A claimed delivery whose endpoint was disabled after the claim: canceled, only while this pass still holds it; nothing is sent.</summary>
    private async Task CancelAsync(ApplicationDbContext db, Claimed item, Guid token, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await db.Set<WebhookDelivery>()
            .Where(d => d.Id == item.DeliveryId && d.Status == WebhookDeliveryStatus.Pending && d.ClaimToken == token)
            .ExecuteUpdateAsync(
                s => s.SetProperty(d => d.Status, WebhookDeliveryStatus.Canceled).SetProperty(d => d.CompletedAt, (DateTime?)now).SetProperty(d => d.ClaimToken, (Guid?)null),
                cancellationToken);
    }

    /// <summary>
    /// The two tokens of one pass's claim: <see cref="Fresh"/> goes on deliveries nobody held, <see cref="TakenOver"/> on
    /// those whose earlier claim lapsed without being recorded (so the claim tells take-overs apart in one statement).
    /// </summary>
    internal readonly record struct ClaimTokens(Guid Fresh, Guid TakenOver);

    /// <summary>A delivery claim's times and tokens (<see cref="ClaimSql"/>).</summary>
    private readonly record struct DeliveryClaim(DateTime Now, DateTime Lease, ClaimTokens Tokens);

    /// <summary>A claimed delivery with what sending it needs.</summary>
    private sealed record Claimed(Guid DeliveryId, DateTime CreatedAt, int AttemptCount, Guid EndpointId, string Url, string ProtectedSecret, bool Disabled, Event Event);

    private sealed record Attempt(DateTimeOffset AttemptedAt, WebhookAttemptOutcome Outcome, int? Status, TimeSpan Duration, string? ResponseBody, string? Error)
    {
        public bool Succeeded => Outcome == WebhookAttemptOutcome.Succeeded;
    }
}

/// <summary>Runs <see cref="WebhookDispatcher"/> passes while the service runs, unless <see cref="WebhookOptions.DeliveryEnabled"/> is off.</summary>
internal sealed class WebhookDeliveryService(WebhookDispatcher dispatcher, DatabaseReadiness readiness, IOptions<WebhookOptions> options, ILogger<WebhookDeliveryService> logger)
    : Microsoft.Extensions.Hosting.BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.DeliveryEnabled)
        {
            return;
        }

        try
        {
            await readiness.WaitAsync(stoppingToken); // not before the database is migrated (docs/decisions/0025)
        }
        catch (OperationCanceledException)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var attempted = 0;
            try
            {
                attempted = await dispatcher.RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "A webhook delivery pass failed; the next pass tries again");
            }

            if (attempted < options.Value.BatchSize)
            {
                try
                {
                    await Task.Delay(options.Value.PollInterval, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }
}

/// <summary>The HTTP connection of deliveries: refuses loopback and private addresses after DNS, unless allowed (§9).</summary>
internal static class WebhookHttp
{
    public static SocketsHttpHandler CreateHandler(bool allowPrivate) => new()
    {
        AllowAutoRedirect = false,
        UseProxy = false,
        UseCookies = false,
        ConnectTimeout = WebhookDispatcher.Timeout,
        ConnectCallback = async (context, cancellationToken) =>
        {
            var addresses = await System.Net.Dns.GetHostAddressesAsync(context.DnsEndPoint.Host, cancellationToken);
            if (!allowPrivate && addresses.Any(WebhookUrls.IsPrivate))
            {
                throw new HttpRequestException("The endpoint's host resolves to a loopback or private address, which is not allowed.");
            }

            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    };
}
