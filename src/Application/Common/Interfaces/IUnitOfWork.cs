namespace Invoicing.Application.Common.Interfaces;

/// <summary>
/// The scope's database transaction, decided in one place (docs/decisions/0034). A unit of work is the scope's
/// transaction when none is open yet, or a savepoint inside the open one (a command joining the idempotency
/// middleware's transaction): either way it counts only once committed, and disposing it uncommitted undoes what it
/// did and nothing before it.
/// </summary>
public interface IUnitOfWork
{
    Task<ITransaction> BeginAsync(CancellationToken cancellationToken);

    /// <summary>
    /// A unit whose work is one save (<see cref="Messaging.ISingleSaveCommand{TResponse}"/>): the save is atomic by itself,
    /// so no transaction is begun, and a second save in the unit fails before it writes. Inside an open transaction, a
    /// savepoint as <see cref="BeginAsync"/>.
    /// </summary>
    Task<ITransaction> BeginSingleSaveAsync(CancellationToken cancellationToken);
}

/// <summary>One unit of work begun by <see cref="IUnitOfWork.BeginAsync"/> or <see cref="IUnitOfWork.BeginSingleSaveAsync"/>.</summary>
public interface ITransaction : IAsyncDisposable
{
    /// <summary>Makes the work count: commits the transaction, or keeps a savepoint's work for the transaction's owner.</summary>
    Task CommitAsync(CancellationToken cancellationToken);

    /// <summary>Undoes the work: rolls the transaction back, or back to the savepoint (best effort).</summary>
    Task RollbackAsync(CancellationToken cancellationToken);
}
