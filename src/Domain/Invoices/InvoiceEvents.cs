using Invoicing.Domain.Common;

namespace Invoicing.Domain.Invoices;

/// <summary>An invoice was created (alone or as one item of a batch).</summary>
public sealed record InvoiceCreated(Invoice Invoice, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>An open invoice was paid.</summary>
public sealed record InvoicePaid(Invoice Invoice, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>An open invoice was voided.</summary>
public sealed record InvoiceVoided(Invoice Invoice, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>
/// An open invoice was updated. <paramref name="PreviousAttributes"/> holds the old value of each changed member, by
/// property name (<c>InvoiceDueDate</c>, <c>Note</c>, <c>Metadata</c>: the whole previous metadata).
/// </summary>
public sealed record InvoiceUpdated(Invoice Invoice, IReadOnlyDictionary<string, object?> PreviousAttributes, DateTimeOffset OccurredAt) : IDomainEvent;
