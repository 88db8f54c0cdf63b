using Invoicing.Application.Common.Interfaces;
using Invoicing.Domain.ApiKeys;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Invoicing.Application.ApiKeys.AuthenticateApiKey;

/// <summary>Finds the live (unrevoked) key a request presented; <c>null</c> when there is none.</summary>
public sealed record AuthenticateApiKeyQuery(string PresentedKey) : IRequest<ApiKeySummary?>;

internal sealed class AuthenticateApiKeyQueryHandler(IApplicationDbContext db) : IRequestHandler<AuthenticateApiKeyQuery, ApiKeySummary?>
{
    public async Task<ApiKeySummary?> Handle(AuthenticateApiKeyQuery request, CancellationToken cancellationToken)
    {
        if (!ApiKey.TryParseEnvironment(request.PresentedKey, out _))
        {
            return null;
        }

        var hash = ApiKey.HashOf(request.PresentedKey);
        return await db.ApiKeys.AsNoTracking()
            .Where(k => k.Hash == hash && k.RevokedAt == null)
            .Select(ApiKeySummary.Projection)
            .FirstOrDefaultAsync(cancellationToken);
    }
}
