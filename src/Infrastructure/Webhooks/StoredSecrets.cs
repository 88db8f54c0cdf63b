using System.Linq.Expressions;
using System.Security.Cryptography;
using Invoicing.Application.Common.Interfaces;
using Invoicing.Domain.Webhooks;
using Invoicing.Infrastructure.Idempotency;
using Invoicing.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Invoicing.Infrastructure.Webhooks;

/// <summary>
/// What is sealed with the webhook keys (docs/decisions/0037): the secrets of webhook endpoints and the stored answers
/// of idempotent requests, in every environment. It finds what no configured key opens (the start-up check), and
/// re-encrypts everything under the newest key (the <c>secrets reencrypt</c> command).
/// </summary>
public sealed class StoredSecrets(IServiceProvider services, AesGcmSecretProtector protector)
{
    public const int DefaultBatchSize = 500;

    /// <summary>How values sealed before keys had ids are named in counts and messages.</summary>
    public const string NoKeyId = "v1";

    /// <summary>A stored answer sealed before keys had ids.</summary>
    private static readonly Expression<Func<IdempotencyRecord, bool>> UntaggedAnswer = r => r.ResponseStatus != null && r.ResponseKeyId == null;

    /// <summary>
    /// Every stored value that no configured key opens, counted by the id of the key that sealed it. Values under a
    /// configured key are counted in the database without being read: only the others (normally none) and the values
    /// sealed before keys had ids (until <c>secrets reencrypt</c> or the idempotency clean-up removes them) are read and tried.
    /// </summary>
    public async Task<UnreadableSecrets> FindUnreadableAsync(CancellationToken cancellationToken)
    {
        var secrets = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var answers = new SortedDictionary<string, int>(StringComparer.Ordinal);
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
            foreach (var secret in await SecretsUnderOtherKeys(db).ToListAsync(cancellationToken))
            {
                if (!protector.CanUnprotect(secret))
                {
                    Add(secrets, AesGcmSecretProtector.KeyIdOf(secret) ?? NoKeyId, 1);
                }
            }

            foreach (var group in await AnswersUnderOtherKeys(db).ToListAsync(cancellationToken))
            {
                Add(answers, group.KeyId, group.Count);
            }
        }

        var untagged = await IdsAsync(UntaggedAnswer, cancellationToken);
        foreach (var batch in untagged.Chunk(DefaultBatchSize))
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
            var bodies = await db.Set<IdempotencyRecord>().IgnoreQueryFilters().AsNoTracking()
                .Where(r => batch.Contains(r.Id) && r.ResponseBody != null)
                .Select(r => r.ResponseBody!)
                .ToListAsync(cancellationToken);
            Add(answers, NoKeyId, bodies.Count(b => !protector.CanOpen(null, b)));
        }

        return new UnreadableSecrets(protector.KeyIds, secrets, answers);
    }

    /// <summary>
    /// Translates the queries of <see cref="FindUnreadableAsync"/> without running them and returns their SQL. It needs
    /// no database, so the start does it while the migrations run, and the check after them finds EF's query pipeline
    /// warm (bench/README.md, "Issue 19: the start and the tracked rows").
    /// </summary>
    public IReadOnlyList<string> PrepareCheck()
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        return [SecretsUnderOtherKeys(db).ToQueryString(), AnswersUnderOtherKeys(db).ToQueryString(), Ids(db, UntaggedAnswer).ToQueryString()];
    }

    /// <summary>The endpoint secrets sealed under none of the configured keys (normally none).</summary>
    private IQueryable<string> SecretsUnderOtherKeys(ApplicationDbContext db)
    {
        var endpoints = db.Set<WebhookEndpoint>().IgnoreQueryFilters().AsNoTracking();
        foreach (var keyId in protector.KeyIds)
        {
            var prefix = AesGcmSecretProtector.PrefixOf(keyId);
            endpoints = endpoints.Where(e => !e.ProtectedSecret.StartsWith(prefix));
        }

        return endpoints.Select(e => e.ProtectedSecret);
    }

    /// <summary>The stored answers tagged with a key that is not configured, counted by that key's id.</summary>
    private IQueryable<KeyCount> AnswersUnderOtherKeys(ApplicationDbContext db)
    {
        var tagged = db.Set<IdempotencyRecord>().IgnoreQueryFilters().Where(r => r.ResponseStatus != null && r.ResponseKeyId != null);
        foreach (var keyId in protector.KeyIds)
        {
            tagged = tagged.Where(r => r.ResponseKeyId != keyId);
        }

        return tagged.GroupBy(r => r.ResponseKeyId!).Select(g => new KeyCount(g.Key, g.Count()));
    }

    private static IQueryable<Guid> Ids(ApplicationDbContext db, Expression<Func<IdempotencyRecord, bool>> filter) =>
        db.Set<IdempotencyRecord>().IgnoreQueryFilters().Where(filter).Select(r => r.Id);

    private sealed record KeyCount(string KeyId, int Count);

    /// <summary>
    /// Re-encrypts every endpoint secret and stored answer that is not sealed with the newest key, <paramref name="batchSize"/>
    /// rows per transaction. Each row is rewritten only if it is still not under the newest key (a compare-and-set: a
    /// concurrent write under the newest key wins), so the service may keep running meanwhile; running it again does
    /// nothing more. What no configured key opens is left as it
    /// is and counted.
    /// </summary>
    public async Task<ReencryptionReport> ReencryptAsync(int batchSize, CancellationToken cancellationToken)
    {
        var primary = protector.PrimaryKeyId;
        var prefix = AesGcmSecretProtector.PrefixOf(primary);

        var secrets = new ReencryptionCounts();
        var endpointIds = await EndpointIdsAsync(prefix, cancellationToken);
        foreach (var batch in endpointIds.Chunk(batchSize))
        {
            await InBatchAsync(async db =>
            {
                var rows = await db.Set<WebhookEndpoint>().IgnoreQueryFilters().AsNoTracking()
                    .Where(e => batch.Contains(e.Id))
                    .Select(e => new { e.Id, e.ProtectedSecret })
                    .ToListAsync(cancellationToken);
                foreach (var row in rows)
                {
                    if (!protector.CanUnprotect(row.ProtectedSecret))
                    {
                        secrets.AddUnreadable(AesGcmSecretProtector.KeyIdOf(row.ProtectedSecret) ?? NoKeyId);
                        continue;
                    }

                    var resealed = protector.Protect(protector.Unprotect(row.ProtectedSecret));
                    secrets.Reencrypted += await db.Set<WebhookEndpoint>().IgnoreQueryFilters()
                        .Where(e => e.Id == row.Id && !e.ProtectedSecret.StartsWith(prefix))
                        .ExecuteUpdateAsync(s => s.SetProperty(e => e.ProtectedSecret, resealed), cancellationToken);
                }
            }, cancellationToken);
        }

        var answers = new ReencryptionCounts();
        var answerIds = await IdsAsync(r => r.ResponseStatus != null && (r.ResponseKeyId == null || r.ResponseKeyId != primary), cancellationToken);
        foreach (var batch in answerIds.Chunk(batchSize))
        {
            await InBatchAsync(async db =>
            {
                var rows = await db.Set<IdempotencyRecord>().IgnoreQueryFilters().AsNoTracking()
                    .Where(r => batch.Contains(r.Id) && r.ResponseBody != null)
                    .Select(r => new { r.Id, r.ResponseKeyId, Body = r.ResponseBody! })
                    .ToListAsync(cancellationToken);
                foreach (var row in rows)
                {
                    byte[] plain;
                    try
                    {
                        plain = protector.Open(row.ResponseKeyId, row.Body);
                    }
                    catch (CryptographicException)
                    {
                        answers.AddUnreadable(row.ResponseKeyId ?? NoKeyId);
                        continue;
                    }

                    var (keyId, body) = protector.Seal(plain);
                    var oldKeyId = row.ResponseKeyId;
                    answers.Reencrypted += await db.Set<IdempotencyRecord>().IgnoreQueryFilters()
                        .Where(r => r.Id == row.Id && r.ResponseKeyId == oldKeyId)
                        .ExecuteUpdateAsync(s => s.SetProperty(r => r.ResponseBody, body).SetProperty(r => r.ResponseKeyId, keyId), cancellationToken);
                }
            }, cancellationToken);
        }

        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
            secrets.Current = await db.Set<WebhookEndpoint>().IgnoreQueryFilters().CountAsync(e => e.ProtectedSecret.StartsWith(prefix), cancellationToken);
            answers.Current = await db.Set<IdempotencyRecord>().IgnoreQueryFilters().CountAsync(r => r.ResponseStatus != null && r.ResponseKeyId == primary, cancellationToken);
        }

        return new ReencryptionReport(primary, secrets, answers);
    }

    private static void Add(SortedDictionary<string, int> counts, string keyId, int count)
    {
        if (count > 0)
        {
            counts[keyId] = counts.GetValueOrDefault(keyId) + count;
        }
    }

    private async Task<List<Guid>> EndpointIdsAsync(string primaryPrefix, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ApplicationDbContext>().Set<WebhookEndpoint>().IgnoreQueryFilters()
            .Where(e => !e.ProtectedSecret.StartsWith(primaryPrefix))
            .Select(e => e.Id)
            .ToListAsync(cancellationToken);
    }

    private async Task<List<Guid>> IdsAsync(Expression<Func<IdempotencyRecord, bool>> filter, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        return await Ids(scope.ServiceProvider.GetRequiredService<ApplicationDbContext>(), filter).ToListAsync(cancellationToken);
    }

    private async Task InBatchAsync(Func<ApplicationDbContext, Task> work, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        await using var unit = await scope.ServiceProvider.GetRequiredService<IUnitOfWork>().BeginAsync(cancellationToken);
        await work(scope.ServiceProvider.GetRequiredService<ApplicationDbContext>());
        await unit.CommitAsync(cancellationToken);
    }
}

/// <summary>Stored values that no configured key opens, counted by the id of the key that sealed them (<see cref="StoredSecrets.NoKeyId"/> for none).</summary>
public sealed record UnreadableSecrets(
    IReadOnlyList<string> ConfiguredKeyIds,
    IReadOnlyDictionary<string, int> EndpointSecrets,
    IReadOnlyDictionary<string, int> Answers)
{
    public bool Any => EndpointSecrets.Count > 0 || Answers.Count > 0;

    /// <summary>The ids of the keys that are missing, in order.</summary>
    public IReadOnlyList<string> MissingKeyIds => [.. EndpointSecrets.Keys.Union(Answers.Keys).Order(StringComparer.Ordinal)];

    /// <summary>One line: what cannot be read, under which missing key ids, and the configured ones. No key, no secret.</summary>
    public string Describe() =>
        $"{EndpointSecrets.Values.Sum()} webhook endpoint secret(s) and {Answers.Values.Sum()} stored idempotent answer(s) cannot be decrypted with any configured webhook key: "
        + $"they were sealed with key id(s) {string.Join(", ", MissingKeyIds)}"
        + (MissingKeyIds.Contains(StoredSecrets.NoKeyId) ? $" ({StoredSecrets.NoKeyId}: sealed before keys had ids, by an earlier Webhooks:SecretKey)" : string.Empty)
        + $"; configured: {string.Join(", ", ConfiguredKeyIds)}.";
}

/// <summary>What <see cref="StoredSecrets.ReencryptAsync"/> did to one kind of stored value.</summary>
public sealed class ReencryptionCounts
{
    private readonly SortedDictionary<string, int> _unreadable = new(StringComparer.Ordinal);

    /// <summary>Rewritten under the newest key by this run.</summary>
    public int Reencrypted { get; internal set; }

    /// <summary>Under the newest key once the run was done (those it rewrote included).</summary>
    public int Current { get; internal set; }

    /// <summary>Left as they were because no configured key opens them, by the id of the key that sealed them.</summary>
    public IReadOnlyDictionary<string, int> Unreadable => _unreadable;

    internal void AddUnreadable(string keyId) => _unreadable[keyId] = _unreadable.GetValueOrDefault(keyId) + 1;
}

/// <summary>What <see cref="StoredSecrets.ReencryptAsync"/> did.</summary>
public sealed record ReencryptionReport(string PrimaryKeyId, ReencryptionCounts EndpointSecrets, ReencryptionCounts Answers)
{
    public bool Complete => EndpointSecrets.Unreadable.Count == 0 && Answers.Unreadable.Count == 0;
}
