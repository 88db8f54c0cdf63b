using Invoicing.Application.Common.Interfaces;
using Invoicing.Domain.ApiKeys;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Invoicing.Application.ApiKeys.AuthenticateApiKey;

/// <summary>
/// Finds the live (unrevoked) key a request presented; <c>null</c> when there is none. A key found in the last few
/// seconds is answered from <see cref="ApiKeyCache"/> without a query (docs/decisions/0018).
/// </summary>
public sealed record AuthenticateApiKeyQuery(string PresentedKey) : IRequest<ApiKeySummary?>;

internal sealed class AuthenticateApiKeyQueryHandler(IApplicationDbContext db, ApiKeyCache cache) : IRequestHandler<AuthenticateApiKeyQuery, ApiKeySummary?>
{
    public async Task<ApiKeySummary?> Handle(AuthenticateApiKeyQuery request, CancellationToken cancellationToken)
    {
        if (!ApiKey.TryParseEnvironment(request.PresentedKey, out _))
        {
            return null;
        }

        var hash = ApiKey.HashOf(request.PresentedKey);
        if (cache.TryGet(hash, out var cached))
        {
            return cached;
        }

        var key = await db.ApiKeys.AsNoTracking()
            .Where(k => k.Hash == hash && k.RevokedAt == null)
            .Select(ApiKeySummary.Projection)
            .FirstOrDefaultAsync(cancellationToken);
        if (key is not null)
        {
            cache.Remember(hash, key);
        }

        return key;
    }
}
