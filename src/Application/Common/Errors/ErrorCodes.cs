namespace Invoicing.Application.Common.Errors;

/// <summary>
/// The error catalog (§3): every code the service answers with, its HTTP status and when, written once. The server's
/// answers, the OpenAPI document and the exceptions that carry a code read it from here; the .NET client's own copy
/// (<c>InvoicingErrorCodes</c>, a package without any dependency on the service) is held equal to it by a test.
/// </summary>
public static class ErrorCodes
{
    public const string InvalidRequest = "invalid_request";
    public const string Unauthorized = "unauthorized";
    public const string InvoiceNotFound = "invoice_not_found";
    public const string CounterpartyNotFound = "counterparty_not_found";
    public const string EventNotFound = "event_not_found";
    public const string WebhookEndpointNotFound = "webhook_endpoint_not_found";
    public const string RouteNotFound = "route_not_found";
    public const string MethodNotAllowed = "method_not_allowed";
    public const string InvoiceStateConflict = "invoice_state_conflict";
    public const string WebhookEndpointDisabled = "webhook_endpoint_disabled";
    public const string EventTypeNotEnabled = "event_type_not_enabled";
    public const string PayloadTooLarge = "payload_too_large";
    public const string UriTooLong = "uri_too_long";
    public const string UnsupportedMediaType = "unsupported_media_type";
    public const string IdempotencyKeyInUse = "idempotency_key_in_use";
    public const string IdempotencyKeyReused = "idempotency_key_reused";
    public const string IdempotencyAnswerUnavailable = "idempotency_answer_unavailable";
    public const string RateLimited = "rate_limited";
    public const string HeadersTooLarge = "headers_too_large";
    public const string InternalError = "internal_error";
    public const string ServiceUnavailable = "service_unavailable";

    /// <summary>Each code with its HTTP status and when it is answered: a new code is a constant above and a line here.</summary>
    public static readonly IReadOnlyDictionary<string, (int Status, string When)> Catalog = new Dictionary<string, (int, string)>
    {
        [InvalidRequest] = (400, "Validation failed (`errors` lists every failing field, query parameter or header, such as a blank or over-long `Idempotency-Key`), or the body is not JSON, of the wrong shape or unreadable."),
        [Unauthorized] = (401, "The API key is missing, not `Bearer`, malformed, unknown or revoked. Sends `WWW-Authenticate: Bearer`."),
        [InvoiceNotFound] = (404, "No invoice with that id in the key's environment (also for an id that is not a UUID)."),
        [CounterpartyNotFound] = (404, "No counterparty with that id in the key's environment (also for an id that is not a UUID)."),
        [EventNotFound] = (404, "No event with that id in the key's environment (also for an id that is not a UUID)."),
        [WebhookEndpointNotFound] = (404, "No webhook endpoint with that id in the key's environment (also for an id that is not a UUID)."),
        [RouteNotFound] = (404, "No such route."),
        [MethodNotAllowed] = (405, "The route exists but not for this method."),
        [InvoiceStateConflict] = (409, "The invoice is not `open`, so it cannot be paid or voided; nothing changed (`detail` names its status)."),
        [WebhookEndpointDisabled] = (409, "The webhook endpoint is disabled, so nothing can be sent to it; enable it first (`PATCH` with `\"disabled\": false`)."),
        [EventTypeNotEnabled] = (409, "The webhook endpoint does not receive events of this type (its `enabled_events`), so the event is not re-sent to it."),
        [PayloadTooLarge] = (413, "The body is over 1 MiB."),
        [UriTooLong] = (414, "The request target (path and query) is over 8 KiB."),
        [UnsupportedMediaType] = (415, "The body was not sent as `application/json`."),
        [IdempotencyKeyInUse] = (409, "Another request with the same `Idempotency-Key` is still running; retry once it has finished."),
        [IdempotencyKeyReused] = (422, "The `Idempotency-Key` was already used with another method, path or body."),
        [IdempotencyAnswerUnavailable] = (422, "The `Idempotency-Key` was already used for this request, which was done, but its stored answer was encrypted with a key the service no longer has (docs/operations.md); retrying will not help. Look the result up instead."),
        [RateLimited] = (429, "Too many requests with this API key. Sends `Retry-After` in whole seconds."),
        [HeadersTooLarge] = (431, "The request's headers are over 32 KiB together, or more than 100."),
        [InternalError] = (500, "Anything unexpected; nothing of the request was stored, and it is safe to retry."),
        [ServiceUnavailable] = (503, "From `GET /health/ready`: the database is not reachable or not yet migrated, or stored data was encrypted with a webhook key that is not configured (the start-up log names it). From `/v1`: only while the service is starting and its database is not ready yet; sends `Retry-After`, nothing was done, retry."),
    };

    /// <summary>The HTTP status of a code of the catalog.</summary>
    public static int StatusOf(string code) => Catalog[code].Status;
}
