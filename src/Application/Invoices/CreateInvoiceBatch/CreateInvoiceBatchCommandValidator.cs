using FluentValidation;
using Invoicing.Application.Common.Validation;
using Invoicing.Application.Invoices.CreateInvoice;

namespace Invoicing.Application.Invoices.CreateInvoiceBatch;

/// <summary>
/// The list rules (reported as the detail, with no field at fault), then every item's field rules and the
/// set-based store rules, each failure carrying its item's index.
/// </summary>
internal sealed class CreateInvoiceBatchCommandValidator : AbstractValidator<CreateInvoiceBatchCommand>
{
    /// <summary>An item is an object (else the item as a whole is <c>invalid</c>, or <c>null</c>), then one invoice's fields.</summary>
    private static readonly IValidator<Input<CreateInvoiceCommand>> Item = BuildItem();

    public CreateInvoiceBatchCommandValidator(InvoiceStoreRules store)
    {
        RuleFor(x => x.Items.Count)
            .GreaterThan(0).WithMessage("This list may not be empty.")
            .LessThanOrEqualTo(CreateInvoiceBatchCommand.MaxItems).WithMessage($"Ensure this list has no more than {CreateInvoiceBatchCommand.MaxItems} elements.")
            .OverridePropertyName(string.Empty);

        When(x => x.Items.Count > 0 && x.Items.Count <= CreateInvoiceBatchCommand.MaxItems, () =>
        {
            RuleFor(x => x.Items).EachItem(Item);
            RuleFor(x => x.Items).CustomAsync((items, context, ct) =>
                store.AddFailuresAsync(items.Select(i => i.IsPresent ? i.Value : null).ToList(), batch: true, context, ct));
        });
    }

    private static InlineValidator<Input<CreateInvoiceCommand>> BuildItem()
    {
        var v = new InlineValidator<Input<CreateInvoiceCommand>>();
        v.RuleFor(i => i).Required().OverridePropertyName(string.Empty);
        v.RuleFor(i => i.Value).SetValidator(CreateInvoiceCommandValidator.Fields).OverridePropertyName(string.Empty).When(i => i.IsPresent);
        return v;
    }
}
