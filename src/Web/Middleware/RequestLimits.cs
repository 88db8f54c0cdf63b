using Invoicing.Web.Errors;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Invoicing.Web.Middleware;

/// <summary>
/// The sizes a request may have. The application enforces them, so that a request over one is answered with the envelope
/// and a <c>Request-Id</c> (<see cref="RequestLimitsMiddleware"/>, <see cref="BodySizeLimitMiddleware"/>); Kestrel's own
/// limits sit above them as the server's backstop, where it still answers by itself without a body (docs/decisions/0033).
/// </summary>
internal static class RequestLimits
{
    /// <summary>§1: a request body over 1 MiB is 413 <c>payload_too_large</c>.</summary>
    public const long MaxBodyBytes = 1024 * 1024;

    /// <summary>The request target (path and query, as sent): 414 <c>uri_too_long</c> over it. Kestrel's default request line.</summary>
    public const int MaxTargetLength = 8 * 1024;

    /// <summary>All header lines together (name, value, separators): 431 <c>headers_too_large</c> over it. Kestrel's default.</summary>
    public const int MaxHeaderBytes = 32 * 1024;

    /// <summary>Header lines: 431 <c>headers_too_large</c> over it. Kestrel's default.</summary>
    public const int MaxHeaderCount = 100;

    /// <summary>
    /// Kestrel's request line and header limits at twice the application's, so that a request between the two reaches the
    /// application and gets the envelope; the body limit equal to the contract's, so that the server never reads, buffers
    /// or drains more of a refused body.
    /// </summary>
    public static void ConfigureKestrel(KestrelServerOptions options)
    {
        options.Limits.MaxRequestBodySize = MaxBodyBytes;
        options.Limits.MaxRequestLineSize = 2 * MaxTargetLength;
        options.Limits.MaxRequestHeadersTotalSize = 2 * MaxHeaderBytes;
        options.Limits.MaxRequestHeaderCount = 2 * MaxHeaderCount;
    }
}

/// <summary>
/// 414 <c>uri_too_long</c> and 431 <c>headers_too_large</c> (<see cref="RequestLimits"/>), checked first, before the
/// start-up gate and authentication, as the HTTP server checks its own limits before anything else.
/// </summary>
internal sealed class RequestLimitsMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var status = TargetLength(context) > RequestLimits.MaxTargetLength ? StatusCodes.Status414UriTooLong
            : HeadersTooLarge(context.Request.Headers) ? StatusCodes.Status431RequestHeaderFieldsTooLarge
            : 0;
        return status == 0 ? next(context) : ApiErrors.WriteAsync(context, status, ApiErrors.ForStatus(status));
    }

    private static int TargetLength(HttpContext context) =>
        context.Features.Get<IHttpRequestFeature>()?.RawTarget is { Length: > 0 } target
            ? target.Length
            : (context.Request.Path.Value?.Length ?? 0) + (context.Request.QueryString.Value?.Length ?? 0);

    private static bool HeadersTooLarge(IHeaderDictionary headers)
    {
        int count = 0, bytes = 0;
        foreach (var (name, values) in headers)
        {
            foreach (var value in values)
            {
                count++;
                bytes += name.Length + (value?.Length ?? 0) + 4; // "name: value\r\n"
            }
        }

        return count > RequestLimits.MaxHeaderCount || bytes > RequestLimits.MaxHeaderBytes;
    }
}
