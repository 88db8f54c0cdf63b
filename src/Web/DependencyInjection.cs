using System.Threading.RateLimiting;
using Invoicing.Application.ApiKeys.AuthenticateApiKey;
using Invoicing.Application.Common.Errors;
using Invoicing.Application.Common.Metrics;
using Invoicing.Infrastructure.Persistence;
using Invoicing.Infrastructure.Redis;
using Invoicing.Infrastructure.Startup;
using Invoicing.Web.Authentication;
using Invoicing.Web.Errors;
using Invoicing.Web.Idempotency;
using Invoicing.Web.Json;
using Invoicing.Web.Logging;
using Invoicing.Web.Metrics;
using Invoicing.Web.Middleware;
using Invoicing.Web.OpenApi;
using Invoicing.Web.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Serilog;

namespace Invoicing.Web;

internal static class DependencyInjection
{
    /// <summary>
    /// Serilog (Serilog.AspNetCore) is the host's logger, from the <c>Serilog</c> section of configuration plus any
    /// sink or enricher registered as a service. Each host keeps its own logger and leaves the static <c>Log</c>
    /// alone, so that several hosts in one process (the tests) do not write into each other's (docs/decisions/0031).
    /// </summary>
    public static WebApplicationBuilder AddLogging(this WebApplicationBuilder builder)
    {
        StandardOutput.WriteWholeLines();
        builder.Services.AddSerilog(
            (services, logger) => logger.ReadFrom.Configuration(builder.Configuration).ReadFrom.Services(services),
            preserveStaticLogger: true);
        return builder;
    }

    public static IServiceCollection AddWeb(this IServiceCollection services)
    {
        services.Configure<KestrelServerOptions>(RequestLimits.ConfigureKestrel);
        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        // AddAuthentication also adds data protection, whose hosted service loads (or creates and stores) a key ring at
        // every start. Nothing here protects data: API keys are bearer secrets, and there are no cookies or forms.
        foreach (var keyRing in services.Where(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType?.Assembly == typeof(DataProtectionOptions).Assembly).ToList())
        {
            services.Remove(keyRing);
        }

        services.AddAuthorizationBuilder().SetFallbackPolicy(ApiKeyAuthenticationHandler.RequiredOnApi);

        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RateLimitOptions>, RateLimitOptionsValidator>();
        services.AddSingleton(sp => ApiKeyRateLimits.Create(
            sp.GetRequiredService<IOptions<RateLimitOptions>>().Value,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<RedisRateLimitStore>(),
            sp.GetRequiredService<InvoicingMetrics>()));
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<PartitionedRateLimiter<HttpContext>, InvoicingMetrics>((options, limiter, metrics) =>
        {
            options.GlobalLimiter = limiter;
            options.OnRejected = (rejected, cancellationToken) => ApiKeyRateLimits.RejectAsync(rejected, metrics, cancellationToken);
        });
        services.AddOptions<ApiKeyCacheOptions>().BindConfiguration(ApiKeyCacheOptions.Section)
            .Validate(o => o.CacheSeconds is >= 0 and <= ApiKeyCacheOptions.MaxCacheSeconds, $"{ApiKeyCacheOptions.Section}:CacheSeconds must be between 0 and {ApiKeyCacheOptions.MaxCacheSeconds}.")
            .ValidateOnStart();

        services.AddExceptionHandler<ApiExceptionHandler>();
        services.AddControllers(options =>
            {
                options.Filters.Add<ApiExceptionFilter>();
                options.Filters.Add<Utf8BodyFilter>();
                JsonSetup.ReadUtf8Only(options);

                // Requests are validated once, by their FluentValidation validators in the MediatR pipeline. MVC's own
                // validation would read the data annotations that the request records carry for the OpenAPI document.
                options.ModelValidatorProviders.Clear();
                // Nor does it walk a bound request's members (a batch: 1000 items × every member) looking for them.
                options.ModelMetadataDetailsProviders.Add(new NoChildValidation());

                // The API reads JSON bodies, route values and query strings, never forms. MVC would otherwise parse a
                // form-encoded body of any action without a [FromBody] (pay, void) and throw on a malformed one (a 500).
                options.ValueProviderFactories.RemoveType<FormValueProviderFactory>();
                options.ValueProviderFactories.RemoveType<JQueryFormValueProviderFactory>();
                options.ValueProviderFactories.RemoveType<FormFileValueProviderFactory>();
            })
            .AddJsonOptions(options => JsonSetup.ApplyToBodies(options.JsonSerializerOptions))
            .ConfigureApiBehaviorOptions(options =>
            {
                // Framework client errors stay bodiless so that the status-code pages render them.
                options.SuppressMapClientErrors = true;
                options.InvalidModelStateResponseFactory = _ => new EnvelopeResult(
                    StatusCodes.Status400BadRequest,
                    new ErrorEnvelope(ErrorCodes.InvalidRequest, "The request body is not valid JSON."));
            });
        services.ConfigureHttpJsonOptions(options => JsonSetup.Apply(options.SerializerOptions));
        services.AddApiDocumentation();
        services.AddServiceMetrics();
        return services;
    }

    /// <summary>
    /// Runs every <c>ValidateOnStart</c> check of every options class now, before anything uses them. A bad
    /// setting is one clear line on <paramref name="error"/> (no stack trace) and <c>false</c>: the caller exits with 1.
    /// </summary>
    public static bool ValidateOptionsOnStart(this WebApplication app, TextWriter error)
    {
        try
        {
            app.Services.GetService<IStartupValidator>()?.Validate();
            return true;
        }
        catch (Exception exception) when (Failures(exception) is { Count: > 0 } failures)
        {
            error.WriteLine("Invalid configuration: " + string.Join(" ", failures));
            return false;
        }
    }

    private static List<string> Failures(Exception exception) => exception switch
    {
        OptionsValidationException e => [.. e.Failures],
        AggregateException e when e.InnerExceptions.All(i => i is OptionsValidationException) =>
            e.InnerExceptions.SelectMany(i => ((OptionsValidationException)i).Failures).ToList(),
        _ => [],
    };

    /// <summary>
    /// Serves until stopped. The database work of the start (migrations, bootstrap keys, the Development first-start
    /// key) runs in the background meanwhile (Infrastructure's <see cref="DatabaseStartup"/>, docs/decisions/0025).
    /// Returns the exit code: 1 when that work failed for good (a bootstrap key that cannot be stored, …), else 0.
    /// </summary>
    public static async Task<int> ServeAsync(this WebApplication app)
    {
        var startup = app.Services.GetRequiredService<DatabaseStartup>();
        await app.RunAsync();
        return startup.ExitCode;
    }

    public static WebApplication UseApi(this WebApplication app)
    {
        // Order matters: the id exists before anything logs; the log line sees the final status; the envelope covers
        // everything after it (an exception, or an error status without a body: docs/decisions/0032); the request line
        // and headers are within their limits before anything reads them; /v1 waits for the start-up database work; every
        // /v1 request needs its key (by the fallback policy, which applies whether or not a route matched, so an unknown
        // /v1 route is 401 without one), checked before the body is looked at; only authenticated requests count against a key's rate;
        // idempotency needs the key's environment and a body within the limit, and must see the final answer of
        // everything inside it (docs/decisions/0033). The endpoint is chosen early (routing only matches; the endpoint runs
        // last), so that a request refused on the way (401, 429, 503, …) is counted in the metrics under its route
        // template; one that matched none is counted as `unmatched` (docs/decisions/0038).
        app.UseRouteLabelForUnmatchedRequests();
        app.UseMiddleware<RequestIdMiddleware>();
        app.UseSerilogRequestLogging(RequestLog.Configure(app.Services.GetRequiredService<Serilog.ILogger>()));
        // ApiExceptionHandler (an IExceptionHandler) answers every exception; the middleware still insists on a fallback
        // pipeline of its own (or ProblemDetails, which the API does not use), so it gets an empty one.
        app.UseExceptionHandler(_ => { });
        app.UseStatusCodePages(context => ApiErrors.WriteIfBodilessAsync(context.HttpContext));
        app.UseMiddleware<RequestLimitsMiddleware>();
        app.UseRouting();
        app.UseMiddleware<StartupGateMiddleware>();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseMiddleware<BodySizeLimitMiddleware>();
        app.UseMiddleware<IdempotencyMiddleware>();
        app.UseApiDocumentation();

        app.MapControllers();
        app.MapApiDocumentation();
        app.MapMetrics();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteHealthAsync });
        app.MapHealthChecks("/health/ready", ReadyOptions(app.Services.GetRequiredService<DatabaseReadiness>()));
        return app;
    }

    /// <summary>
    /// Ready = every check tagged <c>ready</c>, and 503 unless all are Healthy. While the service starts, only the
    /// start-up check runs (Degraded: a Warning line per poll, no Error); the database check joins once the start-up
    /// work is done, so that a database lost later is still an Unhealthy check, logged at Error (docs/decisions/0025).
    /// </summary>
    private static HealthCheckOptions ReadyOptions(DatabaseReadiness readiness) => new()
    {
        Predicate = c => c.Tags.Contains("ready") && (readiness.IsReady || c.Name == StartupHealthCheck.Name),
        ResultStatusCodes =
        {
            [HealthStatus.Healthy] = StatusCodes.Status200OK,
            [HealthStatus.Degraded] = StatusCodes.Status503ServiceUnavailable,
            [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
        },
        ResponseWriter = WriteHealthAsync,
    };

    private static Task WriteHealthAsync(HttpContext context, HealthReport report) =>
        report.Status == HealthStatus.Healthy
            ? context.Response.WriteAsJsonAsync(new { status = "healthy" })
            : ApiErrors.WriteAsync(context, StatusCodes.Status503ServiceUnavailable, new ErrorEnvelope(ErrorCodes.ServiceUnavailable, NotHealthyDetail(report)));

    /// <summary>The stored-secrets check names the missing key ids (no key, no secret); anything else is the database.</summary>
    private static string NotHealthyDetail(HealthReport report) =>
        report.Entries.TryGetValue(StoredSecretsHealthCheck.Name, out var secrets) && secrets.Status != HealthStatus.Healthy && secrets.Description is { } description
            ? description
            : "The database is not reachable.";
}

/// <summary>
/// MVC's model validation visits every member of a bound model, then every item of a list, to find validators; with
/// none registered it still walks a 1000-item batch member by member (several milliseconds of CPU per batch).
/// Requests are validated by FluentValidation (the MediatR pipeline), so MVC validates each bound value as a whole only:
/// its state is still set (route and query values), its children are never visited.
/// </summary>
internal sealed class NoChildValidation : IValidationMetadataProvider
{
    public void CreateValidationMetadata(ValidationMetadataProviderContext context) =>
        context.ValidationMetadata.ValidateChildren = false;
}

