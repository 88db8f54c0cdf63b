using Invoicing.IntegrationTests.Fixtures;

namespace Invoicing.IntegrationTests.Hosting;

/// <summary>
/// A bad rate-limit, idempotency or webhook setting stops the real process with one line naming the setting and its value;
/// a bad Redis connection string with one line that does not repeat it (it may hold a password).
/// </summary>
public sealed class StartupSettingsTests
{
    [Theory]
    [InlineData("RateLimits__Test__Burst", "0", "RateLimits:Test:Burst must be a whole number of at least 1 (got 0).")]
    [InlineData("RateLimits__Live__PermitsPerSecond", "-5", "RateLimits:Live:PermitsPerSecond must be a number greater than 0 (got -5).")]
    [InlineData("Idempotency__Retention", "12:00:00", "Idempotency:Retention must be at least 24 hours, 1.00:00:00 (got 12:00:00).")]
    [InlineData("Idempotency__CleanupBatchSize", "0", "Idempotency:CleanupBatchSize must be between 1 and 100000 (got 0).")]
    [InlineData("Webhooks__SecretKey", "", "Webhooks:SecretKeys (or Webhooks:SecretKey) must be set in Production: the base64 of 32 random bytes (for example `openssl rand -base64 32`).")]
    [InlineData("Webhooks__SecretKey", "c2hvcnQ=", "Webhooks:SecretKey must be the base64 of exactly 32 bytes (got a value that is not).")]
    [InlineData("Webhooks__SecretKeys", "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=,c2hvcnQ=", "Webhooks:SecretKeys: key 2 of 2 must be the base64 of exactly 32 bytes (got a value that is not).")]
    [InlineData("Webhooks__ClaimLease", "00:00:01", "Webhooks:ClaimLease must be between 00:00:03 and 00:10:00, such as 00:00:30 (got 00:00:01).")]
    [InlineData("ConnectionStrings__Redis", "localhost:6379,password=hunter2-secret,nosuchoption=1", "ConnectionStrings:Redis is not a StackExchange.Redis connection string (host:port[,option=value…]; see docs/configuration.md).")]
    [InlineData("Webhooks__RetryHorizon", "-1.00:00:00", "Webhooks:RetryHorizon must be a positive time span such as 3.00:00:00 (got -1.00:00:00).")]
    public async Task A_bad_setting_stops_the_start_with_one_clear_line(string variable, string value, string message)
    {
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ConnectionStrings__Invoicing"] = ServiceProcess.NewSqliteDatabase(),
            [variable] = value,
        };

        var (exitCode, output, error) = await ServiceProcess.RunAsync(environment);

        exitCode.ShouldBe(1);
        error.TrimEnd().Split('\n').ShouldHaveSingleItem().ShouldBe("Invalid configuration: " + message);
        output.ShouldBeEmpty();
    }
}
