using System.Security.Cryptography;
using Invoicing.Application.Common.Errors;
using Invoicing.Application.Common.Idempotency;
using Invoicing.Application.Common.Interfaces;
using Invoicing.Application.Common.Metrics;
using Invoicing.Application.Common.Validation;
using Invoicing.Web.Errors;
using Microsoft.Extensions.Primitives;

namespace Invoicing.Web.Idempotency;

/// <summary>
/// Safe retries for every <c>POST</c> under <c>/v1</c> (§7). With an <c>Idempotency-Key</c> header, the
/// first request claims the key in the database and runs inside one unit of work that also stores its
/// answer (status, content type, <c>Location</c>, body); a repeat with the same method, path and body
/// replays that answer byte for byte. A 5xx is not stored: the claim is released so that a retry runs
/// again. It sits after authentication (the key's environment scopes the record) and the body limit.
/// See docs/decisions/0010.
/// </summary>
internal sealed class IdempotencyMiddleware(RequestDelegate next, InvoicingMetrics metrics, ILogger<IdempotencyMiddleware> logger)
{
    public const string Header = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";
    public const int MaxKeyLength = 255;

    /// <summary>
    /// A key is printable ASCII, as an HTTP header value is (RFC 9110). A NUL, a control character or a lone surrogate
    /// cannot be stored as text (PostgreSQL refused them with a 500), and Kestrel refuses most of them itself.
    /// </summary>
    public const string KeyCharactersMessage = "Use only printable ASCII characters (space to ~).";

    public async Task InvokeAsync(HttpContext context, IIdempotencyStore store, IUnitOfWork unitOfWork, ICurrentEnvironment environment)
    {
        if (!HttpMethods.IsPost(context.Request.Method)
            || !context.Request.Path.StartsWithSegments("/v1")
            || !context.Request.Headers.TryGetValue(Header, out var values))
        {
            await next(context);
            return;
        }

        if (KeyError(values) is { } error)
        {
            await ApiErrors.WriteAsync(context, StatusCodes.Status400BadRequest, ApiErrors.InvalidIdempotencyKey(error));
            return;
        }

        var request = new IdempotentRequest(
            values.ToString(),
            context.Request.Method,
            context.Request.Path.Value + context.Request.QueryString.Value,
            Convert.ToHexStringLower(SHA256.HashData(await BufferBodyAsync(context.Request))));
        var claim = await store.ClaimAsync(request, context.RequestAborted);
        switch (claim.Outcome)
        {
            case IdempotencyOutcome.Replay:
                metrics.IdempotentReplay(environment.Value);
                await ReplayAsync(context, claim.Response!);
                return;
            case IdempotencyOutcome.InUse:
                metrics.IdempotencyConflict(environment.Value, ErrorCodes.IdempotencyKeyInUse);
                await ApiErrors.WriteAsync(context, StatusCodes.Status409Conflict, ApiErrors.KeyInUse);
                return;
            case IdempotencyOutcome.Reused:
                metrics.IdempotencyConflict(environment.Value, ErrorCodes.IdempotencyKeyReused);
                await ApiErrors.WriteAsync(context, StatusCodes.Status422UnprocessableEntity, ApiErrors.KeyReused);
                return;
            case IdempotencyOutcome.Unreadable:
                await ApiErrors.WriteAsync(context, StatusCodes.Status422UnprocessableEntity, ApiErrors.AnswerUnavailable);
                return;
            case IdempotencyOutcome.Claimed:
                await RunAsync(context, store, unitOfWork, environment, claim);
                return;
            default:
                throw new InvalidOperationException($"Unknown idempotency outcome {claim.Outcome}.");
        }
    }

    private static FieldError? KeyError(StringValues values) => values switch
    {
        { Count: > 1 } => new(Header, FieldErrorCodes.Invalid, "Send exactly one Idempotency-Key header."),
        _ when string.IsNullOrWhiteSpace(values.ToString()) => new(Header, FieldErrorCodes.Blank, FieldErrorCodes.BlankMessage),
        _ when values.ToString().Length > MaxKeyLength => new(Header, FieldErrorCodes.MaxLength, FieldErrorCodes.MaxLengthMessage(MaxKeyLength)),
        _ when !values.ToString().All(c => c is >= ' ' and <= '~') => new(Header, FieldErrorCodes.Invalid, KeyCharactersMessage),
        _ => null,
    };

    /// <summary>Reads the whole body (at most 1 MiB: the body limit runs first) and puts it back for the controller.</summary>
    private static async Task<byte[]> BufferBodyAsync(HttpRequest request)
    {
        using var copy = new MemoryStream();
        await request.Body.CopyToAsync(copy, request.HttpContext.RequestAborted);
        var body = copy.ToArray();
        request.Body = new MemoryStream(body, writable: false);
        return body;
    }

    private async Task RunAsync(HttpContext context, IIdempotencyStore store, IUnitOfWork unitOfWork, ICurrentEnvironment environment, IdempotencyClaim claim)
    {
        var response = context.Response;
        var client = response.Body;
        using var buffer = new MemoryStream();
        response.Body = buffer;
        ITransaction? transaction = null;
        var settled = false; // committed, or rolled back with nothing of ours left to release
        try
        {
            // The scope's transaction: the command's unit of work joins it (a savepoint), so its rows and the stored
            // answer commit together: a crash in between leaves neither, and the claim can be taken over.
            transaction = await unitOfWork.BeginAsync(context.RequestAborted);
            await next(context);
            await ApiErrors.WriteIfBodilessAsync(context);

            if (response.StatusCode < StatusCodes.Status500InternalServerError)
            {
                var answer = new StoredResponse(response.StatusCode, response.ContentType, response.Headers.Location.ToString() is { Length: > 0 } location ? location : null, buffer.ToArray());
                if (await store.CompleteAsync(claim, answer, CancellationToken.None))
                {
                    await transaction.CommitAsync(CancellationToken.None);
                    settled = true;
                }
                else
                {
                    // A retry found our claim stale and took it over: our work must not count. It runs again there.
                    logger.LogWarning("Request {RequestId} lost its idempotency claim to a retry; its work was rolled back", context.TraceIdentifier);
                    await transaction.RollbackAsync(CancellationToken.None);
                    settled = true;
                    response.Clear();
                    buffer.SetLength(0);
                    metrics.IdempotencyConflict(environment.Value, ErrorCodes.IdempotencyKeyInUse);
                    await ApiErrors.WriteAsync(context, StatusCodes.Status409Conflict, ApiErrors.KeyInUse);
                }
            }
        }
        finally
        {
            response.Body = client;
            if (!settled)
            {
                await ReleaseAsync(store, claim, transaction);
            }

            if (transaction is not null)
            {
                await transaction.DisposeAsync();
            }
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(client, context.RequestAborted);
    }

    /// <summary>A 5xx or an exception: roll back first, then delete the claim in its own statement so that it really goes.</summary>
    private async Task ReleaseAsync(IIdempotencyStore store, IdempotencyClaim claim, ITransaction? transaction)
    {
        try
        {
            if (transaction is not null)
            {
                await transaction.RollbackAsync(CancellationToken.None);
            }
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Rolling back the transaction of idempotency claim {RecordId} failed", claim.RecordId);
        }

        try
        {
            await store.ReleaseAsync(claim, CancellationToken.None);
        }
        catch (Exception e)
        {
            // The claim stays until the lock timeout; after that a retry takes it over.
            logger.LogError(e, "Could not release idempotency claim {RecordId}", claim.RecordId);
        }
    }

    private static async Task ReplayAsync(HttpContext context, StoredResponse stored)
    {
        var response = context.Response;
        response.StatusCode = stored.Status;
        response.ContentType = stored.ContentType;
        if (stored.Location is not null)
        {
            response.Headers.Location = stored.Location;
        }

        response.Headers[ReplayedHeader] = "true";
        response.ContentLength = stored.Body.Length;
        await response.Body.WriteAsync(stored.Body, context.RequestAborted);
    }
}
