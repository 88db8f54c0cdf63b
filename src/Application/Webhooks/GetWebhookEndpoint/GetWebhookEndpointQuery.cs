using Invoicing.Application.Common.Exceptions;
using Invoicing.Application.Common.Interfaces;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Invoicing.Application.Webhooks.GetWebhookEndpoint;

/// <summary><c>GET /v1/webhook_endpoints/{id}</c>. The id as it came in the URL.</summary>
public sealed record GetWebhookEndpointQuery(string Id) : IRequest<WebhookEndpointResponse>;

internal sealed class GetWebhookEndpointQueryHandler(IApplicationDbContext db) : IRequestHandler<GetWebhookEndpointQuery, WebhookEndpointResponse>
{
    public async Task<WebhookEndpointResponse> Handle(GetWebhookEndpointQuery request, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(request.Id, out var id))
        {
            throw NotFoundException.WebhookEndpoint();
        }

        return await db.WebhookEndpoints.Where(w => w.Id == id).Select(WebhookEndpointResponse.Projection).FirstOrDefaultAsync(cancellationToken)
            ?? throw NotFoundException.WebhookEndpoint();
    }
}
