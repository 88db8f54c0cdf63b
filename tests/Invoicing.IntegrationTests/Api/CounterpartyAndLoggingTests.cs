using System.Net;
using System.Text.Json.Nodes;
using Invoicing.IntegrationTests.Fixtures;

namespace Invoicing.IntegrationTests.Api;

/// <summary>Counterparties (§4) and the one request log line.</summary>
public abstract class CounterpartyAndLoggingTests(IApiFixture api) : ApiTests(api)
{
    [Fact]
    public async Task A_counterparty_is_created_and_read_back()
    {
        var client = await Factory.ClientAsync();

        var created = await client.PostJsonAsync("/v1/counterparties", new JsonObject { ["name"] = "Acme Tires", ["email"] = "billing@acme.test" });

        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var body = await created.JsonAsync();
        body.EnumerateObject().Select(p => p.Name).ShouldBe(["object", "id", "environment", "name", "email", "metadata", "created_at"]);
        body.GetProperty("object").GetString().ShouldBe("counterparty");
        body.GetProperty("email").GetString().ShouldBe("billing@acme.test");
        created.Headers.Location!.ToString().ShouldBe($"/v1/counterparties/{body.GetProperty("id").GetString()}");
        (await (await client.GetAsync(created.Headers.Location)).Content.ReadAsStringAsync()).ShouldBe(body.GetRawText());
    }

    [Fact]
    public async Task Counterparty_fields_are_validated_all_at_once()
    {
        var client = await Factory.ClientAsync();

        var blank = await client.PostJsonAsync("/v1/counterparties", new JsonObject { ["name"] = " ", ["email"] = "not-an-address" });
        var typed = await client.PostJsonAsync("/v1/counterparties", new JsonObject { ["name"] = new string('n', 201), ["email"] = 7 });
        var missing = await client.PostJsonAsync("/v1/counterparties", new JsonObject { ["email"] = null });

        (await blank.ShouldBeEnvelopeAsync(HttpStatusCode.BadRequest, "invalid_request")).FieldErrors().ShouldBe([
            "name blank This field may not be blank.",
            "email invalid Enter a valid email address.",
        ]);
        (await typed.ShouldBeEnvelopeAsync(HttpStatusCode.BadRequest, "invalid_request")).FieldErrors().ShouldBe([
            "name max_length Ensure this field has no more than 200 characters.",
            "email invalid Not a valid string.",
        ]);
        (await missing.ShouldBeEnvelopeAsync(HttpStatusCode.BadRequest, "invalid_request")).FieldErrors().ShouldBe(["name required This field is required."]);
    }

    [Fact]
    public async Task Each_request_is_logged_once_with_its_facts_and_never_with_the_key()
    {
        var key = await Factory.CreateKeyAsync(Domain.Common.ApiEnvironment.Live);
        var client = Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", key.Secret);
        var request = new HttpRequestMessage(HttpMethod.Get, "/v1/invoices/" + Guid.NewGuid());
        var requestId = "log-test-" + Guid.NewGuid().ToString("N");
        request.Headers.Add("Request-Id", requestId);

        (await client.SendAsync(request, Cancellation)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var lines = Factory.Logs.Records.Where(r => r.Properties.TryGetValue("RequestId", out var id) && Equals(id, requestId)).ToList();
        var line = lines.ShouldHaveSingleItem();
        line.Properties["Method"].ShouldBe("GET");
        line.Properties["Path"]!.ToString()!.ShouldStartWith("/v1/invoices/");
        line.Properties["StatusCode"].ShouldBe(404);
        line.Properties["ElapsedMs"].ShouldBeOfType<double>();
        line.Properties["Environment"].ShouldBe("live");
        line.Properties["KeyPrefix"].ShouldBe(key.Secret[..16]);
        Factory.Logs.Records.ShouldAllBe(r => !r.Message.Contains(key.Secret) && !r.Properties.Values.Any(v => v != null && v.ToString()!.Contains(key.Secret)));
    }
}

public sealed class CounterpartyAndLoggingTestsOnSqlite(SqliteApi api) : CounterpartyAndLoggingTests(api), IClassFixture<SqliteApi>;

public sealed class CounterpartyAndLoggingTestsOnPostgres(PostgresApi api) : CounterpartyAndLoggingTests(api), IClassFixture<PostgresApi>;

public sealed class CounterpartyAndLoggingTestsOnSqlServer(SqlServerApi api) : CounterpartyAndLoggingTests(api), IClassFixture<SqlServerApi>;
