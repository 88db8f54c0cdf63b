using Invoicing.Application.Common.Interfaces;
using Invoicing.Application.Common.Lists;
using Invoicing.Application.Common.Validation;
using Invoicing.Domain.Invoices;
using MediatR;

namespace Invoicing.Application.Invoices.ListInvoices;

/// <summary><c>GET /v1/invoices</c> (§5.2, §6): the paging parameters and the filters, as the query string gave them.</summary>
public sealed record ListInvoicesQuery(
    Input<long> Limit,
    Input<Guid> StartingAfter,
    Input<Guid> EndingBefore,
    Input<string> Status,
    Input<Guid> OriginatingCounterpartyId,
    Input<Guid> ReceivingCounterpartyId,
    Input<DateOnly> InvoiceDateGte,
    Input<DateOnly> InvoiceDateLte,
    Input<string> InvoiceNumber,
    Input<DateTimeOffset> CreatedGte,
    Input<DateTimeOffset> CreatedLte) : IRequest<ListResponse<InvoiceResponse>>, IListQuery, ICreatedRangeQuery
{
    /// <summary>The <c>status</c> values as the API writes them.</summary>
    public static readonly IReadOnlyDictionary<string, InvoiceStatus> Statuses =
        Enum.GetValues<InvoiceStatus>().ToDictionary(s => s.ToString().ToLowerInvariant());
}

internal sealed class ListInvoicesQueryHandler(IApplicationDbContext db)
    : IRequestHandler<ListInvoicesQuery, ListResponse<InvoiceResponse>>
{
    public Task<ListResponse<InvoiceResponse>> Handle(ListInvoicesQuery request, CancellationToken cancellationToken)
    {
        // Each filter is an equality or a range on a column that an index leads with, after the
        // environment (docs/decisions/0009); they combine with AND. The created range is a range of the
        // id that every one of those indexes ends with (docs/decisions/0040).
        var invoices = db.Invoices.AsQueryable();
        if (request.Status.IsPresent)
        {
            var status = ListInvoicesQuery.Statuses[request.Status.Value];
            invoices = invoices.Where(i => i.Status == status);
        }

        if (request.OriginatingCounterpartyId.IsPresent)
        {
            var originating = request.OriginatingCounterpartyId.Value;
            invoices = invoices.Where(i => i.OriginatingCounterpartyId == originating);
        }

        if (request.ReceivingCounterpartyId.IsPresent)
        {
            var receiving = request.ReceivingCounterpartyId.Value;
            invoices = invoices.Where(i => i.ReceivingCounterpartyId == receiving);
        }

        if (request.InvoiceDateGte.IsPresent)
        {
            var from = request.InvoiceDateGte.Value;
            invoices = invoices.Where(i => i.InvoiceDate >= from);
        }

        if (request.InvoiceDateLte.IsPresent)
        {
            var to = request.InvoiceDateLte.Value;
            invoices = invoices.Where(i => i.InvoiceDate <= to);
        }

        if (request.InvoiceNumber.IsPresent)
        {
            var number = request.InvoiceNumber.Value;
            invoices = invoices.Where(i => i.InvoiceNumber == number);
        }

        return Keyset.PageAsync(invoices.CreatedWithin(request), request, InvoiceResponse.Projection, cancellationToken);
    }
}
