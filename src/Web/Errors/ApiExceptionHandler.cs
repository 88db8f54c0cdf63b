using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;

namespace Invoicing.Web.Errors;

/// <summary>
/// The envelope for an exception that never reached a controller (a middleware, the body limit, a body Kestrel could not
/// read): ASP.NET Core's exception handler middleware with the same mapping and writer as <see cref="ApiExceptionFilter"/>
/// (docs/decisions/0032). A client that hung up is not answered here: the middleware itself ends such a request (499,
/// logged at Debug).
/// </summary>
internal static class ApiExceptionHandler
{
    public static ExceptionHandlerOptions Options() => new()
    {
        ExceptionHandler = HandleAsync,

        // Logged once, by HandleAsync: at Error when the service is at fault, not at all for a client's mistake.
        SuppressDiagnosticsCallback = _ => true,
    };

    private static Task HandleAsync(HttpContext context)
    {
        var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ApiExceptionHandler));
        var (status, envelope) = ApiErrors.Answer(context.Features.GetRequiredFeature<IExceptionHandlerFeature>().Error, context, logger);
        return ApiErrors.WriteAsync(context, status, envelope);
    }
}
