namespace Invoicing.Application.ApiKeys;

/// <summary>
/// Tells the other instances of the service that a key was revoked, so that each forgets it from its
/// <see cref="AuthenticateApiKey.ApiKeyCache"/> at once: Redis pub/sub when <c>ConnectionStrings:Redis</c> is set, else
/// nothing (the others refuse the key within <c>ApiKeys:CacheSeconds</c>). See docs/decisions/0041.
/// </summary>
public interface IApiKeyRevocations
{
    /// <summary>
    /// Publishes the revocation of the key with this display prefix (never the key or its hash). Never throws for an
    /// unreachable Redis: the revocation stands, and is logged as not published.
    /// </summary>
    Task PublishAsync(string prefix, CancellationToken cancellationToken);
}
