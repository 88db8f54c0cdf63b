using System.Net;
using System.Text.Json.Nodes;
using Invoicing.Domain.Common;
using Invoicing.Infrastructure.Idempotency;
using Invoicing.IntegrationTests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace Invoicing.IntegrationTests.Api;

/// <summary>
/// Two service instances on one database (§7): the claim is the database's unique index, not a lock in one process.
/// On the servers several instances share in production (PostgreSQL, SQL Server; not SQLite).
/// </summary>
public abstract class MultiInstanceIdempotencyTests(DatabaseServer server) : TwoInstances(server)
{
    [Fact]
    public async Task A_hundred_parallel_identical_requests_over_two_instances_create_one_invoice()
    {
        SkipWithoutServer();

        var cancellation = TestContext.Current.CancellationToken;
        var secret = (await First.CreateKeyAsync(ApiEnvironment.Test)).Secret;
        var clients = new[] { First.CreateClient(), Second.CreateClient() };
        foreach (var client in clients)
        {
            client.DefaultRequestHeaders.Authorization = new("Bearer", secret);
        }

        var body = Http.Invoice(await clients[0].CreateCounterpartyAsync("A"), await clients[1].CreateCounterpartyAsync("B")).ToJsonString();
        var key = "parallel-" + Guid.NewGuid().ToString("N");

        var responses = await Task.WhenAll(Enumerable.Range(0, 100).Select(i =>
        {
            var request = Http.Request(HttpMethod.Post, "/v1/invoices", body);
            request.Headers.Add("Idempotency-Key", key);
            return clients[i % 2].SendAsync(request, cancellation);
        }));

        var number = (string)JsonNode.Parse(body)!["invoice_number"]!;
        (await First.DbAsync(db => db.Invoices.IgnoreQueryFilters().CountAsync(i => i.InvoiceNumber == number, cancellation))).ShouldBe(1);
        var created = responses.Where(r => r.StatusCode == HttpStatusCode.Created).ToList();
        created.ShouldNotBeEmpty();
        foreach (var response in responses.Except(created))
        {
            await response.ShouldBeEnvelopeAsync(HttpStatusCode.Conflict, "idempotency_key_in_use");
        }

        // Every 201 is the one answer: the original or its replay, byte for byte, with the same Location.
        created.Count(r => !r.Headers.Contains("Idempotent-Replayed")).ShouldBe(1);
        var bodies = await Task.WhenAll(created.Select(r => r.Content.ReadAsStringAsync(cancellation)));
        bodies.Distinct().Count().ShouldBe(1);
        created.Select(r => r.Headers.Location).Distinct().Count().ShouldBe(1);

        // Afterwards both instances replay it.
        foreach (var client in clients)
        {
            var request = Http.Request(HttpMethod.Post, "/v1/invoices", body);
            request.Headers.Add("Idempotency-Key", key);
            var replay = await client.SendAsync(request, cancellation);
            replay.StatusCode.ShouldBe(HttpStatusCode.Created);
            (await replay.Content.ReadAsStringAsync(cancellation)).ShouldBe(bodies[0]);
        }
    }

    [Fact]
    public async Task A_slow_holder_whose_stale_claim_a_retry_took_over_rolls_back_so_the_request_runs_once()
    {
        SkipWithoutServer();

        var cancellation = TestContext.Current.CancellationToken;
        var secret = (await First.CreateKeyAsync(ApiEnvironment.Test)).Secret;
        var (slow, retry) = (First.CreateClient(), Second.CreateClient());
        slow.DefaultRequestHeaders.Authorization = new("Bearer", secret);
        retry.DefaultRequestHeaders.Authorization = new("Bearer", secret);
        var body = Http.Invoice(await slow.CreateCounterpartyAsync("A"), await slow.CreateCounterpartyAsync("B")).ToJsonString();
        var key = "slow-" + Guid.NewGuid().ToString("N");
        var gate = new CommandGate();
        First.Faults.HoldCommands = gate;
        try
        {
            // The first instance claims the key and stalls before its handler.
            var first = slow.SendAsync(Post(body, key), cancellation);
            for (var waited = 0; gate.Waiting == 0; waited += 10)
            {
                waited.ShouldBeLessThan(10_000);
                await Task.Delay(10, cancellation);
            }

            // Its claim ages past the lock timeout, so a retry on the other instance takes it over and runs.
            await First.DbAsync(async db =>
            {
                var records = db.Set<IdempotencyRecord>().IgnoreQueryFilters().Where(r => r.Key == key);
                var lockedAt = await records.Select(r => r.LockedAt).SingleAsync(cancellation);
                return await records.ExecuteUpdateAsync(s => s.SetProperty(r => r.LockedAt, lockedAt - TimeSpan.FromHours(1)), cancellation);
            });
            var retried = await retry.SendAsync(Post(body, key), cancellation);
            retried.StatusCode.ShouldBe(HttpStatusCode.Created);

            // The slow one finishes, finds its claim gone, rolls back and says the key is in use.
            gate.Open();
            await (await first).ShouldBeEnvelopeAsync(HttpStatusCode.Conflict, "idempotency_key_in_use");

            var number = (string)JsonNode.Parse(body)!["invoice_number"]!;
            (await First.DbAsync(db => db.Invoices.IgnoreQueryFilters().CountAsync(i => i.InvoiceNumber == number, cancellation))).ShouldBe(1);
            var replay = await slow.SendAsync(Post(body, key), cancellation);
            replay.StatusCode.ShouldBe(HttpStatusCode.Created);
            (await replay.Content.ReadAsStringAsync(cancellation)).ShouldBe(await retried.Content.ReadAsStringAsync(cancellation));
        }
        finally
        {
            First.Faults.HoldCommands = null;
        }
    }

    private static HttpRequestMessage Post(string body, string key)
    {
        var request = Http.Request(HttpMethod.Post, "/v1/invoices", body);
        request.Headers.Add("Idempotency-Key", key);
        return request;
    }
}

public sealed class MultiInstanceIdempotencyTestsOnPostgres(PostgresServer server) : MultiInstanceIdempotencyTests(server);

public sealed class MultiInstanceIdempotencyTestsOnSqlServer(SqlServerContainer server) : MultiInstanceIdempotencyTests(server);
