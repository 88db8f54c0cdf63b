using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Invoicing.IntegrationTests.Fixtures;

namespace Invoicing.IntegrationTests.Api;

/// <summary>
/// <c>metadata</c> (§10) on counterparties, invoices and webhook endpoints: stored on each provider, returned by every
/// read, list and event, and every limit a field error named by its path, all at once, batch items included.
/// </summary>
public abstract class MetadataTests(IApiFixture api) : ApiTests(api)
{
    private static readonly string LongKey = new('k', 41);

    [Fact]
    public async Task Metadata_given_on_create_comes_back_on_every_read_list_and_event_and_absent_metadata_is_an_empty_object()
    {
        var client = await Factory.ClientAsync();
        var metadata = new JsonObject { ["order_id"] = "A-1", ["Ünïcode key"] = "välue ✓", ["dropped"] = "", ["also dropped"] = null };
        var stored = """{"order_id":"A-1","Ünïcode key":"välue ✓"}""";

        var counterparty = await CreatedAsync(client, "/v1/counterparties", new JsonObject { ["name"] = "With metadata", ["metadata"] = metadata.DeepClone() });
        var plain = await CreatedAsync(client, "/v1/counterparties", new JsonObject { ["name"] = "Without" });
        var other = await client.CreateCounterpartyAsync("B");
        var body = Http.Invoice(counterparty.GetProperty("id").GetGuid(), other);
        body["metadata"] = metadata.DeepClone();
        var invoice = await CreatedAsync(client, "/v1/invoices", body);
        var endpoint = await CreatedAsync(client, "/v1/webhook_endpoints", new JsonObject
        {
            ["url"] = "https://example.com/hooks",
            ["enabled_events"] = new JsonArray("invoice.updated", "counterparty.updated"),
            ["metadata"] = metadata.DeepClone(),
        });

        Metadata(counterparty).ShouldBe(stored);
        Metadata(plain).ShouldBe("{}");
        Metadata(invoice).ShouldBe(stored);
        Metadata(endpoint).ShouldBe(stored);
        Metadata(await GetAsync(client, $"/v1/counterparties/{counterparty.GetProperty("id")}")).ShouldBe(stored);
        Metadata(await GetAsync(client, $"/v1/counterparties/{plain.GetProperty("id")}")).ShouldBe("{}");
        Metadata(await GetAsync(client, $"/v1/invoices/{invoice.GetProperty("id")}")).ShouldBe(stored);
        Metadata(await GetAsync(client, $"/v1/webhook_endpoints/{endpoint.GetProperty("id")}")).ShouldBe(stored);
        Metadata(Find(await GetAsync(client, "/v1/counterparties?limit=100"), counterparty)).ShouldBe(stored);
        Metadata(Find(await GetAsync(client, "/v1/invoices?limit=100"), invoice)).ShouldBe(stored);
        Metadata(Find(await GetAsync(client, "/v1/webhook_endpoints?limit=100"), endpoint)).ShouldBe(stored);

        var events = (await GetAsync(client, "/v1/events?limit=100")).GetProperty("data").EnumerateArray().ToList();
        Metadata(events.Single(e => e.GetProperty("type").GetString() == "invoice.created" && Id(e) == Id(invoice)).GetProperty("data").GetProperty("object")).ShouldBe(stored);
        Metadata(events.Single(e => e.GetProperty("type").GetString() == "counterparty.created" && Id(e) == Id(counterparty)).GetProperty("data").GetProperty("object")).ShouldBe(stored);
        events.Where(e => e.GetProperty("data").TryGetProperty("previous_attributes", out var _)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Every_metadata_limit_is_a_field_error_named_by_its_path_reported_with_the_others()
    {
        var client = await Factory.ClientAsync();
        var metadata = new JsonObject { ["order_id"] = new string('v', 501), [LongKey] = "x", [""] = "y", ["fine"] = new string('v', 500) };
        for (var i = 0; i < 48; i++)
        {
            metadata[$"key{i}"] = "v";
        }

        var response = await client.PostJsonAsync("/v1/counterparties", new JsonObject { ["name"] = " ", ["metadata"] = metadata });

        (await response.ShouldBeEnvelopeAsync(HttpStatusCode.BadRequest, "invalid_request")).FieldErrors().ShouldBe(
            [
                "name blank This field may not be blank.",
                "metadata invalid Ensure this field has no more than 50 keys.",
                "metadata.order_id max_length Ensure this field has no more than 500 characters.",
                $"metadata.{LongKey} invalid Keys must have 1 to 40 characters.",
                "metadata. invalid Keys must have 1 to 40 characters.",
            ],
            ignoreOrder: true);
    }

    [Fact]
    public async Task Metadata_null_on_create_is_refused_as_null()
    {
        var response = await (await Factory.ClientAsync()).PostJsonAsync("/v1/counterparties", """{"name": "A", "metadata": null}""");

        (await response.ShouldBeEnvelopeAsync(HttpStatusCode.BadRequest, "invalid_request")).FieldErrors().ShouldBe(["metadata null This field may not be null."]);
    }

    [Theory]
    [InlineData("\"order 1\"")]
    [InlineData("[\"a\"]")]
    [InlineData("42")]
    [InlineData("{\"a\": 1}")]
    [InlineData("{\"a\": {\"b\": \"c\"}}")]
    [InlineData("{\"a\": \"ok\", \"b\": true}")]
    [InlineData("{\"a\": \"\\u0000\"}")]
    public async Task Metadata_that_is_no_object_of_strings_is_invalid_and_the_rest_of_the_body_is_still_checked(string metadata)
    {
        var client = await Factory.ClientAsync();
        var (a, b) = (await client.CreateCounterpartyAsync("A"), await client.CreateCounterpartyAsync("B"));
        var body = Http.Invoice(a, b);
        body["metadata"] = JsonNode.Parse(metadata);
        body["amount_cents"] = "abc";

        var response = await client.PostJsonAsync("/v1/invoices", body);

        (await response.ShouldBeEnvelopeAsync(HttpStatusCode.BadRequest, "invalid_request")).FieldErrors().ShouldBe(
            ["amount_cents invalid A valid integer is required.", "metadata invalid Must be an object of strings."]);
    }

    [Fact]
    public async Task In_a_batch_each_item_s_metadata_errors_carry_the_item_index()
    {
        var client = await Factory.ClientAsync();
        var (a, b) = (await client.CreateCounterpartyAsync("A"), await client.CreateCounterpartyAsync("B"));
        var good = Http.Invoice(a, b);
        good["metadata"] = new JsonObject { ["order_id"] = "fine" };
        var bad = Http.Invoice(a, b);
        bad["metadata"] = new JsonObject { ["order_id"] = new string('v', 501) };
        var wrong = Http.Invoice(a, b);
        wrong["metadata"] = "nope";

        var response = await client.PostJsonAsync("/v1/invoices/batch", new JsonArray(good, Http.Invoice(a, b), bad, wrong));

        var envelope = await response.ShouldBeEnvelopeAsync(HttpStatusCode.BadRequest, "invalid_request", withItems: true);
        envelope.FieldErrors().ShouldBe(
            [
                "[2].metadata.order_id max_length Ensure this field has no more than 500 characters.",
                "[3].metadata invalid Must be an object of strings.",
            ]);
        envelope.GetProperty("items").GetRawText().ShouldBe(
            """[{},{},{"metadata.order_id":["Ensure this field has no more than 500 characters."]},{"metadata":["Must be an object of strings."]}]""");
    }

    [Fact]
    public async Task A_batch_stores_each_item_s_metadata()
    {
        var client = await Factory.ClientAsync();
        var (a, b) = (await client.CreateCounterpartyAsync("A"), await client.CreateCounterpartyAsync("B"));
        var items = new JsonArray();
        for (var i = 0; i < 120; i++) // 100 and more: the bulk path on the servers (docs/decisions/0021)
        {
            var item = Http.Invoice(a, b);
            if (i % 2 == 0)
            {
                item["metadata"] = new JsonObject { ["n"] = i.ToString(System.Globalization.CultureInfo.InvariantCulture) };
            }
            items.Add(item);
        }

        var response = await client.PostJsonAsync("/v1/invoices/batch", items);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Cancellation));
        var created = (await response.JsonAsync()).EnumerateArray().ToList();

        for (var i = 0; i < created.Count; i += 7)
        {
            var expected = i % 2 == 0 ? $$"""{"n":"{{i}}"}""" : "{}";
            Metadata(created[i]).ShouldBe(expected);
            Metadata(await GetAsync(client, $"/v1/invoices/{created[i].GetProperty("id")}")).ShouldBe(expected);
        }
    }

    private static string Metadata(JsonElement resource) => resource.GetProperty("metadata").GetRawText();

    private static string? Id(JsonElement resourceOrEvent) =>
        (resourceOrEvent.TryGetProperty("data", out var data) ? data.GetProperty("object") : resourceOrEvent).GetProperty("id").GetString();

    private static JsonElement Find(JsonElement list, JsonElement resource) =>
        list.GetProperty("data").EnumerateArray().Single(r => Id(r) == Id(resource));

    private static async Task<JsonElement> CreatedAsync(HttpClient client, string path, JsonNode body)
    {
        var response = await client.PostJsonAsync(path, body);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Cancellation));
        return await response.JsonAsync();
    }

    private static async Task<JsonElement> GetAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path, Cancellation);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Cancellation));
        return await response.JsonAsync();
    }
}

public sealed class MetadataTestsOnSqlite(SqliteApi api) : MetadataTests(api), IClassFixture<SqliteApi>;

public sealed class MetadataTestsOnPostgres(PostgresApi api) : MetadataTests(api), IClassFixture<PostgresApi>;

public sealed class MetadataTestsOnSqlServer(SqlServerApi api) : MetadataTests(api), IClassFixture<SqlServerApi>;
