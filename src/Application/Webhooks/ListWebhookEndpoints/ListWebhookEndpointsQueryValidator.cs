using FluentValidation;
using Invoicing.Application.Common.Interfaces;
using Invoicing.Application.Common.Lists;
using Microsoft.EntityFrameworkCore;

namespace Invoicing.Application.Webhooks.ListWebhookEndpoints;

internal sealed class ListWebhookEndpointsQueryValidator : AbstractValidator<ListWebhookEndpointsQuery>
{
    public ListWebhookEndpointsQueryValidator(IApplicationDbContext db) =>
        Include(new ListQueryValidator<ListWebhookEndpointsQuery>((id, ct) => db.WebhookEndpoints.AnyAsync(w => w.Id == id, ct)));
}
