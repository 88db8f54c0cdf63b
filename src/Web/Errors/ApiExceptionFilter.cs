using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Invoicing.Web.Errors;

/// <summary>Renders every exception that leaves a controller (or model binding) as the envelope (docs/decisions/0032).</summary>
internal sealed class ApiExceptionFilter(ILogger<ApiExceptionFilter> logger) : IExceptionFilter
{
    public void OnException(ExceptionContext context)
    {
        var aborted = context.Exception is OperationCanceledException && context.HttpContext.RequestAborted.IsCancellationRequested;
        if (aborted)
        {
            // The client hung up: nothing was stored (the transaction rolled back) and nobody reads this answer.
            logger.LogInformation("Request {RequestId} aborted by the client", context.HttpContext.TraceIdentifier);
        }

        var (status, envelope) = aborted ? ApiErrors.FromException(context.Exception) : ApiErrors.Answer(context.Exception, context.HttpContext, logger);
        context.Result = new EnvelopeResult(status, envelope);
        context.ExceptionHandled = true;
    }
}

/// <summary>An MVC result that answers with the envelope through <see cref="ApiErrors.WriteAsync"/>.</summary>
internal sealed class EnvelopeResult(int status, ErrorEnvelope envelope) : IActionResult
{
    public Task ExecuteResultAsync(ActionContext context) => ApiErrors.WriteAsync(context.HttpContext, status, envelope);
}
