using Invoicing.Application.Common.Interfaces;
using Invoicing.Application.Common.Messaging;
using MediatR;

namespace Invoicing.Application.Webhooks.RollWebhookEndpointSecret;

/// <summary>
/// <c>POST /v1/webhook_endpoints/{id}/roll_secret</c>: a new signing secret, shown once in the answer; deliveries sent
/// from then on are signed with it, and the old one stops at once (no overlap, docs/decisions/0036). The id as it came in the URL.
/// </summary>
public sealed record RollWebhookEndpointSecretCommand(string Id) : ICommand<WebhookEndpointResponse>;

internal sealed class RollWebhookEndpointSecretCommandHandler(IApplicationDbContext db, IWebhookSecretProtector protector)
    : IRequestHandler<RollWebhookEndpointSecretCommand, WebhookEndpointResponse>
{
    public async Task<WebhookEndpointResponse> Handle(RollWebhookEndpointSecretCommand request, CancellationToken cancellationToken)
    {
        var endpoint = await WebhookEndpointLookup.FindAsync(db, request.Id, cancellationToken);
        var secret = WebhookSecrets.New();
        endpoint.RollSecret(protector.Protect(secret));
        await db.SaveChangesAsync(cancellationToken);
        return WebhookEndpointResponse.From(endpoint) with { Secret = secret };
    }
}
