using FluentValidation;
using Invoicing.Application.Common.Interfaces;
using Invoicing.Application.Common.Lists;
using Invoicing.Application.Common.Validation;
using Microsoft.EntityFrameworkCore;
using static Invoicing.Application.Common.Validation.FieldErrorCodes;

namespace Invoicing.Application.Invoices.ListInvoices;

internal sealed class ListInvoicesQueryValidator : AbstractValidator<ListInvoicesQuery>
{
    public static readonly string UnknownStatusMessage = $"Must be one of: {string.Join(", ", ListInvoicesQuery.Statuses.Keys)}.";

    public ListInvoicesQueryValidator(IApplicationDbContext db)
    {
        Include(new ListQueryValidator<ListInvoicesQuery>((id, ct) => db.Invoices.AnyAsync(i => i.Id == id, ct)));
        RuleFor(x => x.Status).Optional().Satisfies(ListInvoicesQuery.Statuses.ContainsKey, Invalid, UnknownStatusMessage).OverridePropertyName("status");
        RuleFor(x => x.OriginatingCounterpartyId).Optional();
        RuleFor(x => x.ReceivingCounterpartyId).Optional();
        RuleFor(x => x.InvoiceDateGte).Optional().OverridePropertyName("invoice_date[gte]");
        RuleFor(x => x.InvoiceDateLte).Optional().OverridePropertyName("invoice_date[lte]");
        RuleFor(x => x.InvoiceNumber).Optional();
        Include(new CreatedRangeValidator<ListInvoicesQuery>());
    }
}
