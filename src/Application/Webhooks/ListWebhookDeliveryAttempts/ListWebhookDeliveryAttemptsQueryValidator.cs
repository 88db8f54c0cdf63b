using FluentValidation;
using Invoicing.Application.Common.Interfaces;
using Invoicing.Application.Common.Lists;
using Invoicing.Application.Common.Validation;
using Microsoft.EntityFrameworkCore;

namespace Invoicing.Application.Webhooks.ListWebhookDeliveryAttempts;

internal sealed class ListWebhookDeliveryAttemptsQueryValidator : AbstractValidator<ListWebhookDeliveryAttemptsQuery>
{
    public ListWebhookDeliveryAttemptsQueryValidator(IApplicationDbContext db)
    {
        // A cursor must be an attempt of this endpoint. For an endpoint that is not in the key's environment the cursor
        // is not judged, so that the handler's 404 answers (and nothing is said about another environment's attempts).
        Include(new ListQueryValidator<ListWebhookDeliveryAttemptsQuery>(async (query, cursor, ct) =>
            !Guid.TryParse(query.WebhookEndpointId, out var endpointId)
            || !await db.WebhookEndpoints.AnyAsync(w => w.Id == endpointId, ct)
            || await db.WebhookDeliveryAttempts.AnyAsync(a => a.Id == cursor && a.WebhookEndpointId == endpointId, ct)));
        RuleFor(x => x.Event).Optional().OverridePropertyName("event");
    }
}
