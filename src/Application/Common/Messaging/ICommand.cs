using MediatR;

namespace Invoicing.Application.Common.Messaging;

/// <summary>A request that changes state: it runs inside one database transaction.</summary>
public interface ICommand<out TResponse> : IRequest<TResponse>;

/// <summary>A command over a list of items, whose field errors are reported per item (<c>[i].field</c>).</summary>
public interface IBatchCommand
{
    int ItemCount { get; }
}
