using Invoicing.Application.Common.Validation;
using Invoicing.Domain.Invoices;

namespace Invoicing.Application.Invoices;

/// <summary>One invoice as submitted (§5.1), each member in the state the client sent it.</summary>
public sealed record InvoiceDraft(
    Input<long> AmountCents,
    Input<long> DiscountAmountCents,
    Input<string> Currency,
    Input<DateOnly> InvoiceDate,
    Input<DateOnly> InvoiceDueDate,
    Input<string> InvoiceNumber,
    Input<string> Note,
    Input<Guid> OriginatingCounterpartyId,
    Input<Guid> ReceivingCounterpartyId)
{
    /// <summary>The terms of a draft that passed validation, with the contract's defaults filled in.</summary>
    public InvoiceTerms ToTerms() => new(
        AmountCents.Value,
        DiscountAmountCents.ValueOr(0),
        Currency.ValueOr(Invoice.DefaultCurrency),
        InvoiceDate.Value,
        InvoiceDueDate.Value,
        InvoiceNumber.Value,
        Note.IsPresent ? Note.Value : null,
        OriginatingCounterpartyId.Value,
        ReceivingCounterpartyId.Value);
}
