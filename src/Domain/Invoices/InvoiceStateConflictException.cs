using Invoicing.Domain.Common;

namespace Invoicing.Domain.Invoices;

/// <summary>
/// The lifecycle rule of §5.2 was asked to do what it forbids: only an <c>open</c> invoice may be paid
/// or voided. Unlike other domain exceptions this one is a user-facing answer (409 <c>invoice_state_conflict</c>).
/// </summary>
public sealed class InvoiceStateConflictException(Guid invoiceId, InvoiceStatus current, InvoiceStatus requested)
    : DomainException($"The invoice is {Name(current)}; only an open invoice can become {Name(requested)}.")
{
    public Guid InvoiceId { get; } = invoiceId;

    public InvoiceStatus Current { get; } = current;

    public InvoiceStatus Requested { get; } = requested;

    private static string Name(InvoiceStatus status) => status.ToString().ToLowerInvariant();
}
