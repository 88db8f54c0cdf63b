using Invoicing.Web.Authentication;
using Serilog.AspNetCore;
using Serilog.Events;

namespace Invoicing.Web.Logging;

/// <summary>
/// The one line per request, written by Serilog.AspNetCore's request logging (docs/decisions/0031): method, path, the
/// endpoint's route template, the final status (499 when the client went away), elapsed time, request id, and the
/// environment and display prefix of the key. Never the key itself or the Authorization header. The property names
/// are those of the service's line before Serilog.AspNetCore wrote it: whoever reads the log (the soak, a dashboard)
/// keeps working.
/// </summary>
internal static class RequestLog
{
    public const string MessageTemplate =
        "HTTP {Method} {Path} responded {StatusCode} in {ElapsedMs:0.0} ms (request {RequestId}, environment {Environment}, key {KeyPrefix})";

    /// <summary>Clients hang up; nginx's code for it keeps such a line apart from what the service answered.</summary>
    public const int ClientClosedRequest = 499;

    /// <param name="logger">The host's own logger: the static <c>Log</c> belongs to no host (several run in one test process).</param>
    public static Action<RequestLoggingOptions> Configure(Serilog.ILogger logger) => options =>
    {
        options.Logger = logger;
        options.MessageTemplate = MessageTemplate;

        // Always Information, whatever the status: a 5xx is logged once at Error, with its exception, by whoever
        // handled it (ApiExceptionFilter, ApiExceptionHandler), and a 503 while the service starts is no error.
        options.GetLevel = static (_, _, _) => LogEventLevel.Information;

        // Every fact of the line in one place, read when the request has ended. Not through EnrichDiagnosticContext:
        // its per-request collection cost about 0.9 KB of allocations per request (docs/decisions/0031).
        options.GetMessageTemplateProperties = static (context, path, elapsedMs, _) =>
        {
            var key = AuthenticatedKey.Get(context);
            return
            [
                new LogEventProperty("Method", new ScalarValue(context.Request.Method)),
                new LogEventProperty("Path", new ScalarValue(path)),
                new LogEventProperty("Route", new ScalarValue((context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText)),

                // What the client got, or its hanging up (Serilog.AspNetCore passes 500 when an exception left the pipeline).
                new LogEventProperty("StatusCode", new ScalarValue(context.RequestAborted.IsCancellationRequested ? ClientClosedRequest : context.Response.StatusCode)),
                new LogEventProperty("ElapsedMs", new ScalarValue(elapsedMs)),
                new LogEventProperty("RequestId", new ScalarValue(context.TraceIdentifier)),
                new LogEventProperty("Environment", new ScalarValue(key?.Environment.ToString().ToLowerInvariant())),
                new LogEventProperty("KeyPrefix", new ScalarValue(key?.Prefix)),
            ];
        };
    };
}
