using Invoicing.Application.Common.Interfaces;
using Invoicing.Application.Common.Messaging;
using MediatR;

namespace Invoicing.Application.Common.Behaviours;

/// <summary>
/// Runs each command in one database transaction: it commits only when the whole pipeline
/// inside it succeeded, so a failure anywhere leaves nothing of the request behind.
/// Queries pass straight through.
/// </summary>
internal sealed class TransactionBehaviour<TRequest, TResponse>(IApplicationDbContext db)
    : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (request is not ICommand<TResponse> || db.Database.CurrentTransaction is not null)
        {
            return await next();
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // All or nothing per request: a failed SaveChanges rolls back the whole transaction, so EF's automatic
        // savepoint around each SaveChanges would only cost a round trip (docs/decisions/0019).
        db.Database.AutoSavepointsEnabled = false;
        var response = await next();
        await transaction.CommitAsync(cancellationToken);
        return response;
    }
}
