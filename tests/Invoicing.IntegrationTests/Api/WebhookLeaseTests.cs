using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Invoicing.Application.Common.Metrics;
using Invoicing.Domain.Common;
using Invoicing.Domain.Webhooks;
using Invoicing.IntegrationTests.Fixtures;
using Invoicing.IntegrationTests.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Invoicing.IntegrationTests.Api;

/// <summary>
/// Claims on webhook deliveries are short leases renewed while a send is in flight (docs/decisions/0042): two instances on
/// one database, driven pass by pass on one clock that moves only when the test says so (the renewals run on real
/// timers, every third of the lease, and take the clock's time). A live instance keeps a delivery however long its
/// receiver takes; a dead one's delivery is taken over once its lease lapses; a stale holder's late result is dropped.
/// </summary>
public abstract class WebhookLeaseTests : IAsyncLifetime
{
    private static readonly TimeSpan DefaultLease = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan DefaultPollInterval = TimeSpan.FromSeconds(1);

    private readonly List<ApiFactory> _instances = [];

    private ManualClock Clock { get; } = new();

    protected abstract string? SkipReason { get; }

    protected abstract string Provider { get; }

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        foreach (var instance in _instances)
        {
            await instance.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task A_send_that_outlasts_the_lease_keeps_its_claim_while_its_instance_lives_and_is_posted_once()
    {
        // A's lease is 3 s, renewed every second of real time; its receiver holds the POST while the clock moves 30 s.
        var (a, b) = await TwoInstancesAsync(leaseOfA: TimeSpan.FromSeconds(3));
        await using var receiver = await WebhookReceiver.StartAsync();
        var answer = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        receiver.Hold = _ => answer.Task;
        try
        {
            await OneDeliveryAsync(a, receiver);
            var sending = a.RunWebhookPassAsync();
            await UntilAsync(() => Task.FromResult(receiver.Requests.Count == 1), "A's POST reaches the receiver");

            for (var round = 0; round < 3; round++)
            {
                Clock.Advance(TimeSpan.FromSeconds(10)); // past A's lease on the clock: only a renewal keeps B away
                await UntilAsync(async () => (await DeliveryAsync(a)).NextAttemptAt > Clock.GetUtcNow().UtcDateTime, "A renews its claim");
                (await b.RunWebhookPassAsync()).ShouldBe(0, "B takes nothing A is still sending");
            }

            answer.SetResult();
            (await sending).ShouldBe(1);
        }
        finally
        {
            answer.TrySetResult();
        }

        var delivery = await DeliveryAsync(a);
        delivery.Status.ShouldBe(WebhookDeliveryStatus.Delivered);
        delivery.AttemptCount.ShouldBe(1);
        delivery.ClaimToken.ShouldBeNull();
        Clock.Advance(TimeSpan.FromHours(1));
        (await b.RunWebhookPassAsync()).ShouldBe(0);
        receiver.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_dead_instances_delivery_is_taken_over_within_the_lease_and_one_poll_and_sent_once_more()
    {
        var (a, b) = await TwoInstancesAsync(); // the default lease
        await using var receiver = await WebhookReceiver.StartAsync();
        var hung = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        receiver.Hold = n => n == 1 ? hung.Task : Task.CompletedTask; // A's POST never gets an answer
        using var takeOvers = new TakeOverCount(b);
        try
        {
            await OneDeliveryAsync(a, receiver);
            using var death = CancellationTokenSource.CreateLinkedTokenSource(Cancellation);
            var sending = a.RunWebhookPassUntilAsync(death.Token);
            await UntilAsync(() => Task.FromResult(receiver.Requests.Count == 1), "A's POST reaches the receiver");

            // A dies mid-send: it neither renews nor records anything from here on.
            var diedAt = Clock.GetUtcNow();
            await death.CancelAsync();
            (await Record.ExceptionAsync(() => sending)).ShouldBeAssignableTo<OperationCanceledException>();
            _instances.Remove(a);
            await a.DisposeAsync();

            Clock.Advance(DefaultLease - DefaultPollInterval);
            (await b.RunWebhookPassAsync()).ShouldBe(0, "A's claim holds until its lease lapses");
            Clock.Advance(DefaultPollInterval); // B's next poll
            (await b.RunWebhookPassAsync()).ShouldBe(1);
            (Clock.GetUtcNow() - diedAt).ShouldBeLessThanOrEqualTo(DefaultLease + DefaultPollInterval);
        }
        finally
        {
            hung.TrySetResult();
        }

        // The send in flight at A's death arrives twice; nothing else does.
        var received = receiver.Requests.ToList();
        received.Count.ShouldBe(2);
        received[1].Body.ShouldBe(received[0].Body);
        var delivery = await DeliveryAsync(b);
        delivery.Status.ShouldBe(WebhookDeliveryStatus.Delivered);
        delivery.AttemptCount.ShouldBe(1);
        (await AttemptsAsync(b)).ShouldHaveSingleItem().Outcome.ShouldBe(WebhookAttemptOutcome.Succeeded);
        takeOvers.Count.ShouldBe(1);
        Clock.Advance(TimeSpan.FromHours(1));
        (await b.RunWebhookPassAsync()).ShouldBe(0);
        receiver.Requests.Count.ShouldBe(2);
    }

    [Fact]
    public async Task A_stale_holder_that_finishes_after_a_take_over_does_not_overwrite_the_new_holders_result()
    {
        // A stalls (a long pause, or cut off from the database): on the clock its lease lapses while its POST hangs; its
        // lease is 10 minutes, renewed every 200 s of real time, so not during this test. B takes the delivery over.
        var (a, b) = await TwoInstancesAsync(leaseOfA: TimeSpan.FromMinutes(10));
        await using var receiver = await WebhookReceiver.StartAsync();
        var late = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        receiver.Hold = n => n == 1 ? late.Task : Task.CompletedTask;
        receiver.Answer = n => n == 1 ? 200 : 503; // A's late answer is a success, B's on time a failure
        using var takeOvers = new TakeOverCount(b);
        try
        {
            await OneDeliveryAsync(a, receiver);
            var sending = a.RunWebhookPassAsync();
            await UntilAsync(() => Task.FromResult(receiver.Requests.Count == 1), "A's POST reaches the receiver");

            Clock.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1));
            (await b.RunWebhookPassAsync()).ShouldBe(1);
            var afterB = await DeliveryAsync(b);
            afterB.Status.ShouldBe(WebhookDeliveryStatus.Pending); // to be retried after B's 503
            afterB.AttemptCount.ShouldBe(1);
            afterB.ClaimToken.ShouldBeNull();
            takeOvers.Count.ShouldBe(1);

            late.SetResult();
            (await sending).ShouldBe(1);

            var after = await DeliveryAsync(b);
            (after.Status, after.AttemptCount, after.NextAttemptAt, after.CompletedAt, after.ClaimToken)
                .ShouldBe((afterB.Status, afterB.AttemptCount, afterB.NextAttemptAt, afterB.CompletedAt, afterB.ClaimToken));
            var attempt = (await AttemptsAsync(b)).ShouldHaveSingleItem();
            (attempt.Outcome, attempt.ResponseStatus).ShouldBe((WebhookAttemptOutcome.HttpError, (int?)503));
            a.Logs.Records.ShouldContain(r => r.Level == LogLevel.Warning && r.Message.Contains("taken over by another claim", StringComparison.Ordinal));
            receiver.Requests.Count.ShouldBe(2);
        }
        finally
        {
            late.TrySetResult();
        }
    }

    /// <summary>Two instances on a new database and on <see cref="Clock"/>; <paramref name="leaseOfA"/> is the first one's <c>Webhooks:ClaimLease</c> (the default otherwise).</summary>
    private async Task<(ApiFactory A, ApiFactory B)> TwoInstancesAsync(TimeSpan? leaseOfA = null)
    {
        if (SkipReason is { } reason)
        {
            Assert.Skip(reason);
        }

        var settingsOfA = new Dictionary<string, string?>(WebhookApi.Settings);
        if (leaseOfA is { } lease)
        {
            settingsOfA["Webhooks:ClaimLease"] = lease.ToString("c", System.Globalization.CultureInfo.InvariantCulture);
        }

        var a = Started(new ApiFactory(Provider, await NewDatabaseAsync(), settingsOfA, Clock));
        var b = Started(a.OnSameDatabase(Clock, WebhookApi.Settings));
        return (a, b);
    }

    protected abstract Task<string> NewDatabaseAsync();

    private ApiFactory Started(ApiFactory instance)
    {
        _instances.Add(instance);
        _ = instance.Server;
        return instance;
    }

    /// <summary>An endpoint for <c>counterparty.created</c> at the receiver, one event, and its one delivery (the fan-out).</summary>
    private static async Task OneDeliveryAsync(ApiFactory instance, WebhookReceiver receiver)
    {
        var client = await instance.ClientAsync();
        var endpoint = await client.PostJsonAsync("/v1/webhook_endpoints", new JsonObject { ["url"] = receiver.Url, ["enabled_events"] = new JsonArray("counterparty.created") });
        endpoint.StatusCode.ShouldBe(HttpStatusCode.Created);
        await client.CreateCounterpartyAsync("Leased");
        (await instance.DispatchEventsAsync()).ShouldBe(1);
    }

    private static Task<WebhookDelivery> DeliveryAsync(ApiFactory instance) =>
        instance.DbAsync(db => db.Set<WebhookDelivery>().AsNoTracking().SingleAsync(Cancellation));

    private static Task<List<WebhookDeliveryAttempt>> AttemptsAsync(ApiFactory instance) =>
        instance.DbAsync(db => db.Set<WebhookDeliveryAttempt>().AsNoTracking().ToListAsync(Cancellation));

    /// <summary>Waits (real time, at most 15 s) until <paramref name="condition"/> holds.</summary>
    private static async Task UntilAsync(Func<Task<bool>> condition, string what)
    {
        var started = Stopwatch.GetTimestamp();
        while (!await condition())
        {
            if (Stopwatch.GetElapsedTime(started) > TimeSpan.FromSeconds(15))
            {
                throw new ShouldAssertException($"Not within 15 s: {what}");
            }

            await Task.Delay(20, Cancellation);
        }
    }

    /// <summary>The take-overs one instance counts (<c>invoicing.webhook.claims_taken_over</c> of its own meter factory).</summary>
    private sealed class TakeOverCount : IDisposable
    {
        private readonly MeterListener _listener = new();
        private long _count;

        public TakeOverCount(ApiFactory instance)
        {
            var meters = instance.Services.GetRequiredService<IMeterFactory>();
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (ReferenceEquals(instrument.Meter.Scope, meters) && instrument.Name == InvoicingMetrics.WebhookClaimsTakenOver)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref _count, value));
            _listener.Start();
        }

        public long Count => Interlocked.Read(ref _count);

        public void Dispose() => _listener.Dispose();
    }
}

public sealed class WebhookLeaseTestsOnSqlite : WebhookLeaseTests
{
    protected override string? SkipReason => null;

    protected override string Provider => "Sqlite";

    protected override Task<string> NewDatabaseAsync() =>
        Task.FromResult($"Data Source={Path.Combine(Path.GetTempPath(), $"invoicing-test-{Guid.NewGuid():N}.db")}");
}

public sealed class WebhookLeaseTestsOnPostgres(PostgresServer server) : WebhookLeaseTests
{
    protected override string? SkipReason => server.UnavailableReason;

    protected override string Provider => server.Provider;

    protected override Task<string> NewDatabaseAsync() => server.CreateDatabaseAsync();
}

public sealed class WebhookLeaseTestsOnSqlServer(SqlServerContainer server) : WebhookLeaseTests
{
    protected override string? SkipReason => server.UnavailableReason;

    protected override string Provider => server.Provider;

    protected override Task<string> NewDatabaseAsync() => server.CreateDatabaseAsync();
}

/// <summary>
/// The same with real processes and real time: two instances of the built service on one database, each delivering in the
/// background with a 3-second lease; the one sending to a receiver that never answers is killed with SIGKILL, and the
/// other delivers within the lease and a poll, so the receiver gets the event twice (it was in flight) and no more.
/// </summary>
public abstract class WebhookLeaseProcessTests
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(3);

    protected abstract string? SkipReason { get; }

    [Fact]
    public async Task A_SIGKILLed_instances_delivery_is_sent_by_the_other_instance_within_seconds()
    {
        if (SkipReason is { } reason)
        {
            Assert.Skip(reason);
        }

        if (!OperatingSystem.IsLinux())
        {
            Assert.Skip("Telling which process sent a request reads Linux's /proc.");
        }

        var key = BootstrapKeyTests.NewKey(ApiEnvironment.Test);
        var environment = new Dictionary<string, string>(await DatabaseAsync())
        {
            ["Invoicing__BootstrapKeys__0__Key"] = key,
            ["Invoicing__BootstrapKeys__0__Environment"] = "test",
            ["Webhooks__AllowPrivateUrls"] = "true",
            ["Webhooks__ClaimLease"] = "00:00:03",
        };
        await using var receiver = await WebhookReceiver.StartAsync();
        var hung = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        receiver.Hold = n => n == 1 ? hung.Task : Task.CompletedTask;
        var first = await StartAsync(environment); // alone, so that it alone migrates the database
        Running? second = null;
        try
        {
            second = await StartAsync(environment);
            using var client = first.Client(key);
            var endpoint = await client.PostJsonAsync("/v1/webhook_endpoints", new JsonObject { ["url"] = receiver.Url, ["enabled_events"] = new JsonArray("counterparty.created") });
            endpoint.StatusCode.ShouldBe(HttpStatusCode.Created, await endpoint.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
            var endpointId = (await endpoint.JsonAsync()).GetProperty("id").GetString();
            await client.CreateCounterpartyAsync("Killed mid-send");
            await UntilAsync(() => !receiver.Requests.IsEmpty, TimeSpan.FromSeconds(10), "the first POST");
            var senderProcess = ServiceProcess.OwnerOfConnection(receiver.Requests.First().RemotePort, first.Process, second.Process).ShouldNotBeNull("one of the two processes sent it");
            var (sender, survivor) = senderProcess == first.Process ? (first, second) : (second, first);

            // Longer than the lease: the sender renews it every second, so the other instance leaves the delivery alone
            // (and the send's own 10-s timeout is still far).
            await Task.Delay(Lease + TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);
            receiver.Requests.Count.ShouldBe(1);

            await sender.Process.StopAsync(); // SIGKILL
            var killed = Stopwatch.GetTimestamp();
            await UntilAsync(() => receiver.Requests.Count == 2, TimeSpan.FromSeconds(20), "the other instance's POST");
            var handOver = Stopwatch.GetElapsedTime(killed);
            TestContext.Current.SendDiagnosticMessage($"{GetType().Name}: delivered by the surviving instance {handOver.TotalSeconds:0.0} s after the SIGKILL (lease {Lease.TotalSeconds} s, poll 1 s).");
            handOver.ShouldBeLessThan(Lease + TimeSpan.FromSeconds(1) + TimeSpan.FromSeconds(10), "lease + one poll, with slack for a busy machine (the bound itself is proven on the clock above)");

            await Task.Delay(TimeSpan.FromSeconds(2), TestContext.Current.CancellationToken);
            var received = receiver.Requests.ToList();
            received.Count.ShouldBe(2, "the send in flight at the kill, and the other instance's");
            received[1].Body.ShouldBe(received[0].Body);
            using var survivorClient = survivor.Client(key);
            var attempts = await survivorClient.GetAsync($"/v1/webhook_endpoints/{endpointId}/delivery_attempts", TestContext.Current.CancellationToken);
            var data = (await attempts.JsonAsync()).GetProperty("data");
            data.GetArrayLength().ShouldBe(1);
            data[0].GetProperty("outcome").GetString().ShouldBe("succeeded");
        }
        finally
        {
            hung.TrySetResult();
            await first.Process.DisposeAsync();
            if (second is not null)
            {
                await second.Process.DisposeAsync();
            }
        }
    }

    /// <summary>The database settings of both processes (<c>Database__Provider</c>, <c>ConnectionStrings__Invoicing</c>).</summary>
    protected abstract Task<Dictionary<string, string>> DatabaseAsync();

    private static async Task<Running> StartAsync(Dictionary<string, string> environment)
    {
        var address = new Uri($"http://127.0.0.1:{ServiceProcess.FreePort()}");
        var process = ServiceProcess.Start(environment, "--urls", address.ToString().TrimEnd('/'));
        try
        {
            using var client = new HttpClient { BaseAddress = address };
            await process.WaitUntilServingAsync(client);
            return new Running(process, address);
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }
    }

    private static async Task UntilAsync(Func<bool> condition, TimeSpan within, string what)
    {
        var started = Stopwatch.GetTimestamp();
        while (!condition())
        {
            if (Stopwatch.GetElapsedTime(started) > within)
            {
                throw new ShouldAssertException($"Not within {within.TotalSeconds} s: {what}");
            }

            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }

    private sealed record Running(ServiceProcess Process, Uri Address)
    {
        public HttpClient Client(string key)
        {
            var client = new HttpClient { BaseAddress = Address };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
            return client;
        }
    }
}

public sealed class WebhookLeaseProcessTestsOnSqlite : WebhookLeaseProcessTests
{
    protected override string? SkipReason => null;

    protected override Task<Dictionary<string, string>> DatabaseAsync() =>
        Task.FromResult(new Dictionary<string, string> { ["ConnectionStrings__Invoicing"] = ServiceProcess.NewSqliteDatabase() });
}

public sealed class WebhookLeaseProcessTestsOnPostgres(PostgresServer server) : WebhookLeaseProcessTests
{
    protected override string? SkipReason => server.UnavailableReason;

    protected override async Task<Dictionary<string, string>> DatabaseAsync() => new()
    {
        ["Database__Provider"] = server.Provider,
        ["ConnectionStrings__Invoicing"] = await server.CreateDatabaseAsync(),
    };
}
