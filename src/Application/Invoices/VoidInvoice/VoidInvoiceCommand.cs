using Invoicing.Application.Common.Interfaces;
using Invoicing.Application.Common.Messaging;
using MediatR;

namespace Invoicing.Application.Invoices.VoidInvoice;

/// <summary><c>POST /v1/invoices/{id}/void</c>: open → void (§5.2). The id as it came in the URL.</summary>
public sealed record VoidInvoiceCommand(string Id) : ICommand<InvoiceResponse>;

internal sealed class VoidInvoiceCommandHandler(IApplicationDbContext db, TimeProvider time)
    : IRequestHandler<VoidInvoiceCommand, InvoiceResponse>
{
    public Task<InvoiceResponse> Handle(VoidInvoiceCommand request, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return InvoiceTransition.ApplyAsync(db, request.Id, invoice => invoice.Void(now), cancellationToken);
    }
}
