using System.Globalization;
using Invoicing.Web.Errors;
using Invoicing.Web.Middleware;

namespace Invoicing.Web.RateLimiting;

/// <summary>
/// 429 <c>rate_limited</c> with <c>Retry-After</c> (whole seconds) once a key's bucket is empty. Runs right
/// after authentication, so only authenticated <c>/v1</c> requests count: health endpoints and requests
/// refused with 401 never touch a bucket.
/// </summary>
internal sealed class RateLimitMiddleware(RequestDelegate next, ApiKeyRateLimiter limiter)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (AuthenticatedKey.Get(context) is not { } key || limiter.TryAcquire(key.Prefix, key.Environment, out var retryAfter))
        {
            return next(context);
        }

        context.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
        return ApiErrors.WriteAsync(context, StatusCodes.Status429TooManyRequests, ApiErrors.TooManyRequests(retryAfter));
    }
}
