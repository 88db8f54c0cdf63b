namespace Invoicing.Client;

/// <summary>
/// The error codes of the API's catalog (§3), for comparing with <see cref="InvoicingException.Code"/>.
/// The set is open: the API may add codes, so always have a fallback on <see cref="InvoicingException.Kind"/>
/// (the HTTP status family) for a code you do not know.
/// </summary>
public static class InvoicingErrorCodes
{
    /// <summary>400: validation failed (see <see cref="InvoicingException.Errors"/>), body not JSON or of the wrong shape, bad query parameter.</summary>
    public const string InvalidRequest = "invalid_request";

    /// <summary>401: the API key is missing, malformed, unknown or revoked.</summary>
    public const string Unauthorized = "unauthorized";

    /// <summary>404: no invoice with that id in the key's environment.</summary>
    public const string InvoiceNotFound = "invoice_not_found";

    /// <summary>404: no counterparty with that id in the key's environment.</summary>
    public const string CounterpartyNotFound = "counterparty_not_found";

    /// <summary>404: no event with that id in the key's environment.</summary>
    public const string EventNotFound = "event_not_found";

    /// <summary>404: no webhook endpoint with that id in the key's environment.</summary>
    public const string WebhookEndpointNotFound = "webhook_endpoint_not_found";

    /// <summary>404: no such route.</summary>
    public const string RouteNotFound = "route_not_found";

    /// <summary>405: the route exists, the method does not.</summary>
    public const string MethodNotAllowed = "method_not_allowed";

    /// <summary>409: the invoice's status does not allow that transition (only an open invoice is paid or voided).</summary>
    public const string InvoiceStateConflict = "invoice_state_conflict";

    /// <summary>409: the webhook endpoint is disabled, so no event is re-sent to it; enable it first.</summary>
    public const string WebhookEndpointDisabled = "webhook_endpoint_disabled";

    /// <summary>409: the webhook endpoint does not receive events of that type (its enabled events), so the event is not re-sent to it.</summary>
    public const string EventTypeNotEnabled = "event_type_not_enabled";

    /// <summary>409: another request with the same idempotency key is still running (the client retries it).</summary>
    public const string IdempotencyKeyInUse = "idempotency_key_in_use";

    /// <summary>413: the body is over 1 MiB.</summary>
    public const string PayloadTooLarge = "payload_too_large";

    /// <summary>414: the request's path and query are over 8 KiB.</summary>
    public const string UriTooLong = "uri_too_long";

    /// <summary>415: the body is not <c>application/json</c>.</summary>
    public const string UnsupportedMediaType = "unsupported_media_type";

    /// <summary>422: the idempotency key was already used with another method, path or body.</summary>
    public const string IdempotencyKeyReused = "idempotency_key_reused";

    /// <summary>422: the idempotency key's request was done, but its stored answer cannot be read by the service any more (not retried: look the result up).</summary>
    public const string IdempotencyAnswerUnavailable = "idempotency_answer_unavailable";

    /// <summary>429: the key's request budget is spent (the client waits for <c>Retry-After</c> and retries).</summary>
    public const string RateLimited = "rate_limited";

    /// <summary>431: the request's headers are over 32 KiB together, or more than 100.</summary>
    public const string HeadersTooLarge = "headers_too_large";

    /// <summary>500: anything unexpected; nothing was stored (the client retries it).</summary>
    public const string InternalError = "internal_error";

    /// <summary>503: the service cannot reach its database (health endpoint), or is starting and not ready yet (<c>/v1</c>, with <c>Retry-After</c>).</summary>
    public const string ServiceUnavailable = "service_unavailable";
}

/// <summary>The codes of <see cref="InvoicingFieldError.Code"/> (§3.1); also an open set.</summary>
public static class InvoicingFieldErrorCodes
{
    /// <summary>A required member is absent.</summary>
    public const string Required = "required";

    /// <summary><c>null</c> for a member that does not accept it.</summary>
    public const string Null = "null";

    /// <summary>Empty or whitespace only.</summary>
    public const string Blank = "blank";

    /// <summary>Wrong JSON type or format.</summary>
    public const string Invalid = "invalid";

    /// <summary>Below the minimum.</summary>
    public const string MinValue = "min_value";

    /// <summary>Above the maximum.</summary>
    public const string MaxValue = "max_value";

    /// <summary>Too many characters.</summary>
    public const string MaxLength = "max_length";

    /// <summary>The invoice number is already used by this originating counterparty.</summary>
    public const string Unique = "unique";

    /// <summary>The id names nothing in the key's environment.</summary>
    public const string DoesNotExist = "does_not_exist";

    /// <summary>A rule between two fields failed.</summary>
    public const string InvalidRelation = "invalid_relation";
}

/// <summary>What kind of failure an <see cref="InvoicingException"/> is, read from the HTTP status alone, so that it is known even for a code the client does not know.</summary>
public enum InvoicingErrorKind
{
    /// <summary>No answer arrived: the connection failed or the attempt timed out. For a <c>POST</c> the outcome is unknown; retry with <see cref="InvoicingException.IdempotencyKey"/>.</summary>
    Network,

    /// <summary>400: the request was refused as invalid; fix it before sending it again.</summary>
    InvalidRequest,

    /// <summary>401: the API key was refused.</summary>
    Authentication,

    /// <summary>404.</summary>
    NotFound,

    /// <summary>409.</summary>
    Conflict,

    /// <summary>429: still limited after the client's retries.</summary>
    RateLimited,

    /// <summary>Any other 4xx: the request is at fault.</summary>
    ClientError,

    /// <summary>5xx: the service is at fault; still failing after the client's retries.</summary>
    ServerError,

    /// <summary>A status or body the API does not send (for example a success whose body is not the expected JSON).</summary>
    UnexpectedResponse,
}

/// <summary>One field-level problem of an error answer (§3.1).</summary>
/// <param name="Field">The member name as sent (<c>amount_cents</c>); in a batch prefixed with the item's index (<c>[0].amount_cents</c>); a query parameter's or header's name.</param>
/// <param name="Code">A field error code, see <see cref="InvoicingFieldErrorCodes"/>.</param>
/// <param name="Message">A sentence for people.</param>
public sealed record InvoicingFieldError(string Field, string Code, string Message);
