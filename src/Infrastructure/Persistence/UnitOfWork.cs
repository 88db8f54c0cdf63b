using Invoicing.Application.Common.Interfaces;
using Microsoft.EntityFrameworkCore.Storage;

namespace Invoicing.Infrastructure.Persistence;

/// <summary>
/// The one place that begins database transactions (docs/decisions/0034): every command's (the transaction behaviour),
/// the idempotency middleware's that the request's command joins, the webhook worker's. The first unit of a scope
/// begins the scope's transaction; a unit begun while it is open is a savepoint in it, so that a failed command is
/// undone alone and the transaction stays usable for what follows (docs/decisions/0026).
/// </summary>
internal sealed class UnitOfWork(ApplicationDbContext db) : IUnitOfWork
{
    private const string Savepoint = "unit";

    public async Task<ITransaction> BeginAsync(CancellationToken cancellationToken)
    {
        // Each unit is all or nothing: the transaction or savepoint already covers every save in it, so the savepoint EF
        // would set around each SaveChanges inside a transaction only costs a round trip (docs/decisions/0019).
        db.Database.AutoSavepointsEnabled = false;
        if (db.Database.CurrentTransaction is { } open)
        {
            await open.CreateSavepointAsync(Savepoint, cancellationToken);
            return new SavepointUnit(open);
        }

        return new TransactionUnit(await db.Database.BeginTransactionAsync(cancellationToken));
    }

    /// <summary>The scope's transaction: disposed uncommitted, it rolls back.</summary>
    private sealed class TransactionUnit(IDbContextTransaction transaction) : ITransaction
    {
        public Task CommitAsync(CancellationToken cancellationToken) => transaction.CommitAsync(cancellationToken);

        public Task RollbackAsync(CancellationToken cancellationToken) => transaction.RollbackAsync(cancellationToken);

        public ValueTask DisposeAsync() => transaction.DisposeAsync();
    }

    /// <summary>A savepoint in the transaction someone else owns: committing leaves its work to that owner.</summary>
    private sealed class SavepointUnit(IDbContextTransaction transaction) : ITransaction
    {
        private bool _settled;

        public Task CommitAsync(CancellationToken cancellationToken)
        {
            _settled = true;
            return Task.CompletedTask;
        }

        public async Task RollbackAsync(CancellationToken cancellationToken)
        {
            _settled = true;
            try
            {
                await transaction.RollbackToSavepointAsync(Savepoint, cancellationToken);
            }
            catch (Exception)
            {
                // Best effort: when even this fails (the connection is gone), the transaction is unusable and its owner
                // rolls it back; the failure that brought us here is what counts.
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (!_settled)
            {
                await RollbackAsync(CancellationToken.None);
            }
        }
    }
}
