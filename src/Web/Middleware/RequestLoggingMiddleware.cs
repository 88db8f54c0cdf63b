using System.Diagnostics;

namespace Invoicing.Web.Middleware;

/// <summary>
/// One structured line per request: method, path, status, elapsed time, request id, and the
/// environment and display prefix of the key. Never the key itself or the Authorization header.
/// </summary>
internal sealed class RequestLoggingMiddleware(RequestDelegate next, ILogger<RequestLoggingMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            var key = AuthenticatedKey.Get(context);
            logger.LogInformation(
                "HTTP {Method} {Path} responded {StatusCode} in {ElapsedMs:0.0} ms (request {RequestId}, environment {Environment}, key {KeyPrefix})",
                context.Request.Method,
                context.Request.Path.Value,
                context.RequestAborted.IsCancellationRequested ? 499 : context.Response.StatusCode,
                Stopwatch.GetElapsedTime(started).TotalMilliseconds,
                context.TraceIdentifier,
                key?.Environment.ToString().ToLowerInvariant(),
                key?.Prefix);
        }
    }
}
