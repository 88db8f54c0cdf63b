using Invoicing.Application.Common.Interfaces;
using Invoicing.Application.Common.Messaging;
using MediatR;

namespace Invoicing.Application.Common.Behaviours;

/// <summary>
/// Runs each command in one database transaction: it commits only when the whole pipeline
/// inside it succeeded, so a failure anywhere leaves nothing of the request behind.
/// A command that joins a transaction already open (the idempotency middleware's, which also stores the answer)
/// runs inside a savepoint of it instead: a failed command is rolled back to the savepoint, so the transaction
/// stays usable for what follows it (re-validation after a unique violation, which on PostgreSQL would otherwise
/// find the transaction aborted; then storing the 400). Queries pass straight through.
/// </summary>
internal sealed class TransactionBehaviour<TRequest, TResponse>(IApplicationDbContext db)
    : IPipelineBehavior<TRequest, TResponse>
{
    private const string Savepoint = "command";

    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (request is not ICommand<TResponse>)
        {
            return await next();
        }

        // All or nothing per command: our own transaction or savepoint covers it, so EF's automatic savepoint
        // around each SaveChanges would only cost a round trip (docs/decisions/0019).
        db.Database.AutoSavepointsEnabled = false;
        if (db.Database.CurrentTransaction is { } joined)
        {
            await joined.CreateSavepointAsync(Savepoint, cancellationToken);
            try
            {
                return await next();
            }
            catch
            {
                await RollbackToSavepointAsync(joined);
                throw;
            }
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var response = await next();
        await transaction.CommitAsync(cancellationToken);
        return response;
    }

    /// <summary>Best effort: when even that fails (the connection is gone), the request's own failure is what counts.</summary>
    private static async Task RollbackToSavepointAsync(Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction joined)
    {
        try
        {
            await joined.RollbackToSavepointAsync(Savepoint, CancellationToken.None);
        }
        catch (Exception)
        {
            // The outer transaction is then unusable; its owner rolls it back.
        }
    }
}
