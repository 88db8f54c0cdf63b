using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Invoicing.Domain.Common;
using Invoicing.Domain.Webhooks;
using Invoicing.IntegrationTests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace Invoicing.IntegrationTests.Api;

/// <summary>Events (§9): every change writes one in its own transaction, rendered exactly as the API renders the resource.</summary>
public abstract class EventsTests(IApiFixture api) : ApiTests(api)
{
    [Fact]
    public async Task Each_change_writes_an_event_whose_object_is_the_resource_as_the_api_shows_it()
    {
        var client = await Factory.ClientAsync();
        var a = await client.CreateCounterpartyAsync("A");
        var b = await client.CreateCounterpartyAsync("B");
        var paid = await CreateInvoiceAsync(client, a, b);
        var voided = await CreateInvoiceAsync(client, a, b);
        (await client.PostAsync($"/v1/invoices/{paid}/pay", null, Cancellation)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.PostAsync($"/v1/invoices/{voided}/void", null, Cancellation)).StatusCode.ShouldBe(HttpStatusCode.OK);

        // Events are per environment, not per key: the newest six are this test's (a class's tests run one at a time).
        var events = (await ListAsync(client, "/v1/events?limit=6")).ToList();

        events.Select(e => (e.GetProperty("type").GetString(), ObjectId(e))).ShouldBe(
        [
            ("invoice.voided", voided), ("invoice.paid", paid), ("invoice.created", voided), ("invoice.created", paid),
            ("counterparty.created", b.ToString()), ("counterparty.created", a.ToString()),
        ]);
        var payEvent = events[1];
        payEvent.EnumerateObject().Select(p => p.Name).ShouldBe(["object", "id", "type", "environment", "created_at", "data"]);
        payEvent.GetProperty("object").GetString().ShouldBe("event");
        payEvent.GetProperty("environment").GetString().ShouldBe("test");
        payEvent.GetProperty("created_at").GetString()!.ShouldMatch(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$");
        payEvent.GetProperty("data").EnumerateObject().Select(p => p.Name).ShouldBe(["object"]);
        var invoiceNow = await (await client.GetAsync($"/v1/invoices/{paid}", Cancellation)).Content.ReadAsStringAsync(Cancellation);
        payEvent.GetProperty("data").GetProperty("object").GetRawText().ShouldBe(invoiceNow);
        events[3].GetProperty("data").GetProperty("object").GetProperty("status").GetString().ShouldBe("open");
        var counterparty = await (await client.GetAsync($"/v1/counterparties/{a}", Cancellation)).Content.ReadAsStringAsync(Cancellation);
        events[5].GetProperty("data").GetProperty("object").GetRawText().ShouldBe(counterparty);

        var one = await client.GetAsync($"/v1/events/{payEvent.GetProperty("id").GetString()}", Cancellation);
        one.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await one.Content.ReadAsStringAsync(Cancellation)).ShouldBe(payEvent.GetRawText());
    }

    [Fact]
    public async Task A_batch_writes_one_invoice_created_event_per_invoice_in_order_and_the_type_filter_pages()
    {
        var client = await Factory.ClientAsync();
        var (a, b) = (await client.CreateCounterpartyAsync("A"), await client.CreateCounterpartyAsync("B"));
        var batch = new JsonArray(Enumerable.Range(0, 5).Select(_ => (JsonNode)Http.Invoice(a, b)).ToArray());
        var response = await client.PostJsonAsync("/v1/invoices/batch", batch);
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var ids = (await response.JsonAsync()).EnumerateArray().Select(i => i.GetProperty("id").GetString()!).ToList();

        var firstPage = await client.GetAsync("/v1/events?type=invoice.created&limit=3", Cancellation);
        var first = await firstPage.JsonAsync();
        first.GetProperty("has_more").GetBoolean().ShouldBeTrue();
        var last = first.GetProperty("data")[2].GetProperty("id").GetString();
        var second = await ListAsync(client, $"/v1/events?type=invoice.created&limit=3&starting_after={last}");

        var all = first.GetProperty("data").EnumerateArray().Concat(second).ToList();
        all.ShouldAllBe(e => e.GetProperty("type").GetString() == "invoice.created");
        all.Select(ObjectId).Take(5).ShouldBe(Enumerable.Reverse(ids)); // the class's other tests may have made older ones (test order varies with the checkout's path)
    }

    [Fact]
    public async Task A_failed_command_leaves_no_event_and_no_delivery()
    {
        var client = await Factory.ClientAsync();
        var endpoint = await client.PostJsonAsync("/v1/webhook_endpoints", new JsonObject { ["url"] = "https://hooks.example.com/x", ["enabled_events"] = new JsonArray("*") });
        endpoint.StatusCode.ShouldBe(HttpStatusCode.Created);
        var endpointId = (await endpoint.JsonAsync()).GetProperty("id").GetGuid();
        var (a, b) = (await client.CreateCounterpartyAsync("A"), await client.CreateCounterpartyAsync("B"));
        var created = await client.PostJsonAsync("/v1/invoices", Http.Invoice(a, b));
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var invoiceId = (await created.JsonAsync()).GetProperty("id").GetString();
        var before = await ListAsync(client, "/v1/events?limit=100");
        (await DeliveriesToAsync(endpointId)).ShouldBe(3);

        var invalid = Http.Invoice(a, b);
        invalid["amount_cents"] = 0;
        await (await client.PostJsonAsync("/v1/invoices", invalid)).ShouldBeEnvelopeAsync(HttpStatusCode.BadRequest, "invalid_request");
        Factory.Faults.FailAfterHandler = true;
        try
        {
            await (await client.PostJsonAsync("/v1/invoices", Http.Invoice(a, b))).ShouldBeEnvelopeAsync(HttpStatusCode.InternalServerError, "internal_error");
            await (await client.PostJsonAsync("/v1/counterparties", new JsonObject { ["name"] = "C" })).ShouldBeEnvelopeAsync(HttpStatusCode.InternalServerError, "internal_error");

            // A command in a transaction fails after its handler has paid the invoice and written invoice.paid.
            await (await client.PostAsync($"/v1/invoices/{invoiceId}/pay", null, Cancellation)).ShouldBeEnvelopeAsync(HttpStatusCode.InternalServerError, "internal_error");
        }
        finally
        {
            Factory.Faults.FailAfterHandler = false;
        }

        (await ListAsync(client, "/v1/events?limit=100")).Select(e => e.GetProperty("id").GetString()).ShouldBe(before.Select(e => e.GetProperty("id").GetString()));
        (await DeliveriesToAsync(endpointId)).ShouldBe(3);
        (await (await client.GetAsync($"/v1/invoices/{invoiceId}", Cancellation)).JsonAsync()).GetProperty("status").GetString().ShouldBe("open");
        (await client.DeleteAsync($"/v1/webhook_endpoints/{endpointId}", Cancellation)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Events_belong_to_the_environment_of_the_change()
    {
        var live = await Factory.ClientAsync(ApiEnvironment.Live);
        var test = await Factory.ClientAsync(ApiEnvironment.Test);
        var liveCounterparty = await live.CreateCounterpartyAsync("Live only");
        var liveEvent = (await ListAsync(live, "/v1/events?type=counterparty.created&limit=100")).First(e => ObjectId(e) == liveCounterparty.ToString());
        liveEvent.GetProperty("environment").GetString().ShouldBe("live");
        var liveEventId = liveEvent.GetProperty("id").GetString();

        (await ListAsync(test, "/v1/events?limit=100")).ShouldNotContain(e => e.GetProperty("id").GetString() == liveEventId);
        await (await test.GetAsync($"/v1/events/{liveEventId}", Cancellation)).ShouldBeEnvelopeAsync(HttpStatusCode.NotFound, "event_not_found");
        var cursor = await (await test.GetAsync($"/v1/events?starting_after={liveEventId}", Cancellation)).ShouldBeEnvelopeAsync(HttpStatusCode.BadRequest, "invalid_request");
        cursor.FieldErrors().ShouldBe([$"starting_after does_not_exist Invalid pk \"{liveEventId}\" - object does not exist."]);
    }

    [Fact]
    public async Task Unknown_ids_and_types_are_refused_clearly()
    {
        var client = await Factory.ClientAsync();

        await (await client.GetAsync($"/v1/events/{Guid.CreateVersion7()}", Cancellation)).ShouldBeEnvelopeAsync(HttpStatusCode.NotFound, "event_not_found");
        await (await client.GetAsync("/v1/events/not-a-uuid", Cancellation)).ShouldBeEnvelopeAsync(HttpStatusCode.NotFound, "event_not_found");
        var envelope = await (await client.GetAsync("/v1/events?type=invoice.deleted&limit=0", Cancellation)).ShouldBeEnvelopeAsync(HttpStatusCode.BadRequest, "invalid_request");
        envelope.FieldErrors().ShouldBe(
        [
            "limit min_value Ensure this value is greater than or equal to 1.",
            "type invalid Must be one of: counterparty.created, counterparty.updated, invoice.created, invoice.updated, invoice.paid, invoice.voided.",
        ]);
    }

    /// <summary>The deliveries owed to the endpoint once the worker has fanned out every stored event.</summary>
    private async Task<int> DeliveriesToAsync(Guid endpointId)
    {
        await Factory.DispatchEventsAsync();
        return await Factory.DbAsync(db => db.Set<WebhookDelivery>().CountAsync(d => d.WebhookEndpointId == endpointId, Cancellation));
    }

    private static string ObjectId(JsonElement e) => e.GetProperty("data").GetProperty("object").GetProperty("id").GetString()!;

    private static async Task<string> CreateInvoiceAsync(HttpClient client, Guid a, Guid b)
    {
        var response = await client.PostJsonAsync("/v1/invoices", Http.Invoice(a, b));
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        return (await response.JsonAsync()).GetProperty("id").GetString()!;
    }

    private static async Task<List<JsonElement>> ListAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path, TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.JsonAsync()).GetProperty("data").EnumerateArray().ToList();
    }
}

public sealed class EventsTestsOnSqlite(SqliteApi api) : EventsTests(api), IClassFixture<SqliteApi>;

public sealed class EventsTestsOnPostgres(PostgresApi api) : EventsTests(api), IClassFixture<PostgresApi>;

public sealed class EventsTestsOnSqlServer(SqlServerApi api) : EventsTests(api), IClassFixture<SqlServerApi>;
