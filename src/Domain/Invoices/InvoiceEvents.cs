using Invoicing.Domain.Common;

namespace Invoicing.Domain.Invoices;

/// <summary>An invoice was created (alone or as one item of a batch).</summary>
public sealed record InvoiceCreated(Invoice Invoice, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>An open invoice was paid.</summary>
public sealed record InvoicePaid(Invoice Invoice, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>An open invoice was voided.</summary>
public sealed record InvoiceVoided(Invoice Invoice, DateTimeOffset OccurredAt) : IDomainEvent;
