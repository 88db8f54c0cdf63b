using Invoicing.Application.Common.Interfaces;
using Invoicing.Application.Common.Messaging;
using Invoicing.Application.Common.Validation;
using Invoicing.Domain.Invoices;
using MediatR;

namespace Invoicing.Application.Invoices.CreateInvoiceBatch;

/// <summary>Up to 1000 invoices, created all together or not at all (§5.3). An item that is not an object is <see cref="Input{T}.Invalid"/>.</summary>
public sealed record CreateInvoiceBatchCommand(IReadOnlyList<Input<InvoiceDraft>> Items)
    : ICommand<IReadOnlyList<InvoiceResponse>>, IBatchCommand
{
    public const int MaxItems = 1000;

    public int ItemCount => Items.Count;
}

internal sealed class CreateInvoiceBatchCommandHandler(IApplicationDbContext db, TimeProvider time)
    : IRequestHandler<CreateInvoiceBatchCommand, IReadOnlyList<InvoiceResponse>>
{
    public async Task<IReadOnlyList<InvoiceResponse>> Handle(CreateInvoiceBatchCommand request, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var invoices = request.Items.Select(item => Invoice.Create(item.Value.ToTerms(), now)).ToList();
        db.Invoices.AddRange(invoices);
        await db.SaveChangesAsync(cancellationToken);
        return invoices.ConvertAll(InvoiceResponse.From);
    }
}
