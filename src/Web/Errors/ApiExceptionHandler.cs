using Microsoft.AspNetCore.Diagnostics;

namespace Invoicing.Web.Errors;

/// <summary>
/// The envelope for an exception that never reached a controller (a middleware, the body limit, a body Kestrel could not
/// read): ASP.NET Core's exception handler middleware calls it, with the same mapping and writer as
/// <see cref="ApiExceptionFilter"/> (docs/decisions/0032). It logs a 5xx once, at Error; the middleware itself records no
/// diagnostics for an exception a handler answered. A client that hung up never reaches it: the middleware ends such a
/// request itself (499, logged at Debug).
/// </summary>
internal sealed class ApiExceptionHandler(ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, envelope) = ApiErrors.Answer(exception, httpContext, logger);
        await ApiErrors.WriteAsync(httpContext, status, envelope);
        return true;
    }
}
