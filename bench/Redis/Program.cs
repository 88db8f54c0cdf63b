using System.Diagnostics;
using System.Globalization;
using System.Threading.RateLimiting;
using Invoicing.Infrastructure.Redis;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RedisRateLimiting;
using StackExchange.Redis;

// bench/redis.sh starts a throwaway redis-server and passes its address. Two candidates for the fleet's per-key token
// bucket (docs/decisions/0041), each taking one decision exactly as the service would:
//   script:  the service's RedisRateLimitStore (StackExchange.Redis, one Lua script, Redis's clock, fractional tokens);
//   library: RedisRateLimiting 1.2.1's RedisTokenBucketRateLimiter (AttemptAcquire, then AcquireAsync, as ASP.NET Core's
//            middleware calls a partition), 1 token per 1/rate period, the mapping that follows a rate most closely.
// Cost: sequential decisions (mean, p50, p99 µs; bytes allocated per decision) and 64 concurrent callers (decisions/s).
// Accuracy: two "instances" (two connections), 8 callers each, hammer one key for a few seconds; accepted vs burst + rate × time.
var endpoint = args.Length > 0 ? args[0] : "127.0.0.1:6379";
var seconds = args.Length > 1 ? double.Parse(args[1], CultureInfo.InvariantCulture) : 5;
var inv = CultureInfo.InvariantCulture;

await using var instanceA = Connect(endpoint);
await using var instanceB = Connect(endpoint);
await instanceA.ConnectedAsync();
await instanceB.ConnectedAsync();
using var libraryA = await ConnectionMultiplexer.ConnectAsync(endpoint);
using var libraryB = await ConnectionMultiplexer.ConnectAsync(endpoint);

var run = Guid.NewGuid().ToString("N")[..8];
Func<string, double, int, Func<ValueTask<bool>>> script = (key, rate, burst) =>
{
    var store = new RedisRateLimitStore(instanceA);
    return async () => (await store.TakeAsync(key, rate, burst, 1))?.Granted ?? throw new InvalidOperationException("Redis did not answer.");
};
Func<string, double, int, Func<ValueTask<bool>>> library = (key, rate, burst) =>
{
    var limiter = Library(libraryA, key, rate, burst);
    return () => Decide(limiter);
};

Console.WriteLine($"# Redis token bucket: script vs RedisRateLimiting 1.2.1 ({DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, redis at {endpoint})");
Console.WriteLine();
Console.WriteLine("| round | candidate | mean µs | p50 µs | p99 µs | bytes/decision | decisions/s at 64 concurrent |");
Console.WriteLine("|---:|---|---:|---:|---:|---:|---:|");
var candidates = new[] { ("script (StackExchange.Redis + Lua)", script), ("RedisRateLimiting 1.2.1", library) };
var deciders = candidates.Select(c => c.Item2($"bench:{run}:{c.Item1.Length}:cost", 1_000_000, 1_000_000)).ToArray();
foreach (var decide in deciders)
{
    for (var i = 0; i < 5000; i++)
    {
        await decide(); // warm-up: connections, script cache, tiered JIT
    }
}

// Rounds alternate the order (the machine is shared: whatever else runs hits both alike).
for (var round = 1; round <= 3; round++)
{
    foreach (var c in round % 2 == 1 ? [0, 1] : new[] { 1, 0 })
    {
        var (name, _) = candidates[c];
        var decide = deciders[c];
        const int n = 10_000;
        var times = new double[n];
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        for (var i = 0; i < n; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await decide();
            times[i] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
        }

        var bytes = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / n;
        Array.Sort(times);
        var throughput = await ThroughputAsync(decide, 64, TimeSpan.FromSeconds(3));
        Console.WriteLine(string.Create(inv, $"| {round} | {name} | {times.Average():F0} | {times[n / 2]:F0} | {times[(int)(n * 0.99)]:F0} | {bytes} | {throughput:F0} |"));
    }
}

Console.WriteLine();
Console.WriteLine($"Two instances (two connections), 8 callers each, one key, {seconds} s:");
Console.WriteLine();
Console.WriteLine("| candidate | rate/s | burst | elapsed s | accepted | burst + rate × time | error |");
Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
foreach (var (rate, burst) in new[] { (100.0, 100), (25.0, 25), (0.5, 1) })
{
    var key = $"bench:{run}:{rate}";
    var scriptA = new RedisRateLimitStore(instanceA);
    var scriptB = new RedisRateLimitStore(instanceB);
    await AccuracyAsync("script", rate, burst, [
        async () => (await scriptA.TakeAsync(key + ":s", rate, burst, 1))?.Granted ?? false,
        async () => (await scriptB.TakeAsync(key + ":s", rate, burst, 1))?.Granted ?? false]);
    var (limiterA, limiterB) = (Library(libraryA, key + ":l", rate, burst), Library(libraryB, key + ":l", rate, burst));
    await AccuracyAsync("RedisRateLimiting", rate, burst, [() => Decide(limiterA), () => Decide(limiterB)]);
}

// What a refusal says: the wait until the next token, exact (script) or the library's whole seconds under its own name.
{
    var store = new RedisRateLimitStore(instanceA);
    await store.TakeAsync($"bench:{run}:wait", 0.25, 1, 1);
    var refused = await store.TakeAsync($"bench:{run}:wait", 0.25, 1, 1);
    var limiter = Library(libraryA, $"bench:{run}:waitl", 0.25, 1);
    (await limiter.AcquireAsync(1)).Dispose();
    using var lease = await limiter.AcquireAsync(1);
    var platform = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait.ToString() : "none";
    var own = lease.TryGetMetadata(RateLimitMetadataName.RetryAfter, out var secondsLeft) ? secondsLeft.ToString(inv) : "none";
    Console.WriteLine();
    Console.WriteLine(string.Create(inv, $"Refusal at 0.25/s, burst 1, just after a grant: script waits {refused?.RetryAfter.TotalSeconds:F3} s (MetadataName.RetryAfter); RedisRateLimiting: MetadataName.RetryAfter = {platform}, its own RATELIMIT_RETRYAFTER = {own} s."));
}

static RedisConnection Connect(string endpoint) =>
    new(Options.Create(new RedisOptions { ConnectionString = endpoint }), NullLogger<RedisConnection>.Instance, TimeProvider.System);

static RedisTokenBucketRateLimiter<string> Library(IConnectionMultiplexer multiplexer, string key, double rate, int burst) =>
    new(key, new RedisTokenBucketRateLimiterOptions
    {
        ConnectionMultiplexerFactory = () => multiplexer,
        TokenLimit = burst,
        TokensPerPeriod = 1,
        ReplenishmentPeriod = TimeSpan.FromSeconds(1 / rate),
    });

// As RateLimitingMiddleware: the synchronous attempt first, then the asynchronous one.
static async ValueTask<bool> Decide(RateLimiter limiter)
{
    using (var attempt = limiter.AttemptAcquire(1))
    {
        if (attempt.IsAcquired)
        {
            return true;
        }
    }

    using var lease = await limiter.AcquireAsync(1);
    return lease.IsAcquired;
}

static async Task<double> ThroughputAsync(Func<ValueTask<bool>> decide, int callers, TimeSpan duration)
{
    long done = 0;
    var clock = Stopwatch.StartNew();
    await Task.WhenAll(Enumerable.Range(0, callers).Select(_ => Task.Run(async () =>
    {
        while (clock.Elapsed < duration)
        {
            await decide();
            Interlocked.Increment(ref done);
        }
    })));
    return done / clock.Elapsed.TotalSeconds;
}

async Task AccuracyAsync(string name, double rate, int burst, Func<ValueTask<bool>>[] instances)
{
    long accepted = 0;
    var duration = TimeSpan.FromSeconds(seconds);
    var clock = Stopwatch.StartNew();
    await Task.WhenAll(Enumerable.Range(0, 16).Select(caller => Task.Run(async () =>
    {
        while (clock.Elapsed < duration)
        {
            if (await instances[caller % 2]())
            {
                Interlocked.Increment(ref accepted);
            }
        }
    })));
    var elapsed = clock.Elapsed.TotalSeconds;
    var expected = Math.Floor(burst + (rate * elapsed));
    Console.WriteLine(string.Create(inv, $"| {name} | {rate} | {burst} | {elapsed:F2} | {accepted} | {expected} | {(accepted - expected) / expected:P1} |"));
}
