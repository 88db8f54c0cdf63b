using Microsoft.Extensions.Options;

namespace Invoicing.Infrastructure.Idempotency;

/// <summary>The <c>Idempotency</c> configuration section (README, docs/decisions/0010).</summary>
public sealed class IdempotencyOptions
{
    public const string Section = "Idempotency";

    /// <summary>A claim older than this whose holder never answered (a crashed instance) may be taken over by a retry.</summary>
    public TimeSpan LockTimeout { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long records are kept; at least 24 hours (§7).</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How often the background job deletes expired records.</summary>
    public TimeSpan CleanupInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How many records one delete statement removes at most.</summary>
    public int CleanupBatchSize { get; set; } = 1000;
}

internal sealed class IdempotencyOptionsValidator : IValidateOptions<IdempotencyOptions>
{
    public ValidateOptionsResult Validate(string? name, IdempotencyOptions options)
    {
        var failures = new List<string>();
        if (options.LockTimeout <= TimeSpan.Zero)
        {
            failures.Add($"Idempotency:LockTimeout must be a positive time span such as 00:01:00 (got {options.LockTimeout}).");
        }

        if (options.Retention < TimeSpan.FromHours(24))
        {
            failures.Add($"Idempotency:Retention must be at least 24 hours, 1.00:00:00 (got {options.Retention}).");
        }

        if (options.CleanupInterval <= TimeSpan.Zero)
        {
            failures.Add($"Idempotency:CleanupInterval must be a positive time span such as 01:00:00 (got {options.CleanupInterval}).");
        }

        if (options.CleanupBatchSize is < 1 or > 100_000)
        {
            failures.Add($"Idempotency:CleanupBatchSize must be between 1 and 100000 (got {options.CleanupBatchSize}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
