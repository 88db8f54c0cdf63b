using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net;
using Invoicing.Application.Common.Metrics;
using Invoicing.Domain.Common;
using Invoicing.Infrastructure.Redis;
using Invoicing.IntegrationTests.Fixtures;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Invoicing.IntegrationTests.Api;

/// <summary>
/// Redis stopped under load (docs/decisions/0041): every request is still answered, limited by each instance's own bucket
/// (so two instances accept up to twice the burst); each instance logs one Warning, counts those decisions
/// (<c>invoicing.rate_limit.decisions_without_redis</c>) and shows <c>invoicing.redis.reachable</c> 0; when Redis is back,
/// one Information each and the limit is the fleet's again.
/// </summary>
public sealed class RedisOutageTests(RedisServer redis) : IClassFixture<RedisServer>
{
    private static readonly Dictionary<string, string?> Limits = new()
    {
        ["RateLimits:Test:PermitsPerSecond"] = "0.1",
        ["RateLimits:Test:Burst"] = "3",
    };

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task With_redis_stopped_under_load_each_instance_limits_on_its_own_says_so_once_and_the_shared_limit_returns_with_redis()
    {
        redis.SkipWithout();
        await using var first = ApiFactory.Sqlite(new Dictionary<string, string?>(Limits) { ["ConnectionStrings:Redis"] = redis.ConnectionString });
        await using var second = first.OnSameDatabase();
        await RedisServer.WaitUntilReachableAsync(first, second);
        using var firstMetrics = new Instruments(first);
        using var secondMetrics = new Instruments(second);

        // Shared: 3 of 6 over both instances.
        (await AcceptedOfAsync(6, first, second, (await first.CreateKeyAsync(ApiEnvironment.Test)).Secret)).ShouldBe(3);

        // Load on other keys while Redis dies: every request is answered, 404 or 429, never an error.
        var statuses = new ConcurrentBag<HttpStatusCode>();
        using var load = CancellationTokenSource.CreateLinkedTokenSource(Cancellation);
        var loadKeys = new[] { (await first.CreateKeyAsync(ApiEnvironment.Live)).Secret, (await first.CreateKeyAsync(ApiEnvironment.Test)).Secret };
        var loaders = Enumerable.Range(0, 4).Select(worker => Task.Run(async () =>
        {
            var client = Client(worker % 2 == 0 ? first : second, loadKeys[worker / 2]);
            while (!load.IsCancellationRequested)
            {
                statuses.Add((await client.GetAsync("/v1/invoices/" + Guid.NewGuid(), CancellationToken.None)).StatusCode);
            }
        })).ToList();
        await Task.Delay(300, Cancellation);
        await redis.StopAsync();
        await Task.Delay(1500, Cancellation);

        // Per instance now: a new key gets a burst of 3 on each, 6 of 8.
        (await AcceptedOfAsync(8, first, second, (await first.CreateKeyAsync(ApiEnvironment.Test)).Secret)).ShouldBe(6);
        foreach (var (instance, metrics) in new[] { (first, firstMetrics), (second, secondMetrics) })
        {
            instance.Services.GetRequiredService<RedisConnection>().Reachable.ShouldBe(false);
            metrics.Reachable().ShouldBe(0);
            metrics.DecisionsWithoutRedis.ShouldBeGreaterThan(0);
            RedisLines(instance, LogLevel.Warning).Count.ShouldBe(1); // once, not once per request
        }

        await redis.StartAsync();
        await RedisServer.WaitUntilReachableAsync(first, second);
        await load.CancelAsync();
        await Task.WhenAll(loaders);
        statuses.Count.ShouldBeGreaterThan(20);
        statuses.ShouldAllBe(s => s == HttpStatusCode.NotFound || s == HttpStatusCode.TooManyRequests);

        // Shared again (the restarted Redis has kept nothing, so a new key's bucket is full): 3 of 6.
        var withoutRedis = firstMetrics.DecisionsWithoutRedis + secondMetrics.DecisionsWithoutRedis;
        (await AcceptedOfAsync(6, first, second, (await first.CreateKeyAsync(ApiEnvironment.Test)).Secret)).ShouldBe(3);
        (firstMetrics.DecisionsWithoutRedis + secondMetrics.DecisionsWithoutRedis).ShouldBe(withoutRedis);
        foreach (var (instance, metrics) in new[] { (first, firstMetrics), (second, secondMetrics) })
        {
            metrics.Reachable().ShouldBe(1);
            RedisLines(instance, LogLevel.Warning).Count.ShouldBe(1);
            RedisLines(instance, LogLevel.Information).Count.ShouldBe(2); // reached at start, and back
        }
    }

    private static List<CapturedLogs.LogRecord> RedisLines(ApiFactory instance, LogLevel level) =>
        instance.Logs.Records.Where(r => r.Category == typeof(RedisConnection).FullName && r.Level == level).ToList();

    /// <summary>Sends <paramref name="count"/> requests with one key, alternately to each instance; how many were accepted.</summary>
    private static async Task<int> AcceptedOfAsync(int count, ApiFactory first, ApiFactory second, string secret)
    {
        var clients = new[] { Client(first, secret), Client(second, secret) };
        var accepted = 0;
        for (var i = 0; i < count; i++)
        {
            var answer = await clients[i % 2].GetAsync("/v1/invoices/" + Guid.NewGuid(), Cancellation);
            if (answer.StatusCode == HttpStatusCode.NotFound)
            {
                accepted++;
            }
            else
            {
                await answer.ShouldBeEnvelopeAsync(HttpStatusCode.TooManyRequests, "rate_limited");
                answer.Headers.Contains("Retry-After").ShouldBeTrue();
            }
        }

        return accepted;
    }

    private static HttpClient Client(ApiFactory instance, string secret)
    {
        var client = instance.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", secret);
        return client;
    }

    /// <summary>One instance's Redis instruments (its own meter: the factory's scope), read as an exporter would.</summary>
    private sealed class Instruments : IDisposable
    {
        private readonly MeterListener _listener = new();
        private long _decisions;
        private int? _reachable;

        public Instruments(ApiFactory instance)
        {
            var scope = instance.Services.GetRequiredService<IMeterFactory>();
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Scope == scope && instrument.Name is InvoicingMetrics.RateLimitDecisionsWithoutRedis or InvoicingMetrics.RedisReachable)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref _decisions, value));
            _listener.SetMeasurementEventCallback<int>((_, value, _, _) => _reachable = value);
            _listener.Start();
        }

        public long DecisionsWithoutRedis => Interlocked.Read(ref _decisions);

        public int? Reachable()
        {
            _reachable = null;
            _listener.RecordObservableInstruments();
            return _reachable;
        }

        public void Dispose() => _listener.Dispose();
    }
}
