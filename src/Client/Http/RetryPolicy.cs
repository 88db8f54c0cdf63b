using System.Net;

namespace Invoicing.Client.Http;

/// <summary>Which failures are retried, and how long to wait before the next attempt (docs/decisions/0013).</summary>
internal static class RetryPolicy
{
    /// <summary>
    /// Whether a failure is worth another attempt: no answer, a 5xx, a 429, or a 409
    /// <c>idempotency_key_in_use</c> (the first request with the key is still running). Everything else
    /// would fail the same way again.
    /// </summary>
    public static bool IsTransient(InvoicingException failure) => failure.StatusCode switch
    {
        null => true,
        HttpStatusCode.TooManyRequests => true,
        HttpStatusCode.Conflict => failure.Code == InvoicingErrorCodes.IdempotencyKeyInUse,
        >= (HttpStatusCode)500 and < (HttpStatusCode)600 => true,
        _ => false,
    };

    /// <summary>
    /// The wait after the <paramref name="failedAttempts"/>-th failed attempt: the API's <c>Retry-After</c>
    /// when it gave one, otherwise exponential backoff (<c>initial · 2^(n−1)</c>, capped) with "equal
    /// jitter": half of it fixed, the other half random, so that many clients do not retry in step.
    /// </summary>
    public static TimeSpan Delay(int failedAttempts, TimeSpan? retryAfter, InvoicingClientOptions options, Func<double> random)
    {
        if (retryAfter is { } wait)
        {
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        var exponent = Math.Min(failedAttempts - 1, 30);
        var backoff = TimeSpan.FromTicks((long)Math.Min(options.InitialRetryDelay.Ticks * Math.Pow(2, exponent), options.MaxRetryDelay.Ticks));
        return (backoff / 2) + (backoff / 2 * random());
    }
}
