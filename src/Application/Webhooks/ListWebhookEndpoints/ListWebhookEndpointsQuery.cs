using Invoicing.Application.Common.Interfaces;
using Invoicing.Application.Common.Lists;
using Invoicing.Application.Common.Validation;
using MediatR;

namespace Invoicing.Application.Webhooks.ListWebhookEndpoints;

/// <summary><c>GET /v1/webhook_endpoints</c> (§9, §6).</summary>
public sealed record ListWebhookEndpointsQuery(Input<long> Limit, Input<Guid> StartingAfter, Input<Guid> EndingBefore)
    : IRequest<ListResponse<WebhookEndpointResponse>>, IListQuery;

internal sealed class ListWebhookEndpointsQueryHandler(IApplicationDbContext db)
    : IRequestHandler<ListWebhookEndpointsQuery, ListResponse<WebhookEndpointResponse>>
{
    public Task<ListResponse<WebhookEndpointResponse>> Handle(ListWebhookEndpointsQuery request, CancellationToken cancellationToken) =>
        Keyset.PageAsync(db.WebhookEndpoints, request, WebhookEndpointResponse.Projection, cancellationToken);
}
