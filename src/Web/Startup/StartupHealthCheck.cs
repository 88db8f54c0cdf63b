using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Invoicing.Web.Startup;

/// <summary>Not ready until <see cref="DatabaseStartup"/> has migrated the database and stored the bootstrap keys.</summary>
internal sealed class StartupHealthCheck(DatabaseStartup startup) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(startup.Completed ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("The start-up database work has not completed."));
}
