using FluentValidation;
using Invoicing.Application.Common.Validation;

namespace Invoicing.Application.Invoices.CreateInvoiceBatch;

/// <summary>
/// The list rules (reported as the detail, with no field at fault), then every item's field rules
/// and the set-based store rules, each failure named <c>Items[i].Field</c>.
/// </summary>
internal sealed class CreateInvoiceBatchCommandValidator : AbstractValidator<CreateInvoiceBatchCommand>
{
    public CreateInvoiceBatchCommandValidator(InvoiceStoreRules store)
    {
        RuleFor(x => x.Items.Count)
            .GreaterThan(0).WithMessage("This list may not be empty.")
            .LessThanOrEqualTo(CreateInvoiceBatchCommand.MaxItems).WithMessage($"Ensure this list has no more than {CreateInvoiceBatchCommand.MaxItems} elements.")
            .OverridePropertyName(string.Empty);

        When(x => x.Items.Count is > 0 and <= CreateInvoiceBatchCommand.MaxItems, () =>
        {
            RuleForEach(x => x.Items).Required()
                .ChildRules(item => item.RuleFor(i => i.Value).SetValidator(InvoiceDraftValidator.Instance).OverridePropertyName(string.Empty).When(i => i.IsPresent));
            RuleFor(x => x.Items).CustomAsync((items, context, ct) =>
                store.AddFailuresAsync(items.Select(i => i.IsPresent ? i.Value : null).ToList(), i => $"Items[{i}].", context, ct));
        });
    }
}
