using System.Net;
using System.Text.Json.Nodes;
using Invoicing.Domain.Common;
using Invoicing.Domain.Webhooks;
using Invoicing.Infrastructure.Webhooks;
using Invoicing.IntegrationTests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace Invoicing.IntegrationTests.Api;

/// <summary>
/// Two service instances deliver from one database (§9): the claim (<c>FOR UPDATE SKIP LOCKED</c> on PostgreSQL,
/// <c>UPDLOCK, READPAST</c> on SQL Server) splits the work, so every event reaches the receiver exactly once, and the
/// fan-out of events to deliveries (docs/decisions/0020) makes exactly one delivery per event and endpoint however the
/// workers race. On the servers several instances share in production (not SQLite).
/// </summary>
public abstract class MultiInstanceWebhookTests(DatabaseServer server) : TwoInstances(server, WebhookApi.Settings)
{
    [Fact]
    public async Task Two_workers_deliver_two_hundred_events_each_exactly_once()
    {
        SkipWithoutServer();

        await using var receiver = await WebhookReceiver.StartAsync();
        var client = await First.ClientAsync(ApiEnvironment.Test);
        var endpoint = await client.PostJsonAsync(
            "/v1/webhook_endpoints", new JsonObject { ["url"] = receiver.Url, ["enabled_events"] = new JsonArray("invoice.created") });
        endpoint.StatusCode.ShouldBe(HttpStatusCode.Created);
        var (a, b) = (await client.CreateCounterpartyAsync("A"), await client.CreateCounterpartyAsync("B"));
        var batch = await client.PostJsonAsync("/v1/invoices/batch", new JsonArray(Enumerable.Range(0, 200).Select(_ => (JsonNode)Http.Invoice(a, b)).ToArray()));
        batch.StatusCode.ShouldBe(HttpStatusCode.Created);
        var invoiceIds = (await batch.JsonAsync()).EnumerateArray().Select(i => i.GetProperty("id").GetString()!).ToList();

        var passes = await Task.WhenAll(new[] { First, Second }.Select(async factory =>
        {
            var attempted = new List<int>();
            int count;
            while ((count = await factory.RunWebhookPassAsync()) > 0)
            {
                attempted.Add(count);
            }

            return attempted.Sum();
        }));

        passes.Sum().ShouldBe(200);
        var received = receiver.Requests.ToList();
        received.Count.ShouldBe(200);
        received.Select(r => r.Json.GetProperty("id").GetString()).Distinct().Count().ShouldBe(200);
        received.Select(r => r.ObjectId).ShouldBe(invoiceIds, ignoreOrder: true);
        var statuses = await First.DbAsync(db => db.Set<WebhookDelivery>().GroupBy(d => d.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync());
        statuses.ShouldHaveSingleItem().ShouldBe(new { Key = WebhookDeliveryStatus.Delivered, Count = 200 });
    }

    [Fact]
    public async Task Two_workers_racing_on_the_fan_out_make_exactly_one_delivery_per_event_and_endpoint()
    {
        SkipWithoutServer();

        await using var receiver = await WebhookReceiver.StartAsync();
        var client = await First.ClientAsync(ApiEnvironment.Test);
        var endpoints = new List<Guid>();
        foreach (var types in new[] { new JsonArray("invoice.created"), new JsonArray("*") })
        {
            var endpoint = await client.PostJsonAsync("/v1/webhook_endpoints", new JsonObject { ["url"] = receiver.Url, ["enabled_events"] = types });
            endpoint.StatusCode.ShouldBe(HttpStatusCode.Created);
            endpoints.Add((await endpoint.JsonAsync()).GetProperty("id").GetGuid());
        }

        var (a, b) = (await client.CreateCounterpartyAsync("A"), await client.CreateCounterpartyAsync("B"));
        var invoiceIds = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            // Three batches of 400: more events than one fan-out transaction claims, so the workers take turns.
            var batch = await client.PostJsonAsync("/v1/invoices/batch", new JsonArray(Enumerable.Range(0, 400).Select(_ => (JsonNode)Http.Invoice(a, b)).ToArray()));
            batch.StatusCode.ShouldBe(HttpStatusCode.Created);
            invoiceIds.AddRange((await batch.JsonAsync()).EnumerateArray().Select(i => i.GetProperty("id").GetString()!));
        }

        // Four concurrent fan-outs, two per instance.
        var dispatched = await Task.WhenAll(new[] { First, Second, First, Second }.Select(factory => factory.DispatchEventsAsync()));

        dispatched.Sum().ShouldBe(1202); // the two counterparties' events and the 1200 invoices'
        (await First.DispatchEventsAsync()).ShouldBe(0);
        var deliveries = await First.DbAsync(db => db.Set<WebhookDelivery>()
            .GroupBy(d => d.WebhookEndpointId)
            .Select(g => new { Endpoint = g.Key, Count = g.Count(), Events = g.Select(d => d.EventId).Distinct().Count() })
            .ToListAsync());
        deliveries.ShouldBe(
            [new { Endpoint = endpoints[0], Count = 1200, Events = 1200 }, new { Endpoint = endpoints[1], Count = 1202, Events = 1202 }],
            ignoreOrder: true);
        var undispatched = await First.DbAsync(db => db.Set<UndispatchedEvent>().CountAsync());
        undispatched.ShouldBe(0);
        var invoiceEvents = await First.DbAsync(db => (
            from d in db.Set<WebhookDelivery>()
            where d.WebhookEndpointId == endpoints[0]
            join e in db.Events.IgnoreQueryFilters() on d.EventId equals e.Id
            select e.Data).ToListAsync());
        invoiceEvents.Select(data => System.Text.Json.JsonDocument.Parse(data).RootElement.GetProperty("id").GetString()).ShouldBe(invoiceIds, ignoreOrder: true);
    }
}

public sealed class MultiInstanceWebhookTestsOnPostgres(PostgresServer server) : MultiInstanceWebhookTests(server);

public sealed class MultiInstanceWebhookTestsOnSqlServer(SqlServerContainer server) : MultiInstanceWebhookTests(server);
