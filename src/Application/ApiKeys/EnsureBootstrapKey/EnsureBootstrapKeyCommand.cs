using Invoicing.Application.Common.Exceptions;
using Invoicing.Application.Common.Interfaces;
using Invoicing.Domain.ApiKeys;
using Invoicing.Domain.Common;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Invoicing.Application.ApiKeys.EnsureBootstrapKey;

/// <summary>
/// Stores a key chosen in advance (<c>Invoicing:BootstrapKeys</c>) unless its hash is already stored: idempotent
/// across restarts and across instances starting at once. A stored key is left as it is (a revoked one stays
/// revoked). Not an <c>ICommand</c>: it is one insert, atomic on its own, and after losing a race on the unique
/// hash index it must read again, which an aborted PostgreSQL transaction could not (docs/decisions/0014).
/// </summary>
public sealed record EnsureBootstrapKeyCommand(string Secret, ApiEnvironment Environment, string? Name) : IRequest<BootstrapKeyOutcome>
{
    /// <summary>Never the key: a request may end up in a log line or an exception message.</summary>
    public override string ToString() => $"{nameof(EnsureBootstrapKeyCommand)} {{ Environment = {Environment}, Name = {Name} }}";
}

public enum BootstrapKeyStatus
{
    /// <summary>The key was not stored yet and now is.</summary>
    Created,

    /// <summary>The key was already stored (an earlier start, or another instance starting at the same time).</summary>
    AlreadyStored,

    /// <summary>The key is stored and revoked; it stays revoked.</summary>
    Revoked,

    /// <summary>Another key with the same display prefix (first 16 characters) is stored: this one cannot be.</summary>
    PrefixTaken,
}

/// <summary>What happened to a bootstrap key, with its display prefix (never the key).</summary>
public sealed record BootstrapKeyOutcome(BootstrapKeyStatus Status, string Prefix, ApiEnvironment Environment);

internal sealed class EnsureBootstrapKeyCommandHandler(IApplicationDbContext db, TimeProvider time)
    : IRequestHandler<EnsureBootstrapKeyCommand, BootstrapKeyOutcome>
{
    public async Task<BootstrapKeyOutcome> Handle(EnsureBootstrapKeyCommand request, CancellationToken cancellationToken)
    {
        var key = ApiKey.FromKnownSecret(request.Secret, request.Environment, request.Name, time.GetUtcNow());
        if (await FindAsync(key, cancellationToken) is { } stored)
        {
            return stored;
        }

        db.ApiKeys.Add(key);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return new BootstrapKeyOutcome(BootstrapKeyStatus.Created, key.Prefix, key.Environment);
        }
        catch (UniqueConstraintException)
        {
            // Another instance stored it between our look and our insert (the index made us wait for its commit).
            db.ApiKeys.Entry(key).State = EntityState.Detached;
            return await FindAsync(key, cancellationToken) ?? throw new InvalidOperationException("A bootstrap key clashed with a row that is no longer there.");
        }
    }

    private async Task<BootstrapKeyOutcome?> FindAsync(ApiKey key, CancellationToken cancellationToken)
    {
        var stored = await db.ApiKeys.AsNoTracking()
            .Where(k => k.Hash == key.Hash || k.Prefix == key.Prefix)
            .Select(k => new { k.Hash, k.RevokedAt })
            .ToListAsync(cancellationToken);
        if (stored.Count == 0)
        {
            return null;
        }

        var status = stored.SingleOrDefault(k => k.Hash == key.Hash) switch
        {
            null => BootstrapKeyStatus.PrefixTaken,
            { RevokedAt: not null } => BootstrapKeyStatus.Revoked,
            _ => BootstrapKeyStatus.AlreadyStored,
        };
        return new BootstrapKeyOutcome(status, key.Prefix, key.Environment);
    }
}
