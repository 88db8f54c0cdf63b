using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Invoicing.Domain.Webhooks;

namespace Invoicing.Web.Webhooks;

/// <summary>The body of <c>POST /v1/webhook_endpoints</c> (§9), for the OpenAPI document only (ADR 0012).</summary>
internal sealed class CreateWebhookEndpointBody
{
    [Description("Absolute `http` or `https` URL. Hosts on loopback or private networks are refused unless the service allows them.")]
    [MinLength(1)]
    [MaxLength(WebhookEndpoint.UrlMaxLength)]
    [Url]
    public required string Url { get; init; }

    [Description("Event types to receive: `counterparty.created`, `invoice.created`, `invoice.paid`, `invoice.voided`, or `[\"*\"]` for all.")]
    [MinLength(1)]
    public required IReadOnlyList<string> EnabledEvents { get; init; }
}
