using Invoicing.Application.Common.Exceptions;
using Invoicing.Application.Common.Interfaces;
using Invoicing.Application.Common.Lists;
using Invoicing.Application.Common.Validation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Invoicing.Application.Webhooks.ListWebhookDeliveryAttempts;

/// <summary>
/// <c>GET /v1/webhook_endpoints/{id}/delivery_attempts</c> (§6, docs/decisions/0036): the endpoint's attempts, newest
/// first, optionally of one event. <see cref="WebhookEndpointId"/> as it came in the URL.
/// </summary>
public sealed record ListWebhookDeliveryAttemptsQuery(string WebhookEndpointId, Input<long> Limit, Input<Guid> StartingAfter, Input<Guid> EndingBefore, Input<Guid> Event)
    : IRequest<ListResponse<WebhookDeliveryAttemptResponse>>, IListQuery;

internal sealed class ListWebhookDeliveryAttemptsQueryHandler(IApplicationDbContext db)
    : IRequestHandler<ListWebhookDeliveryAttemptsQuery, ListResponse<WebhookDeliveryAttemptResponse>>
{
    public async Task<ListResponse<WebhookDeliveryAttemptResponse>> Handle(ListWebhookDeliveryAttemptsQuery request, CancellationToken cancellationToken)
    {
        // Attempts are not environment-scoped: the endpoint, which is, is found first (404 in another environment).
        if (!Guid.TryParse(request.WebhookEndpointId, out var endpointId) || !await db.WebhookEndpoints.AnyAsync(w => w.Id == endpointId, cancellationToken))
        {
            throw NotFoundException.WebhookEndpoint();
        }

        var attempts = db.WebhookDeliveryAttempts.Where(a => a.WebhookEndpointId == endpointId);
        if (request.Event.IsPresent)
        {
            var eventId = request.Event.Value;
            attempts = attempts.Where(a => a.EventId == eventId);
        }

        // Keyset on the id (UUIDv7 of the attempt's time), as every list (docs/decisions/0009): one indexed read per page.
        var limit = (int)request.Limit.ValueOr(IListQuery.DefaultLimit);
        if (request.EndingBefore.IsPresent)
        {
            var before = request.EndingBefore.Value;
            var newer = await attempts.Where(a => a.Id.CompareTo(before) > 0).OrderBy(a => a.Id).Take(limit + 1)
                .Select(WebhookDeliveryAttemptResponse.Projection).ToListAsync(cancellationToken);
            return new ListResponse<WebhookDeliveryAttemptResponse>(newer.Take(limit).Reverse().ToList(), newer.Count > limit);
        }

        if (request.StartingAfter.IsPresent)
        {
            var after = request.StartingAfter.Value;
            attempts = attempts.Where(a => a.Id.CompareTo(after) < 0);
        }

        var rows = await attempts.OrderByDescending(a => a.Id).Take(limit + 1).Select(WebhookDeliveryAttemptResponse.Projection).ToListAsync(cancellationToken);
        return new ListResponse<WebhookDeliveryAttemptResponse>(rows.Take(limit).ToList(), rows.Count > limit);
    }
}
