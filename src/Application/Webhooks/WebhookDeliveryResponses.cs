using System.Linq.Expressions;
using System.Text.Json.Serialization;
using Invoicing.Domain.Webhooks;

namespace Invoicing.Application.Webhooks;

/// <summary>
/// A delivery: one event owed to one endpoint, sent and retried by the worker until it is <c>delivered</c>, <c>failed</c>
/// (past the retry horizon) or <c>canceled</c> (its endpoint was disabled). The answer to a re-send.
/// </summary>
/// <param name="Id">The delivery's id: its attempts carry it as `webhook_delivery_id`.</param>
/// <param name="WebhookEndpointId">The endpoint it is sent to.</param>
/// <param name="EventId">The event it sends.</param>
/// <param name="Status">`pending` until it is delivered, failed or canceled.</param>
/// <param name="NextAttemptAt">While pending: when it is due next (a re-send is due at once).</param>
/// <param name="CreatedAt">When it was scheduled; retries stop 3 days (`Webhooks:RetryHorizon`) after this.</param>
public sealed record WebhookDeliveryResponse(Guid Id, Guid WebhookEndpointId, Guid EventId, WebhookDeliveryStatus Status, DateTimeOffset NextAttemptAt, DateTimeOffset CreatedAt)
{
    [JsonPropertyOrder(-1)]
    public string Object => "webhook_delivery";

    public static WebhookDeliveryResponse From(WebhookDelivery d) =>
        new(d.Id, d.WebhookEndpointId, d.EventId, d.Status, Utc(d.NextAttemptAt), Utc(d.CreatedAt));

    internal static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}

/// <summary>One <c>POST</c> of an event to an endpoint, as the delivery worker recorded it (docs/decisions/0036).</summary>
/// <param name="Id">The attempt's id (UUIDv7 of its time): the list's order and cursor.</param>
/// <param name="WebhookEndpointId">The endpoint it was sent to.</param>
/// <param name="EventId">The event it sent.</param>
/// <param name="WebhookDeliveryId">The delivery it belongs to: the attempts of one delivery are its retries.</param>
/// <param name="Outcome">`succeeded` (a 2xx within 10 seconds), `http_error` (another status), `timeout` (no answer within 10 seconds), `connection_error` (no connection or no answer: DNS, refused, reset, TLS, or a private address refused), `secret_unreadable` (not sent: the endpoint's secret could not be decrypted).</param>
/// <param name="ResponseStatus">The receiver's HTTP status; null when there was no answer.</param>
/// <param name="DurationMs">How long the attempt took, in milliseconds.</param>
/// <param name="NextRetryAt">When the delivery is retried after this failed attempt; null after a success or when it was the last attempt.</param>
/// <param name="CreatedAt">When the attempt started.</param>
public sealed record WebhookDeliveryAttemptResponse(
    Guid Id,
    Guid WebhookEndpointId,
    Guid EventId,
    Guid WebhookDeliveryId,
    WebhookAttemptOutcome Outcome,
    int? ResponseStatus,
    int DurationMs,
    DateTimeOffset? NextRetryAt,
    DateTimeOffset CreatedAt)
{
    public static readonly Expression<Func<WebhookDeliveryAttempt, WebhookDeliveryAttemptResponse>> Projection =
        a => new WebhookDeliveryAttemptResponse(
            a.Id,
            a.WebhookEndpointId,
            a.EventId,
            a.WebhookDeliveryId,
            a.Outcome,
            a.ResponseStatus,
            a.DurationMs,
            a.NextAttemptAt == null ? (DateTimeOffset?)null : WebhookDeliveryResponse.Utc(a.NextAttemptAt.Value),
            WebhookDeliveryResponse.Utc(a.AttemptedAt));

    [JsonPropertyOrder(-1)]
    public string Object => "webhook_delivery_attempt";
}
