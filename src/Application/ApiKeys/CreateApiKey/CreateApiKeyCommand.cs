using Invoicing.Application.Common.Interfaces;
using Invoicing.Application.Common.Messaging;
using Invoicing.Domain.ApiKeys;
using Invoicing.Domain.Common;
using MediatR;

namespace Invoicing.Application.ApiKeys.CreateApiKey;

public sealed record CreateApiKeyCommand(ApiEnvironment Environment, string? Name) : ISingleSaveCommand<CreatedApiKey>;

/// <summary>The one moment the secret exists outside the caller's hands.</summary>
public sealed record CreatedApiKey(ApiKeySummary Key, string Secret);

internal sealed class CreateApiKeyCommandHandler(IApplicationDbContext db, TimeProvider time)
    : IRequestHandler<CreateApiKeyCommand, CreatedApiKey>
{
    public async Task<CreatedApiKey> Handle(CreateApiKeyCommand request, CancellationToken cancellationToken)
    {
        var (key, secret) = ApiKey.Issue(request.Environment, request.Name, time.GetUtcNow());
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync(cancellationToken);
        return new CreatedApiKey(ApiKeySummary.From(key), secret);
    }
}
