using System.Linq.Expressions;
using System.Text.Json.Serialization;
using Invoicing.Application.Common.Validation;
using Invoicing.Application.Events;
using Invoicing.Domain.Common;
using Invoicing.Domain.Webhooks;

namespace Invoicing.Application.Webhooks;

/// <summary>
/// The webhook endpoint object (§9). Its <c>secret</c> is set, and written, only in the answer to its creation and to
/// the rolling of its secret.
/// </summary>
public sealed record WebhookEndpointResponse(
    Guid Id,
    ApiEnvironment Environment,
    string Url,
    [property: OneOfValues(typeof(EventTypes), nameof(EventTypes.All), Also = [WebhookEndpoint.AllEvents])] IReadOnlyList<string> EnabledEvents,
    WebhookEndpointStatus Status,
    IReadOnlyDictionary<string, string> Metadata,
    DateTimeOffset CreatedAt)
{
    public static readonly Expression<Func<WebhookEndpoint, WebhookEndpointResponse>> Projection =
        w => new WebhookEndpointResponse(w.Id, w.Environment, w.Url, w.EnabledEvents, w.Disabled ? WebhookEndpointStatus.Disabled : WebhookEndpointStatus.Enabled, w.Metadata, w.CreatedAt);

    private static readonly Func<WebhookEndpoint, WebhookEndpointResponse> Map = Projection.Compile();

    [JsonPropertyOrder(-1)]
    public string Object => "webhook_endpoint";

    /// <summary>The signing secret (<c>whsec_…</c>): only in the answer to <c>POST /v1/webhook_endpoints</c> and to <c>POST /v1/webhook_endpoints/{id}/roll_secret</c>.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Secret { get; init; }

    public static WebhookEndpointResponse From(WebhookEndpoint endpoint) => Map(endpoint);
}

/// <summary>Whether an endpoint gets deliveries: <c>disabled</c> ones get none (docs/decisions/0036).</summary>
public enum WebhookEndpointStatus
{
    Enabled = 1,
    Disabled = 2,
}

/// <summary>The answer to <c>DELETE /v1/webhook_endpoints/{id}</c>, as Stripe answers deletions.</summary>
public sealed record DeletedWebhookEndpointResponse(Guid Id)
{
    [JsonPropertyOrder(-1)]
    public string Object => "webhook_endpoint";

    public bool Deleted => true;
}
