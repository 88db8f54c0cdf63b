using Invoicing.Application.Common.Interfaces;
using Invoicing.Domain.Common;

namespace Invoicing.Infrastructure;

/// <summary>Set once per request by authentication; read by persistence to filter and stamp.</summary>
internal sealed class CurrentEnvironment : ICurrentEnvironment
{
    private ApiEnvironment? _value;

    public ApiEnvironment Value => _value ?? throw new InvalidOperationException("No API key has authenticated this scope, so no environment's data may be read or written.");

    public void Set(ApiEnvironment environment)
    {
        if (_value is not null && _value != environment)
        {
            throw new InvalidOperationException("The environment of a scope cannot change.");
        }

        _value = environment;
    }
}
