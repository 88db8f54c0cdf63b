using Invoicing.Application.Common.Interfaces;
using Invoicing.Application.Common.Messaging;
using MediatR;

namespace Invoicing.Application.Common.Behaviours;

/// <summary>
/// Runs each command as one unit of work (<see cref="IUnitOfWork"/>): it counts only when the whole pipeline inside it
/// succeeded, so a failure anywhere leaves nothing of the request behind. Inside a transaction already open (the
/// idempotency middleware's) the unit is a savepoint, which keeps that transaction usable after a failed command
/// (re-validation after a unique violation, then storing the 400). A command that writes with one save only
/// (<see cref="ISingleSaveCommand{TResponse}"/>) has that save as its unit. Queries pass straight through.
/// </summary>
internal sealed class TransactionBehaviour<TRequest, TResponse>(IUnitOfWork unitOfWork)
    : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (request is not ICommand<TResponse>)
        {
            return await next();
        }

        await using var transaction = request is ISingleSaveCommand<TResponse>
            ? await unitOfWork.BeginSingleSaveAsync(cancellationToken)
            : await unitOfWork.BeginAsync(cancellationToken);
        var response = await next();
        await transaction.CommitAsync(cancellationToken);
        return response;
    }
}
