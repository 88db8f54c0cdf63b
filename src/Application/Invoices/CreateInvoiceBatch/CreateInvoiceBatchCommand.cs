using Invoicing.Application.Common.Interfaces;
using Invoicing.Application.Common.Messaging;
using Invoicing.Application.Common.Validation;
using Invoicing.Application.Invoices.CreateInvoice;
using Invoicing.Domain.Invoices;
using MediatR;

namespace Invoicing.Application.Invoices.CreateInvoiceBatch;

/// <summary>
/// Up to 1000 invoices, created all together or not at all (§5.3): the body of <c>POST /v1/invoices/batch</c> is the
/// JSON array of them. An item that is not an object is <see cref="Input{T}.Invalid"/>.
/// </summary>
public sealed record CreateInvoiceBatchCommand(IReadOnlyList<Input<CreateInvoiceCommand>> Items)
    : ICommand<IReadOnlyList<InvoiceResponse>>, IBatchCommand<CreateInvoiceBatchCommand, CreateInvoiceCommand>
{
    public static int MaxItems => 1000;

    public static CreateInvoiceBatchCommand Of(IReadOnlyList<Input<CreateInvoiceCommand>> items) => new(items);
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
