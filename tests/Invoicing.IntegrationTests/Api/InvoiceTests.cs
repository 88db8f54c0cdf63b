using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Invoicing.Infrastructure.Webhooks;
using Invoicing.IntegrationTests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace Invoicing.IntegrationTests.Api;

/// <summary>Creating and reading single invoices (§5.1, §5.2) and the wire format of §1.</summary>
public abstract class InvoiceTests(IApiFixture api) : ApiTests(api)
{
    [Fact]
    public async Task A_created_invoice_is_answered_with_its_location_and_reads_back_identically()
    {
        var client = await Factory.ClientAsync();
        var body = Http.Invoice(await client.CreateCounterpartyAsync("A"), await client.CreateCounterpartyAsync("B"));

        var created = await client.PostJsonAsync("/v1/invoices", body);

        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var invoice = await created.JsonAsync();
        var id = invoice.GetProperty("id").GetString();
        created.Headers.Location!.ToString().ShouldBe($"/v1/invoices/{id}");
        var read = await client.GetAsync(created.Headers.Location);
        read.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await read.Content.ReadAsStringAsync()).ShouldBe(invoice.GetRawText());
    }

    [Fact]
    public async Task The_invoice_object_has_the_contract_members_in_snake_case()
    {
        var client = await Factory.ClientAsync();
        var (a, b) = (await client.CreateCounterpartyAsync("A"), await client.CreateCounterpartyAsync("B"));
        var before = DateTimeOffset.UtcNow.AddSeconds(-2);

        var invoice = await (await client.PostJsonAsync("/v1/invoices", Http.Invoice(a, b, "12346"))).JsonAsync();

        invoice.EnumerateObject().Select(p => p.Name).ShouldBe([
            "object", "id", "environment", "status", "amount_cents", "discount_amount_cents", "amount_due_cents", "currency",
            "invoice_date", "invoice_due_date", "invoice_number", "note", "originating_counterparty_id", "receiving_counterparty_id", "metadata",
            "created_at", "updated_at", "paid_at", "voided_at",
        ]);
        invoice.GetProperty("object").GetString().ShouldBe("invoice");
        invoice.GetProperty("environment").GetString().ShouldBe("test");
        invoice.GetProperty("status").GetString().ShouldBe("open");
        invoice.GetProperty("amount_cents").GetInt64().ShouldBe(20000);
        invoice.GetProperty("discount_amount_cents").GetInt64().ShouldBe(500);
        invoice.GetProperty("amount_due_cents").GetInt64().ShouldBe(19500);
        invoice.GetProperty("currency").GetString().ShouldBe("eur");
        invoice.GetProperty("invoice_date").GetString().ShouldBe("2021-11-22");
        invoice.GetProperty("invoice_due_date").GetString().ShouldBe("2021-11-23");
        invoice.GetProperty("invoice_number").GetString().ShouldBe("12346");
        invoice.GetProperty("note").GetString().ShouldBe("May’s Annual Tire Order");
        invoice.GetProperty("originating_counterparty_id").GetGuid().ShouldBe(a);
        invoice.GetProperty("receiving_counterparty_id").GetGuid().ShouldBe(b);
        var createdAt = invoice.GetProperty("created_at").GetString()!;
        createdAt.ShouldMatch(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$");
        DateTimeOffset.Parse(createdAt, System.Globalization.CultureInfo.InvariantCulture).ShouldBeGreaterThan(before);
        invoice.GetProperty("updated_at").GetString().ShouldBe(createdAt);
        invoice.GetProperty("paid_at").ValueKind.ShouldBe(JsonValueKind.Null);
        invoice.GetProperty("voided_at").ValueKind.ShouldBe(JsonValueKind.Null);
        var id = invoice.GetProperty("id").GetGuid();
        id.Version.ShouldBe(7);
    }

    [Fact]
    public async Task Optional_members_take_their_defaults()
    {
        var client = await Factory.ClientAsync();
        var body = Http.Invoice(await client.CreateCounterpartyAsync("A"), await client.CreateCounterpartyAsync("B"));
        body.Remove("discount_amount_cents");
        body.Remove("currency");
        body["note"] = null;
        body["unknown_member"] = "ignored";

        var invoice = await (await client.PostJsonAsync("/v1/invoices", body)).JsonAsync();

        invoice.GetProperty("discount_amount_cents").GetInt64().ShouldBe(0);
        invoice.GetProperty("amount_due_cents").GetInt64().ShouldBe(20000);
        invoice.GetProperty("currency").GetString().ShouldBe("usd");
        invoice.GetProperty("note").ValueKind.ShouldBe(JsonValueKind.Null);
        invoice.TryGetProperty("unknown_member", out _).ShouldBeFalse();
    }

    [Fact]
    public async Task Every_failing_field_is_reported_at_once_type_errors_among_them()
    {
        var client = await Factory.ClientAsync();
        var a = await client.CreateCounterpartyAsync();
        var body = new JsonObject
        {
            ["amount_cents"] = "abc",
            ["discount_amount_cents"] = 1.5,
            ["currency"] = "USD",
            ["invoice_date"] = "22/11/2021",
            ["invoice_due_date"] = null,
            ["invoice_number"] = "   ",
            ["note"] = 42,
            ["originating_counterparty_id"] = "not-a-uuid",
            ["receiving_counterparty_id"] = a.ToString(),
        };

        var envelope = await (await client.PostJsonAsync("/v1/invoices", body)).ShouldBeEnvelopeAsync(HttpStatusCode.BadRequest, "invalid_request");

        envelope.FieldErrors().ShouldBe([
            "amount_cents invalid A valid integer is required.",
            "discount_amount_cents invalid A valid integer is required.",
            "currency invalid Must be a three-letter lowercase ISO 4217 currency code.",
            "invoice_date invalid Date has wrong format. Use one of these formats instead: YYYY-MM-DD.",
            "invoice_due_date null This field may not be null.",
            "invoice_number blank This field may not be blank.",
            "note invalid Not a valid string.",
            "originating_counterparty_id invalid Must be a valid UUID.",
        ], ignoreOrder: true);
    }

    [Fact]
    public async Task An_empty_object_reports_every_required_field()
    {
        var client = await Factory.ClientAsync();

        var envelope = await (await client.PostJsonAsync("/v1/invoices", "{}")).ShouldBeEnvelopeAsync(HttpStatusCode.BadRequest, "invalid_request");

        envelope.FieldErrors().ShouldBe([
            "amount_cents required This field is required.",
            "invoice_date required This field is required.",
            "invoice_due_date required This field is required.",
            "invoice_number required This field is required.",
            "originating_counterparty_id required This field is required.",
            "receiving_counterparty_id required This field is required.",
        ], ignoreOrder: true);
    }

    [Theory]
    [InlineData("amount_cents", "0", "amount_cents min_value Ensure this value is greater than or equal to 1.")]
    [InlineData("amount_cents", "100000000001", "amount_cents max_value Ensure this value is less than or equal to 100000000000.")]
    [InlineData("amount_cents", "9223372036854775808", "amount_cents max_value Ensure this value is less than or equal to 100000000000.")]
    [InlineData("amount_cents", "-99999999999999999999999", "amount_cents min_value Ensure this value is greater than or equal to 1.")]
    [InlineData("amount_cents", "true", "amount_cents invalid A valid integer is required.")]
    [InlineData("discount_amount_cents", "-1", "discount_amount_cents min_value Ensure this value is greater than or equal to 0.")]
    [InlineData("discount_amount_cents", "20001", "discount_amount_cents max_value Ensure this value is less than or equal to 20000.")]
    [InlineData("amount_cents", "1.0", "amount_cents invalid A valid integer is required.")]
    [InlineData("amount_cents", "\"20000\"", "amount_cents invalid A valid integer is required.")]
    [InlineData("discount_amount_cents", "null", "discount_amount_cents null This field may not be null.")]
    [InlineData("invoice_due_date", "\"2021-11-21\"", "invoice_due_date invalid_relation Must be on or after invoice_date.")]
    [InlineData("invoice_date", "\"2021-02-30\"", "invoice_date invalid Date has wrong format. Use one of these formats instead: YYYY-MM-DD.")]
    [InlineData("invoice_number", "\"\"", "invoice_number blank This field may not be blank.")]
    [InlineData("invoice_number", "12346", "invoice_number invalid Not a valid string.")]
    [InlineData("invoice_number", "\"a\\u0000b\"", "invoice_number invalid Null characters are not allowed.")]
    [InlineData("note", "\"\\ud800\"", "note invalid Not a valid string.")]
    [InlineData("currency", "\"us\"", "currency invalid Must be a three-letter lowercase ISO 4217 currency code.")]
    [InlineData("originating_counterparty_id", "42", "originating_counterparty_id invalid Must be a valid UUID.")]
    public async Task A_field_rule_is_reported_with_its_code_and_message(string field, string json, string expected)
    {
        var client = await Factory.ClientAsync();
        var body = Http.Invoice(await client.CreateCounterpartyAsync("A"), await client.CreateCounterpartyAsync("B"));
        body["discount_amount_cents"] = 0;
        body[field] = "__value__";

        var response = await client.PostJsonAsync("/v1/invoices", body.ToJsonString().Replace("\"__value__\"", json, StringComparison.Ordinal));

        var envelope = await response.ShouldBeEnvelopeAsync(HttpStatusCode.BadRequest, "invalid_request");

        envelope.FieldErrors().ShouldBe([expected]);
    }

    [Fact]
    public async Task Length_limits_count_characters_not_bytes()
    {
        var client = await Factory.ClientAsync();
        var (a, b) = (await client.CreateCounterpartyAsync("A"), await client.CreateCounterpartyAsync("B"));
        var body = Http.Invoice(a, b, string.Concat(Enumerable.Repeat("😀", 64)));
        body["note"] = new string('é', 1000);

        var created = await client.PostJsonAsync("/v1/invoices", body);
        var tooLong = Http.Invoice(a, b, string.Concat(Enumerable.Repeat("😀", 65)));
        var refused = await client.PostJsonAsync("/v1/invoices", tooLong);

        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await created.JsonAsync()).GetProperty("invoice_number").GetString().ShouldBe(string.Concat(Enumerable.Repeat("😀", 64)));
        (await refused.ShouldBeEnvelopeAsync(HttpStatusCode.BadRequest, "invalid_request")).FieldErrors()
            .ShouldBe(["invoice_number max_length Ensure this field has no more than 64 characters."]);
    }

    [Fact]
    public async Task The_same_counterparty_on_both_sides_is_an_invalid_relation()
    {
        var client = await Factory.ClientAsync();
        var a = await client.CreateCounterpartyAsync();

        var envelope = await (await client.PostJsonAsync("/v1/invoices", Http.Invoice(a, a))).ShouldBeEnvelopeAsync(HttpStatusCode.BadRequest, "invalid_request");

        envelope.FieldErrors().ShouldBe(["receiving_counterparty_id invalid_relation Must differ from originating_counterparty_id."]);
    }

    [Fact]
    public async Task Counterparties_that_do_not_exist_are_named_by_value()
    {
        var client = await Factory.ClientAsync();
        var (ghostA, ghostB) = (Guid.NewGuid(), Guid.NewGuid());

        var envelope = await (await client.PostJsonAsync("/v1/invoices", Http.Invoice(ghostA, ghostB))).ShouldBeEnvelopeAsync(HttpStatusCode.BadRequest, "invalid_request");

        envelope.FieldErrors().ShouldBe([
            $"originating_counterparty_id does_not_exist Invalid pk \"{ghostA}\" - object does not exist.",
            $"receiving_counterparty_id does_not_exist Invalid pk \"{ghostB}\" - object does not exist.",
        ]);
    }

    [Fact]
    public async Task A_valid_create_is_written_without_a_query_first_and_the_database_holds_the_rules()
    {
        var client = await Factory.ClientAsync();
        var (a, b) = (await client.CreateCounterpartyAsync("A"), await client.CreateCounterpartyAsync("B"));
        var (commands, transactions) = (new ConcurrentQueue<string>(), new ConcurrentQueue<string>());
        (Factory.Faults.Commands, Factory.Faults.Transactions) = (commands, transactions);
        try
        {
            (await client.PostJsonAsync("/v1/invoices", Http.Invoice(a, b))).StatusCode.ShouldBe(HttpStatusCode.Created);
        }
        finally
        {
            (Factory.Faults.Commands, Factory.Faults.Transactions) = (null, null);
        }

        // Only the INSERTs of the invoice (which the foreign keys and the unique index check, docs/decisions/0044), its
        // event and the event's queue row (docs/decisions/0047); the key was found by the request before (cached). A
        // server gets all three in one batch.
        var shown = string.Join("\n---\n", commands);
        commands.ShouldAllBe(c => c.StartsWith("INSERT INTO", StringComparison.OrdinalIgnoreCase), shown);
        commands.Count.ShouldBe(Factory.IsServer ? 1 : 3, shown);
        commands.ShouldContain(c => c.Contains("undispatched_events", StringComparison.Ordinal), shown);

        // The save is the create's unit of work (docs/decisions/0048): on PostgreSQL its one batch is its own transaction,
        // so the POST is one round trip (no BEGIN, no COMMIT); SQLite and SQL Server run a transaction of EF's around it.
        transactions.Count.ShouldBe(Factory.Provider == "Postgres" ? 0 : 1);
    }

    [Fact]
    public async Task A_create_the_database_refuses_leaves_nothing_of_its_save_behind()
    {
        var client = await Factory.ClientAsync();
        var (a, b) = (await client.CreateCounterpartyAsync("A"), await client.CreateCounterpartyAsync("B"));
        var taken = Http.Invoice(a, b);
        (await client.PostJsonAsync("/v1/invoices", taken)).StatusCode.ShouldBe(HttpStatusCode.Created);
        var (events, queued) = await CountEventsAsync();

        // The number is taken: the unique index refuses the invoice's INSERT after the event's ran in the same save
        // (the INSERTs go in table order), so the save's transaction (PostgreSQL: its batch's own) takes the event back.
        var again = Http.Invoice(a, b);
        again["invoice_number"] = taken["invoice_number"]!.DeepClone();
        var commands = new ConcurrentQueue<string>();
        Factory.Faults.Commands = commands;
        try
        {
            var envelope = await (await client.PostJsonAsync("/v1/invoices", again)).ShouldBeEnvelopeAsync(HttpStatusCode.BadRequest, "invalid_request");
            envelope.FieldErrors().ShouldBe(["invoice_number unique invoice with this invoice number already exists."]);
        }
        finally
        {
            Factory.Faults.Commands = null;
        }

        var sent = string.Join("\n", commands).Replace("\"", "", StringComparison.Ordinal); // SQLite quotes its names
        sent.IndexOf("INSERT INTO events", StringComparison.Ordinal).ShouldBeInRange(0, sent.IndexOf("INSERT INTO invoices", StringComparison.Ordinal), sent);

        (await CountEventsAsync()).ShouldBe((events, queued));

        Task<(int Events, int Queued)> CountEventsAsync() => Factory.DbAsync(async db => (
            await db.Events.IgnoreQueryFilters().CountAsync(Cancellation),
            await db.Set<UndispatchedEvent>().CountAsync(Cancellation)));
    }

    [Fact]
    public async Task A_create_the_database_refuses_names_every_field_at_fault_at_once()
    {
        var client = await Factory.ClientAsync();
        var (a, b) = (await client.CreateCounterpartyAsync("A"), await client.CreateCounterpartyAsync("B"));
        var number = Http.UniqueNumber();
        (await client.PostJsonAsync("/v1/invoices", Http.Invoice(a, b, number))).StatusCode.ShouldBe(HttpStatusCode.Created);
        var ghost = Guid.NewGuid();

        // Fields all valid: the database refuses the write on one of its rules, and validation again names both faults.
        var refused = await client.PostJsonAsync("/v1/invoices", Http.Invoice(a, ghost, number));
        // A field also wrong: no write at all, every error at once, those the database would have found among them.
        var alsoInvalid = Http.Invoice(a, ghost, number);
        alsoInvalid["currency"] = "us";
        var invalid = await client.PostJsonAsync("/v1/invoices", alsoInvalid);

        string[] storeErrors = [
            $"receiving_counterparty_id does_not_exist Invalid pk \"{ghost}\" - object does not exist.",
            "invoice_number unique invoice with this invoice number already exists.",
        ];
        (await refused.ShouldBeEnvelopeAsync(HttpStatusCode.BadRequest, "invalid_request")).FieldErrors().ShouldBe(storeErrors, ignoreOrder: true);
        (await invalid.ShouldBeEnvelopeAsync(HttpStatusCode.BadRequest, "invalid_request")).FieldErrors()
            .ShouldBe([.. storeErrors, "currency invalid Must be a three-letter lowercase ISO 4217 currency code."], ignoreOrder: true);
        (await Factory.DbAsync(db => Task.FromResult(db.Invoices.IgnoreQueryFilters().Count(i => i.InvoiceNumber == number)))).ShouldBe(1);
    }

    [Fact]
    public async Task An_invoice_number_is_unique_per_originating_counterparty_and_nothing_is_stored_twice()
    {
        var client = await Factory.ClientAsync();
        var (a, b, c) = (await client.CreateCounterpartyAsync("A"), await client.CreateCounterpartyAsync("B"), await client.CreateCounterpartyAsync("C"));
        var number = Http.UniqueNumber();
        (await client.PostJsonAsync("/v1/invoices", Http.Invoice(a, b, number))).StatusCode.ShouldBe(HttpStatusCode.Created);

        var again = await client.PostJsonAsync("/v1/invoices", Http.Invoice(a, c, number));
        var otherOriginator = await client.PostJsonAsync("/v1/invoices", Http.Invoice(b, a, number));

        (await again.ShouldBeEnvelopeAsync(HttpStatusCode.BadRequest, "invalid_request")).FieldErrors()
            .ShouldBe(["invoice_number unique invoice with this invoice number already exists."]);
        otherOriginator.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await Factory.DbAsync(db => Task.FromResult(db.Invoices.IgnoreQueryFilters().Count(i => i.InvoiceNumber == number)))).ShouldBe(2);
    }
}

public sealed class InvoiceTestsOnSqlite(SqliteApi api) : InvoiceTests(api), IClassFixture<SqliteApi>;

public sealed class InvoiceTestsOnPostgres(PostgresApi api) : InvoiceTests(api), IClassFixture<PostgresApi>;

public sealed class InvoiceTestsOnSqlServer(SqlServerApi api) : InvoiceTests(api), IClassFixture<SqlServerApi>;
