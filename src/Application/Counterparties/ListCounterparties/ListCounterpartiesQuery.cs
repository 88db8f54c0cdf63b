using Invoicing.Application.Common.Interfaces;
using Invoicing.Application.Common.Lists;
using Invoicing.Application.Common.Validation;
using MediatR;

namespace Invoicing.Application.Counterparties.ListCounterparties;

/// <summary><c>GET /v1/counterparties</c> (§4, §6).</summary>
public sealed record ListCounterpartiesQuery(Input<long> Limit, Input<Guid> StartingAfter, Input<Guid> EndingBefore)
    : IRequest<ListResponse<CounterpartyResponse>>, IListQuery;

internal sealed class ListCounterpartiesQueryHandler(IApplicationDbContext db)
    : IRequestHandler<ListCounterpartiesQuery, ListResponse<CounterpartyResponse>>
{
    public Task<ListResponse<CounterpartyResponse>> Handle(ListCounterpartiesQuery request, CancellationToken cancellationToken) =>
        Keyset.PageAsync(db.Counterparties, request, CounterpartyResponse.Projection, cancellationToken);
}
