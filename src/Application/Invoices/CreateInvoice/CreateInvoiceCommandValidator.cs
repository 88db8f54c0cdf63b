using FluentValidation;

namespace Invoicing.Application.Invoices.CreateInvoice;

internal sealed class CreateInvoiceCommandValidator : AbstractValidator<CreateInvoiceCommand>
{
    public CreateInvoiceCommandValidator(InvoiceStoreRules store)
    {
        RuleFor(x => x.Invoice).SetValidator(InvoiceDraftValidator.Instance).OverridePropertyName(string.Empty);
        RuleFor(x => x.Invoice).CustomAsync((draft, context, ct) => store.AddFailuresAsync([draft], _ => string.Empty, context, ct));
    }
}
