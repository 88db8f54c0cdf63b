using Invoicing.Application.Common.Errors;
using Invoicing.Web.Idempotency;
using Invoicing.Web.Middleware;
using Microsoft.AspNetCore.Mvc.ApiExplorer;

namespace Invoicing.Web.OpenApi;

/// <summary>
/// What every operation (or every operation of a kind) shares, declared once as data: the error
/// responses the middleware produces for all of them, and the request headers they all accept.
/// <see cref="DocumentedOperationTransformer"/> renders these tables next to each action's own attributes.
/// </summary>
internal static class OperationConventions
{
    public static readonly IReadOnlyList<ResponseRule> Responses =
    [
        new(_ => true, StatusCodes.Status401Unauthorized, [ErrorCodes.Unauthorized], ["WWW-Authenticate"]),
        new(HasBody, StatusCodes.Status400BadRequest, [ErrorCodes.InvalidRequest]),
        new(IsPost, StatusCodes.Status400BadRequest, [ErrorCodes.InvalidRequest]), // a bad Idempotency-Key; a body that cannot be read
        new(_ => true, StatusCodes.Status413PayloadTooLarge, [ErrorCodes.PayloadTooLarge]), // any request, by its Content-Length
        new(_ => true, StatusCodes.Status414UriTooLong, [ErrorCodes.UriTooLong]),
        new(HasBody, StatusCodes.Status415UnsupportedMediaType, [ErrorCodes.UnsupportedMediaType]),
        new(_ => true, StatusCodes.Status431RequestHeaderFieldsTooLarge, [ErrorCodes.HeadersTooLarge]),
        new(IsPost, StatusCodes.Status409Conflict, [ErrorCodes.IdempotencyKeyInUse]),
        new(IsPost, StatusCodes.Status422UnprocessableEntity, [ErrorCodes.IdempotencyKeyReused, ErrorCodes.IdempotencyAnswerUnavailable]),
        new(_ => true, StatusCodes.Status429TooManyRequests, [ErrorCodes.RateLimited], ["Retry-After"]),
        new(_ => true, StatusCodes.Status500InternalServerError, [ErrorCodes.InternalError]),
        new(_ => true, StatusCodes.Status503ServiceUnavailable, [ErrorCodes.ServiceUnavailable], ["Retry-After"]),
    ];

    public static readonly IReadOnlyList<HeaderRule> RequestHeaders =
    [
        new(IsPost, IdempotencyMiddleware.Header, "Makes this POST safe to retry: a repeat with the same key and body replays the stored answer without running again (kept at least 24 hours). 1–255 characters.", MaxLength: IdempotencyMiddleware.MaxKeyLength),
        new(_ => true, RequestIdMiddleware.Header, "Your own id for this request (1–64 visible ASCII characters), echoed in the `Request-Id` response header. Without it the service makes one."),
    ];

    /// <summary>Headers that responses carry, by name, with their description.</summary>
    public static readonly IReadOnlyDictionary<string, string> ResponseHeaders = new Dictionary<string, string>
    {
        [RequestIdMiddleware.Header] = "The request's id: the one you sent, or `req_` and 32 hex digits. It is in the service's log lines too.",
        ["WWW-Authenticate"] = "`Bearer`.",
        ["Location"] = "The URL of the created resource.",
        [IdempotencyMiddleware.ReplayedHeader] = "`true` when this is the stored answer to an earlier request with the same `Idempotency-Key`, replayed without running again.",
        ["Retry-After"] = "Whole seconds to wait before retrying: until the key's bucket has room again (429), or until the starting service is ready (503).",
    };

    public static bool IsPost(ApiDescription description) => description.HttpMethod == HttpMethods.Post;

    public static bool HasBody(ApiDescription description) =>
        description.ParameterDescriptions.Any(p => p.Source == Microsoft.AspNetCore.Mvc.ModelBinding.BindingSource.Body);

    /// <summary>Operations matching <paramref name="Applies"/> may answer <paramref name="Status"/> with these codes.</summary>
    public sealed record ResponseRule(Func<ApiDescription, bool> Applies, int Status, IReadOnlyList<string> Codes, IReadOnlyList<string>? Headers = null);

    /// <summary>Operations matching <paramref name="Applies"/> accept this optional request header.</summary>
    public sealed record HeaderRule(Func<ApiDescription, bool> Applies, string Name, string Description, int? MaxLength = null);
}
