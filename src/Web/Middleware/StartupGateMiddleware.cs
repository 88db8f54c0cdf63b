using Invoicing.Infrastructure.Persistence;
using Invoicing.Web.Errors;

namespace Invoicing.Web.Middleware;

/// <summary>
/// Until the start-up database work has completed (<see cref="DatabaseReadiness"/>), a <c>/v1</c> request answers 503
/// <c>service_unavailable</c> with <c>Retry-After: 1</c> instead of meeting a database without its tables or a
/// bootstrap key not stored yet (which would be a misleading 401). Health, docs and the OpenAPI document are served.
/// </summary>
internal sealed class StartupGateMiddleware(RequestDelegate next, DatabaseReadiness readiness)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (readiness.IsReady || !context.Request.Path.StartsWithSegments("/v1", StringComparison.OrdinalIgnoreCase))
        {
            return next(context);
        }

        context.Response.Headers.RetryAfter = "1";
        return ApiErrors.WriteAsync(context, StatusCodes.Status503ServiceUnavailable, ApiErrors.NotReady);
    }
}
