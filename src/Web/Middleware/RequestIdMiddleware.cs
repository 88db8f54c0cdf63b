using Invoicing.Domain.Common;

namespace Invoicing.Web.Middleware;

/// <summary>
/// Every response carries <c>Request-Id</c> (§1): the client's own when it sent 1–64 visible ASCII
/// characters, otherwise a new one. It is also the request's trace identifier and the <c>RequestId</c> of every
/// line logged while the request runs. A new one is a UUIDv7 from <see cref="Uuid7"/>, whose random bits are drawn 4 KB at
/// a time: <c>Guid.CreateVersion7()</c> made a system call per request (bench/README.md, issue 19).
/// </summary>
internal sealed class RequestIdMiddleware(RequestDelegate next, ILogger<RequestIdMiddleware> logger, TimeProvider time)
{
    public const string Header = "Request-Id";

    public async Task InvokeAsync(HttpContext context)
    {
        var sent = context.Request.Headers[Header].ToString();
        var id = IsValid(sent) ? sent : "req_" + Uuid7.Next(time.GetUtcNow()).ToString("N");
        context.TraceIdentifier = id;
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[Header] = id;
            return Task.CompletedTask;
        });

        // ASP.NET Core's own log scope took the connection's request id before this ran; the innermost scope wins,
        // so framework and EF Core lines logged during the request carry the Request-Id too.
        using (logger.BeginScope(new KeyValuePair<string, object>[] { new("RequestId", id) }))
        {
            await next(context);
        }
    }

    private static bool IsValid(string value) => value.Length is >= 1 and <= 64 && value.All(c => c is >= '!' and <= '~');
}
