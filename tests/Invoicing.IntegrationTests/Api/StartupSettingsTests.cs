using Invoicing.IntegrationTests.Fixtures;
using Microsoft.Extensions.Options;

namespace Invoicing.IntegrationTests.Api;

/// <summary>A bad rate-limit or idempotency setting stops the start, naming the setting and its value.</summary>
public sealed class StartupSettingsTests
{
    [Theory]
    [InlineData("RateLimits:Test:Burst", "0", "RateLimits:Test:Burst must be a whole number of at least 1 (got 0).")]
    [InlineData("RateLimits:Live:PermitsPerSecond", "-5", "RateLimits:Live:PermitsPerSecond must be a number greater than 0 (got -5).")]
    [InlineData("Idempotency:Retention", "12:00:00", "Idempotency:Retention must be at least 24 hours, 1.00:00:00 (got 12:00:00).")]
    [InlineData("Idempotency:CleanupBatchSize", "0", "Idempotency:CleanupBatchSize must be between 1 and 100000 (got 0).")]
    public async Task A_bad_setting_stops_the_start_with_a_clear_message(string setting, string value, string message)
    {
        await using var factory = ApiFactory.Sqlite(new Dictionary<string, string?> { [setting] = value });

        var failure = Should.Throw<OptionsValidationException>(() => _ = factory.Server);

        failure.Failures.ShouldBe([message]);
    }
}
