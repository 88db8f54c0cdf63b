using Invoicing.Infrastructure.Persistence;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Invoicing.Infrastructure.Startup;

/// <summary>
/// Not ready until <see cref="DatabaseStartup"/> has migrated the database and stored the bootstrap keys. Until then it
/// reports <see cref="HealthStatus.Degraded"/>, not Unhealthy: ASP.NET Core's health-check service logs an Unhealthy
/// check at Error on every poll, and a service that is starting is no error (a Degraded check logs at Warning).
/// <c>/health/ready</c> answers 503 for it all the same (the Web host's readiness mapping).
/// </summary>
public sealed class StartupHealthCheck(DatabaseReadiness readiness) : IHealthCheck
{
    public const string Name = "startup";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(readiness.IsReady ? HealthCheckResult.Healthy() : HealthCheckResult.Degraded("The start-up database work has not completed."));
}
