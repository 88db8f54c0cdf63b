using FluentValidation;
using Invoicing.Application.Common.Validation;
using Invoicing.Domain.Invoices;
using static Invoicing.Application.Common.Validation.FieldErrorCodes;

namespace Invoicing.Application.Invoices;

/// <summary>Every field rule of §5.1 that one invoice can be checked against alone.</summary>
internal sealed class InvoiceDraftValidator : AbstractValidator<InvoiceDraft>
{
    /// <summary>
    /// The one instance the request validators share: it has no dependencies and is immutable once built, and
    /// building its rules for every request cost more than running them (bench/Micro).
    /// </summary>
    public static readonly InvoiceDraftValidator Instance = new();

    public InvoiceDraftValidator()
    {
        RuleFor(x => x.AmountCents).Required().Min(Invoice.MinAmountCents).Max(Invoice.MaxAmountCents);
        RuleFor(x => x.DiscountAmountCents).Optional().Min(0)
            .Satisfies((x, discount) => !HasValidAmount(x) || discount <= x.AmountCents.Value, MaxValue, x => MaxValueMessage(x.AmountCents.Value));
        RuleFor(x => x.Currency).Optional().Satisfies(Invoice.IsCurrencyCode, Invalid, InvalidCurrencyMessage);
        RuleFor(x => x.InvoiceDate).Required();
        RuleFor(x => x.InvoiceDueDate).Required()
            .Satisfies((x, due) => !x.InvoiceDate.IsPresent || due >= x.InvoiceDate.Value, InvalidRelation, _ => "Must be on or after invoice_date.");
        RuleFor(x => x.InvoiceNumber).Required().NotBlank().MaxLength(Invoice.InvoiceNumberMaxLength);
        RuleFor(x => x.Note).Optional(nullable: true).MaxLength(Invoice.NoteMaxLength);
        RuleFor(x => x.OriginatingCounterpartyId).Required();
        RuleFor(x => x.ReceivingCounterpartyId).Required()
            .Satisfies((x, receiving) => !x.OriginatingCounterpartyId.IsPresent || receiving != x.OriginatingCounterpartyId.Value, InvalidRelation, _ => "Must differ from originating_counterparty_id.");
    }

    /// <summary>The discount is bounded by the amount only once the amount itself is acceptable.</summary>
    private static bool HasValidAmount(InvoiceDraft x) =>
        x.AmountCents is { IsPresent: true, Value: >= Invoice.MinAmountCents and <= Invoice.MaxAmountCents };
}
