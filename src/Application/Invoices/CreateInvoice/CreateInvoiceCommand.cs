using Invoicing.Application.Common.Interfaces;
using Invoicing.Application.Common.Messaging;
using Invoicing.Domain.Invoices;
using MediatR;

namespace Invoicing.Application.Invoices.CreateInvoice;

public sealed record CreateInvoiceCommand(InvoiceDraft Invoice) : ICommand<InvoiceResponse>;

internal sealed class CreateInvoiceCommandHandler(IApplicationDbContext db, TimeProvider time)
    : IRequestHandler<CreateInvoiceCommand, InvoiceResponse>
{
    public async Task<InvoiceResponse> Handle(CreateInvoiceCommand request, CancellationToken cancellationToken)
    {
        var invoice = Invoice.Create(request.Invoice.ToTerms(), time.GetUtcNow());
        db.Invoices.Add(invoice);
        await db.SaveChangesAsync(cancellationToken);
        return InvoiceResponse.From(invoice);
    }
}
