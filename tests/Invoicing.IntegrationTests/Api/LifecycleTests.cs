using System.Net;
using System.Text.Json;
using Invoicing.Domain.Common;
using Invoicing.IntegrationTests.Fixtures;

namespace Invoicing.IntegrationTests.Api;

/// <summary>Pay and void (§5.2): only an open invoice moves; every other transition is 409 and changes nothing.</summary>
public abstract class LifecycleTests(IApiFixture api) : ApiTests(api)
{
    [Theory]
    [InlineData("pay", "paid", "paid_at", "voided_at")]
    [InlineData("void", "void", "voided_at", "paid_at")]
    public async Task An_open_invoice_moves_and_records_when(string action, string status, string stamped, string untouched)
    {
        var client = await Factory.ClientAsync();
        var created = await CreateInvoiceAsync(client);
        var id = created.GetProperty("id").GetString();

        var response = await client.PostAsync($"/v1/invoices/{id}/{action}", null, Cancellation);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var moved = await response.JsonAsync();
        moved.GetProperty("status").GetString().ShouldBe(status);
        var at = moved.GetProperty(stamped).GetString()!;
        at.ShouldMatch(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$");
        moved.GetProperty("updated_at").GetString().ShouldBe(at);
        moved.GetProperty(untouched).ValueKind.ShouldBe(JsonValueKind.Null);
        moved.GetProperty("created_at").GetString().ShouldBe(created.GetProperty("created_at").GetString());
        (await (await client.GetAsync($"/v1/invoices/{id}", Cancellation)).Content.ReadAsStringAsync(Cancellation)).ShouldBe(moved.GetRawText());
    }

    [Theory]
    [InlineData("pay", "void", "The invoice is paid; only an open invoice can become void.")]
    [InlineData("void", "pay", "The invoice is void; only an open invoice can become paid.")]
    [InlineData("pay", "pay", "The invoice is paid; only an open invoice can become paid.")]
    [InlineData("void", "void", "The invoice is void; only an open invoice can become void.")]
    public async Task A_paid_or_void_invoice_never_moves_again(string first, string second, string detail)
    {
        var client = await Factory.ClientAsync();
        var id = (await CreateInvoiceAsync(client)).GetProperty("id").GetString();
        (await client.PostAsync($"/v1/invoices/{id}/{first}", null, Cancellation)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var before = await (await client.GetAsync($"/v1/invoices/{id}", Cancellation)).Content.ReadAsStringAsync(Cancellation);

        var response = await client.PostAsync($"/v1/invoices/{id}/{second}", null, Cancellation);

        var envelope = await response.ShouldBeEnvelopeAsync(HttpStatusCode.Conflict, "invoice_state_conflict");
        envelope.GetProperty("detail").GetString().ShouldBe(detail);
        envelope.GetProperty("errors").GetArrayLength().ShouldBe(0);
        (await (await client.GetAsync($"/v1/invoices/{id}", Cancellation)).Content.ReadAsStringAsync(Cancellation)).ShouldBe(before);
    }

    [Theory]
    [InlineData("pay")]
    [InlineData("void")]
    public async Task An_unknown_foreign_or_malformed_id_is_not_found(string action)
    {
        var owner = await Factory.ClientAsync(ApiEnvironment.Live);
        var foreignId = (await CreateInvoiceAsync(owner)).GetProperty("id").GetString();
        var client = await Factory.ClientAsync(ApiEnvironment.Test);

        foreach (var id in new[] { foreignId, Guid.CreateVersion7().ToString(), "not-a-uuid" })
        {
            await (await client.PostAsync($"/v1/invoices/{id}/{action}", null, Cancellation)).ShouldBeEnvelopeAsync(HttpStatusCode.NotFound, "invoice_not_found");
        }

        (await (await owner.GetAsync($"/v1/invoices/{foreignId}", Cancellation)).JsonAsync()).GetProperty("status").GetString().ShouldBe("open");
    }

    [Theory]
    [InlineData("pay", "void")]
    [InlineData("pay", "pay")]
    [InlineData("void", "void")]
    public async Task Of_two_concurrent_transitions_exactly_one_wins_and_the_other_is_a_conflict(string first, string second)
    {
        var client = await Factory.ClientAsync();
        for (var round = 0; round < 5; round++)
        {
            var id = (await CreateInvoiceAsync(client)).GetProperty("id").GetString();

            // On the servers both requests are held before their handlers, inside their transactions, until both have
            // arrived: then they race for the invoice's row lock, and the second reads the first one's result. SQLite
            // serialises writing transactions (BEGIN IMMEDIATE): there too the second request reads the first one's result.
            var gate = Factory.IsServer ? new CommandGate() : null;
            Factory.Faults.HoldCommands = gate;
            HttpResponseMessage[] responses;
            try
            {
                var sent = new[] { first, second }.Select(action => Task.Run(() => client.PostAsync($"/v1/invoices/{id}/{action}", null, Cancellation), Cancellation)).ToArray();
                if (gate is not null)
                {
                    for (var waited = 0; gate.Waiting < 2; waited += 10)
                    {
                        waited.ShouldBeLessThan(9_000, $"{gate.Waiting} of 2 transitions reached the gate");
                        await Task.Delay(10, Cancellation);
                    }

                    gate.Open();
                }

                responses = await Task.WhenAll(sent);
            }
            finally
            {
                Factory.Faults.HoldCommands = null;
            }

            responses.Select(r => r.StatusCode).ShouldBe([HttpStatusCode.OK, HttpStatusCode.Conflict], ignoreOrder: true);
            var winner = responses.Single(r => r.StatusCode == HttpStatusCode.OK);
            await responses.Single(r => r.StatusCode == HttpStatusCode.Conflict).ShouldBeEnvelopeAsync(HttpStatusCode.Conflict, "invoice_state_conflict");
            var stored = await (await client.GetAsync($"/v1/invoices/{id}", Cancellation)).JsonAsync();
            stored.GetProperty("status").GetString().ShouldBe((await winner.JsonAsync()).GetProperty("status").GetString());
            var stamps = new[] { "paid_at", "voided_at" }.Count(p => stored.GetProperty(p).ValueKind != JsonValueKind.Null);
            stamps.ShouldBe(1);

            // The loser's save was rolled back with its event: exactly one transition event exists (§9).
            var events = await (await client.GetAsync("/v1/events?limit=10", Cancellation)).JsonAsync();
            events.GetProperty("data").EnumerateArray()
                .Where(e => e.GetProperty("data").GetProperty("object").GetProperty("id").GetString() == id)
                .Select(e => e.GetProperty("type").GetString())
                .ShouldBe(["invoice." + (stored.GetProperty("status").GetString() == "paid" ? "paid" : "voided"), "invoice.created"]);
        }
    }

    private static async Task<JsonElement> CreateInvoiceAsync(HttpClient client)
    {
        var (a, b) = (await client.CreateCounterpartyAsync("A"), await client.CreateCounterpartyAsync("B"));
        var response = await client.PostJsonAsync("/v1/invoices", Http.Invoice(a, b));
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        return await response.JsonAsync();
    }
}

public sealed class LifecycleTestsOnSqlite(SqliteApi api) : LifecycleTests(api), IClassFixture<SqliteApi>;

public sealed class LifecycleTestsOnPostgres(PostgresApi api) : LifecycleTests(api), IClassFixture<PostgresApi>;

public sealed class LifecycleTestsOnSqlServer(SqlServerApi api) : LifecycleTests(api), IClassFixture<SqlServerApi>;
