using Invoicing.Application.Common.Interfaces;
using Invoicing.Application.Common.Messaging;
using MediatR;

namespace Invoicing.Application.Invoices.PayInvoice;

/// <summary><c>POST /v1/invoices/{id}/pay</c>: open → paid (§5.2). The id as it came in the URL.</summary>
public sealed record PayInvoiceCommand(string Id) : ICommand<InvoiceResponse>;

internal sealed class PayInvoiceCommandHandler(IApplicationDbContext db, TimeProvider time)
    : IRequestHandler<PayInvoiceCommand, InvoiceResponse>
{
    public Task<InvoiceResponse> Handle(PayInvoiceCommand request, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return InvoiceTransition.ApplyAsync(db, request.Id, invoice => invoice.Pay(now), cancellationToken);
    }
}
