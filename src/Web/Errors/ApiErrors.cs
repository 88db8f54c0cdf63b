using System.Text.Json;
using Invoicing.Application.Common.Errors;
using Invoicing.Application.Common.Exceptions;
using Invoicing.Application.Common.Validation;
using Invoicing.Domain.Invoices;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Invoicing.Web.Errors;

/// <summary>
/// The one writer of the error envelope, and the closed mapping to it from exceptions and from bodiless statuses; the
/// codes are the catalog's (<see cref="ErrorCodes"/>). Where each kind of error is rendered: docs/decisions/0032.
/// </summary>
internal static class ApiErrors
{
    private static readonly object DeferredKey = new();

    public static readonly ErrorEnvelope Internal = new(ErrorCodes.InternalError, "An unexpected error occurred on our side; nothing of the request was stored. It is safe to retry.");

    public static readonly ErrorEnvelope NotReady = new(ErrorCodes.ServiceUnavailable, "The service is starting and its database is not ready yet; nothing was done. Retry after the number of seconds in Retry-After.");

    public static readonly ErrorEnvelope KeyInUse = new(ErrorCodes.IdempotencyKeyInUse, "Another request with this Idempotency-Key is still being processed; retry once it has finished.");

    public static readonly ErrorEnvelope KeyReused = new(ErrorCodes.IdempotencyKeyReused, "This Idempotency-Key was already used for a request with a different method, path or body; use a new key for a new request.");

    public static readonly ErrorEnvelope AnswerUnavailable = new(ErrorCodes.IdempotencyAnswerUnavailable, "The request with this Idempotency-Key was already done, but its stored answer cannot be read: it was encrypted with a key the service no longer has. Retrying will not help; look the result up instead.");

    public static ErrorEnvelope InvalidIdempotencyKey(FieldError error) => new(ErrorCodes.InvalidRequest, "The Idempotency-Key header is invalid.", [error]);

    public static ErrorEnvelope TooManyRequests(long retryAfterSeconds) =>
        new(ErrorCodes.RateLimited, $"Too many requests with this API key; retry after {retryAfterSeconds} second{(retryAfterSeconds == 1 ? string.Empty : "s")}.");

    /// <summary>The closed mapping from exceptions to answers. Anything not named here is a 500 that says nothing about itself.</summary>
    public static (int Status, ErrorEnvelope Envelope) FromException(Exception exception) => exception switch
    {
        InvalidRequestException e => (StatusCodes.Status400BadRequest, ErrorEnvelope.Invalid(e)),
        NotFoundException e => (ErrorCodes.StatusOf(e.Code), new ErrorEnvelope(e.Code, e.Message)),
        ConflictException e => (ErrorCodes.StatusOf(e.Code), new ErrorEnvelope(e.Code, e.Message)),
        InvoiceStateConflictException e => (StatusCodes.Status409Conflict, new ErrorEnvelope(ErrorCodes.InvoiceStateConflict, e.Message)),
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => (StatusCodes.Status413PayloadTooLarge, ForStatus(StatusCodes.Status413PayloadTooLarge)),
        BadHttpRequestException => (StatusCodes.Status400BadRequest, new ErrorEnvelope(ErrorCodes.InvalidRequest, "The request could not be read.")),
        _ => (StatusCodes.Status500InternalServerError, Internal),
    };

    /// <summary>The answer to an exception (<see cref="FromException"/>), logged once at Error when the service is at fault (5xx).</summary>
    public static (int Status, ErrorEnvelope Envelope) Answer(Exception exception, HttpContext context, ILogger logger)
    {
        var answer = FromException(exception);
        if (answer.Status >= StatusCodes.Status500InternalServerError)
        {
            logger.LogError(exception, "Request {RequestId} failed", context.TraceIdentifier);
        }

        return answer;
    }

    /// <summary>The envelope for a status the framework decided on its own, with no body (no route, wrong method, …).</summary>
    public static ErrorEnvelope ForStatus(int status) => status switch
    {
        StatusCodes.Status401Unauthorized => new(ErrorCodes.Unauthorized, "No valid API key was provided."),
        StatusCodes.Status404NotFound => new(ErrorCodes.RouteNotFound, "No such route."),
        StatusCodes.Status405MethodNotAllowed => new(ErrorCodes.MethodNotAllowed, "The route exists but does not accept this method."),
        StatusCodes.Status413PayloadTooLarge => new(ErrorCodes.PayloadTooLarge, "The request body is larger than 1 MiB."),
        StatusCodes.Status414UriTooLong => new(ErrorCodes.UriTooLong, "The request's path and query are longer than 8 KiB."),
        StatusCodes.Status415UnsupportedMediaType => new(ErrorCodes.UnsupportedMediaType, "The request body must be sent as application/json."),
        StatusCodes.Status429TooManyRequests => new(ErrorCodes.RateLimited, "Too many requests with this API key."),
        StatusCodes.Status431RequestHeaderFieldsTooLarge => new(ErrorCodes.HeadersTooLarge, "The request's headers are larger than 32 KiB together, or more than 100."),
        < 500 => new(ErrorCodes.InvalidRequest, "The request could not be processed."),
        _ => Internal,
    };

    public static async Task WriteAsync(HttpContext context, int status, ErrorEnvelope envelope)
    {
        var options = context.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        if (status == StatusCodes.Status413PayloadTooLarge)
        {
            // The rest of the body is never read, so the server closes the connection after this answer: it says so
            // (RFC 9112, 9.6), and a keep-alive client opens a new connection instead of losing its next request.
            context.Response.Headers.Connection = "close";
        }

        await JsonSerializer.SerializeAsync(context.Response.Body, envelope, options, context.RequestAborted);
    }

    /// <summary>
    /// For a part of the platform that only sets a status (an authentication challenge, a rate limiter's rejection): sets
    /// <paramref name="status"/> and leaves <paramref name="envelope"/> for the way out, where the status-code pages
    /// (<see cref="WriteIfBodilessAsync"/>) write it instead of <see cref="ForStatus"/>'s.
    /// </summary>
    public static void Defer(HttpContext context, int status, ErrorEnvelope envelope)
    {
        context.Response.StatusCode = status;
        context.Items[DeferredKey] = envelope;
    }

    /// <summary>
    /// Gives a bodiless error status its envelope: the one a component left (<see cref="Defer"/>), else the status's own
    /// (no route → 404, wrong method → 405, …). Does nothing to an answer that already has a body or has started. The
    /// status-code pages call it for every request; the idempotency middleware before it stores an answer.
    /// </summary>
    public static Task WriteIfBodilessAsync(HttpContext context)
    {
        var response = context.Response;
        if (response.StatusCode < StatusCodes.Status400BadRequest || response.HasStarted || response.ContentType is not null || response.ContentLength is not null)
        {
            return Task.CompletedTask;
        }

        var envelope = context.Items.TryGetValue(DeferredKey, out var deferred) && deferred is ErrorEnvelope left ? left : ForStatus(response.StatusCode);
        return WriteAsync(context, response.StatusCode, envelope);
    }
}
