using System.Net;
using System.Text.Json.Nodes;
using Invoicing.Domain.Common;
using Invoicing.Infrastructure.Webhooks;
using Invoicing.IntegrationTests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace Invoicing.IntegrationTests.Api;

/// <summary>
/// Two service instances deliver from one PostgreSQL database (§9): the claim (<c>FOR UPDATE SKIP LOCKED</c>)
/// splits the work, so every event reaches the receiver exactly once. PostgreSQL only: it is the database
/// several instances share in production.
/// </summary>
public sealed class MultiInstanceWebhookTests(PostgresServer server) : TwoInstances(server, WebhookApi.Settings)
{
    [Fact]
    public async Task Two_workers_deliver_two_hundred_events_each_exactly_once()
    {
        SkipWithoutPostgres();

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
}
