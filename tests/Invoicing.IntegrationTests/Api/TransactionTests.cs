using System.Net;
using System.Text.Json.Nodes;
using Invoicing.IntegrationTests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace Invoicing.IntegrationTests.Api;

/// <summary>A 500 leaves nothing behind (§3), and a race on an invoice number is a field error, never a 500.</summary>
public abstract class TransactionTests(IApiFixture api) : ApiTests(api)
{
    [Fact]
    public async Task A_failure_after_the_rows_were_added_stores_none_of_them_and_says_nothing_about_itself()
    {
        var client = await Factory.ClientAsync();
        var (a, b) = (await client.CreateCounterpartyAsync("A"), await client.CreateCounterpartyAsync("B"));
        var items = Enumerable.Range(0, 20).Select(_ => (JsonNode)Http.Invoice(a, b)).ToArray();

        HttpResponseMessage response;
        Factory.Faults.FailAfterHandler = true;
        try
        {
            response = await client.PostJsonAsync("/v1/invoices/batch", new JsonArray(items));
        }
        finally
        {
            Factory.Faults.FailAfterHandler = false;
        }

        var envelope = await response.ShouldBeEnvelopeAsync(HttpStatusCode.InternalServerError, "internal_error");
        envelope.GetProperty("errors").GetArrayLength().ShouldBe(0);
        var raw = envelope.GetRawText();
        raw.ShouldNotContain("injected");
        raw.ShouldNotContain("sk_test");
        raw.ShouldNotContain("Exception");
        var numbers = items.Select(i => (string)i["invoice_number"]!).ToArray();
        (await Factory.DbAsync(db => db.Invoices.IgnoreQueryFilters().CountAsync(i => numbers.Contains(i.InvoiceNumber)))).ShouldBe(0);
        var requestId = response.Headers.GetValues("Request-Id").Single();
        Factory.Logs.Records.ShouldContain(r => r.Level == Microsoft.Extensions.Logging.LogLevel.Error
            && r.Exception != null && r.Exception.Message == FaultBehaviour<object, object>.SecretMessage && r.Message.Contains(requestId));
    }

    [Fact]
    public async Task Two_concurrent_creates_of_one_number_give_one_invoice_and_one_unique_error()
    {
        var client = await Factory.ClientAsync();
        var (a, b) = (await client.CreateCounterpartyAsync("A"), await client.CreateCounterpartyAsync("B"));
        var number = Http.UniqueNumber();

        // On the servers both requests pass validation before either handler runs, so the unique index
        // decides. SQLite serialises writing transactions (BEGIN IMMEDIATE), so there they cannot meet.
        using var barrier = new Barrier(2);
        Factory.Faults.BeforeHandler = Factory.IsServer ? barrier : null;
        HttpResponseMessage[] responses;
        try
        {
            responses = await Task.WhenAll(
                client.PostJsonAsync("/v1/invoices", Http.Invoice(a, b, number)),
                client.PostJsonAsync("/v1/invoices", Http.Invoice(a, b, number)));
        }
        finally
        {
            Factory.Faults.BeforeHandler = null;
        }

        responses.Select(r => r.StatusCode).ShouldBe([HttpStatusCode.Created, HttpStatusCode.BadRequest], ignoreOrder: true);
        var refused = responses.Single(r => r.StatusCode == HttpStatusCode.BadRequest);
        (await refused.ShouldBeEnvelopeAsync(HttpStatusCode.BadRequest, "invalid_request")).FieldErrors()
            .ShouldBe(["invoice_number unique invoice with this invoice number already exists."]);
        (await Factory.DbAsync(db => db.Invoices.IgnoreQueryFilters().CountAsync(i => i.InvoiceNumber == number))).ShouldBe(1);
    }
}

public sealed class TransactionTestsOnSqlite(SqliteApi api) : TransactionTests(api), IClassFixture<SqliteApi>;

public sealed class TransactionTestsOnPostgres(PostgresApi api) : TransactionTests(api), IClassFixture<PostgresApi>;

public sealed class TransactionTestsOnSqlServer(SqlServerApi api) : TransactionTests(api), IClassFixture<SqlServerApi>;
