using Invoicing.Application.Common.Exceptions;
using Invoicing.Application.Common.Interfaces;
using Invoicing.Application.Common.Messaging;
using Invoicing.Domain.Webhooks;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Invoicing.Application.Webhooks.ResendWebhookEvent;

/// <summary>
/// <c>POST /v1/webhook_endpoints/{id}/events/{event_id}/resend</c>: schedules one more delivery of an event of the
/// environment to one of its endpoints, due at once and retried like any other (docs/decisions/0036). Also for an event
/// older than the endpoint. The ids as they came in the URL.
/// </summary>
public sealed record ResendWebhookEventCommand(string Id, string EventId) : ICommand<WebhookDeliveryResponse>;

internal sealed class ResendWebhookEventCommandHandler(IApplicationDbContext db, TimeProvider time)
    : IRequestHandler<ResendWebhookEventCommand, WebhookDeliveryResponse>
{
    public async Task<WebhookDeliveryResponse> Handle(ResendWebhookEventCommand request, CancellationToken cancellationToken)
    {
        var endpoint = await WebhookEndpointLookup.FindAsync(db, request.Id, cancellationToken);
        var type = Guid.TryParse(request.EventId, out var eventId)
            ? await db.Events.Where(e => e.Id == eventId).Select(e => e.Type).FirstOrDefaultAsync(cancellationToken) ?? throw NotFoundException.Event()
            : throw NotFoundException.Event();
        if (endpoint.Disabled)
        {
            throw ConflictException.WebhookEndpointDisabled();
        }

        if (!endpoint.Receives(type))
        {
            throw ConflictException.EventTypeNotEnabled(type);
        }

        var delivery = WebhookDelivery.Create(eventId, endpoint.Id, time.GetUtcNow().UtcDateTime);
        db.WebhookDeliveries.Add(delivery);
        await db.SaveChangesAsync(cancellationToken);
        return WebhookDeliveryResponse.From(delivery);
    }
}
