using System.Net;
using System.Text.Json.Nodes;
using Invoicing.Domain.Common;
using Invoicing.Domain.Webhooks;
using Invoicing.IntegrationTests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace Invoicing.IntegrationTests.Api;

/// <summary>The webhook endpoints API (§9) with the default configuration: private and loopback URLs refused.</summary>
public abstract class WebhookEndpointsTests(IApiFixture api) : ApiTests(api)
{
    [Fact]
    public async Task An_endpoint_is_created_with_a_secret_shown_once_then_read_listed_and_deleted()
    {
        var client = await Factory.ClientAsync();

        var response = await client.PostJsonAsync("/v1/webhook_endpoints", Body("https://hooks.example.com/invoicing", "invoice.paid", "invoice.voided"));

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var created = await response.JsonAsync();
        var id = created.GetProperty("id").GetString();
        response.Headers.Location!.ToString().ShouldBe($"/v1/webhook_endpoints/{id}");
        created.EnumerateObject().Select(p => p.Name).ShouldBe(["object", "id", "environment", "url", "enabled_events", "status", "metadata", "created_at", "secret"]);
        created.GetProperty("status").GetString().ShouldBe("enabled");
        created.GetProperty("object").GetString().ShouldBe("webhook_endpoint");
        created.GetProperty("environment").GetString().ShouldBe("test");
        created.GetProperty("enabled_events").EnumerateArray().Select(e => e.GetString()).ShouldBe(["invoice.paid", "invoice.voided"]);
        var secret = created.GetProperty("secret").GetString()!;
        secret.ShouldMatch("^whsec_[0-9A-Za-z]{32}$");

        var read = await (await client.GetAsync($"/v1/webhook_endpoints/{id}", Cancellation)).JsonAsync();
        read.TryGetProperty("secret", out _).ShouldBeFalse();
        read.GetProperty("url").GetString().ShouldBe("https://hooks.example.com/invoicing");
        var list = await (await client.GetAsync("/v1/webhook_endpoints?limit=100", Cancellation)).JsonAsync();
        list.GetProperty("data").EnumerateArray().ShouldContain(e => e.GetProperty("id").GetString() == id);
        list.GetRawText().ShouldNotContain(secret);

        // Encrypted at rest: the stored form is not the secret.
        var stored = await Factory.DbAsync(db => db.Set<WebhookEndpoint>().IgnoreQueryFilters().Where(w => w.Id == Guid.Parse(id!)).Select(w => w.ProtectedSecret).SingleAsync(Cancellation));
        stored.ShouldStartWith("v2.");
        stored.ShouldNotContain(secret[6..]);

        var deleted = await client.DeleteAsync($"/v1/webhook_endpoints/{id}", Cancellation);
        deleted.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await deleted.Content.ReadAsStringAsync(Cancellation)).ShouldBe($$"""{"object":"webhook_endpoint","id":"{{id}}","deleted":true}""");
        await (await client.GetAsync($"/v1/webhook_endpoints/{id}", Cancellation)).ShouldBeEnvelopeAsync(HttpStatusCode.NotFound, "webhook_endpoint_not_found");
        await (await client.DeleteAsync($"/v1/webhook_endpoints/{id}", Cancellation)).ShouldBeEnvelopeAsync(HttpStatusCode.NotFound, "webhook_endpoint_not_found");
    }

    [Fact]
    public async Task A_create_with_an_idempotency_key_replays_the_same_secret_but_never_stores_it_in_plain_text()
    {
        var client = await Factory.ClientAsync();
        var body = Body("https://hooks.example.com/replayed", "*").ToJsonString();
        var key = Guid.NewGuid().ToString();

        async Task<string> CreateAsync()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/webhook_endpoints") { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
            request.Headers.Add("Idempotency-Key", key);
            var response = await client.SendAsync(request, Cancellation);
            response.StatusCode.ShouldBe(HttpStatusCode.Created);
            return await response.Content.ReadAsStringAsync(Cancellation);
        }

        var first = await CreateAsync();
        var replay = await CreateAsync();

        replay.ShouldBe(first);
        var secret = System.Text.Json.JsonDocument.Parse(first).RootElement.GetProperty("secret").GetString()!;
        var stored = await Factory.DbAsync(db => db.Set<Invoicing.Infrastructure.Idempotency.IdempotencyRecord>().IgnoreQueryFilters()
            .Where(r => r.Key == key).Select(r => r.ResponseBody).SingleAsync(Cancellation));
        stored.ShouldNotBeNull();
        System.Text.Encoding.UTF8.GetString(stored).ShouldNotContain(secret);
        System.Text.Encoding.UTF8.GetString(stored).ShouldNotContain("whsec_");

        // Leaves the environment's endpoints as it found them: other tests of this class count them.
        var id = System.Text.Json.JsonDocument.Parse(first).RootElement.GetProperty("id").GetString();
        (await client.DeleteAsync($"/v1/webhook_endpoints/{id}", Cancellation)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("http://127.0.0.1:8080/hooks")]
    [InlineData("http://localhost/hooks")]
    [InlineData("http://api.localhost/hooks")]
    [InlineData("http://10.1.2.3/hooks")]
    [InlineData("https://172.16.0.1/hooks")]
    [InlineData("https://192.168.1.10/hooks")]
    [InlineData("http://169.254.169.254/latest/meta-data")]
    [InlineData("http://[::1]:5000/hooks")]
    [InlineData("http://[fd00::1]/hooks")]
    [InlineData("http://0.0.0.0/hooks")]
    public async Task Urls_on_loopback_or_private_networks_are_refused_by_default(string url)
    {
        var client = await Factory.ClientAsync();

        var envelope = await (await client.PostJsonAsync("/v1/webhook_endpoints", Body(url, "*"))).ShouldBeEnvelopeAsync(HttpStatusCode.BadRequest, "invalid_request");

        envelope.FieldErrors().ShouldBe(["url invalid URLs on loopback or private networks are not allowed."]);
        (await (await client.GetAsync("/v1/webhook_endpoints?limit=100", Cancellation)).JsonAsync()).GetProperty("data").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task An_update_to_a_url_on_loopback_or_a_private_network_is_refused_by_default()
    {
        var client = await Factory.ClientAsync();
        var id = (await (await client.PostJsonAsync("/v1/webhook_endpoints", Body("https://hooks.example.com/public", "*"))).JsonAsync()).GetProperty("id").GetString();
        try
        {
            var patch = Http.Request(HttpMethod.Patch, $"/v1/webhook_endpoints/{id}", """{"url": "http://127.0.0.1:8080/hooks", "disabled": true}""");
            var envelope = await (await client.SendAsync(patch, Cancellation)).ShouldBeEnvelopeAsync(HttpStatusCode.BadRequest, "invalid_request");

            envelope.FieldErrors().ShouldBe(["url invalid URLs on loopback or private networks are not allowed."]);
            var read = await (await client.GetAsync($"/v1/webhook_endpoints/{id}", Cancellation)).JsonAsync();
            read.GetProperty("url").GetString().ShouldBe("https://hooks.example.com/public");
            read.GetProperty("status").GetString().ShouldBe("enabled");
        }
        finally
        {
            await client.DeleteAsync($"/v1/webhook_endpoints/{id}", Cancellation);
        }
    }

    [Fact]
    public async Task Bad_members_are_field_errors()
    {
        var client = await Factory.ClientAsync();

        async Task<string[]> ErrorsAsync(JsonObject body) =>
            (await (await client.PostJsonAsync("/v1/webhook_endpoints", body)).ShouldBeEnvelopeAsync(HttpStatusCode.BadRequest, "invalid_request")).FieldErrors();

        (await ErrorsAsync([])).ShouldBe(["url required This field is required.", "enabled_events required This field is required."]);
        (await ErrorsAsync(Body("ftp://hooks.example.com/x", "invoice.paid", "invoice.deleted"))).ShouldBe(
            ["url invalid Enter a valid URL.", "enabled_events invalid \"invoice.deleted\" is not a valid choice."]);
        (await ErrorsAsync(Body("/relative"))).ShouldBe(["url invalid Enter a valid URL.", "enabled_events invalid This list may not be empty."]);
        (await ErrorsAsync(new JsonObject { ["url"] = 5, ["enabled_events"] = "*" })).ShouldBe(
            ["url invalid Not a valid string.", "enabled_events invalid Expected a list of items but got type \"string\"."]);
        (await ErrorsAsync(new JsonObject { ["url"] = null, ["enabled_events"] = new JsonArray(1) })).ShouldBe(
            ["url null This field may not be null.", "enabled_events invalid Not a valid string."]);
    }

    [Fact]
    public async Task Endpoints_belong_to_the_environment_of_the_key()
    {
        var live = await Factory.ClientAsync(ApiEnvironment.Live);
        var test = await Factory.ClientAsync(ApiEnvironment.Test);
        var created = await (await live.PostJsonAsync("/v1/webhook_endpoints", Body("https://hooks.example.com/live", "*"))).JsonAsync();
        var id = created.GetProperty("id").GetString();
        created.GetProperty("environment").GetString().ShouldBe("live");

        await (await test.GetAsync($"/v1/webhook_endpoints/{id}", Cancellation)).ShouldBeEnvelopeAsync(HttpStatusCode.NotFound, "webhook_endpoint_not_found");
        await (await test.DeleteAsync($"/v1/webhook_endpoints/{id}", Cancellation)).ShouldBeEnvelopeAsync(HttpStatusCode.NotFound, "webhook_endpoint_not_found");
        (await (await test.GetAsync("/v1/webhook_endpoints?limit=100", Cancellation)).JsonAsync()).GetProperty("data").EnumerateArray()
            .ShouldNotContain(e => e.GetProperty("id").GetString() == id);
        (await live.GetAsync($"/v1/webhook_endpoints/{id}", Cancellation)).StatusCode.ShouldBe(HttpStatusCode.OK);

        // A test-environment change gives the live endpoint nothing to deliver.
        await test.CreateCounterpartyAsync("Test only");
        await Factory.DispatchEventsAsync();
        var owed = await Factory.DbAsync(db => db.Set<WebhookDelivery>().CountAsync(d => d.WebhookEndpointId == Guid.Parse(id!), Cancellation));
        owed.ShouldBe(0);
        (await live.DeleteAsync($"/v1/webhook_endpoints/{id}", Cancellation)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private static JsonObject Body(string url, params string[] types) =>
        new() { ["url"] = url, ["enabled_events"] = new JsonArray(types.Select(t => (JsonNode)JsonValue.Create(t)).ToArray()) };
}

public sealed class WebhookEndpointsTestsOnSqlite(SqliteApi api) : WebhookEndpointsTests(api), IClassFixture<SqliteApi>;

public sealed class WebhookEndpointsTestsOnPostgres(PostgresApi api) : WebhookEndpointsTests(api), IClassFixture<PostgresApi>;

public sealed class WebhookEndpointsTestsOnSqlServer(SqlServerApi api) : WebhookEndpointsTests(api), IClassFixture<SqlServerApi>;
