using Invoicing.Application.Common.Exceptions;
using Invoicing.Application.Common.Interfaces;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Invoicing.Application.Events.GetEvent;

/// <summary><c>GET /v1/events/{id}</c>. The id as it came in the URL: one that is not a UUID names no event.</summary>
public sealed record GetEventQuery(string Id) : IRequest<EventResponse>;

internal sealed class GetEventQueryHandler(IApplicationDbContext db) : IRequestHandler<GetEventQuery, EventResponse>
{
    public async Task<EventResponse> Handle(GetEventQuery request, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(request.Id, out var id))
        {
            throw NotFoundException.Event();
        }

        return await db.Events.Where(e => e.Id == id).Select(EventResponse.Projection).FirstOrDefaultAsync(cancellationToken)
            ?? throw NotFoundException.Event();
    }
}
