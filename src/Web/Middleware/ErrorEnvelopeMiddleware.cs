using Invoicing.Web.Errors;

namespace Invoicing.Web.Middleware;

/// <summary>
/// Makes sure nothing leaves in another shape: an exception that escaped everything else becomes the
/// envelope, and so does a bodiless error status set by the framework itself (no route → 404
/// <c>route_not_found</c>, wrong method → 405, wrong media type → 415, …).
/// </summary>
internal sealed class ErrorEnvelopeMiddleware(RequestDelegate next, ILogger<ErrorEnvelopeMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (Exception exception) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            var (status, envelope) = ApiErrors.FromException(exception);
            if (status >= StatusCodes.Status500InternalServerError)
            {
                logger.LogError(exception, "Request {RequestId} failed", context.TraceIdentifier);
            }

            context.Response.Clear();
            await ApiErrors.WriteAsync(context, status, envelope);
            return;
        }

        await ApiErrors.WriteIfBodilessAsync(context);
    }
}
