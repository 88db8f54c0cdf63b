using Invoicing.Domain.Common;

namespace Invoicing.Application.Common.Interfaces;

/// <summary>The environment of the key that authenticated this request (one per scope).</summary>
public interface ICurrentEnvironment
{
    /// <summary>Throws when no key has authenticated this scope: data access then fails closed.</summary>
    ApiEnvironment Value { get; }

    void Set(ApiEnvironment environment);
}
