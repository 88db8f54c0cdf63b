using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Invoicing.Web.Startup;

/// <summary>
/// Not ready until <see cref="DatabaseStartup"/> has migrated the database and stored the bootstrap keys. Until then it
/// reports <see cref="HealthStatus.Degraded"/>, not Unhealthy: ASP.NET Core's health-check service logs an Unhealthy
/// check at Error on every poll, and a service that is starting is no error (a Degraded check logs at Warning).
/// <c>/health/ready</c> answers 503 for it all the same (<see cref="DependencyInjection.UseApi"/>).
/// </summary>
internal sealed class StartupHealthCheck(DatabaseStartup startup) : IHealthCheck
{
    public const string Name = "startup";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(startup.Completed ? HealthCheckResult.Healthy() : HealthCheckResult.Degraded("The start-up database work has not completed."));
}
