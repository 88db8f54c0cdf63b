using Invoicing.Application.Common.Exceptions;
using Invoicing.Application.Common.Interfaces;
using Invoicing.Application.Common.Messaging;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Invoicing.Application.Webhooks.DeleteWebhookEndpoint;

/// <summary>
/// <c>DELETE /v1/webhook_endpoints/{id}</c>: the endpoint and its pending deliveries and attempts go (the
/// database cascades); events stay. The id as it came in the URL.
/// </summary>
public sealed record DeleteWebhookEndpointCommand(string Id) : ICommand<DeletedWebhookEndpointResponse>;

internal sealed class DeleteWebhookEndpointCommandHandler(IApplicationDbContext db)
    : IRequestHandler<DeleteWebhookEndpointCommand, DeletedWebhookEndpointResponse>
{
    public async Task<DeletedWebhookEndpointResponse> Handle(DeleteWebhookEndpointCommand request, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(request.Id, out var id))
        {
            throw NotFoundException.WebhookEndpoint();
        }

        // The environment filter applies to the delete too: another environment's endpoint is not found.
        var deleted = await db.WebhookEndpoints.Where(w => w.Id == id).ExecuteDeleteAsync(cancellationToken);
        return deleted == 1 ? new DeletedWebhookEndpointResponse(id) : throw NotFoundException.WebhookEndpoint();
    }
}
