using System.ComponentModel.DataAnnotations;
using Invoicing.Application.Common.Interfaces;
using Invoicing.Application.Common.Messaging;
using Invoicing.Application.Common.Validation;
using Invoicing.Domain.Invoices;
using MediatR;

namespace Invoicing.Application.Invoices.CreateInvoice;

/// <summary>One invoice (§5.1): the body of <c>POST /v1/invoices</c>, and each item of a batch.</summary>
/// <param name="AmountCents">The amount in cents.</param>
/// <param name="DiscountAmountCents">Defaults to 0; at most `amount_cents` (otherwise `max_value`).</param>
/// <param name="Currency">Three lowercase letters (ISO 4217).</param>
/// <param name="InvoiceDate">The invoice's date.</param>
/// <param name="InvoiceDueDate">On or after `invoice_date` (otherwise `invalid_relation`).</param>
/// <param name="InvoiceNumber">Not blank; unique per environment and originating counterparty (otherwise `unique`).</param>
/// <param name="Note">May be blank; `null` means none.</param>
/// <param name="OriginatingCounterpartyId">A counterparty in the key's environment (otherwise `does_not_exist`).</param>
/// <param name="ReceivingCounterpartyId">A counterparty in the key's environment, other than the originating one.</param>
/// <param name="Metadata">Your own key-value pairs (§10): up to 50 keys of 1–40 characters, string values of up to 500 characters; a key with `""` or `null` is not stored.</param>
public sealed record CreateInvoiceCommand(
    [property: Required, Range(Invoice.MinAmountCents, Invoice.MaxAmountCents)] Input<long> AmountCents,
    [property: Range(0, Invoice.MaxAmountCents), DefaultsTo(0L)] Input<long> DiscountAmountCents,
    [property: RegularExpression("^[a-z]{3}$"), DefaultsTo(Invoice.DefaultCurrency)] Input<string> Currency,
    [property: Required] Input<DateOnly> InvoiceDate,
    [property: Required] Input<DateOnly> InvoiceDueDate,
    [property: Required, MinLength(1), MaxLength(Invoice.InvoiceNumberMaxLength)] Input<string> InvoiceNumber,
    [property: NullMeansNone, MaxLength(Invoice.NoteMaxLength)] Input<string> Note,
    [property: Required] Input<Guid> OriginatingCounterpartyId,
    [property: Required] Input<Guid> ReceivingCounterpartyId,
    [property: MaxLength(Domain.Common.Metadata.MaxKeys)] Input<IReadOnlyDictionary<string, string?>> Metadata) : ISingleSaveCommand<InvoiceResponse>
{
    /// <summary>The terms of an invoice that passed validation, with the contract's defaults filled in.</summary>
    public InvoiceTerms ToTerms() => new(
        AmountCents.Value,
        DiscountAmountCents.ValueOr(0),
        Currency.ValueOr(Invoice.DefaultCurrency),
        InvoiceDate.Value,
        InvoiceDueDate.Value,
        InvoiceNumber.Value,
        Note.IsPresent ? Note.Value : null,
        OriginatingCounterpartyId.Value,
        ReceivingCounterpartyId.Value,
        Metadata.IsPresent ? Metadata.Value : null);
}

internal sealed class CreateInvoiceCommandHandler(IApplicationDbContext db, TimeProvider time)
    : IRequestHandler<CreateInvoiceCommand, InvoiceResponse>
{
    public async Task<InvoiceResponse> Handle(CreateInvoiceCommand request, CancellationToken cancellationToken)
    {
        var invoice = Invoice.Create(request.ToTerms(), time.GetUtcNow());
        db.Invoices.Add(invoice);
        await db.SaveChangesAsync(cancellationToken);
        return InvoiceResponse.From(invoice);
    }
}
