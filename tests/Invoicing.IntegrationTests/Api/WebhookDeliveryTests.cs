using System.Net;
using System.Text.Json.Nodes;
using Invoicing.Client;
using Invoicing.Infrastructure.Webhooks;
using Invoicing.IntegrationTests.Fixtures;
using Microsoft.EntityFrameworkCore;
using WebhookDelivery = Invoicing.Domain.Webhooks.WebhookDelivery;
using WebhookDeliveryAttempt = Invoicing.Domain.Webhooks.WebhookDeliveryAttempt;
using WebhookDeliveryStatus = Invoicing.Domain.Webhooks.WebhookDeliveryStatus;

namespace Invoicing.IntegrationTests.Api;

/// <summary>
/// Delivery (§9) to a real receiver on loopback (allowed by this fixture's configuration), driven by the
/// worker's passes on a clock that moves only when the test says so.
/// </summary>
public abstract class WebhookDeliveryTests(WebhookApi api) : ApiTests(api)
{
    private static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);

    private ManualClock Clock => api.Clock;

    [Fact]
    public async Task The_receiver_gets_each_change_once_signed_with_the_endpoint_secret()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var client = await Factory.ClientAsync();
        var (endpointId, secret) = await CreateEndpointAsync(client, receiver.Url, "invoice.created", "invoice.paid", "invoice.voided");
        try
        {
            var (a, b) = (await client.CreateCounterpartyAsync("A"), await client.CreateCounterpartyAsync("B"));
            var single = await PostAsync(client, "/v1/invoices", Http.Invoice(a, b));
            var batch = await PostAsync(client, "/v1/invoices/batch", new JsonArray(Http.Invoice(a, b), Http.Invoice(a, b), Http.Invoice(a, b)));
            var batchIds = batch.AsArray().Select(i => i!["id"]!.GetValue<string>()).ToList();
            await PostAsync(client, $"/v1/invoices/{batchIds[0]}/pay", null);
            await PostAsync(client, $"/v1/invoices/{batchIds[1]}/void", null);

            await DrainAsync();

            var received = receiver.Requests.ToList();
            received.Select(r => (r.Type, r.ObjectId)).ShouldBe(
                [
                    ("invoice.created", single["id"]!.GetValue<string>()),
                    ("invoice.created", batchIds[0]), ("invoice.created", batchIds[1]), ("invoice.created", batchIds[2]),
                    ("invoice.paid", batchIds[0]), ("invoice.voided", batchIds[1]),
                ],
                ignoreOrder: true);
            foreach (var request in received)
            {
                request.ContentType.ShouldStartWith("application/json");
                InvoicingWebhook.VerifySignature(request.Body, request.Signature, secret, Tolerance, Clock).ShouldBeTrue(request.Signature);
                WebhookSignature.Verify(request.Signature, secret, request.Body, Tolerance, Clock.GetUtcNow()).ShouldBeTrue(request.Signature);
                InvoicingWebhook.VerifySignature(request.Body, request.Signature, "whsec_" + new string('x', 32), Tolerance, Clock).ShouldBeFalse();
                InvoicingWebhook.VerifySignature(request.Body + " ", request.Signature, secret, Tolerance, Clock).ShouldBeFalse();

                // The body is the event exactly as GET /v1/events/{id} answers it.
                var id = request.Json.GetProperty("id").GetString();
                (await (await client.GetAsync($"/v1/events/{id}", Cancellation)).Content.ReadAsStringAsync(Cancellation)).ShouldBe(request.Body);
            }

            (await Factory.DbAsync(db => db.Set<WebhookDelivery>().Where(d => d.WebhookEndpointId == endpointId).Select(d => d.Status).ToListAsync(Cancellation)))
                .ShouldAllBe(s => s == WebhookDeliveryStatus.Delivered);
            (await Factory.RunWebhookPassAsync()).ShouldBe(0);
            receiver.Requests.Count.ShouldBe(6);
        }
        finally
        {
            await client.DeleteAsync($"/v1/webhook_endpoints/{endpointId}", Cancellation);
        }
    }

    [Fact]
    public async Task Updates_are_delivered_to_an_endpoint_subscribed_to_them_with_their_previous_attributes()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var client = await Factory.ClientAsync();
        var (endpointId, secret) = await CreateEndpointAsync(client, receiver.Url, "invoice.updated", "counterparty.updated");
        try
        {
            var (a, b) = (await client.CreateCounterpartyAsync("A"), await client.CreateCounterpartyAsync("B"));
            var invoice = Http.Invoice(a, b);
            invoice["metadata"] = new JsonObject { ["order_id"] = "1" };
            var created = await PostAsync(client, "/v1/invoices", invoice);
            var id = created["id"]!.GetValue<string>();

            // updated_at moves to the time of a change, and not for an update that changes nothing (§10).
            Clock.Advance(TimeSpan.FromMinutes(5));
            var updated = await PatchAsync(client, $"/v1/invoices/{id}", """{"metadata": {"order_id": "2"}, "note": null}""");
            updated["updated_at"]!.GetValue<string>().ShouldBe(Clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture));
            updated["updated_at"]!.GetValue<string>().ShouldNotBe(created["updated_at"]!.GetValue<string>());
            updated["created_at"]!.GetValue<string>().ShouldBe(created["created_at"]!.GetValue<string>());
            Clock.Advance(TimeSpan.FromMinutes(5));
            var unchanged = await PatchAsync(client, $"/v1/invoices/{id}", """{"metadata": {"order_id": "2"}, "note": null}""");
            unchanged.ToJsonString().ShouldBe(updated.ToJsonString());
            await PatchAsync(client, $"/v1/counterparties/{a}", """{"name": "A renamed"}""");

            await DrainAsync();

            var received = receiver.Requests.ToList();
            received.Select(r => (r.Type, r.ObjectId)).ShouldBe([("invoice.updated", id), ("counterparty.updated", a.ToString())], ignoreOrder: true);
            var invoiceUpdated = received.Single(r => r.Type == "invoice.updated").Json.GetProperty("data");
            invoiceUpdated.GetProperty("object").GetRawText().ShouldBe(updated.ToJsonString());
            invoiceUpdated.GetProperty("previous_attributes").GetRawText().ShouldBe("""{"note":"May’s Annual Tire Order","metadata":{"order_id":"1"}}""");
            received.Single(r => r.Type == "counterparty.updated").Json.GetProperty("data").GetProperty("previous_attributes").GetRawText().ShouldBe("""{"name":"A"}""");
            foreach (var request in received)
            {
                InvoicingWebhook.VerifySignature(request.Body, request.Signature, secret, Tolerance, Clock).ShouldBeTrue(request.Signature);
                var eventId = request.Json.GetProperty("id").GetString();
                (await (await client.GetAsync($"/v1/events/{eventId}", Cancellation)).Content.ReadAsStringAsync(Cancellation)).ShouldBe(request.Body);
            }
        }
        finally
        {
            await client.DeleteAsync($"/v1/webhook_endpoints/{endpointId}", Cancellation);
        }
    }

    [Fact]
    public async Task A_receiver_that_fails_twice_gets_three_attempts_with_growing_delays_and_the_event_is_delivered()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Answer = n => n <= 2 ? 500 : 200;
        var client = await Factory.ClientAsync();
        var (endpointId, secret) = await CreateEndpointAsync(client, receiver.Url, "counterparty.created");
        try
        {
            await client.CreateCounterpartyAsync("Retried");

            (await Factory.RunWebhookPassAsync()).ShouldBe(1);
            (await Factory.RunWebhookPassAsync()).ShouldBe(0); // not due again yet
            await AdvanceToNextAttemptAsync(endpointId);
            (await Factory.RunWebhookPassAsync()).ShouldBe(1);
            await AdvanceToNextAttemptAsync(endpointId);
            (await Factory.RunWebhookPassAsync()).ShouldBe(1);

            var delivery = await Factory.DbAsync(db => db.Set<WebhookDelivery>().SingleAsync(d => d.WebhookEndpointId == endpointId, Cancellation));
            delivery.Status.ShouldBe(WebhookDeliveryStatus.Delivered);
            delivery.AttemptCount.ShouldBe(3);
            var attempts = await Factory.DbAsync(db => db.Set<WebhookDeliveryAttempt>().Where(a => a.WebhookDeliveryId == delivery.Id).OrderBy(a => a.AttemptedAt).ToListAsync(Cancellation));
            attempts.Select(a => a.ResponseStatus).ShouldBe([500, 500, 200]);
            attempts[0].ResponseBody.ShouldBe("receiver says no");
            attempts.ShouldAllBe(a => a.DurationMs >= 0);
            var (first, second) = (attempts[1].AttemptedAt - attempts[0].AttemptedAt, attempts[2].AttemptedAt - attempts[1].AttemptedAt);
            first.ShouldBeGreaterThan(TimeSpan.Zero);
            second.ShouldBeGreaterThan(first);

            receiver.Requests.Count.ShouldBe(3);
            receiver.Requests.Select(r => r.Body).Distinct().ShouldHaveSingleItem();
            receiver.Requests.ShouldAllBe(r => InvoicingWebhook.VerifySignature(r.Body, r.Signature, secret, Tolerance, Clock));
            (await Factory.RunWebhookPassAsync()).ShouldBe(0);
        }
        finally
        {
            await client.DeleteAsync($"/v1/webhook_endpoints/{endpointId}", Cancellation);
        }
    }

    [Fact]
    public async Task A_receiver_that_never_succeeds_is_retried_until_the_horizon_then_the_delivery_fails()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Answer = _ => 503;
        var client = await Factory.ClientAsync();
        var (endpointId, _) = await CreateEndpointAsync(client, receiver.Url, "counterparty.created");
        try
        {
            var createdAt = Clock.GetUtcNow();
            await client.CreateCounterpartyAsync("Never");
            await Factory.DispatchEventsAsync(); // the fan-out: the delivery exists from here (docs/decisions/0020)

            for (var pass = 0; pass < 40 && await StatusAsync(endpointId) == WebhookDeliveryStatus.Pending; pass++)
            {
                await AdvanceToNextAttemptAsync(endpointId);
                await Factory.RunWebhookPassAsync();
            }

            (await StatusAsync(endpointId)).ShouldBe(WebhookDeliveryStatus.Failed);
            var attempts = await Factory.DbAsync(db => (
                from a in db.Set<WebhookDeliveryAttempt>()
                join d in db.Set<WebhookDelivery>() on a.WebhookDeliveryId equals d.Id
                where d.WebhookEndpointId == endpointId
                select a.AttemptedAt).ToListAsync(Cancellation));
            attempts.Count.ShouldBe(receiver.Requests.Count);
            attempts.Count.ShouldBeGreaterThan(8);
            attempts.Max().ShouldBeLessThanOrEqualTo(createdAt.UtcDateTime + TimeSpan.FromDays(3));
            attempts.Max().ShouldBeGreaterThan(createdAt.UtcDateTime + TimeSpan.FromDays(1));
        }
        finally
        {
            await client.DeleteAsync($"/v1/webhook_endpoints/{endpointId}", Cancellation);
        }
    }

    [Fact]
    public async Task A_deleted_endpoint_gets_nothing_more()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var client = await Factory.ClientAsync();
        var (endpointId, _) = await CreateEndpointAsync(client, receiver.Url, "*");
        await client.CreateCounterpartyAsync("Before delete");

        (await client.DeleteAsync($"/v1/webhook_endpoints/{endpointId}", Cancellation)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await client.CreateCounterpartyAsync("After delete");
        await DrainAsync();

        receiver.Requests.ShouldBeEmpty();
    }

    private async Task<WebhookDeliveryStatus> StatusAsync(Guid endpointId) =>
        await Factory.DbAsync(db => db.Set<WebhookDelivery>().Where(d => d.WebhookEndpointId == endpointId).Select(d => d.Status).SingleAsync(Cancellation));

    /// <summary>Moves the clock to when the endpoint's pending delivery is due.</summary>
    private async Task AdvanceToNextAttemptAsync(Guid endpointId)
    {
        var due = await Factory.DbAsync(db => db.Set<WebhookDelivery>().Where(d => d.WebhookEndpointId == endpointId).Select(d => d.NextAttemptAt).SingleAsync(Cancellation));
        var wait = due - Clock.GetUtcNow().UtcDateTime;
        if (wait > TimeSpan.Zero)
        {
            Clock.Advance(wait);
        }
    }

    private async Task DrainAsync()
    {
        while (await Factory.RunWebhookPassAsync() > 0)
        {
        }
    }

    private static async Task<(Guid Id, string Secret)> CreateEndpointAsync(HttpClient client, string url, params string[] types)
    {
        var response = await client.PostJsonAsync(
            "/v1/webhook_endpoints",
            new JsonObject { ["url"] = url, ["enabled_events"] = new JsonArray(types.Select(t => (JsonNode)JsonValue.Create(t)).ToArray()) });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var json = await response.JsonAsync();
        return (json.GetProperty("id").GetGuid(), json.GetProperty("secret").GetString()!);
    }

    private static async Task<JsonNode> PatchAsync(HttpClient client, string path, string body)
    {
        var response = await client.PatchAsync(path, new StringContent(body, System.Text.Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.ShouldBeTrue(text);
        return JsonNode.Parse(text)!;
    }

    private static async Task<JsonNode> PostAsync(HttpClient client, string path, JsonNode? body)
    {
        var response = body is null ? await client.PostAsync(path, null, TestContext.Current.CancellationToken) : await client.PostJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.ShouldBeTrue(text);
        return JsonNode.Parse(text)!;
    }
}

public sealed class WebhookDeliveryTestsOnSqlite(SqliteWebhookApi api) : WebhookDeliveryTests(api), IClassFixture<SqliteWebhookApi>;

public sealed class WebhookDeliveryTestsOnPostgres(PostgresWebhookApi api) : WebhookDeliveryTests(api), IClassFixture<PostgresWebhookApi>;

public sealed class WebhookDeliveryTestsOnSqlServer(SqlServerWebhookApi api) : WebhookDeliveryTests(api), IClassFixture<SqlServerWebhookApi>;
