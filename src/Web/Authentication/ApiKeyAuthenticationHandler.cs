using System.Security.Claims;
using System.Text.Encodings.Web;
using Invoicing.Application.ApiKeys;
using Invoicing.Application.ApiKeys.AuthenticateApiKey;
using Invoicing.Application.Common.Errors;
using Invoicing.Application.Common.Interfaces;
using Invoicing.Web.Errors;
using MediatR;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Invoicing.Web.Authentication;

/// <summary>
/// The API-key scheme (§2): <c>Authorization: Bearer &lt;key&gt;</c>, found through <see cref="AuthenticateApiKeyQuery"/>
/// (a few seconds' cache in front of one indexed query, docs/decisions/0018). A good key sets the environment the rest of
/// the request sees. The challenge is 401 <c>unauthorized</c> in the envelope with <c>WWW-Authenticate: Bearer</c>.
/// Keys are for the API: a request outside <c>/v1</c> is never looked up, and every <c>/v1</c> request must have one
/// (<see cref="RequiredOnApi"/>, docs/decisions/0033).
/// </summary>
/// <remarks>
/// The base class's own log lines (one at Information per 401) would repeat the request line, and creating its logger
/// for each request cost an allocation on every <c>/v1</c> request: it gets none.
/// </remarks>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    UrlEncoder encoder,
    IMediator mediator,
    ICurrentEnvironment environment) : AuthenticationHandler<AuthenticationSchemeOptions>(options, NullLoggerFactory.Instance, encoder)
{
    public const string SchemeName = "ApiKey";

    /// <summary>The fallback policy of the service: a <c>/v1</c> request needs a key; anything else needs none.</summary>
    public static readonly AuthorizationPolicy RequiredOnApi = new AuthorizationPolicyBuilder()
        .RequireAssertion(c => c.User.Identity is AuthenticatedKey || (c.Resource is HttpContext http && !IsApi(http.Request)))
        .Build();

    private const string Bearer = "Bearer ";

    private const string NoKey = "No API key was provided. Send it as 'Authorization: Bearer <key>'.";

    private const string BadKey = "The API key is malformed, unknown or revoked.";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!IsApi(Request) || !header.StartsWith(Bearer, StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var key = await mediator.Send(new AuthenticateApiKeyQuery(header[Bearer.Length..].Trim()), Context.RequestAborted);
        if (key is null)
        {
            return AuthenticateResult.Fail(BadKey);
        }

        environment.Set(key.Environment);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new AuthenticatedKey(key)), SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var presented = (await HandleAuthenticateOnceSafeAsync()).Failure is not null;
        Response.Headers.WWWAuthenticate = "Bearer";
        await ApiErrors.WriteAsync(Context, StatusCodes.Status401Unauthorized, new ErrorEnvelope(ErrorCodes.Unauthorized, presented ? BadKey : NoKey));
    }

    private static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/v1");
}

/// <summary>The identity of a request authenticated by its API key: the key's display prefix and environment, never the key.</summary>
internal sealed class AuthenticatedKey(ApiKeySummary key) : ClaimsIdentity(ApiKeyAuthenticationHandler.SchemeName)
{
    public ApiKeySummary Key { get; } = key;

    /// <summary>The key that authenticated the request, or null (not a <c>/v1</c> request, or not authenticated).</summary>
    public static ApiKeySummary? Get(HttpContext context) => (context.User.Identity as AuthenticatedKey)?.Key;
}
