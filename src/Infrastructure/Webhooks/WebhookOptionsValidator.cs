using System.Security.Cryptography;
using Invoicing.Application.Webhooks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Invoicing.Infrastructure.Webhooks;

internal sealed class WebhookOptionsValidator(IHostEnvironment environment) : IValidateOptions<WebhookOptions>
{
    /// <summary>Renewed every third of the lease: below this the renewals would be a steady write load of their own.</summary>
    public static readonly TimeSpan MinimumClaimLease = TimeSpan.FromSeconds(3);

    /// <summary>A dead instance's deliveries wait this long at most; longer than the 5 minutes of old is never useful.</summary>
    public static readonly TimeSpan MaximumClaimLease = TimeSpan.FromMinutes(10);

    public ValidateOptionsResult Validate(string? name, WebhookOptions options)
    {
        var failures = new List<string>();
        var keys = WebhookOptions.Split(options.SecretKeys);
        if (string.IsNullOrWhiteSpace(options.SecretKey) && keys.Count == 0)
        {
            if (environment.IsProduction())
            {
                failures.Add("Webhooks:SecretKeys (or Webhooks:SecretKey) must be set in Production: the base64 of 32 random bytes (for example `openssl rand -base64 32`).");
            }
        }
        else if (!string.IsNullOrWhiteSpace(options.SecretKey) && !IsKey(options.SecretKey))
        {
            failures.Add("Webhooks:SecretKey must be the base64 of exactly 32 bytes (got a value that is not).");
        }

        for (var i = 0; i < keys.Count; i++)
        {
            if (!IsKey(keys[i]))
            {
                failures.Add($"Webhooks:SecretKeys: key {i + 1} of {keys.Count} must be the base64 of exactly 32 bytes (got a value that is not).");
            }
            else if (keys.Take(i).Any(k => IsKey(k) && CryptographicOperations.FixedTimeEquals(Convert.FromBase64String(k), Convert.FromBase64String(keys[i]))))
            {
                failures.Add($"Webhooks:SecretKeys: key {i + 1} of {keys.Count} is listed twice (key id {AesGcmSecretProtector.KeyIdOf(Convert.FromBase64String(keys[i]))}).");
            }
        }

        if (options.PollInterval <= TimeSpan.Zero)
        {
            failures.Add($"Webhooks:PollInterval must be a positive time span such as 00:00:01 (got {options.PollInterval}).");
        }

        if (options.ClaimLease < MinimumClaimLease || options.ClaimLease > MaximumClaimLease)
        {
            failures.Add($"Webhooks:ClaimLease must be between {MinimumClaimLease:c} and {MaximumClaimLease:c}, such as 00:00:30 (got {options.ClaimLease}).");
        }

        if (options.BatchSize is < 1 or > 100)
        {
            failures.Add($"Webhooks:BatchSize must be between 1 and 100 (got {options.BatchSize}).");
        }

        if (options.RetryBaseDelay <= TimeSpan.Zero)
        {
            failures.Add($"Webhooks:RetryBaseDelay must be a positive time span such as 00:01:00 (got {options.RetryBaseDelay}).");
        }

        if (options.RetryHorizon <= TimeSpan.Zero)
        {
            failures.Add($"Webhooks:RetryHorizon must be a positive time span such as 3.00:00:00 (got {options.RetryHorizon}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsKey(string value)
    {
        var buffer = new byte[64];
        return Convert.TryFromBase64String(value.Trim(), buffer, out var length) && length == 32;
    }
}
