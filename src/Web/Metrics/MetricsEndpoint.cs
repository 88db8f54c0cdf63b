using System.Security.Cryptography;
using System.Text;
using Invoicing.Application.Common.Errors;
using Invoicing.Application.Common.Metrics;
using Invoicing.Web.Errors;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace Invoicing.Web.Metrics;

/// <summary>
/// OpenTelemetry metrics, scraped by Prometheus at <c>GET /metrics</c> (outside <c>/v1</c>, not in the OpenAPI
/// document, no API key): ASP.NET Core's own instruments (<c>http.server.request.duration</c> by route template and
/// status, Kestrel's connections) and the service's (<see cref="InvoicingMetrics"/>). With
/// <c>Metrics:BearerToken</c> set, a scrape must send <c>Authorization: Bearer &lt;token&gt;</c>
/// (docs/operations.md "Metrics", docs/decisions/0038).
/// </summary>
internal static class MetricsEndpoint
{
    public const string Path = "/metrics";

    /// <summary>
    /// The <c>http.route</c> of a request that matched no route: an unknown path, a method the route does not take (405),
    /// or a request refused before routing (414, 431).
    /// </summary>
    public const string Unmatched = "unmatched";

    /// <summary>The <c>http.route</c> of the reference page's files, which its middleware serves without an endpoint.</summary>
    public const string DocsRoute = "docs/{*file}";

    public static IServiceCollection AddServiceMetrics(this IServiceCollection services)
    {
        services.AddOptions<MetricsOptions>().BindConfiguration(MetricsOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<MetricsOptions>, MetricsOptionsValidator>();
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("invoicing-api"))
            .WithMetrics(metrics => metrics
                .AddMeter(InvoicingMetrics.MeterName)
                .AddAspNetCoreInstrumentation()
                .AddPrometheusExporter(options => options.ScrapeResponseCacheDurationMilliseconds = 0)); // the gauges cache what costs
        return services;
    }

    /// <summary>
    /// Gives a request that matched no route the <c>http.route</c> <see cref="Unmatched"/> (or <see cref="DocsRoute"/>), so
    /// that it is still counted under a route label; a routed request keeps its template, which ASP.NET Core adds itself.
    /// </summary>
    public static IApplicationBuilder UseRouteLabelForUnmatchedRequests(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        try
        {
            await next(context);
        }
        finally
        {
            // The endpoint ASP.NET Core labels the request with (the exception handler clears it, and keeps it in its feature).
            var endpoint = context.GetEndpoint() ?? context.Features.Get<IExceptionHandlerFeature>()?.Endpoint;
            if (endpoint?.Metadata.GetMetadata<IRouteDiagnosticsMetadata>() is null && context.Features.Get<IHttpMetricsTagsFeature>() is { } tags)
            {
                tags.Tags.Add(new("http.route", context.Request.Path.StartsWithSegments("/docs") ? DocsRoute : Unmatched));
            }
        }
    });

    public static IEndpointConventionBuilder MapMetrics(this IEndpointRouteBuilder endpoints)
    {
        var token = endpoints.ServiceProvider.GetRequiredService<IOptions<MetricsOptions>>().Value.BearerToken;
        return endpoints.MapPrometheusScrapingEndpoint(
            Path,
            meterProvider: null,
            configureBranchedPipeline: string.IsNullOrEmpty(token) ? null : scrape => scrape.Use(RequireToken(token)),
            optionsName: null);
    }

    /// <summary>401 <c>unauthorized</c> with <c>WWW-Authenticate: Bearer</c> unless the request carries the token; compared in constant time.</summary>
    private static Func<HttpContext, RequestDelegate, Task> RequireToken(string token)
    {
        var expected = SHA256.HashData(Encoding.UTF8.GetBytes(token));
        return (context, next) =>
        {
            var header = context.Request.Headers.Authorization.ToString();
            var given = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : string.Empty;
            if (CryptographicOperations.FixedTimeEquals(expected, SHA256.HashData(Encoding.UTF8.GetBytes(given))))
            {
                return next(context);
            }

            context.Response.Headers.WWWAuthenticate = "Bearer";
            return ApiErrors.WriteAsync(context, StatusCodes.Status401Unauthorized, new ErrorEnvelope(ErrorCodes.Unauthorized, "The metrics need the bearer token configured in Metrics:BearerToken."));
        };
    }
}

/// <summary>The <c>Metrics</c> configuration section.</summary>
public sealed class MetricsOptions
{
    public const string Section = "Metrics";

    public const int MinTokenLength = 16;

    /// <summary>When set, <c>GET /metrics</c> answers only requests with <c>Authorization: Bearer</c> and this token.</summary>
    public string? BearerToken { get; set; }
}

internal sealed class MetricsOptionsValidator : IValidateOptions<MetricsOptions>
{
    public ValidateOptionsResult Validate(string? name, MetricsOptions options) =>
        options.BearerToken is { Length: > 0 } token && (token.Trim().Length < MetricsOptions.MinTokenLength || token.Trim() != token)
            ? ValidateOptionsResult.Fail($"{MetricsOptions.Section}:BearerToken must be at least {MetricsOptions.MinTokenLength} characters without surrounding spaces (for example `openssl rand -hex 32`).")
            : ValidateOptionsResult.Success;
}
