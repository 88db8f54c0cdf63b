using System.Text.Json;
using System.Text.RegularExpressions;
using Invoicing.Application.Common.Exceptions;
using Invoicing.Application.Common.Validation;
using Invoicing.Domain.Invoices;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Invoicing.Web.Errors;

/// <summary>
/// The error catalog (§3) and the one writer of the envelope. The exception filter (errors inside
/// MVC) and <see cref="Middleware.ErrorEnvelopeMiddleware"/> (everything else) both answer through here.
/// </summary>
internal static partial class ApiErrors
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
    public const string PayloadTooLarge = "payload_too_large";
    public const string UriTooLong = "uri_too_long";
    public const string UnsupportedMediaType = "unsupported_media_type";
    public const string IdempotencyKeyInUse = "idempotency_key_in_use";
    public const string IdempotencyKeyReused = "idempotency_key_reused";
    public const string RateLimited = "rate_limited";
    public const string HeadersTooLarge = "headers_too_large";
    public const string InternalError = "internal_error";
    public const string ServiceUnavailable = "service_unavailable";

    /// <summary>
    /// Every code the service can answer with, its HTTP status and when (§3). The OpenAPI document
    /// describes error responses from here; add a new code here and in the constants above.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, (int Status, string When)> Catalog = new Dictionary<string, (int, string)>
    {
        [InvalidRequest] = (StatusCodes.Status400BadRequest, "Validation failed (`errors` lists every failing field or query parameter), or the body is not JSON or of the wrong shape."),
        [Unauthorized] = (StatusCodes.Status401Unauthorized, "The API key is missing, not `Bearer`, malformed, unknown or revoked. Sends `WWW-Authenticate: Bearer`."),
        [InvoiceNotFound] = (StatusCodes.Status404NotFound, "No invoice with that id in the key's environment (also for an id that is not a UUID)."),
        [CounterpartyNotFound] = (StatusCodes.Status404NotFound, "No counterparty with that id in the key's environment (also for an id that is not a UUID)."),
        [EventNotFound] = (StatusCodes.Status404NotFound, "No event with that id in the key's environment (also for an id that is not a UUID)."),
        [WebhookEndpointNotFound] = (StatusCodes.Status404NotFound, "No webhook endpoint with that id in the key's environment (also for an id that is not a UUID)."),
        [RouteNotFound] = (StatusCodes.Status404NotFound, "No such route."),
        [MethodNotAllowed] = (StatusCodes.Status405MethodNotAllowed, "The route exists but not for this method."),
        [InvoiceStateConflict] = (StatusCodes.Status409Conflict, "The invoice is not `open`, so it cannot be paid or voided; nothing changed (`detail` names its status)."),
        [PayloadTooLarge] = (StatusCodes.Status413PayloadTooLarge, "The body is over 1 MiB."),
        [UriTooLong] = (StatusCodes.Status414UriTooLong, "The request target (path and query) is over 8 KiB."),
        [UnsupportedMediaType] = (StatusCodes.Status415UnsupportedMediaType, "The body was not sent as `application/json`."),
        [IdempotencyKeyInUse] = (StatusCodes.Status409Conflict, "Another request with the same `Idempotency-Key` is still running; retry once it has finished."),
        [IdempotencyKeyReused] = (StatusCodes.Status422UnprocessableEntity, "The `Idempotency-Key` was already used with another method, path or body."),
        [RateLimited] = (StatusCodes.Status429TooManyRequests, "Too many requests with this API key. Sends `Retry-After` in whole seconds."),
        [HeadersTooLarge] = (StatusCodes.Status431RequestHeaderFieldsTooLarge, "The request's headers are over 32 KiB together, or more than 100."),
        [InternalError] = (StatusCodes.Status500InternalServerError, "Anything unexpected; nothing of the request was stored, and it is safe to retry."),
        [ServiceUnavailable] = (StatusCodes.Status503ServiceUnavailable, "From `GET /health/ready`: the database is not reachable or not yet migrated. From `/v1`: only while the service is starting and its database is not ready yet; sends `Retry-After`, nothing was done, retry."),
    };

    public static readonly ErrorEnvelope Internal = new(InternalError, "An unexpected error occurred on our side; nothing of the request was stored. It is safe to retry.");

    public static readonly ErrorEnvelope NotReady = new(ServiceUnavailable, "The service is starting and its database is not ready yet; nothing was done. Retry after the number of seconds in Retry-After.");

    public static readonly ErrorEnvelope KeyInUse = new(IdempotencyKeyInUse, "Another request with this Idempotency-Key is still being processed; retry once it has finished.");

    public static readonly ErrorEnvelope KeyReused = new(IdempotencyKeyReused, "This Idempotency-Key was already used for a request with a different method, path or body; use a new key for a new request.");

    public static ErrorEnvelope InvalidIdempotencyKey(FieldError error) => new(InvalidRequest, "The Idempotency-Key header is invalid.", [error]);

    public static ErrorEnvelope TooManyRequests(long retryAfterSeconds) =>
        new(RateLimited, $"Too many requests with this API key; retry after {retryAfterSeconds} second{(retryAfterSeconds == 1 ? string.Empty : "s")}.");

    /// <summary>The closed mapping from exceptions to answers. Anything not named here is a 500 that says nothing about itself.</summary>
    public static (int Status, ErrorEnvelope Envelope) FromException(Exception exception) => exception switch
    {
        InvalidRequestException e => (StatusCodes.Status400BadRequest, new ErrorEnvelope(InvalidRequest, e.Message, e.Errors, ItemsOf(e))),
        NotFoundException e => (StatusCodes.Status404NotFound, new ErrorEnvelope(e.Code, e.Message)),
        InvoiceStateConflictException e => (StatusCodes.Status409Conflict, new ErrorEnvelope(InvoiceStateConflict, e.Message)),
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => (StatusCodes.Status413PayloadTooLarge, ForStatus(StatusCodes.Status413PayloadTooLarge)),
        BadHttpRequestException => (StatusCodes.Status400BadRequest, new ErrorEnvelope(InvalidRequest, "The request could not be read.")),
        _ => (StatusCodes.Status500InternalServerError, Internal),
    };

    /// <summary>The envelope for a status the framework decided on its own, with no body (no route, wrong method, …).</summary>
    public static ErrorEnvelope ForStatus(int status) => status switch
    {
        StatusCodes.Status401Unauthorized => new(Unauthorized, "No valid API key was provided."),
        StatusCodes.Status404NotFound => new(RouteNotFound, "No such route."),
        StatusCodes.Status405MethodNotAllowed => new(MethodNotAllowed, "The route exists but does not accept this method."),
        StatusCodes.Status413PayloadTooLarge => new(PayloadTooLarge, "The request body is larger than 1 MiB."),
        StatusCodes.Status414UriTooLong => new(UriTooLong, "The request's path and query are longer than 8 KiB."),
        StatusCodes.Status415UnsupportedMediaType => new(UnsupportedMediaType, "The request body must be sent as application/json."),
        StatusCodes.Status429TooManyRequests => new(RateLimited, "Too many requests with this API key."),
        StatusCodes.Status431RequestHeaderFieldsTooLarge => new(HeadersTooLarge, "The request's headers are larger than 32 KiB together, or more than 100."),
        < 500 => new(InvalidRequest, "The request could not be processed."),
        _ => Internal,
    };

    public static async Task WriteAsync(HttpContext context, int status, ErrorEnvelope envelope)
    {
        var options = context.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        await JsonSerializer.SerializeAsync(context.Response.Body, envelope, options, context.RequestAborted);
    }

    /// <summary>
    /// Gives a bodiless error status set by the framework itself (no route → 404, wrong method → 405, …) its
    /// envelope; does nothing to an answer that already has a body or has started.
    /// </summary>
    public static Task WriteIfBodilessAsync(HttpContext context)
    {
        var response = context.Response;
        return response.StatusCode >= StatusCodes.Status400BadRequest && !response.HasStarted && response.ContentType is null && response.ContentLength is null
            ? WriteAsync(context, response.StatusCode, ForStatus(response.StatusCode))
            : Task.CompletedTask;
    }

    /// <summary>For a batch: one object per submitted item mapping each failing field to its messages, <c>{}</c> for a good item.</summary>
    private static List<IReadOnlyDictionary<string, List<string>>>? ItemsOf(InvalidRequestException e)
    {
        if (e.ItemCount is not { } count || e.Errors.Count == 0)
        {
            return null;
        }

        var items = Enumerable.Range(0, count).Select(_ => new Dictionary<string, List<string>>()).ToList();
        foreach (var error in e.Errors)
        {
            if (ItemField().Match(error.Field) is { Success: true } match)
            {
                var field = match.Groups[2].Success ? match.Groups[2].Value : "non_field_errors";
                var item = items[int.Parse(match.Groups[1].ValueSpan, provider: System.Globalization.CultureInfo.InvariantCulture)];
                item.TryAdd(field, []);
                item[field].Add(error.Message);
            }
        }

        return items.ConvertAll(i => (IReadOnlyDictionary<string, List<string>>)i);
    }

    [GeneratedRegex(@"^\[(\d+)\](?:\.(.+))?$")]
    private static partial Regex ItemField();
}
