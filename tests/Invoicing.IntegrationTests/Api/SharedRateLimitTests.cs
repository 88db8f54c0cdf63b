using System.Diagnostics;
using System.Globalization;
using System.Net;
using Invoicing.Domain.Common;
using Invoicing.IntegrationTests.Fixtures;

namespace Invoicing.IntegrationTests.Api;

/// <summary>
/// With <c>ConnectionStrings:Redis</c>, a key's bucket is the fleet's (docs/decisions/0041): two instances on one
/// database and one real Redis accept together what one would, and refuse the rest with the same 429 <c>rate_limited</c>
/// envelope and <c>Retry-After</c>; without Redis each instance keeps a bucket of its own, as before. Redis decides on its
/// own clock, so these run on real time (SQLite: the buckets never touch the database).
/// </summary>
public sealed class SharedRateLimitTests(RedisServer redis) : IClassFixture<RedisServer>
{
    /// <summary>Test keys: a burst of 5 refilled slowly (nothing refills during a few quick requests). Live keys: 5 a second.</summary>
    private static readonly Dictionary<string, string?> Limits = new()
    {
        ["RateLimits:Test:PermitsPerSecond"] = "0.1",
        ["RateLimits:Test:Burst"] = "5",
        ["RateLimits:Live:PermitsPerSecond"] = "5",
        ["RateLimits:Live:Burst"] = "5",
    };

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private Dictionary<string, string?> WithRedis => new(Limits) { ["ConnectionStrings:Redis"] = redis.ConnectionString };

    [Fact]
    public async Task Two_instances_share_each_keys_bucket_and_refuse_the_rest_with_the_envelope_and_retry_after()
    {
        redis.SkipWithout();
        await using var first = ApiFactory.Sqlite(WithRedis);
        await using var second = first.OnSameDatabase();
        await RedisServer.WaitUntilReachableAsync(first, second);
        var secret = (await first.CreateKeyAsync(ApiEnvironment.Test)).Secret;
        var clients = new[] { Client(first, secret), Client(second, secret) };

        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 10; i++)
        {
            answers.Add(await clients[i % 2].GetAsync("/v1/invoices/" + Guid.NewGuid(), Cancellation));
        }

        answers.Take(5).ShouldAllBe(a => a.StatusCode == HttpStatusCode.NotFound); // the burst, from both instances
        foreach (var refused in answers.Skip(5))
        {
            await refused.ShouldBeEnvelopeAsync(HttpStatusCode.TooManyRequests, "rate_limited");
            var retryAfter = int.Parse(refused.Headers.GetValues("Retry-After").Single(), CultureInfo.InvariantCulture);
            retryAfter.ShouldBeInRange(1, 10); // one token every 10 s
        }

        // Another key has a bucket of its own, on both instances.
        var other = (await first.CreateKeyAsync(ApiEnvironment.Test)).Secret;
        (await Client(second, other).GetAsync("/v1/invoices/" + Guid.NewGuid(), Cancellation)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Client(first, other).GetAsync("/v1/invoices/" + Guid.NewGuid(), Cancellation)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Two_instances_hammering_one_key_together_get_the_burst_plus_the_rate_over_time()
    {
        redis.SkipWithout();
        await using var first = ApiFactory.Sqlite(WithRedis);
        await using var second = first.OnSameDatabase();
        await RedisServer.WaitUntilReachableAsync(first, second);
        var secret = (await first.CreateKeyAsync(ApiEnvironment.Live)).Secret;
        var clients = new[] { Client(first, secret), Client(second, secret) };

        var accepted = 0;
        var elapsed = Stopwatch.StartNew();
        var until = TimeSpan.FromSeconds(3);
        var lastSent = new TimeSpan[8];
        await Task.WhenAll(Enumerable.Range(0, lastSent.Length).Select(async worker =>
        {
            while (elapsed.Elapsed < until)
            {
                lastSent[worker] = elapsed.Elapsed;
                var answer = await clients[worker % 2].GetAsync("/v1/invoices/" + Guid.NewGuid(), Cancellation);
                if (answer.StatusCode == HttpStatusCode.NotFound)
                {
                    Interlocked.Increment(ref accepted);
                }
                else
                {
                    answer.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
                }
            }
        }));

        // Burst 5 plus 5 a second, whichever instance asked: never more than by the end; less only by a token still
        // refilling when the last request was sent (a slow answer after that, on a loaded machine, adds time but no asks).
        accepted.ShouldBeLessThanOrEqualTo((int)Math.Floor(5 + (5 * elapsed.Elapsed.TotalSeconds)));
        accepted.ShouldBeGreaterThanOrEqualTo((int)Math.Floor(5 + (5 * lastSent.Max().TotalSeconds)) - 2);
    }

    [Fact]
    public async Task Without_redis_each_instance_limits_a_key_on_its_own_as_before()
    {
        await using var first = ApiFactory.Sqlite(Limits);
        await using var second = first.OnSameDatabase();
        var secret = (await first.CreateKeyAsync(ApiEnvironment.Test)).Secret;
        var clients = new[] { Client(first, secret), Client(second, secret) };

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 12; i++)
        {
            statuses.Add((await clients[i % 2].GetAsync("/v1/invoices/" + Guid.NewGuid(), Cancellation)).StatusCode);
        }

        statuses.Count(s => s == HttpStatusCode.NotFound).ShouldBe(10); // a burst of 5 on each instance
        statuses.Count(s => s == HttpStatusCode.TooManyRequests).ShouldBe(2);
    }

    private static HttpClient Client(ApiFactory instance, string secret)
    {
        var client = instance.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", secret);
        return client;
    }
}
