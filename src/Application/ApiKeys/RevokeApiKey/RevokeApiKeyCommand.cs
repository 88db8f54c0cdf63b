using Invoicing.Application.ApiKeys.AuthenticateApiKey;
using Invoicing.Application.Common.Exceptions;
using Invoicing.Application.Common.Interfaces;
using Invoicing.Application.Common.Messaging;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Invoicing.Application.ApiKeys.RevokeApiKey;

/// <summary>Revokes the key with this display prefix; revoking twice keeps the first time.</summary>
public sealed record RevokeApiKeyCommand(string Prefix) : ICommand<ApiKeySummary>;

internal sealed class RevokeApiKeyCommandHandler(IApplicationDbContext db, TimeProvider time, ApiKeyCache cache)
    : IRequestHandler<RevokeApiKeyCommand, ApiKeySummary>
{
    public async Task<ApiKeySummary> Handle(RevokeApiKeyCommand request, CancellationToken cancellationToken)
    {
        var key = await db.ApiKeys.SingleOrDefaultAsync(k => k.Prefix == request.Prefix, cancellationToken)
            ?? throw new NotFoundException("api_key_not_found", $"No API key has the prefix {request.Prefix}.");
        key.Revoke(time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        cache.Forget(key.Hash); // this process refuses it at once; other processes within ApiKeys:CacheSeconds
        return ApiKeySummary.From(key);
    }
}
