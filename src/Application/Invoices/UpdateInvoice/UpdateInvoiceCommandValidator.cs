using FluentValidation;
using Invoicing.Application.Common.Validation;
using Invoicing.Domain.Invoices;

namespace Invoicing.Application.Invoices.UpdateInvoice;

/// <summary>
/// The create rules (§5.1, §10) on the members present; `invoice_due_date` may not be `null`. The due date's relation to
/// the stored `invoice_date` is the handler's check.
/// </summary>
internal sealed class UpdateInvoiceCommandValidator : AbstractValidator<UpdateInvoiceCommand>
{
    public UpdateInvoiceCommandValidator()
    {
        RuleFor(x => x.InvoiceDueDate).AsDeclared();
        RuleFor(x => x.Note).AsDeclared().MaxLength(Invoice.NoteMaxLength);
        RuleFor(x => x.Metadata).AsDeclared().Metadata();
    }
}
