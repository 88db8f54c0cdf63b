using Invoicing.Application.ApiKeys.AuthenticateApiKey;
using Invoicing.Application.Common.Exceptions;
using Invoicing.Application.Common.Interfaces;
using Invoicing.Application.Common.Messaging;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Invoicing.Application.ApiKeys.RevokeApiKey;

/// <summary>Revokes the key with this display prefix; revoking twice keeps the first time.</summary>
public sealed record RevokeApiKeyCommand(string Prefix) : ICommand<ApiKeySummary>;

internal sealed class RevokeApiKeyCommandHandler(IApplicationDbContext db, TimeProvider time, ApiKeyCache cache, IApiKeyRevocations revocations)
    : IRequestHandler<RevokeApiKeyCommand, ApiKeySummary>
{
    public async Task<ApiKeySummary> Handle(RevokeApiKeyCommand request, CancellationToken cancellationToken)
    {
        var key = await db.ApiKeys.SingleOrDefaultAsync(k => k.Prefix == request.Prefix, cancellationToken)
            ?? throw new NotFoundException("api_key_not_found", $"No API key has the prefix {request.Prefix}.");
        key.Revoke(time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);

        // This process refuses it at once. The other instances hear of it through Redis when one is configured, and forget
        // the key at once; a request of theirs that reads it before this transaction commits is not remembered, so it is
        // refused from the commit on. Without Redis they refuse it within ApiKeys:CacheSeconds (docs/decisions/0018, 0041).
        cache.Revoked(key.Prefix);
        await revocations.PublishAsync(key.Prefix, cancellationToken);
        return ApiKeySummary.From(key);
    }
}
