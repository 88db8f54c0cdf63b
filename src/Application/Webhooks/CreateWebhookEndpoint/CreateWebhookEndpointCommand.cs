using System.ComponentModel.DataAnnotations;
using Invoicing.Application.Common.Interfaces;
using Invoicing.Application.Common.Messaging;
using Invoicing.Application.Common.Validation;
using Invoicing.Application.Events;
using Invoicing.Domain.Webhooks;
using MediatR;

namespace Invoicing.Application.Webhooks.CreateWebhookEndpoint;

/// <summary>A webhook endpoint (§9): the body of <c>POST /v1/webhook_endpoints</c>.</summary>
/// <param name="Url">Absolute `http` or `https` URL. Hosts on loopback or private networks are refused unless the service allows them.</param>
/// <param name="EnabledEvents">Event types to receive: `counterparty.created`, `counterparty.updated`, `invoice.created`, `invoice.updated`, `invoice.paid`, `invoice.voided`, or `["*"]` for all.</param>
/// <param name="Metadata">Your own key-value pairs (§10): up to 50 keys of 1–40 characters, string values of up to 500 characters; a key with `""` or `null` is not stored.</param>
public sealed record CreateWebhookEndpointCommand(
    [property: Required, MinLength(1), MaxLength(WebhookEndpoint.UrlMaxLength), Url] Input<string> Url,
    [property: Required, MinLength(1), OneOfValues(typeof(EventTypes), nameof(EventTypes.All), Also = [WebhookEndpoint.AllEvents])] Input<IReadOnlyList<string>> EnabledEvents,
    [property: MaxLength(Domain.Common.Metadata.MaxKeys)] Input<IReadOnlyDictionary<string, string?>> Metadata) : ISingleSaveCommand<WebhookEndpointResponse>;

internal sealed class CreateWebhookEndpointCommandHandler(IApplicationDbContext db, IWebhookSecretProtector protector, TimeProvider time)
    : IRequestHandler<CreateWebhookEndpointCommand, WebhookEndpointResponse>
{
    public async Task<WebhookEndpointResponse> Handle(CreateWebhookEndpointCommand request, CancellationToken cancellationToken)
    {
        var secret = WebhookSecrets.New();
        var endpoint = WebhookEndpoint.Create(request.Url.Value, request.EnabledEvents.Value, protector.Protect(secret), time.GetUtcNow(), request.Metadata.IsPresent ? request.Metadata.Value : null);
        db.WebhookEndpoints.Add(endpoint);
        await db.SaveChangesAsync(cancellationToken);
        return WebhookEndpointResponse.From(endpoint) with { Secret = secret };
    }
}
