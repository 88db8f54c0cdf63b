using Invoicing.Application.Common.Interfaces;
using Invoicing.Application.Common.Lists;
using Invoicing.Application.Common.Validation;
using MediatR;

namespace Invoicing.Application.Counterparties.ListCounterparties;

/// <summary><c>GET /v1/counterparties</c> (§4, §6), optionally only those created within a range (§10).</summary>
public sealed record ListCounterpartiesQuery(
    Input<long> Limit,
    Input<Guid> StartingAfter,
    Input<Guid> EndingBefore,
    Input<DateTimeOffset> CreatedGte,
    Input<DateTimeOffset> CreatedLte) : IRequest<ListResponse<CounterpartyResponse>>, IListQuery, ICreatedRangeQuery;

internal sealed class ListCounterpartiesQueryHandler(IApplicationDbContext db)
    : IRequestHandler<ListCounterpartiesQuery, ListResponse<CounterpartyResponse>>
{
    public Task<ListResponse<CounterpartyResponse>> Handle(ListCounterpartiesQuery request, CancellationToken cancellationToken) =>
        Keyset.PageAsync(db.Counterparties.CreatedWithin(request), request, CounterpartyResponse.Projection, cancellationToken);
}
