using Invoicing.Domain.Common;

namespace Invoicing.Domain.Counterparties;

/// <summary>A counterparty was created.</summary>
public sealed record CounterpartyCreated(Counterparty Counterparty, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>
/// A counterparty was updated. <paramref name="PreviousAttributes"/> holds the old value of each changed member, by
/// property name (<c>Name</c>, <c>Email</c>, <c>Metadata</c>: the whole previous metadata).
/// </summary>
public sealed record CounterpartyUpdated(Counterparty Counterparty, IReadOnlyDictionary<string, object?> PreviousAttributes, DateTimeOffset OccurredAt) : IDomainEvent;
