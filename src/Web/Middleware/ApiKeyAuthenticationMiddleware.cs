using Invoicing.Application.ApiKeys;
using Invoicing.Application.ApiKeys.AuthenticateApiKey;
using Invoicing.Application.Common.Errors;
using Invoicing.Application.Common.Interfaces;
using Invoicing.Web.Errors;
using MediatR;

namespace Invoicing.Web.Middleware;

/// <summary>
/// Every <c>/v1</c> request needs <c>Authorization: Bearer &lt;key&gt;</c> (§2), checked before anything
/// else about the request: a missing, malformed, unknown or revoked key is 401 <c>unauthorized</c>.
/// A good key sets the environment that the rest of the request sees.
/// </summary>
internal sealed class ApiKeyAuthenticationMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, IMediator mediator, ICurrentEnvironment environment)
    {
        if (!context.Request.Path.StartsWithSegments("/v1"))
        {
            await next(context);
            return;
        }

        var header = context.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            await ChallengeAsync(context, "No API key was provided. Send it as 'Authorization: Bearer <key>'.");
            return;
        }

        var key = await mediator.Send(new AuthenticateApiKeyQuery(header["Bearer ".Length..].Trim()), context.RequestAborted);
        if (key is null)
        {
            await ChallengeAsync(context, "The API key is malformed, unknown or revoked.");
            return;
        }

        environment.Set(key.Environment);
        AuthenticatedKey.Set(context, key);
        await next(context);
    }

    private static Task ChallengeAsync(HttpContext context, string detail)
    {
        context.Response.Headers.WWWAuthenticate = "Bearer";
        return ApiErrors.WriteAsync(context, StatusCodes.Status401Unauthorized, new ErrorEnvelope(ErrorCodes.Unauthorized, detail));
    }
}

/// <summary>The key that authenticated a request, for logging: its display prefix and environment only.</summary>
internal static class AuthenticatedKey
{
    private static readonly object ItemKey = new();

    public static void Set(HttpContext context, ApiKeySummary key) => context.Items[ItemKey] = key;

    public static ApiKeySummary? Get(HttpContext context) => context.Items.TryGetValue(ItemKey, out var key) ? key as ApiKeySummary : null;
}
