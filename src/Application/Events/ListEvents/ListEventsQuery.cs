using Invoicing.Application.Common.Interfaces;
using Invoicing.Application.Common.Lists;
using Invoicing.Application.Common.Validation;
using MediatR;

namespace Invoicing.Application.Events.ListEvents;

/// <summary><c>GET /v1/events</c> (§9, §6), optionally only one <c>type</c> and only those created within a range (§10).</summary>
public sealed record ListEventsQuery(
    Input<long> Limit,
    Input<Guid> StartingAfter,
    Input<Guid> EndingBefore,
    Input<string> Type,
    Input<DateTimeOffset> CreatedGte,
    Input<DateTimeOffset> CreatedLte) : IRequest<ListResponse<EventResponse>>, IListQuery, ICreatedRangeQuery;

internal sealed class ListEventsQueryHandler(IApplicationDbContext db)
    : IRequestHandler<ListEventsQuery, ListResponse<EventResponse>>
{
    public Task<ListResponse<EventResponse>> Handle(ListEventsQuery request, CancellationToken cancellationToken)
    {
        var events = db.Events.AsQueryable();
        if (request.Type.IsPresent)
        {
            var type = request.Type.Value;
            events = events.Where(e => e.Type == type);
        }

        return Keyset.PageAsync(events.CreatedWithin(request), request, EventResponse.Projection, cancellationToken);
    }
}
