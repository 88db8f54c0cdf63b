using System.ComponentModel.DataAnnotations;
using Invoicing.Application.Common.Interfaces;
using Invoicing.Application.Common.Messaging;
using Invoicing.Application.Common.Validation;
using Invoicing.Domain.Webhooks;
using MediatR;

namespace Invoicing.Application.Webhooks.CreateWebhookEndpoint;

/// <summary>A webhook endpoint (§9): the body of <c>POST /v1/webhook_endpoints</c>.</summary>
/// <param name="Url">Absolute `http` or `https` URL. Hosts on loopback or private networks are refused unless the service allows them.</param>
/// <param name="EnabledEvents">Event types to receive: `counterparty.created`, `invoice.created`, `invoice.paid`, `invoice.voided`, or `["*"]` for all.</param>
public sealed record CreateWebhookEndpointCommand(
    [property: Required, MinLength(1), MaxLength(WebhookEndpoint.UrlMaxLength), Url] Input<string> Url,
    [property: Required, MinLength(1)] Input<IReadOnlyList<string>> EnabledEvents) : ICommand<WebhookEndpointResponse>;

internal sealed class CreateWebhookEndpointCommandHandler(IApplicationDbContext db, IWebhookSecretProtector protector, TimeProvider time)
    : IRequestHandler<CreateWebhookEndpointCommand, WebhookEndpointResponse>
{
    public async Task<WebhookEndpointResponse> Handle(CreateWebhookEndpointCommand request, CancellationToken cancellationToken)
    {
        var secret = WebhookSecrets.New();
        var endpoint = WebhookEndpoint.Create(request.Url.Value, request.EnabledEvents.Value, protector.Protect(secret), time.GetUtcNow());
        db.WebhookEndpoints.Add(endpoint);
        await db.SaveChangesAsync(cancellationToken);
        return WebhookEndpointResponse.From(endpoint) with { Secret = secret };
    }
}
