using Invoicing.Application.Common.Exceptions;
using Invoicing.Application.Common.Interfaces;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Invoicing.Application.Invoices.GetInvoice;

/// <summary>The id as it came in the URL: an id that is not a UUID simply names no invoice (§3).</summary>
public sealed record GetInvoiceQuery(string Id) : IRequest<InvoiceResponse>;

internal sealed class GetInvoiceQueryHandler(IApplicationDbContext db) : IRequestHandler<GetInvoiceQuery, InvoiceResponse>
{
    public async Task<InvoiceResponse> Handle(GetInvoiceQuery request, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(request.Id, out var id))
        {
            throw NotFoundException.Invoice();
        }

        return await db.Invoices.AsNoTracking().Where(i => i.Id == id).Select(InvoiceResponse.Projection).FirstOrDefaultAsync(cancellationToken)
            ?? throw NotFoundException.Invoice();
    }
}
