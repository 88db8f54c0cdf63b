using Invoicing.Application.ApiKeys.EnsureBootstrapKey;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Invoicing.Infrastructure.Startup;

/// <summary>
/// Stores the configured bootstrap keys at start, after migrations (docs/decisions/0014), as part of the start-up
/// database work (docs/decisions/0025). Logs display prefixes only.
/// </summary>
internal static class BootstrapKeys
{
    /// <summary>
    /// False, after one line on <paramref name="error"/>, when a key cannot be stored: the service stops with 1.
    /// A database that cannot be reached throws, and the caller tries again.
    /// </summary>
    public static async Task<bool> EnsureAsync(IServiceProvider services, TextWriter error, CancellationToken cancellationToken)
    {
        var keys = services.GetRequiredService<IOptions<BootstrapKeyOptions>>().Value.BootstrapKeys;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(BootstrapKeys).FullName!);
        for (var i = 0; i < keys.Count; i++)
        {
            var settings = keys[i];
            await using var scope = services.CreateAsyncScope();
            var outcome = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(
                new EnsureBootstrapKeyCommand(settings.Key!, settings.ParsedEnvironment, settings.Name ?? BootstrapKeyOptions.DefaultName),
                cancellationToken);
            var environment = outcome.Environment.ToString().ToLowerInvariant();
            switch (outcome.Status)
            {
                case BootstrapKeyStatus.Created:
                    logger.LogInformation("Bootstrap key {KeyPrefix} ({Environment}) stored", outcome.Prefix, environment);
                    break;
                case BootstrapKeyStatus.AlreadyStored:
                    logger.LogInformation("Bootstrap key {KeyPrefix} ({Environment}) was already stored", outcome.Prefix, environment);
                    break;
                case BootstrapKeyStatus.Revoked:
                    logger.LogWarning("Bootstrap key {KeyPrefix} ({Environment}) is revoked and stays revoked", outcome.Prefix, environment);
                    break;
                case BootstrapKeyStatus.PrefixTaken:
                    await error.WriteLineAsync(
                        $"Invalid configuration: {BootstrapKeyOptions.Section}:BootstrapKeys:{i}:Key starts with {outcome.Prefix}, the display prefix of another stored key; choose a key that differs from it in its first 16 characters.");
                    return false;
                default:
                    throw new InvalidOperationException($"Unknown bootstrap key outcome {outcome.Status}.");
            }
        }

        return true;
    }
}
