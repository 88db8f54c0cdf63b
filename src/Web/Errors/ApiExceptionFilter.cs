using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Invoicing.Web.Errors;

/// <summary>Renders every exception that leaves a controller (or model binding) as the envelope.</summary>
internal sealed class ApiExceptionFilter(ILogger<ApiExceptionFilter> logger) : IExceptionFilter
{
    public void OnException(ExceptionContext context)
    {
        var (status, envelope) = ApiErrors.FromException(context.Exception);
        if (context.Exception is OperationCanceledException && context.HttpContext.RequestAborted.IsCancellationRequested)
        {
            // The client hung up: nothing was stored (the transaction rolled back) and nobody reads this answer.
            logger.LogInformation("Request {RequestId} aborted by the client", context.HttpContext.TraceIdentifier);
        }
        else if (status >= StatusCodes.Status500InternalServerError)
        {
            logger.LogError(context.Exception, "Request {RequestId} failed", context.HttpContext.TraceIdentifier);
        }

        context.Result = new EnvelopeResult(status, envelope);
        context.ExceptionHandled = true;
    }
}

/// <summary>An MVC result that answers with the envelope through <see cref="ApiErrors.WriteAsync"/>.</summary>
internal sealed class EnvelopeResult(int status, ErrorEnvelope envelope) : IActionResult
{
    public Task ExecuteResultAsync(ActionContext context) => ApiErrors.WriteAsync(context.HttpContext, status, envelope);
}
