using Invoicing.Application.Common.Exceptions;
using Invoicing.Application.Common.Interfaces;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Invoicing.Application.Counterparties.GetCounterparty;

/// <summary>The id as it came in the URL: an id that is not a UUID simply names no counterparty.</summary>
public sealed record GetCounterpartyQuery(string Id) : IRequest<CounterpartyResponse>;

internal sealed class GetCounterpartyQueryHandler(IApplicationDbContext db) : IRequestHandler<GetCounterpartyQuery, CounterpartyResponse>
{
    public async Task<CounterpartyResponse> Handle(GetCounterpartyQuery request, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(request.Id, out var id))
        {
            throw NotFoundException.Counterparty();
        }

        return await db.Counterparties.Where(c => c.Id == id).Select(CounterpartyResponse.Projection).FirstOrDefaultAsync(cancellationToken)
            ?? throw NotFoundException.Counterparty();
    }
}
