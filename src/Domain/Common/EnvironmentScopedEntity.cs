namespace Invoicing.Domain.Common;

/// <summary>
/// An entity that is born in one environment and never moves. The environment is stamped
/// by persistence when the entity is first stored (from the authenticated key), so no
/// use case can choose or change it. It collects the <see cref="IDomainEvent"/>s it raises
/// until persistence takes them (<see cref="TakeDomainEvents"/>).
/// </summary>
public abstract class EnvironmentScopedEntity
{
    private List<IDomainEvent>? _domainEvents;

    protected EnvironmentScopedEntity(Guid id) => Id = id;

    public Guid Id { get; private set; }

    public ApiEnvironment Environment { get; private set; }

    /// <summary>The events raised since the last call, oldest first; the entity forgets them.</summary>
    public IReadOnlyList<IDomainEvent> TakeDomainEvents()
    {
        var events = _domainEvents ?? [];
        _domainEvents = null;
        return events;
    }

    protected void Raise(IDomainEvent domainEvent) => (_domainEvents ??= []).Add(domainEvent);
}
