using Invoicing.Application.Common.Exceptions;
using Invoicing.Application.Common.Idempotency;
using Invoicing.Infrastructure.Persistence;
using Invoicing.Infrastructure.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Invoicing.Infrastructure.Idempotency;

/// <summary>
/// The records behind <see cref="IIdempotencyStore"/>, on the request's own <see cref="ApplicationDbContext"/>
/// (so reads and writes are limited to the key's environment by the usual query filter and stamping).
/// Stored answer bodies are encrypted with the same AES-GCM keys as webhook secrets, tagged with the key's id (docs/decisions/0037): an answer can hold a
/// secret shown only once (a new webhook endpoint's), which must not sit in plain text for 24 hours.
/// </summary>
internal sealed class IdempotencyStore(
    ApplicationDbContext db,
    AesGcmSecretProtector protector,
    TimeProvider time,
    IOptions<IdempotencyOptions> options,
    ILogger<IdempotencyStore> logger) : IIdempotencyStore
{
    /// <summary>Insert, then look: a few rounds cover a holder that released its claim between our insert and our read.</summary>
    private const int ClaimAttempts = 3;

    private DbSet<IdempotencyRecord> Records => db.Set<IdempotencyRecord>();

    public async Task<IdempotencyClaim> ClaimAsync(IdempotentRequest request, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < ClaimAttempts; attempt++)
        {
            var now = time.GetUtcNow().UtcDateTime;

            // The claim is its own committed statement: every other instance sees it at once.
            var record = IdempotencyRecord.Claim(request, now);
            db.Add(record);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return IdempotencyClaim.Claimed(record.Id, record.LockToken!.Value);
            }
            catch (UniqueConstraintException)
            {
                // Someone holds or held this key: look at what they left.
            }
            finally
            {
                db.Entry(record).State = EntityState.Detached;
            }

            var existing = await Records.AsNoTracking().SingleOrDefaultAsync(r => r.Key == request.Key, cancellationToken);
            if (existing is null)
            {
                continue; // released after a 5xx (or purged) since our insert failed: try again
            }

            if (!existing.IsFor(request))
            {
                return IdempotencyClaim.Reused;
            }

            if (existing.Response is { } response)
            {
                try
                {
                    return IdempotencyClaim.Replay(response with { Body = protector.Open(existing.ResponseKeyId, response.Body) });
                }
                catch (SecretKeyMissingException)
                {
                    // Not a 500 that promises a retry: no retry will read it until the key is configured again (docs/decisions/0037).
                    logger.LogWarning(
                        "The stored answer of idempotency record {RecordId} cannot be replayed: it was sealed with webhook key {KeyId}, which is not configured (Webhooks:SecretKeys)",
                        existing.Id,
                        existing.ResponseKeyId ?? "v1 (no id)");
                    return IdempotencyClaim.Unreadable;
                }
            }

            if (existing.LockedAt > now - options.Value.LockTimeout)
            {
                return IdempotencyClaim.InUse;
            }

            // A claim older than the lock timeout: its holder most likely died. Take it over with a
            // compare-and-set on the lock token, so that of several retries exactly one wins.
            var token = Guid.NewGuid();
            var taken = await Records
                .Where(r => r.Id == existing.Id && r.LockToken == existing.LockToken && r.ResponseStatus == null)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.LockToken, token).SetProperty(r => r.LockedAt, now), cancellationToken);
            if (taken == 1)
            {
                logger.LogWarning(
                    "Took over the idempotency claim {RecordId}, held since {LockedAt:O} without an answer",
                    existing.Id,
                    existing.LockedAt);
                return IdempotencyClaim.Claimed(existing.Id, token);
            }
        }

        return IdempotencyClaim.InUse;
    }

    public async Task<bool> CompleteAsync(IdempotencyClaim claim, StoredResponse response, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var (keyId, body) = protector.Seal(response.Body);
        var stored = await Records
            .Where(r => r.Id == claim.RecordId && r.LockToken == claim.LockToken)
            .ExecuteUpdateAsync(
                s => s.SetProperty(r => r.ResponseStatus, response.Status)
                    .SetProperty(r => r.ResponseContentType, response.ContentType)
                    .SetProperty(r => r.ResponseLocation, response.Location)
                    .SetProperty(r => r.ResponseBody, body)
                    .SetProperty(r => r.ResponseKeyId, keyId)
                    .SetProperty(r => r.CompletedAt, now)
                    .SetProperty(r => r.LockToken, (Guid?)null)
                    .SetProperty(r => r.LockedAt, (DateTime?)null),
                cancellationToken);
        return stored == 1;
    }

    public Task ReleaseAsync(IdempotencyClaim claim, CancellationToken cancellationToken) =>
        Records
            .Where(r => r.Id == claim.RecordId && r.LockToken == claim.LockToken && r.ResponseStatus == null)
            .ExecuteDeleteAsync(cancellationToken);
}
