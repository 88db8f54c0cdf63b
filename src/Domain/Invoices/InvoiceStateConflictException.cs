using Invoicing.Domain.Common;

namespace Invoicing.Domain.Invoices;

/// <summary>
/// The lifecycle rule of §5.2 was asked to do what it forbids: only an <c>open</c> invoice may be paid, voided or
/// updated (§10). Unlike other domain exceptions this one is a user-facing answer (409 <c>invoice_state_conflict</c>).
/// </summary>
public sealed class InvoiceStateConflictException : DomainException
{
    public InvoiceStateConflictException(Guid invoiceId, InvoiceStatus current, InvoiceStatus requested)
        : this(invoiceId, current, requested, $"The invoice is {Name(current)}; only an open invoice can become {Name(requested)}.")
    {
    }

    private InvoiceStateConflictException(Guid invoiceId, InvoiceStatus current, InvoiceStatus? requested, string message)
        : base(message)
    {
        InvoiceId = invoiceId;
        Current = current;
        Requested = requested;
    }

    public Guid InvoiceId { get; }

    public InvoiceStatus Current { get; }

    /// <summary>The status a transition asked for; <c>null</c> for an update, which asks for none.</summary>
    public InvoiceStatus? Requested { get; }

    /// <summary>An update (§10) of an invoice that is no longer open.</summary>
    public static InvoiceStateConflictException ForUpdate(Guid invoiceId, InvoiceStatus current) =>
        new(invoiceId, current, null, $"The invoice is {Name(current)}; only an open invoice can be updated.");

    private static string Name(InvoiceStatus status) => status.ToString().ToLowerInvariant();
}
