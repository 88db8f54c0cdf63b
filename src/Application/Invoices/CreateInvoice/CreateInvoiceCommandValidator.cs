using FluentValidation;
using Invoicing.Application.Common.Validation;
using Invoicing.Domain.Invoices;
using static Invoicing.Application.Common.Validation.FieldErrorCodes;

namespace Invoicing.Application.Invoices.CreateInvoice;

/// <summary>The field rules of §5.1, then the rules that need the database (<see cref="InvoiceStoreRules"/>).</summary>
internal sealed class CreateInvoiceCommandValidator : AbstractValidator<CreateInvoiceCommand>
{
    /// <summary>
    /// Every rule one invoice can be checked against alone, for a single create and for each item of a batch. One
    /// instance is shared: it has no dependencies and is immutable once built, and building its rules for every
    /// request cost more than running them (bench/Micro).
    /// </summary>
    public static readonly IValidator<CreateInvoiceCommand> Fields = BuildFields();

    public CreateInvoiceCommandValidator(InvoiceStoreRules store)
    {
        Include(Fields);
        RuleFor(x => x).CustomAsync((invoice, context, ct) => store.AddFailuresAsync([invoice], batch: false, context, ct));
    }

    private static InlineValidator<CreateInvoiceCommand> BuildFields()
    {
        var v = new InlineValidator<CreateInvoiceCommand>();
        v.RuleFor(x => x.AmountCents).AsDeclared().Min(Invoice.MinAmountCents).Max(Invoice.MaxAmountCents);
        v.RuleFor(x => x.DiscountAmountCents).AsDeclared().Min(0)
            .Satisfies((x, discount) => !HasValidAmount(x) || discount <= x.AmountCents.Value, MaxValue, x => MaxValueMessage(x.AmountCents.Value));
        v.RuleFor(x => x.Currency).AsDeclared().Satisfies(Invoice.IsCurrencyCode, Invalid, InvalidCurrencyMessage);
        v.RuleFor(x => x.InvoiceDate).AsDeclared();
        v.RuleFor(x => x.InvoiceDueDate).AsDeclared()
            .Satisfies((x, due) => !x.InvoiceDate.IsPresent || due >= x.InvoiceDate.Value, InvalidRelation, _ => "Must be on or after invoice_date.");
        v.RuleFor(x => x.InvoiceNumber).AsDeclared().NotBlank().MaxLength(Invoice.InvoiceNumberMaxLength);
        v.RuleFor(x => x.Note).AsDeclared().MaxLength(Invoice.NoteMaxLength);
        v.RuleFor(x => x.OriginatingCounterpartyId).AsDeclared();
        v.RuleFor(x => x.ReceivingCounterpartyId).AsDeclared()
            .Satisfies((x, receiving) => !x.OriginatingCounterpartyId.IsPresent || receiving != x.OriginatingCounterpartyId.Value, InvalidRelation, _ => "Must differ from originating_counterparty_id.");
        v.RuleFor(x => x.Metadata).AsDeclared().Metadata();
        return v;
    }

    /// <summary>The discount is bounded by the amount only once the amount itself is acceptable.</summary>
    private static bool HasValidAmount(CreateInvoiceCommand x) =>
        x.AmountCents is { IsPresent: true, Value: >= Invoice.MinAmountCents and <= Invoice.MaxAmountCents };
}
