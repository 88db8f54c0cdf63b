using Invoicing.Application.Common.Exceptions;
using Invoicing.Application.Common.Interfaces;
using Invoicing.Domain.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace Invoicing.Application.Webhooks;

/// <summary>An endpoint named in a URL, read (tracked) from the key's environment, or 404 <c>webhook_endpoint_not_found</c>.</summary>
internal static class WebhookEndpointLookup
{
    public static async Task<WebhookEndpoint> FindAsync(IApplicationDbContext db, string id, CancellationToken cancellationToken) =>
        Guid.TryParse(id, out var endpointId)
            ? await db.WebhookEndpoints.FirstOrDefaultAsync(w => w.Id == endpointId, cancellationToken) ?? throw NotFoundException.WebhookEndpoint()
            : throw NotFoundException.WebhookEndpoint();
}
