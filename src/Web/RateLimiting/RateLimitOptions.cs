using Microsoft.Extensions.Options;

namespace Invoicing.Web.RateLimiting;

/// <summary>The <c>RateLimits</c> configuration section: one token bucket per API key, sized by the key's environment.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>Like Stripe's live mode: 100 requests per second.</summary>
    public TokenBucketSettings Live { get; set; } = new() { PermitsPerSecond = 100, Burst = 100 };

    /// <summary>Like Stripe's test mode: 25 requests per second.</summary>
    public TokenBucketSettings Test { get; set; } = new() { PermitsPerSecond = 25, Burst = 25 };
}

public sealed class TokenBucketSettings
{
    /// <summary>Tokens added per second (may be fractional: 0.5 is one request every two seconds).</summary>
    public double PermitsPerSecond { get; set; }

    /// <summary>How many tokens the bucket holds: the most requests that may arrive at once.</summary>
    public int Burst { get; set; }
}

internal sealed class RateLimitOptionsValidator : IValidateOptions<RateLimitOptions>
{
    public ValidateOptionsResult Validate(string? name, RateLimitOptions options)
    {
        var failures = Check("Live", options.Live).Concat(Check("Test", options.Test)).ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static IEnumerable<string> Check(string environment, TokenBucketSettings? settings)
    {
        if (settings is null)
        {
            yield return $"{RateLimitOptions.Section}:{environment} is missing.";
            yield break;
        }

        if (!double.IsFinite(settings.PermitsPerSecond) || settings.PermitsPerSecond <= 0)
        {
            yield return $"{RateLimitOptions.Section}:{environment}:PermitsPerSecond must be a number greater than 0 (got {settings.PermitsPerSecond}).";
        }

        if (settings.Burst < 1)
        {
            yield return $"{RateLimitOptions.Section}:{environment}:Burst must be a whole number of at least 1 (got {settings.Burst}).";
        }
    }
}
