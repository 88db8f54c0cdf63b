using System.Net;
using Invoicing.Domain.Common;
using Invoicing.IntegrationTests.Fixtures;

namespace Invoicing.IntegrationTests.Api;

/// <summary>
/// Per-key token buckets (429 <c>rate_limited</c> with <c>Retry-After</c>). The buckets live in the
/// instance's memory and never touch the database, so these run on SQLite only, each test with its own
/// small bucket and a clock it moves by hand.
/// </summary>
public sealed class RateLimitTests : IAsyncLifetime
{
    private readonly ManualClock _clock = new();
    private readonly ApiFactory _factory;

    public RateLimitTests()
    {
        _factory = ApiFactory.Sqlite(
            new Dictionary<string, string?>
            {
                ["RateLimits:Test:PermitsPerSecond"] = "1",
                ["RateLimits:Test:Burst"] = "3",
                ["RateLimits:Live:PermitsPerSecond"] = "0.25",
                ["RateLimits:Live:Burst"] = "1",
            },
            _clock);
    }

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        _ = _factory.Server;
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    [Fact]
    public async Task Over_the_burst_a_key_gets_429_with_retry_after_and_the_bucket_refills()
    {
        var client = await _factory.ClientAsync(ApiEnvironment.Test);

        for (var i = 0; i < 3; i++)
        {
            (await client.GetAsync("/v1/invoices/unknown", Cancellation)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }

        var limited = await client.GetAsync("/v1/invoices/unknown", Cancellation);
        await limited.ShouldBeEnvelopeAsync(HttpStatusCode.TooManyRequests, "rate_limited");
        limited.Headers.GetValues("Retry-After").ShouldBe(["1"]);

        _clock.Advance(TimeSpan.FromSeconds(1));
        (await client.GetAsync("/v1/invoices/unknown", Cancellation)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync("/v1/invoices/unknown", Cancellation)).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);

        _clock.Advance(TimeSpan.FromSeconds(10)); // refills up to the burst, not beyond
        for (var i = 0; i < 3; i++)
        {
            (await client.GetAsync("/v1/invoices/unknown", Cancellation)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }

        (await client.GetAsync("/v1/invoices/unknown", Cancellation)).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task Retry_after_is_whole_seconds_until_the_next_token_and_live_keys_use_the_live_bucket()
    {
        var live = await _factory.ClientAsync(ApiEnvironment.Live);

        (await live.GetAsync("/v1/invoices/unknown", Cancellation)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var limited = await live.GetAsync("/v1/invoices/unknown", Cancellation);
        _clock.Advance(TimeSpan.FromSeconds(2.5));
        var stillLimited = await live.GetAsync("/v1/invoices/unknown", Cancellation);

        await limited.ShouldBeEnvelopeAsync(HttpStatusCode.TooManyRequests, "rate_limited");
        limited.Headers.GetValues("Retry-After").ShouldBe(["4"]);
        stillLimited.Headers.GetValues("Retry-After").ShouldBe(["2"]); // 1.5 s left, rounded up
    }

    [Fact]
    public async Task Each_key_has_its_own_bucket_and_neither_health_nor_unauthenticated_requests_count()
    {
        var exhausted = await _factory.ClientAsync(ApiEnvironment.Test);
        var other = await _factory.ClientAsync(ApiEnvironment.Test);
        var anonymous = _factory.CreateClient();
        for (var i = 0; i < 3; i++)
        {
            await exhausted.GetAsync("/v1/invoices/unknown", Cancellation);
        }

        for (var i = 0; i < 10; i++)
        {
            (await anonymous.GetAsync("/v1/invoices/unknown", Cancellation)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
            (await exhausted.GetAsync("/health/live", Cancellation)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        (await exhausted.GetAsync("/v1/invoices/unknown", Cancellation)).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        for (var i = 0; i < 3; i++)
        {
            (await other.GetAsync("/v1/invoices/unknown", Cancellation)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }
    }
}
