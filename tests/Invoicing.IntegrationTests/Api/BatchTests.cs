using System.Net;
using System.Text.Json.Nodes;
using Invoicing.IntegrationTests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace Invoicing.IntegrationTests.Api;

/// <summary>Batch create (§5.3): all or nothing, errors per submitted item.</summary>
public abstract class BatchTests(IApiFixture api) : ApiTests(api)
{
    [Fact]
    public async Task The_seed_example_is_answered_with_exactly_the_seed_items()
    {
        var client = await Factory.ClientAsync();
        var (a, b) = (await client.CreateCounterpartyAsync("A"), await client.CreateCounterpartyAsync("B"));
        var envelope = await (await client.PostJsonAsync("/v1/invoices/batch", SeedExample.Batch(a, b))).ShouldBeEnvelopeAsync(HttpStatusCode.BadRequest, "invalid_request", withItems: true);

        JsonNode.DeepEquals(JsonNode.Parse(envelope.GetProperty("items").GetRawText()), JsonNode.Parse(SeedExample.Items)).ShouldBeTrue(envelope.GetProperty("items").GetRawText());
        envelope.FieldErrors().ShouldBe([
            "[0].amount_cents required This field is required.",
            "[0].invoice_date required This field is required.",
            "[1].invoice_date required This field is required.",
            "[1].originating_counterparty_id required This field is required.",
        ], ignoreOrder: true);
        (await CountAsync(SeedExample.InvoiceNumbers)).ShouldBe(0);
    }

    [Fact]
    public async Task A_valid_batch_creates_every_invoice_in_request_order()
    {
        var client = await Factory.ClientAsync();
        var (a, b) = (await client.CreateCounterpartyAsync("A"), await client.CreateCounterpartyAsync("B"));
        var numbers = Enumerable.Range(0, 25).Select(_ => Http.UniqueNumber()).ToArray();

        var response = await client.PostJsonAsync("/v1/invoices/batch", new JsonArray(numbers.Select(n => (JsonNode)Http.Invoice(a, b, n)).ToArray()));

        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var created = (await response.JsonAsync()).EnumerateArray().ToList();
        created.Select(i => i.GetProperty("invoice_number").GetString()).ShouldBe(numbers);
        created.ShouldAllBe(i => i.GetProperty("object").GetString() == "invoice" && i.GetProperty("status").GetString() == "open");
        (await CountAsync(numbers)).ShouldBe(25);
        var first = await client.GetAsync("/v1/invoices/" + created[0].GetProperty("id").GetString());
        (await first.Content.ReadAsStringAsync()).ShouldBe(created[0].GetRawText());
    }

    [Fact]
    public async Task One_bad_item_among_many_stores_nothing()
    {
        var client = await Factory.ClientAsync();
        var (a, b) = (await client.CreateCounterpartyAsync("A"), await client.CreateCounterpartyAsync("B"));
        var items = Enumerable.Range(0, 10).Select(_ => Http.Invoice(a, b)).ToArray();
        items[7]["amount_cents"] = -5;

        var envelope = await (await client.PostJsonAsync("/v1/invoices/batch", new JsonArray(items.Select(i => (JsonNode)i).ToArray())))
            .ShouldBeEnvelopeAsync(HttpStatusCode.BadRequest, "invalid_request", withItems: true);

        envelope.FieldErrors().ShouldBe(["[7].amount_cents min_value Ensure this value is greater than or equal to 1."]);
        var perItem = envelope.GetProperty("items").EnumerateArray().ToList();
        perItem.Count.ShouldBe(10);
        perItem.Where((_, i) => i != 7).ShouldAllBe(item => item.EnumerateObject().Count() == 0);
        (await CountAsync(items.Select(i => (string)i["invoice_number"]!).ToArray())).ShouldBe(0);
    }

    [Fact]
    public async Task A_number_repeated_inside_the_batch_or_already_stored_is_unique_on_each_later_occurrence()
    {
        var client = await Factory.ClientAsync();
        var (a, b) = (await client.CreateCounterpartyAsync("A"), await client.CreateCounterpartyAsync("B"));
        var (stored, repeated) = (Http.UniqueNumber(), Http.UniqueNumber());
        (await client.PostJsonAsync("/v1/invoices", Http.Invoice(a, b, stored))).StatusCode.ShouldBe(HttpStatusCode.Created);
        JsonNode[] items = [Http.Invoice(a, b, repeated), Http.Invoice(b, a, repeated), Http.Invoice(a, b, repeated), Http.Invoice(a, b, stored), Http.Invoice(a, b, repeated)];

        var envelope = await (await client.PostJsonAsync("/v1/invoices/batch", new JsonArray(items)))
            .ShouldBeEnvelopeAsync(HttpStatusCode.BadRequest, "invalid_request", withItems: true);

        envelope.FieldErrors().ShouldBe([
            "[2].invoice_number unique invoice with this invoice number already exists.",
            "[3].invoice_number unique invoice with this invoice number already exists.",
            "[4].invoice_number unique invoice with this invoice number already exists.",
        ]);
        (await CountAsync(repeated)).ShouldBe(0);
    }

    [Theory]
    [InlineData("{}", "Expected a list of items but got type \"object\".")]
    [InlineData("\"x\"", "Expected a list of items but got type \"string\".")]
    [InlineData("[]", "This list may not be empty.")]
    public async Task A_body_that_is_not_a_non_empty_list_is_invalid_request(string body, string detail)
    {
        var client = await Factory.ClientAsync();

        var envelope = await (await client.PostJsonAsync("/v1/invoices/batch", body)).ShouldBeEnvelopeAsync(HttpStatusCode.BadRequest, "invalid_request");

        envelope.GetProperty("detail").GetString().ShouldBe(detail);
        envelope.GetProperty("errors").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task A_thousand_items_are_accepted_and_a_thousand_and_one_are_refused()
    {
        var client = await Factory.ClientAsync();
        var (a, b) = (await client.CreateCounterpartyAsync("A"), await client.CreateCounterpartyAsync("B"));
        var items = Enumerable.Range(0, 1001).Select(_ => (JsonNode)Http.Invoice(a, b)).ToArray();

        var tooMany = await client.PostJsonAsync("/v1/invoices/batch", new JsonArray(items.Select(i => i.DeepClone()).ToArray()));
        var thousand = await client.PostJsonAsync("/v1/invoices/batch", new JsonArray(items[..1000]));

        (await tooMany.ShouldBeEnvelopeAsync(HttpStatusCode.BadRequest, "invalid_request")).GetProperty("detail").GetString()
            .ShouldBe("Ensure this list has no more than 1000 elements.");
        thousand.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await thousand.JsonAsync()).GetArrayLength().ShouldBe(1000);
        (await CountAsync(items.Select(i => (string)i["invoice_number"]!).ToArray())).ShouldBe(1000);
    }

    [Fact]
    public async Task An_item_that_is_not_an_object_is_reported_in_its_place()
    {
        var client = await Factory.ClientAsync();
        var (a, b) = (await client.CreateCounterpartyAsync("A"), await client.CreateCounterpartyAsync("B"));
        var good = Http.Invoice(a, b);

        var envelope = await (await client.PostJsonAsync("/v1/invoices/batch", new JsonArray(good, "text", null, new JsonArray())))
            .ShouldBeEnvelopeAsync(HttpStatusCode.BadRequest, "invalid_request", withItems: true);

        envelope.FieldErrors().ShouldBe([
            "[1] invalid Invalid data. Expected a dictionary, but got string.",
            "[2] invalid Invalid data. Expected a dictionary, but got null.",
            "[3] invalid Invalid data. Expected a dictionary, but got array.",
        ]);
        JsonNode.DeepEquals(JsonNode.Parse(envelope.GetProperty("items").GetRawText()), JsonNode.Parse("""
            [
              {},
              { "non_field_errors": ["Invalid data. Expected a dictionary, but got string."] },
              { "non_field_errors": ["Invalid data. Expected a dictionary, but got null."] },
              { "non_field_errors": ["Invalid data. Expected a dictionary, but got array."] }
            ]
            """)).ShouldBeTrue();
        (await CountAsync((string)good["invoice_number"]!)).ShouldBe(0);
    }

    [Fact]
    public async Task Counterparties_are_checked_for_the_whole_batch_and_type_errors_sit_beside_rule_errors()
    {
        var client = await Factory.ClientAsync();
        var (a, b, ghost) = (await client.CreateCounterpartyAsync("A"), await client.CreateCounterpartyAsync("B"), Guid.NewGuid());
        var typed = Http.Invoice(a, b);
        typed["amount_cents"] = "abc";
        typed["invoice_due_date"] = "2021-11-01";

        var envelope = await (await client.PostJsonAsync("/v1/invoices/batch", new JsonArray(Http.Invoice(a, ghost), typed)))
            .ShouldBeEnvelopeAsync(HttpStatusCode.BadRequest, "invalid_request", withItems: true);

        envelope.FieldErrors().ShouldBe([
            $"[0].receiving_counterparty_id does_not_exist Invalid pk \"{ghost}\" - object does not exist.",
            "[1].amount_cents invalid A valid integer is required.",
            "[1].invoice_due_date invalid_relation Must be on or after invoice_date.",
        ], ignoreOrder: true);
    }

    private Task<int> CountAsync(params string[] numbers) =>
        Factory.DbAsync(db => db.Invoices.IgnoreQueryFilters().CountAsync(i => numbers.Contains(i.InvoiceNumber)));
}

public sealed class BatchTestsOnSqlite(SqliteApi api) : BatchTests(api), IClassFixture<SqliteApi>;

public sealed class BatchTestsOnPostgres(PostgresApi api) : BatchTests(api), IClassFixture<PostgresApi>;

public sealed class BatchTestsOnSqlServer(SqlServerApi api) : BatchTests(api), IClassFixture<SqlServerApi>;
