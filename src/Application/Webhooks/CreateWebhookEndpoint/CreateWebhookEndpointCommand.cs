using System.Security.Cryptography;
using Invoicing.Application.Common.Interfaces;
using Invoicing.Application.Common.Messaging;
using Invoicing.Application.Common.Validation;
using Invoicing.Domain.Webhooks;
using MediatR;

namespace Invoicing.Application.Webhooks.CreateWebhookEndpoint;

/// <summary><c>POST /v1/webhook_endpoints</c> (§9).</summary>
public sealed record CreateWebhookEndpointCommand(Input<string> Url, Input<IReadOnlyList<string>> EnabledEvents) : ICommand<WebhookEndpointResponse>;

internal sealed class CreateWebhookEndpointCommandHandler(IApplicationDbContext db, IWebhookSecretProtector protector, TimeProvider time)
    : IRequestHandler<CreateWebhookEndpointCommand, WebhookEndpointResponse>
{
    private const string SecretPrefix = "whsec_";
    private const string Base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    public async Task<WebhookEndpointResponse> Handle(CreateWebhookEndpointCommand request, CancellationToken cancellationToken)
    {
        var secret = SecretPrefix + RandomNumberGenerator.GetString(Base62, 32);
        var endpoint = WebhookEndpoint.Create(request.Url.Value, request.EnabledEvents.Value, protector.Protect(secret), time.GetUtcNow());
        db.WebhookEndpoints.Add(endpoint);
        await db.SaveChangesAsync(cancellationToken);
        return WebhookEndpointResponse.From(endpoint) with { Secret = secret };
    }
}
