using Invoicing.Domain.Common;

namespace Invoicing.Domain.Events;

/// <summary>
/// A change as integrators see it (§9): its type and the changed resource as the API renders it, taken
/// when the change was stored. Written only by persistence from domain events (the outbox), never changed.
/// </summary>
public sealed class Event : EnvironmentScopedEntity
{
    public const int TypeMaxLength = 64;

    private Event(Guid id, string type, string data, string? previousAttributes, DateTimeOffset createdAt)
        : base(id)
    {
        Type = type;
        Data = data;
        PreviousAttributes = previousAttributes;
        CreatedAt = createdAt;
    }

    /// <summary><c>invoice.paid</c>, …</summary>
    public string Type { get; private set; }

    /// <summary>The resource after the change, as the JSON text of the API's response object.</summary>
    public string Data { get; private set; }

    /// <summary>
    /// For an update (§10): the old values of the changed members, as the JSON text of an object in the API's rendering;
    /// <c>null</c> for every other event.
    /// </summary>
    public string? PreviousAttributes { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public static Event Record(string type, string data, DateTimeOffset occurredAt, string? previousAttributes = null)
    {
        if (string.IsNullOrWhiteSpace(type) || type.Length > TypeMaxLength)
        {
            throw new DomainException("An event needs a type of 1 to 64 characters.");
        }

        return new Event(Uuid7.Next(occurredAt), type, data, previousAttributes, occurredAt);
    }
}
