using Invoicing.Domain.Common;

namespace Invoicing.Domain.Counterparties;

/// <summary>A counterparty was created.</summary>
public sealed record CounterpartyCreated(Counterparty Counterparty, DateTimeOffset OccurredAt) : IDomainEvent;
