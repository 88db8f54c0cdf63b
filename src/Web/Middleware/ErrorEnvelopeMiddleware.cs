using Invoicing.Web.Errors;

namespace Invoicing.Web.Middleware;

/// <summary>
/// Makes sure nothing leaves in another shape: an exception that escaped everything else becomes the
/// envelope, and so does a bodiless error status set by the framework itself (no route → 404
/// <c>route_not_found</c>, wrong method → 405, wrong media type → 415, …). A request its client abandoned just ends.
/// </summary>
internal sealed class ErrorEnvelopeMiddleware(RequestDelegate next, ILogger<ErrorEnvelopeMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client hung up while a middleware waited on it: nothing was stored and nobody reads an answer. As in
            // ApiExceptionFilter, no error: the request line says 499, without a stack trace.
            return;
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
