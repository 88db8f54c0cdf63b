using Invoicing.Application.Common.Validation;
using MediatR;

namespace Invoicing.Application.Common.Messaging;

/// <summary>A request that changes state: it runs inside one database transaction.</summary>
public interface ICommand<out TResponse> : IRequest<TResponse>;

/// <summary>
/// A command whose handler writes everything it writes with one save, as its last step (a create: add, save, answer).
/// That save is its unit of work: a save is atomic by itself, so no transaction is begun around the handler, and on
/// PostgreSQL a save of new rows costs one round trip, not two (docs/decisions/0048). A second save fails the request;
/// inside a transaction already open (the idempotency middleware's) it is a savepoint as for any command.
/// </summary>
public interface ISingleSaveCommand<out TResponse> : ICommand<TResponse>;

/// <summary>A command over a list of items, whose field errors are reported per item (<c>[i].field</c>).</summary>
public interface IBatchCommand
{
    int ItemCount { get; }
}

/// <summary>
/// A batch whose request body is the JSON array of its items itself (each an object, else that item is
/// <see cref="Input{T}.Invalid"/>); the OpenAPI document describes it so, with 1 to <see cref="MaxItems"/> items.
/// </summary>
public interface IBatchCommand<TSelf, TItem> : IBatchCommand
    where TSelf : IBatchCommand<TSelf, TItem>
{
    static abstract int MaxItems { get; }

    IReadOnlyList<Input<TItem>> Items { get; }

    int IBatchCommand.ItemCount => Items.Count;

    static abstract TSelf Of(IReadOnlyList<Input<TItem>> items);
}
