using System.Net;
using System.Text.Json.Nodes;
using Invoicing.Domain.Common;
using Invoicing.Domain.Invoices;
using Invoicing.IntegrationTests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace Invoicing.IntegrationTests.Api;

/// <summary>Lists (§6), invoice filters (§5.2) and their query-parameter errors.</summary>
public abstract class ListTests(IApiFixture api) : ApiTests(api)
{
    public static TheoryData<int, string> Walks()
    {
        var data = new TheoryData<int, string>();
        foreach (var limit in new[] { 1, 3, 100 })
        {
            foreach (var filter in new[] { "none", "status", "originating", "receiving", "dates", "combined" })
            {
                data.Add(limit, filter);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Walks))]
    public async Task Walking_forwards_and_backwards_visits_every_invoice_once_newest_first(int limit, string filter)
    {
        var client = await Factory.ClientAsync(ApiEnvironment.Live);
        var seeded = await SeedAsync(client);
        var (query, matches) = Filter(filter, seeded);

        var forwards = await WalkAsync(client, "/v1/invoices", query, limit, "starting_after");

        // The oracle: every live invoice in the database that matches, newest (greatest UUIDv7) first.
        var stored = await Factory.DbAsync(db => db.Invoices.IgnoreQueryFilters().Where(i => i.Environment == ApiEnvironment.Live).ToListAsync());
        var expected = stored.Where(matches).OrderByDescending(i => i.Id).Select(i => i.Id).ToList();
        expected.Count.ShouldBeGreaterThan(0);
        forwards.ShouldBe(expected);

        // This test's own invoices, created one after another (a batch, then singles), come newest first.
        var mine = seeded.Created.Where(id => expected.Contains(id)).ToList();
        forwards.Where(mine.Contains).ShouldBe(Enumerable.Reverse(mine));

        // Backwards from the oldest item: every other item, once, in the same order.
        var backwards = await WalkAsync(client, "/v1/invoices", query + $"&ending_before={forwards[^1]}", limit, "ending_before");
        backwards.ShouldBe(forwards[..^1]);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(100)]
    public async Task Walking_the_counterparties_visits_each_once_newest_first(int limit)
    {
        var client = await Factory.ClientAsync(ApiEnvironment.Live);
        var mine = new List<Guid>();
        for (var i = 0; i < 4; i++)
        {
            mine.Add(await client.CreateCounterpartyAsync($"C{i}"));
        }

        var forwards = await WalkAsync(client, "/v1/counterparties", string.Empty, limit, "starting_after");

        var expected = (await Factory.DbAsync(db => db.Counterparties.IgnoreQueryFilters().Where(c => c.Environment == ApiEnvironment.Live).Select(c => c.Id).ToListAsync()))
            .OrderDescending().ToList();
        forwards.ShouldBe(expected);
        forwards.Where(mine.Contains).ShouldBe(Enumerable.Reverse(mine));
        var backwards = await WalkAsync(client, "/v1/counterparties", $"&ending_before={forwards[^1]}", limit, "ending_before");
        backwards.ShouldBe(forwards[..^1]);
    }

    [Fact]
    public async Task A_list_is_an_object_of_ten_items_by_default_with_has_more()
    {
        var client = await Factory.ClientAsync();
        var (a, b) = (await client.CreateCounterpartyAsync("A"), await client.CreateCounterpartyAsync("B"));
        var batch = new JsonArray(Enumerable.Range(0, 11).Select(_ => (JsonNode)Http.Invoice(a, b)).ToArray());
        (await client.PostJsonAsync("/v1/invoices/batch", batch)).StatusCode.ShouldBe(HttpStatusCode.Created);

        var response = await client.GetAsync($"/v1/invoices?originating_counterparty_id={a}", Cancellation);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var list = await response.JsonAsync();
        list.EnumerateObject().Select(p => p.Name).ShouldBe(["object", "data", "has_more"]);
        list.GetProperty("object").GetString().ShouldBe("list");
        list.GetProperty("data").GetArrayLength().ShouldBe(10);
        list.GetProperty("has_more").GetBoolean().ShouldBeTrue();
        list.GetProperty("data")[0].GetProperty("object").GetString().ShouldBe("invoice");
        var counterparties = await (await client.GetAsync("/v1/counterparties?limit=1", Cancellation)).JsonAsync();
        counterparties.GetProperty("data")[0].GetProperty("id").GetGuid().ShouldBe(b);
    }

    [Theory]
    [InlineData(ApiEnvironment.Live, ApiEnvironment.Test)]
    [InlineData(ApiEnvironment.Test, ApiEnvironment.Live)]
    public async Task Lists_never_show_the_other_environment_and_its_cursors_do_not_exist(ApiEnvironment owner, ApiEnvironment other)
    {
        var owning = await Factory.ClientAsync(owner);
        var foreign = await Factory.ClientAsync(other);
        var (a, b) = (await owning.CreateCounterpartyAsync("A"), await owning.CreateCounterpartyAsync("B"));
        var invoice = (await (await owning.PostJsonAsync("/v1/invoices", Http.Invoice(a, b))).JsonAsync()).GetProperty("id").GetGuid();

        var invoices = await WalkAsync(foreign, "/v1/invoices", string.Empty, 100, "starting_after");
        var counterparties = await WalkAsync(foreign, "/v1/counterparties", string.Empty, 100, "starting_after");
        var filtered = await (await foreign.GetAsync($"/v1/invoices?originating_counterparty_id={a}", Cancellation)).JsonAsync();

        invoices.ShouldNotContain(invoice);
        counterparties.ShouldNotContain(a);
        counterparties.ShouldNotContain(b);
        filtered.GetProperty("data").GetArrayLength().ShouldBe(0);
        (await WalkAsync(owning, "/v1/invoices", string.Empty, 100, "starting_after")).ShouldContain(invoice);
        foreach (var (path, id) in new[] { ("/v1/invoices", invoice), ("/v1/counterparties", a) })
        {
            foreach (var cursor in new[] { "starting_after", "ending_before" })
            {
                var envelope = await (await foreign.GetAsync($"{path}?{cursor}={id}", Cancellation)).ShouldBeEnvelopeAsync(HttpStatusCode.BadRequest, "invalid_request");
                envelope.FieldErrors().ShouldBe([$"{cursor} does_not_exist Invalid pk \"{id}\" - object does not exist."]);
            }
        }
    }

    [Theory]
    [InlineData("limit=0", "limit min_value Ensure this value is greater than or equal to 1.")]
    [InlineData("limit=101", "limit max_value Ensure this value is less than or equal to 100.")]
    [InlineData("limit=-5", "limit min_value Ensure this value is greater than or equal to 1.")]
    [InlineData("limit=99999999999999999999999", "limit max_value Ensure this value is less than or equal to 100.")]
    [InlineData("limit=abc", "limit invalid A valid integer is required.")]
    [InlineData("limit=1.5", "limit invalid A valid integer is required.")]
    [InlineData("limit=", "limit invalid A valid integer is required.")]
    [InlineData("limit=1&limit=2", "limit invalid This parameter may be given only once.")]
    [InlineData("status=draft", "status invalid Must be one of: open, paid, void.")]
    [InlineData("status=OPEN", "status invalid Must be one of: open, paid, void.")]
    [InlineData("invoice_date[gte]=2021-13-01", "invoice_date[gte] invalid Date has wrong format. Use one of these formats instead: YYYY-MM-DD.")]
    [InlineData("invoice_date%5Blte%5D=22.11.2021", "invoice_date[lte] invalid Date has wrong format. Use one of these formats instead: YYYY-MM-DD.")]
    [InlineData("originating_counterparty_id=42", "originating_counterparty_id invalid Must be a valid UUID.")]
    [InlineData("receiving_counterparty_id=", "receiving_counterparty_id invalid Must be a valid UUID.")]
    [InlineData("starting_after=abc", "starting_after invalid Must be a valid UUID.")]
    [InlineData("ending_before=019aa8f2-0000-7000-8000-00000000000", "ending_before invalid Must be a valid UUID.")]
    [InlineData("starting_after=019aa8f2-0000-7000-8000-000000000001", "starting_after does_not_exist Invalid pk \"019aa8f2-0000-7000-8000-000000000001\" - object does not exist.")]
    [InlineData("ending_before=019aa8f2-0000-7000-8000-000000000001", "ending_before does_not_exist Invalid pk \"019aa8f2-0000-7000-8000-000000000001\" - object does not exist.")]
    public async Task A_bad_invoice_list_parameter_is_a_field_error_named_as_the_parameter(string query, string error)
    {
        var client = await Factory.ClientAsync();

        var response = await client.GetAsync($"/v1/invoices?{query}", Cancellation);

        (await response.ShouldBeEnvelopeAsync(HttpStatusCode.BadRequest, "invalid_request")).FieldErrors().ShouldBe([error]);
    }

    [Fact]
    public async Task Every_bad_parameter_is_reported_at_once_and_both_cursors_are_refused()
    {
        var client = await Factory.ClientAsync();
        var (a, b) = (await client.CreateCounterpartyAsync("A"), await client.CreateCounterpartyAsync("B"));

        var response = await client.GetAsync($"/v1/invoices?limit=0&status=draft&invoice_date[gte]=x&starting_after={a}&ending_before={b}", Cancellation);
        var counterparties = await client.GetAsync($"/v1/counterparties?limit=200&starting_after={a}&ending_before={b}", Cancellation);

        (await response.ShouldBeEnvelopeAsync(HttpStatusCode.BadRequest, "invalid_request")).FieldErrors().ShouldBe([
            "limit min_value Ensure this value is greater than or equal to 1.",
            $"starting_after does_not_exist Invalid pk \"{a}\" - object does not exist.",
            "ending_before invalid Only one of starting_after and ending_before may be given.",
            "status invalid Must be one of: open, paid, void.",
            "invoice_date[gte] invalid Date has wrong format. Use one of these formats instead: YYYY-MM-DD.",
        ]);
        (await counterparties.ShouldBeEnvelopeAsync(HttpStatusCode.BadRequest, "invalid_request")).FieldErrors().ShouldBe([
            "limit max_value Ensure this value is less than or equal to 100.",
            "ending_before invalid Only one of starting_after and ending_before may be given.",
        ]);
    }

    [Fact]
    public async Task A_filter_on_an_unknown_counterparty_or_an_empty_date_range_is_an_empty_list()
    {
        var client = await Factory.ClientAsync();

        foreach (var query in new[] { $"receiving_counterparty_id={Guid.CreateVersion7()}", "invoice_date[gte]=2030-01-02&invoice_date[lte]=2030-01-01" })
        {
            var list = await (await client.GetAsync($"/v1/invoices?{query}", Cancellation)).JsonAsync();
            list.GetProperty("data").GetArrayLength().ShouldBe(0);
            list.GetProperty("has_more").GetBoolean().ShouldBeFalse();
        }
    }

    [Fact]
    public async Task An_invoice_is_found_by_its_exact_number_in_its_own_environment_only()
    {
        var client = await Factory.ClientAsync();
        var live = await Factory.ClientAsync(ApiEnvironment.Live);
        var (a, b, c) = (await client.CreateCounterpartyAsync("A"), await client.CreateCounterpartyAsync("B"), await client.CreateCounterpartyAsync("C"));
        var number = $"LOOKUP-{Guid.NewGuid():N}";
        var first = (await (await client.PostJsonAsync("/v1/invoices", Http.Invoice(a, b, number))).JsonAsync()).GetProperty("id").GetGuid();
        var second = (await (await client.PostJsonAsync("/v1/invoices", Http.Invoice(c, b, number))).JsonAsync()).GetProperty("id").GetGuid();
        (await client.PostJsonAsync("/v1/invoices", Http.Invoice(a, b, number + "x"))).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await client.PostJsonAsync("/v1/invoices", Http.Invoice(a, b, number.ToLowerInvariant()))).StatusCode.ShouldBe(HttpStatusCode.Created);

        var found = await (await client.GetAsync($"/v1/invoices?invoice_number={number}", Cancellation)).JsonAsync();
        var fromA = await (await client.GetAsync($"/v1/invoices?invoice_number={number}&originating_counterparty_id={a}", Cancellation)).JsonAsync();
        var fromLive = await (await live.GetAsync($"/v1/invoices?invoice_number={number}", Cancellation)).JsonAsync();

        found.GetProperty("data").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ShouldBe([second, first]);
        fromA.GetProperty("data").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ShouldBe([first]);
        fromLive.GetProperty("data").GetArrayLength().ShouldBe(0);
    }

    /// <summary>Follows the cursor page by page until <c>has_more</c> is false; returns the ids in list order.</summary>
    internal static async Task<List<Guid>> WalkAsync(HttpClient client, string path, string query, int limit, string direction)
    {
        var ids = new List<Guid>();
        var url = $"{path}?limit={limit}{query}";
        for (var pages = 0; pages < 1000; pages++)
        {
            var response = await client.GetAsync(url, Cancellation);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Cancellation));
            var page = await response.JsonAsync();
            var data = page.GetProperty("data").EnumerateArray().Select(e => e.GetProperty("id").GetGuid()).ToList();
            data.Count.ShouldBeLessThanOrEqualTo(limit);
            var hasMore = page.GetProperty("has_more").GetBoolean();
            if (hasMore)
            {
                data.Count.ShouldBe(limit);
            }

            if (direction == "starting_after")
            {
                ids.AddRange(data);
            }
            else
            {
                ids.InsertRange(0, data);
            }

            if (!hasMore)
            {
                return ids;
            }

            var cursor = direction == "starting_after" ? data[^1] : data[0];
            url = $"{path}?limit={limit}{RemoveCursor(query)}&{direction}={cursor}";
        }

        throw new InvalidOperationException("The walk did not end.");
    }

    private static string RemoveCursor(string query) =>
        string.Join('&', query.Split('&').Where(p => !p.StartsWith("ending_before=", StringComparison.Ordinal) && !p.StartsWith("starting_after=", StringComparison.Ordinal)));

    private static (string Query, Func<Invoice, bool> Matches) Filter(string filter, Seeded s) => filter switch
    {
        "none" => (string.Empty, _ => true),
        "status" => ("&status=paid", i => i.Status == InvoiceStatus.Paid),
        "originating" => ($"&originating_counterparty_id={s.A}", i => i.OriginatingCounterpartyId == s.A),
        "receiving" => ($"&receiving_counterparty_id={s.C}", i => i.ReceivingCounterpartyId == s.C),
        "dates" => ("&invoice_date[gte]=2021-03-01&invoice_date[lte]=2021-06-30", i => i.InvoiceDate >= new DateOnly(2021, 3, 1) && i.InvoiceDate <= new DateOnly(2021, 6, 30)),
        "combined" => (
            $"&status=open&originating_counterparty_id={s.A}&invoice_date[gte]=2021-02-01",
            i => i.Status == InvoiceStatus.Open && i.OriginatingCounterpartyId == s.A && i.InvoiceDate >= new DateOnly(2021, 2, 1)),
        _ => throw new ArgumentOutOfRangeException(nameof(filter)),
    };

    /// <summary>Twelve invoices between three counterparties: a batch of nine (one millisecond), then three singles; some paid, some void.</summary>
    private async Task<Seeded> SeedAsync(HttpClient client)
    {
        var (a, b, c) = (await client.CreateCounterpartyAsync("A"), await client.CreateCounterpartyAsync("B"), await client.CreateCounterpartyAsync("C"));
        JsonObject Body(int n)
        {
            var originating = n % 3 == 0 ? b : a;
            var receiving = n % 2 == 0 || originating == b ? c : b;
            var body = Http.Invoice(originating, receiving);
            body["invoice_date"] = new DateOnly(2021, 1 + n % 8, 10).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            body["invoice_due_date"] = "2021-12-31";
            return body;
        }

        var created = new List<Guid>();
        var batch = await client.PostJsonAsync("/v1/invoices/batch", new JsonArray(Enumerable.Range(0, 9).Select(n => (JsonNode)Body(n)).ToArray()));
        batch.StatusCode.ShouldBe(HttpStatusCode.Created);
        created.AddRange((await batch.JsonAsync()).EnumerateArray().Select(i => i.GetProperty("id").GetGuid()));
        for (var n = 9; n < 12; n++)
        {
            var single = await client.PostJsonAsync("/v1/invoices", Body(n));
            single.StatusCode.ShouldBe(HttpStatusCode.Created);
            created.Add((await single.JsonAsync()).GetProperty("id").GetGuid());
        }

        for (var n = 0; n < created.Count; n++)
        {
            var action = (n % 4) switch { 1 => "pay", 2 => "void", _ => null };
            if (action is not null)
            {
                (await client.PostAsync($"/v1/invoices/{created[n]}/{action}", null, Cancellation)).StatusCode.ShouldBe(HttpStatusCode.OK);
            }
        }

        return new Seeded(a, b, c, created);
    }

    private sealed record Seeded(Guid A, Guid B, Guid C, List<Guid> Created);
}

public sealed class ListTestsOnSqlite(SqliteApi api) : ListTests(api), IClassFixture<SqliteApi>;

public sealed class ListTestsOnPostgres(PostgresApi api) : ListTests(api), IClassFixture<PostgresApi>;

public sealed class ListTestsOnSqlServer(SqlServerApi api) : ListTests(api), IClassFixture<SqlServerApi>;
