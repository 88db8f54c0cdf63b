namespace Invoicing.Domain.Common;

/// <summary>
/// An entity that is born in one environment and never moves. The environment is stamped
/// by persistence when the entity is first stored (from the authenticated key), so no
/// use case can choose or change it.
/// </summary>
public abstract class EnvironmentScopedEntity
{
    protected EnvironmentScopedEntity(Guid id) => Id = id;

    public Guid Id { get; private set; }

    public ApiEnvironment Environment { get; private set; }
}
