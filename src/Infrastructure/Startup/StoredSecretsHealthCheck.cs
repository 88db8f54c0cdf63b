using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Invoicing.Infrastructure.Startup;

/// <summary>
/// Not ready while stored data was sealed with a webhook key that is not configured, as the start-up check found
/// (<see cref="DatabaseStartup"/>, docs/decisions/0037): such a service cannot replay those idempotent answers nor sign
/// those deliveries, and keys change only with a restart, so the state lasts until one with the missing key. Degraded,
/// not Unhealthy, as <see cref="StartupHealthCheck"/> is: <c>/health/ready</c> answers 503 for it all the same.
/// </summary>
public sealed class StoredSecretsHealthCheck(StoredSecretsState state) : IHealthCheck
{
    public const string Name = "stored_secrets";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(state.MissingKeyIds is { } missing
            ? HealthCheckResult.Degraded($"Stored data was encrypted with webhook key id(s) {string.Join(", ", missing)}, which are not configured (Webhooks:SecretKeys); see the start-up log.")
            : HealthCheckResult.Healthy());
}

/// <summary>What the start-up check of the stored secrets found: null until it ran, and while nothing is missing.</summary>
public sealed class StoredSecretsState
{
    private volatile IReadOnlyList<string>? _missingKeyIds;

    public IReadOnlyList<string>? MissingKeyIds => _missingKeyIds;

    public void Set(IReadOnlyList<string>? missingKeyIds) => _missingKeyIds = missingKeyIds is { Count: > 0 } ? missingKeyIds : null;
}
