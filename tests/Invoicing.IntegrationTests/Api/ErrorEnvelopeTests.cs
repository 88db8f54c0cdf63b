using System.Net;
using System.Text;
using Invoicing.Domain.Common;
using Invoicing.IntegrationTests.Fixtures;

namespace Invoicing.IntegrationTests.Api;

/// <summary>Every code in scope, triggered over HTTP, answers with exactly the envelope (§3).</summary>
public abstract class ErrorEnvelopeTests(IApiFixture api) : ApiTests(api)
{
    [Theory]
    [InlineData(null)]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData("Bearer ")]
    [InlineData("Bearer sk_test_short")]
    [InlineData("Bearer sk_prod_0123456789abcdefghijABCDEFGHIJ0123456789")]
    [InlineData("Bearer sk_test_0123456789abcdefghijABCDEFGHIJ012345")]
    public async Task A_missing_malformed_or_unknown_key_is_unauthorized_whatever_the_body(string? authorization)
    {
        var client = Factory.CreateClient();
        var request = Http.Request(HttpMethod.Post, "/v1/invoices", "{not json", "text/plain");
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        var response = await client.SendAsync(request, Cancellation);

        await response.ShouldBeEnvelopeAsync(HttpStatusCode.Unauthorized, "unauthorized");
        response.Headers.WwwAuthenticate.ToString().ShouldBe("Bearer");
    }

    [Fact]
    public async Task A_revoked_key_is_refused_like_an_unknown_one()
    {
        var key = await Factory.CreateKeyAsync(ApiEnvironment.Test);
        var client = Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", key.Secret);
        (await client.GetAsync("/v1/invoices/" + Guid.NewGuid())).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        using (var output = new StringWriter())
        {
            (await Web.ApiKeys.KeysCommand.RunAsync(Factory.Services, ["keys", "revoke", key.Key.Prefix], output, output)).ShouldBe(0);
        }

        await (await client.GetAsync("/v1/invoices/" + Guid.NewGuid())).ShouldBeEnvelopeAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task An_unknown_route_is_route_not_found_once_authenticated()
    {
        var client = await Factory.ClientAsync();

        await (await client.GetAsync("/v1/nothing-here")).ShouldBeEnvelopeAsync(HttpStatusCode.NotFound, "route_not_found");
        await (await client.GetAsync("/not-even-v1")).ShouldBeEnvelopeAsync(HttpStatusCode.NotFound, "route_not_found");
        await (await Factory.CreateClient().GetAsync("/v1/nothing-here")).ShouldBeEnvelopeAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task A_wrong_method_is_method_not_allowed()
    {
        var client = await Factory.ClientAsync();

        var response = await client.SendAsync(Http.Request(HttpMethod.Delete, "/v1/invoices"), Cancellation);

        await response.ShouldBeEnvelopeAsync(HttpStatusCode.MethodNotAllowed, "method_not_allowed");
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/xml")]
    [InlineData("application/x-www-form-urlencoded")]
    public async Task A_body_that_is_not_json_by_media_type_is_unsupported_media_type(string mediaType)
    {
        var client = await Factory.ClientAsync();

        var response = await client.SendAsync(Http.Request(HttpMethod.Post, "/v1/invoices", "{}", mediaType), Cancellation);

        await response.ShouldBeEnvelopeAsync(HttpStatusCode.UnsupportedMediaType, "unsupported_media_type");
    }

    [Theory]
    [InlineData("{\"amount_cents\": ")]
    [InlineData("not json at all")]
    [InlineData("")]
    [InlineData("{\"a\":1} trailing")]
    public async Task An_unreadable_body_is_invalid_request(string body)
    {
        var client = await Factory.ClientAsync();

        var envelope = await (await client.PostJsonAsync("/v1/invoices", body)).ShouldBeEnvelopeAsync(HttpStatusCode.BadRequest, "invalid_request");

        envelope.GetProperty("errors").GetArrayLength().ShouldBe(0);
    }

    [Theory]
    [InlineData("[]", "array")]
    [InlineData("\"text\"", "string")]
    [InlineData("42", "number")]
    [InlineData("null", "null")]
    public async Task A_body_of_the_wrong_shape_is_invalid_request(string body, string type)
    {
        var client = await Factory.ClientAsync();

        var envelope = await (await client.PostJsonAsync("/v1/invoices", body)).ShouldBeEnvelopeAsync(HttpStatusCode.BadRequest, "invalid_request");

        envelope.GetProperty("detail").GetString().ShouldBe($"Invalid data. Expected a dictionary, but got {type}.");
    }

    [Fact]
    public async Task A_body_over_one_mebibyte_is_payload_too_large_with_or_without_a_length()
    {
        var client = await Factory.ClientAsync();
        var json = "{\"note\": \"" + new string('x', 1024 * 1024) + "\"}";

        var declared = await client.PostJsonAsync("/v1/invoices", json);
        var chunked = new HttpRequestMessage(HttpMethod.Post, "/v1/invoices") { Content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(json))) };
        chunked.Content.Headers.ContentType = new("application/json");
        chunked.Headers.TransferEncodingChunked = true;
        var streamed = await client.SendAsync(chunked, Cancellation);

        await declared.ShouldBeEnvelopeAsync(HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
        await streamed.ShouldBeEnvelopeAsync(HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
    }

    [Fact]
    public async Task A_body_just_under_one_mebibyte_is_read()
    {
        var client = await Factory.ClientAsync();
        var json = "{\"note\": \"" + new string('x', (1024 * 1024) - 20) + "\"}";

        var envelope = await (await client.PostJsonAsync("/v1/invoices", json)).ShouldBeEnvelopeAsync(HttpStatusCode.BadRequest, "invalid_request");

        envelope.FieldErrors().ShouldContain("note max_length Ensure this field has no more than 1000 characters.");
    }

    [Theory]
    [InlineData("/v1/invoices/")]
    [InlineData("/v1/counterparties/")]
    public async Task An_unknown_id_is_the_resource_not_found_code(string collection)
    {
        var client = await Factory.ClientAsync();
        var code = collection.Contains("invoices") ? "invoice_not_found" : "counterparty_not_found";

        await (await client.GetAsync(collection + Guid.NewGuid())).ShouldBeEnvelopeAsync(HttpStatusCode.NotFound, code);
        await (await client.GetAsync(collection + "not-a-uuid")).ShouldBeEnvelopeAsync(HttpStatusCode.NotFound, code);
    }

    [Fact]
    public async Task The_request_id_is_echoed_when_valid_and_made_otherwise_on_every_answer()
    {
        var client = Factory.CreateClient();

        var echoed = new HttpRequestMessage(HttpMethod.Get, "/v1/invoices/x");
        echoed.Headers.Add("Request-Id", "my-trace-123");
        var invalid = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        invalid.Headers.Add("Request-Id", new string('a', 65));

        var echoedResponse = await client.SendAsync(echoed, Cancellation);
        var invalidResponse = await client.SendAsync(invalid, Cancellation);
        var plain = await client.GetAsync("/health/live");

        echoedResponse.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        echoedResponse.Headers.GetValues("Request-Id").Single().ShouldBe("my-trace-123");
        invalidResponse.Headers.GetValues("Request-Id").Single().ShouldNotBe(new string('a', 65));
        plain.Headers.GetValues("Request-Id").Single().ShouldStartWith("req_");
        plain.Headers.GetValues("Request-Id").Single().ShouldNotBe(invalidResponse.Headers.GetValues("Request-Id").Single());
    }

    [Fact]
    public async Task Health_endpoints_need_no_key()
    {
        var client = Factory.CreateClient();

        (await client.GetAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var ready = await client.GetAsync("/health/ready");

        ready.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ready.JsonAsync()).GetProperty("status").GetString().ShouldBe("healthy");
    }
}

public sealed class ErrorEnvelopeTestsOnSqlite(SqliteApi api) : ErrorEnvelopeTests(api), IClassFixture<SqliteApi>;

public sealed class ErrorEnvelopeTestsOnPostgres(PostgresApi api) : ErrorEnvelopeTests(api), IClassFixture<PostgresApi>;

public sealed class ErrorEnvelopeTestsOnSqlServer(SqlServerApi api) : ErrorEnvelopeTests(api), IClassFixture<SqlServerApi>;
