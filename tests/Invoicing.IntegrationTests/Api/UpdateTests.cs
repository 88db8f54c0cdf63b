using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Invoicing.Domain.Common;
using Invoicing.IntegrationTests.Fixtures;

namespace Invoicing.IntegrationTests.Api;

/// <summary>
/// <c>PATCH /v1/counterparties/{id}</c> and <c>PATCH /v1/invoices/{id}</c> (§10): present members set, <c>null</c> clears,
/// absent members stay, metadata merges; 200 with the whole object; a change writes one <c>*.updated</c> event with
/// <c>previous_attributes</c>, no change writes nothing; only open invoices change; concurrent updates lose nothing.
/// </summary>
public abstract class UpdateTests(IApiFixture api) : ApiTests(api)
{
    [Fact]
    public async Task A_counterparty_update_sets_present_members_clears_null_ones_leaves_absent_ones_and_merges_metadata()
    {
        var client = await Factory.ClientAsync();
        var created = await CreatedAsync(client, "/v1/counterparties", new JsonObject
        {
            ["name"] = "Old name",
            ["email"] = "old@acme.test",
            ["metadata"] = new JsonObject { ["keep"] = "1", ["change"] = "2", ["drop"] = "3", ["drop too"] = "4" },
        });
        var id = created.GetProperty("id").GetString();

        var response = await PatchAsync(client, $"/v1/counterparties/{id}", """
            {"name": "New name", "email": null, "metadata": {"change": "two", "drop": "", "drop too": null, "add": "5"}, "unknown": 1, "id": "ignored"}
            """);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Cancellation));
        var updated = await response.JsonAsync();
        updated.GetProperty("id").GetString().ShouldBe(id);
        updated.GetProperty("object").GetString().ShouldBe("counterparty");
        updated.GetProperty("name").GetString().ShouldBe("New name");
        updated.GetProperty("email").ValueKind.ShouldBe(JsonValueKind.Null);
        updated.GetProperty("metadata").GetRawText().ShouldBe("""{"add":"5","change":"two","keep":"1"}""");
        updated.GetProperty("created_at").GetString().ShouldBe(created.GetProperty("created_at").GetString());
        (await (await client.GetAsync($"/v1/counterparties/{id}", Cancellation)).Content.ReadAsStringAsync(Cancellation)).ShouldBe(updated.GetRawText());

        // Absent members stay: only the name changes now.
        var renamed = await (await PatchAsync(client, $"/v1/counterparties/{id}", """{"name": "Newer name"}""")).JsonAsync();
        renamed.GetProperty("metadata").GetRawText().ShouldBe("""{"add":"5","change":"two","keep":"1"}""");
        renamed.GetProperty("email").ValueKind.ShouldBe(JsonValueKind.Null);

        var events = await EventsAsync(client, "counterparty.updated", id);
        events.Count.ShouldBe(2);
        events[1].GetProperty("data").GetProperty("object").GetRawText().ShouldBe(updated.GetRawText());
        events[1].GetProperty("data").GetProperty("previous_attributes").GetRawText().ShouldBe(
            """{"name":"Old name","email":"old@acme.test","metadata":{"change":"2","drop":"3","drop too":"4","keep":"1"}}""");
        events[0].GetProperty("data").GetProperty("object").GetRawText().ShouldBe(renamed.GetRawText());
        events[0].GetProperty("data").GetProperty("previous_attributes").GetRawText().ShouldBe("""{"name":"New name"}""");
    }

    [Fact]
    public async Task A_counterparty_update_refuses_every_bad_member_at_once_and_changes_nothing()
    {
        var client = await Factory.ClientAsync();
        var id = await client.CreateCounterpartyAsync("Unchanged");
        var before = await (await client.GetAsync($"/v1/counterparties/{id}", Cancellation)).Content.ReadAsStringAsync(Cancellation);

        var response = await PatchAsync(client, $"/v1/counterparties/{id}", $$$"""
            {"name": null, "email": "not an address", "metadata": {"order_id": "{{{new string('v', 501)}}}", "ok": 5}}
            """);

        (await response.ShouldBeEnvelopeAsync(HttpStatusCode.BadRequest, "invalid_request")).FieldErrors().ShouldBe(
            ["name null This field may not be null.", "email invalid Enter a valid email address.", "metadata invalid Must be an object of strings."]);
        var blank = await PatchAsync(client, $"/v1/counterparties/{id}", $$$"""{"name": "  ", "metadata": {"order_id": "{{{new string('v', 501)}}}"}}""");
        (await blank.ShouldBeEnvelopeAsync(HttpStatusCode.BadRequest, "invalid_request")).FieldErrors().ShouldBe(
            ["name blank This field may not be blank.", "metadata.order_id max_length Ensure this field has no more than 500 characters."]);
        (await (await client.GetAsync($"/v1/counterparties/{id}", Cancellation)).Content.ReadAsStringAsync(Cancellation)).ShouldBe(before);
        (await EventsAsync(client, "counterparty.updated", id.ToString())).ShouldBeEmpty();
    }

    [Fact]
    public async Task An_invoice_update_sets_the_due_date_clears_the_note_merges_metadata_and_records_the_old_values()
    {
        var client = await Factory.ClientAsync();
        var created = await CreateInvoiceAsync(client, new JsonObject { ["a"] = "1", ["b"] = "2" });
        var id = created.GetProperty("id").GetString();

        var response = await PatchAsync(client, $"/v1/invoices/{id}", """
            {"invoice_due_date": "2021-12-31", "note": null, "metadata": {"b": null, "c": "3"}, "amount_cents": 1, "status": "paid"}
            """);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Cancellation));
        var updated = await response.JsonAsync();
        updated.GetProperty("invoice_due_date").GetString().ShouldBe("2021-12-31");
        updated.GetProperty("note").ValueKind.ShouldBe(JsonValueKind.Null);
        updated.GetProperty("metadata").GetRawText().ShouldBe("""{"a":"1","c":"3"}""");
        updated.GetProperty("amount_cents").GetInt64().ShouldBe(created.GetProperty("amount_cents").GetInt64());
        updated.GetProperty("status").GetString().ShouldBe("open");
        DateTimeOffset.Parse(updated.GetProperty("updated_at").GetString()!, System.Globalization.CultureInfo.InvariantCulture)
            .ShouldBeGreaterThanOrEqualTo(DateTimeOffset.Parse(created.GetProperty("updated_at").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        (await (await client.GetAsync($"/v1/invoices/{id}", Cancellation)).Content.ReadAsStringAsync(Cancellation)).ShouldBe(updated.GetRawText());

        var updatedEvent = (await EventsAsync(client, "invoice.updated", id)).ShouldHaveSingleItem();
        updatedEvent.GetProperty("data").GetProperty("object").GetRawText().ShouldBe(updated.GetRawText());
        updatedEvent.GetProperty("data").GetProperty("previous_attributes").GetRawText().ShouldBe(
            """{"invoice_due_date":"2021-11-23","note":"May’s Annual Tire Order","metadata":{"a":"1","b":"2"}}""");

        // "metadata": null removes every key; a note may be set again, blank too.
        var cleared = await (await PatchAsync(client, $"/v1/invoices/{id}", """{"metadata": null, "note": ""}""")).JsonAsync();
        cleared.GetProperty("metadata").GetRawText().ShouldBe("{}");
        cleared.GetProperty("note").GetString().ShouldBe(string.Empty);
        cleared.GetProperty("invoice_due_date").GetString().ShouldBe("2021-12-31");
    }

    [Fact]
    public async Task An_update_that_changes_nothing_answers_the_object_and_writes_no_event()
    {
        var client = await Factory.ClientAsync();
        var created = await CreateInvoiceAsync(client, new JsonObject { ["a"] = "1" });
        var id = created.GetProperty("id").GetString();
        var counterparty = await CreatedAsync(client, "/v1/counterparties", new JsonObject { ["name"] = "Same", ["metadata"] = new JsonObject { ["a"] = "1" } });
        var counterpartyId = counterparty.GetProperty("id").GetString();

        foreach (var body in new[] { "{}", """{"unknown": 1}""", """{"invoice_due_date": "2021-11-23", "note": "May’s Annual Tire Order", "metadata": {"a": "1", "gone": null}}""", """{"metadata": {}}""" })
        {
            var response = await PatchAsync(client, $"/v1/invoices/{id}", body);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
            (await response.Content.ReadAsStringAsync(Cancellation)).ShouldBe(created.GetRawText(), body);
        }

        foreach (var body in new[] { "{}", """{"name": "Same", "email": null, "metadata": {"a": "1", "b": ""}}""" })
        {
            var response = await PatchAsync(client, $"/v1/counterparties/{counterpartyId}", body);
            (await response.Content.ReadAsStringAsync(Cancellation)).ShouldBe(counterparty.GetRawText(), body);
        }

        (await EventsAsync(client, "invoice.updated", id)).ShouldBeEmpty();
        (await EventsAsync(client, "counterparty.updated", counterpartyId)).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("pay", "paid")]
    [InlineData("void", "void")]
    public async Task A_paid_or_void_invoice_is_a_conflict_and_does_not_change(string action, string status)
    {
        var client = await Factory.ClientAsync();
        var id = (await CreateInvoiceAsync(client)).GetProperty("id").GetString();
        (await client.PostAsync($"/v1/invoices/{id}/{action}", null, Cancellation)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var before = await (await client.GetAsync($"/v1/invoices/{id}", Cancellation)).Content.ReadAsStringAsync(Cancellation);

        foreach (var body in new[] { """{"note": "too late", "metadata": {"a": "1"}}""", "{}", """{"invoice_due_date": "2000-01-01"}""" })
        {
            var envelope = await (await PatchAsync(client, $"/v1/invoices/{id}", body)).ShouldBeEnvelopeAsync(HttpStatusCode.Conflict, "invoice_state_conflict");
            envelope.GetProperty("detail").GetString().ShouldBe($"The invoice is {status}; only an open invoice can be updated.");
        }

        (await (await client.GetAsync($"/v1/invoices/{id}", Cancellation)).Content.ReadAsStringAsync(Cancellation)).ShouldBe(before);
        (await EventsAsync(client, "invoice.updated", id)).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_due_date_stays_on_or_after_the_invoice_date_and_may_not_be_null()
    {
        var client = await Factory.ClientAsync();
        var id = (await CreateInvoiceAsync(client)).GetProperty("id").GetString();

        (await (await PatchAsync(client, $"/v1/invoices/{id}", """{"invoice_due_date": "2021-11-21", "note": "kept?"}""")).ShouldBeEnvelopeAsync(HttpStatusCode.BadRequest, "invalid_request"))
            .FieldErrors().ShouldBe(["invoice_due_date invalid_relation Must be on or after invoice_date."]);
        (await (await PatchAsync(client, $"/v1/invoices/{id}", """{"invoice_due_date": null, "note": 5, "metadata": []}""")).ShouldBeEnvelopeAsync(HttpStatusCode.BadRequest, "invalid_request"))
            .FieldErrors().ShouldBe(["invoice_due_date null This field may not be null.", "note invalid Not a valid string.", "metadata invalid Must be an object of strings."]);
        (await (await PatchAsync(client, $"/v1/invoices/{id}", """{"invoice_due_date": "22.11.2021"}""")).ShouldBeEnvelopeAsync(HttpStatusCode.BadRequest, "invalid_request"))
            .FieldErrors().ShouldBe(["invoice_due_date invalid Date has wrong format. Use one of these formats instead: YYYY-MM-DD."]);

        var same = await (await PatchAsync(client, $"/v1/invoices/{id}", """{"invoice_due_date": "2021-11-22"}""")).JsonAsync();
        same.GetProperty("invoice_due_date").GetString().ShouldBe("2021-11-22");
        same.GetProperty("note").GetString().ShouldBe("May’s Annual Tire Order");
    }

    [Fact]
    public async Task Merged_metadata_over_fifty_keys_is_refused()
    {
        var client = await Factory.ClientAsync();
        var full = new JsonObject();
        for (var i = 0; i < 50; i++)
        {
            full[$"k{i}"] = "v";
        }

        var id = (await CreateInvoiceAsync(client, full)).GetProperty("id").GetString();

        (await (await PatchAsync(client, $"/v1/invoices/{id}", """{"metadata": {"one_more": "v"}}""")).ShouldBeEnvelopeAsync(HttpStatusCode.BadRequest, "invalid_request"))
            .FieldErrors().ShouldBe(["metadata invalid Ensure this field has no more than 50 keys."]);
        var swapped = await (await PatchAsync(client, $"/v1/invoices/{id}", """{"metadata": {"one_more": "v", "k0": ""}}""")).JsonAsync();
        swapped.GetProperty("metadata").EnumerateObject().Count().ShouldBe(50);
        swapped.GetProperty("metadata").GetProperty("one_more").GetString().ShouldBe("v");
    }

    [Theory]
    [InlineData("invoices", "invoice_not_found")]
    [InlineData("counterparties", "counterparty_not_found")]
    public async Task An_unknown_foreign_or_malformed_id_is_not_found_and_the_foreign_resource_stays(string collection, string code)
    {
        var owner = await Factory.ClientAsync(ApiEnvironment.Live);
        var foreignId = collection == "invoices" ? (await CreateInvoiceAsync(owner)).GetProperty("id").GetString() : (await owner.CreateCounterpartyAsync("Live")).ToString();
        var before = await (await owner.GetAsync($"/v1/{collection}/{foreignId}", Cancellation)).Content.ReadAsStringAsync(Cancellation);
        var client = await Factory.ClientAsync(ApiEnvironment.Test);

        foreach (var id in new[] { foreignId, Guid.CreateVersion7().ToString(), "not-a-uuid" })
        {
            await (await PatchAsync(client, $"/v1/{collection}/{id}", """{"metadata": {"probe": "1"}}""")).ShouldBeEnvelopeAsync(HttpStatusCode.NotFound, code);
        }

        (await (await owner.GetAsync($"/v1/{collection}/{foreignId}", Cancellation)).Content.ReadAsStringAsync(Cancellation)).ShouldBe(before);
    }

    [Fact]
    public async Task Concurrent_updates_of_one_invoice_each_setting_a_key_all_survive()
    {
        const int racers = 10;
        var client = await Factory.ClientAsync();
        var id = (await CreateInvoiceAsync(client)).GetProperty("id").GetString();

        var responses = await RaceAsync(racers, i => PatchAsync(client, $"/v1/invoices/{id}", $$$"""{"metadata": {"racer_{{{i}}}": "{{{i}}}"}}"""));

        responses.Select(r => r.StatusCode).ShouldAllBe(s => s == HttpStatusCode.OK, await Bodies(responses));
        var stored = await (await client.GetAsync($"/v1/invoices/{id}", Cancellation)).JsonAsync();
        stored.GetProperty("metadata").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal)
            .ShouldBe(Enumerable.Range(0, racers).Select(i => $"racer_{i}").Order(StringComparer.Ordinal));

        // Each update saw the one before it: its previous metadata is one key smaller than its own.
        var events = await EventsAsync(client, "invoice.updated", id);
        events.Count.ShouldBe(racers);
        events.Select(e => e.GetProperty("data").GetProperty("previous_attributes").GetProperty("metadata").EnumerateObject().Count())
            .Order().ShouldBe(Enumerable.Range(0, racers));
    }

    [Fact]
    public async Task Concurrent_updates_of_one_webhook_endpoint_each_setting_a_key_all_survive()
    {
        const int racers = 10;
        var client = await Factory.ClientAsync();
        var id = (await CreatedAsync(client, "/v1/webhook_endpoints", new JsonObject { ["url"] = "https://hooks.example.com/race", ["enabled_events"] = new JsonArray("*") }))
            .GetProperty("id").GetString();
        try
        {
            var responses = await RaceAsync(racers, i => PatchAsync(client, $"/v1/webhook_endpoints/{id}", $$$"""{"metadata": {"racer_{{{i}}}": "{{{i}}}"}}"""));

            responses.Select(r => r.StatusCode).ShouldAllBe(s => s == HttpStatusCode.OK, await Bodies(responses));
            var stored = await (await client.GetAsync($"/v1/webhook_endpoints/{id}", Cancellation)).JsonAsync();
            stored.GetProperty("metadata").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal)
                .ShouldBe(Enumerable.Range(0, racers).Select(i => $"racer_{i}").Order(StringComparer.Ordinal));
        }
        finally
        {
            await client.DeleteAsync($"/v1/webhook_endpoints/{id}", Cancellation);
        }
    }

    [Fact]
    public async Task An_update_racing_a_pay_either_lands_before_the_pay_or_is_a_conflict()
    {
        var client = await Factory.ClientAsync();
        var outcomes = new List<HttpStatusCode>();
        for (var round = 0; round < 6; round++)
        {
            var id = (await CreateInvoiceAsync(client)).GetProperty("id").GetString();

            var responses = await RaceAsync(2, i => i == 0
                ? PatchAsync(client, $"/v1/invoices/{id}", """{"note": "changed", "metadata": {"racer": "patch"}}""")
                : client.PostAsync($"/v1/invoices/{id}/pay", null, Cancellation));

            responses[1].StatusCode.ShouldBe(HttpStatusCode.OK, await Bodies(responses));
            var stored = await (await client.GetAsync($"/v1/invoices/{id}", Cancellation)).JsonAsync();
            stored.GetProperty("status").GetString().ShouldBe("paid");
            var types = (await EventsAsync(client, null, id)).Select(e => e.GetProperty("type").GetString()).ToList();
            if (responses[0].StatusCode == HttpStatusCode.OK)
            {
                // The update landed first: the paid invoice keeps it, and the pay (which waited for the update's row
                // lock before it read) answers and announces the invoice as stored, after the update's event.
                stored.GetProperty("note").GetString().ShouldBe("changed");
                stored.GetProperty("metadata").GetRawText().ShouldBe("""{"racer":"patch"}""");
                types.ShouldBe(["invoice.paid", "invoice.updated", "invoice.created"]);
                var paid = await responses[1].JsonAsync();
                paid.GetProperty("note").GetString().ShouldBe("changed");
                paid.GetProperty("metadata").GetRawText().ShouldBe("""{"racer":"patch"}""");
                var paidEvent = (await EventsAsync(client, "invoice.paid", id)).Single().GetProperty("data").GetProperty("object");
                paidEvent.GetProperty("note").GetString().ShouldBe("changed");
            }
            else
            {
                await responses[0].ShouldBeEnvelopeAsync(HttpStatusCode.Conflict, "invoice_state_conflict");
                stored.GetProperty("note").GetString().ShouldBe("May’s Annual Tire Order");
                stored.GetProperty("metadata").GetRawText().ShouldBe("{}");
                types.ShouldBe(["invoice.paid", "invoice.created"]);
            }

            outcomes.Add(responses[0].StatusCode);
        }

        outcomes.ShouldAllBe(s => s == HttpStatusCode.OK || s == HttpStatusCode.Conflict);
    }

    private static Task<HttpResponseMessage> PatchAsync(HttpClient client, string path, string body) =>
        client.PatchAsync(path, new StringContent(body, Encoding.UTF8, "application/json"), Cancellation);

    private static async Task<string> Bodies(IEnumerable<HttpResponseMessage> responses) =>
        string.Join('\n', await Task.WhenAll(responses.Select(async r => $"{(int)r.StatusCode} {await r.Content.ReadAsStringAsync(Cancellation)}")));

    /// <summary>The events about one resource, newest first, optionally of one type.</summary>
    private static async Task<List<JsonElement>> EventsAsync(HttpClient client, string? type, string? id)
    {
        var list = await (await client.GetAsync("/v1/events?limit=100" + (type is null ? string.Empty : "&type=" + type), Cancellation)).JsonAsync();
        return list.GetProperty("data").EnumerateArray().Where(e => e.GetProperty("data").GetProperty("object").GetProperty("id").GetString() == id).ToList();
    }

    private static async Task<JsonElement> CreateInvoiceAsync(HttpClient client, JsonObject? metadata = null)
    {
        var (a, b) = (await client.CreateCounterpartyAsync("A"), await client.CreateCounterpartyAsync("B"));
        var body = Http.Invoice(a, b);
        if (metadata is not null)
        {
            body["metadata"] = metadata;
        }

        return await CreatedAsync(client, "/v1/invoices", body);
    }

    private static async Task<JsonElement> CreatedAsync(HttpClient client, string path, JsonNode body)
    {
        var response = await client.PostJsonAsync(path, body);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Cancellation));
        return await response.JsonAsync();
    }

    /// <summary>
    /// Sends <paramref name="count"/> requests at once. On the servers each is held before its handler, inside its
    /// transaction, until all have arrived there (as in <see cref="RaceTests"/>); SQLite serialises writing transactions.
    /// </summary>
    private async Task<HttpResponseMessage[]> RaceAsync(int count, Func<int, Task<HttpResponseMessage>> send)
    {
        var gate = Factory.IsServer ? new CommandGate() : null;
        Factory.Faults.HoldCommands = gate;
        try
        {
            var sent = Enumerable.Range(0, count).Select(i => Task.Run(() => send(i), Cancellation)).ToArray();
            if (gate is not null)
            {
                for (var waited = 0; gate.Waiting + sent.Count(t => t.IsCompleted) < count; waited += 10)
                {
                    waited.ShouldBeLessThan(9_000, $"{gate.Waiting} of {count} racers reached the gate");
                    await Task.Delay(10, Cancellation);
                }

                gate.Open();
            }

            return await Task.WhenAll(sent);
        }
        finally
        {
            Factory.Faults.HoldCommands = null;
        }
    }
}

public sealed class UpdateTestsOnSqlite(SqliteApi api) : UpdateTests(api), IClassFixture<SqliteApi>;

public sealed class UpdateTestsOnPostgres(PostgresApi api) : UpdateTests(api), IClassFixture<PostgresApi>;

public sealed class UpdateTestsOnSqlServer(SqlServerApi api) : UpdateTests(api), IClassFixture<SqlServerApi>;
