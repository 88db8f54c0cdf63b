using Microsoft.AspNetCore.Diagnostics;

namespace Invoicing.Web.Errors;

/// <summary>
/// The envelope for an exception that never reached a controller (a middleware, the body limit, a body Kestrel could not
/// read), through ASP.NET Core's exception handler middleware, with the same mapping and writer as
/// <see cref="ApiExceptionFilter"/>. A client that hung up is not answered here: the middleware ends such a request
/// itself (499, logged at Debug), as docs/decisions/0032 says.
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
