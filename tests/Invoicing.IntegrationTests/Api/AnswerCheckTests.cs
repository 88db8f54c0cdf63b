using System.Net;
using System.Text;
using Invoicing.IntegrationTests.Fixtures;

namespace Invoicing.IntegrationTests.Api;

/// <summary>
/// The check every answer of this suite passes through (<see cref="AnswerValidatingHandler"/>, docs/decisions/0035):
/// it lets the service's real answers through and refuses answers its document does not describe, saying which
/// operation, which status and what does not fit.
/// </summary>
public sealed class AnswerCheckTests(SqliteApi api) : ApiTests(api), IClassFixture<SqliteApi>
{
    [Fact]
    public async Task Real_answers_pass_through_the_clients_the_factory_makes()
    {
        var client = await Factory.ClientAsync();

        var counterparty = await client.CreateCounterpartyAsync();
        var missing = await client.GetAsync($"/v1/counterparties/{Guid.NewGuid()}", Cancellation);
        var unknown = await client.GetAsync("/v1/nothing_here", Cancellation);
        var health = await client.GetAsync("/health/live", Cancellation);

        counterparty.ShouldNotBe(Guid.Empty);
        missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        health.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_answer_the_document_does_not_describe_is_refused_with_the_operation_the_status_and_the_schemas_errors()
    {
        var document = await DocumentAsync();
        var id = Guid.NewGuid();
        var invoice = $$"""
            {"object":"invoice","id":"{{id}}","environment":"test","status":"open","amount_cents":1,"discount_amount_cents":0,
             "amount_due_cents":1,"currency":"usd","invoice_date":"2026-01-01","invoice_due_date":"2026-01-02","invoice_number":"A",
             "note":null,"originating_counterparty_id":"{{id}}","receiving_counterparty_id":"{{id}}","metadata":{},"created_at":"2026-01-01T00:00:00Z",
             "updated_at":"2026-01-01T00:00:00Z","paid_at":null,"voided_at":null}
            """;

        (await CheckAsync(document, HttpMethod.Post, "/v1/invoices", 201, invoice)).ShouldBeNull();
        var wrong = await CheckAsync(document, HttpMethod.Post, "/v1/invoices", 201,
            invoice.Replace("\"object\":\"invoice\"", "\"object\":\"list\"", StringComparison.Ordinal)
                .Replace("\"paid_at\":null", "\"paid_at\":5,\"surprise\":1", StringComparison.Ordinal));
        wrong.ShouldNotBeNull();
        wrong.ShouldContain("CreateInvoice (POST /v1/invoices) answered 201");
        wrong.ShouldContain("/object");
        wrong.ShouldContain("/paid_at");
        wrong.ShouldContain("/surprise");

        (await CheckAsync(document, HttpMethod.Get, $"/v1/invoices/{id}", 418, "{}"))!.ShouldContain("a status its document does not list");
        (await CheckAsync(document, HttpMethod.Get, $"/v1/invoices/{id}", 404, """{"code":"invoice_not_found","detail":"x","errors":[]}""")).ShouldBeNull();
        (await CheckAsync(document, HttpMethod.Get, $"/v1/invoices/{id}", 404, """{"code":"counterparty_not_found","detail":"x","errors":[]}"""))!
            .ShouldContain("/code");
        (await CheckAsync(document, HttpMethod.Get, "/v1/nothing_here", 404, """{"message":"not found"}"""))!.ShouldContain("GET /v1/nothing_here answered 404");
        (await CheckAsync(document, HttpMethod.Get, "/v1/nothing_here", 200, "{}"))!.ShouldContain("no operation of the document answers");
        (await CheckAsync(document, HttpMethod.Get, $"/v1/invoices/{id}", 200, "<html/>", "text/html"))!.ShouldContain("Content-Type text/html");
        (await CheckAsync(document, HttpMethod.Head, "/v1/invoices", 405, "{}"))!.ShouldContain("with a body");
        (await CheckAsync(document, HttpMethod.Get, "/health/ready", 200, "anything", "text/plain")).ShouldBeNull();
    }

    private async Task<ServedDocument> DocumentAsync()
    {
        // The test server's own client, past the answer check: the factory's clients check every answer against the
        // document, so fetching it through one of them, when this test is the run's first to load it, waited for itself.
        var client = Factory.Server.CreateClient();
        return await ServedDocument.LoadAsync(() => client.GetStringAsync("/openapi/v1.json", Cancellation), Cancellation);
    }

    private static async Task<string?> CheckAsync(ServedDocument document, HttpMethod method, string path, int status, string body, string mediaType = "application/json")
    {
        using var request = new HttpRequestMessage(method, new Uri(new Uri("http://localhost"), path));
        using var response = new HttpResponseMessage((HttpStatusCode)status) { Content = new StringContent(body, Encoding.UTF8, mediaType) };
        return await document.CheckAsync(request, response, Cancellation);
    }
}
