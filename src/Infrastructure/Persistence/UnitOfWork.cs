using Invoicing.Application.Common.Interfaces;
using Microsoft.EntityFrameworkCore;
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

    public Task<ITransaction> BeginSingleSaveAsync(CancellationToken cancellationToken) =>
        db.Database.CurrentTransaction is null ? Task.FromResult<ITransaction>(new SingleSaveUnit(db)) : BeginAsync(cancellationToken);

    /// <summary>
    /// A unit that is its one save (docs/decisions/0048): EF's save is atomic by itself (on PostgreSQL a batch of INSERTs
    /// is its own transaction, <see cref="NpgsqlInsertBatchFactory"/>; elsewhere EF begins one around a save of several
    /// statements), so there is nothing to commit or roll back here. A second save would commit apart from the first,
    /// so it fails before it writes.
    /// </summary>
    private sealed class SingleSaveUnit : ITransaction
    {
        private readonly ApplicationDbContext _db;
        private bool _saved;

        public SingleSaveUnit(ApplicationDbContext db)
        {
            _db = db;
            _db.SavingChanges += OnSaving;
        }

        public Task CommitAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task RollbackAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public ValueTask DisposeAsync()
        {
            _db.SavingChanges -= OnSaving;
            return ValueTask.CompletedTask;
        }

        private void OnSaving(object? sender, SavingChangesEventArgs e)
        {
            if (_saved)
            {
                throw new InvalidOperationException(
                    "A single-save command saved a second time; its first save has committed on its own. Make it an ICommand, whose unit is a transaction.");
            }

            _saved = true;
        }
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
