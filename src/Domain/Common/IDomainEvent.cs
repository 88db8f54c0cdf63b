namespace Invoicing.Domain.Common;

/// <summary>
/// Something that happened to an aggregate. Aggregates raise them; persistence turns them into event rows
/// (the outbox) in the same save, so an event exists exactly when its change does (docs/decisions/0015).
/// </summary>
public interface IDomainEvent
{
    DateTimeOffset OccurredAt { get; }
}
