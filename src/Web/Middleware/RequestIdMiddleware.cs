namespace Invoicing.Web.Middleware;

/// <summary>
/// Every response carries <c>Request-Id</c> (§1): the client's own when it sent 1–64 visible ASCII
/// characters, otherwise a new one. It is also the request's trace identifier in every log line.
/// </summary>
internal sealed class RequestIdMiddleware(RequestDelegate next)
{
    public const string Header = "Request-Id";

    public Task InvokeAsync(HttpContext context)
    {
        var sent = context.Request.Headers[Header].ToString();
        var id = IsValid(sent) ? sent : "req_" + Guid.CreateVersion7().ToString("N");
        context.TraceIdentifier = id;
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[Header] = id;
            return Task.CompletedTask;
        });
        return next(context);
    }

    private static bool IsValid(string value) => value.Length is >= 1 and <= 64 && value.All(c => c is >= '!' and <= '~');
}
