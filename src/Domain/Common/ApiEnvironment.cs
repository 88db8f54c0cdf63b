namespace Invoicing.Domain.Common;

/// <summary>The world an API key, and everything created with it, belongs to.</summary>
public enum ApiEnvironment
{
    Test = 1,
    Live = 2,
}
