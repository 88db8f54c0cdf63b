using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Invoicing.IntegrationTests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace Invoicing.IntegrationTests.HostileInput;

/// <summary>One test per input the property test (<see cref="HostileInputTests"/>) found answered with a 500.</summary>
public abstract class HostileInputRegressionTests(IApiFixture api) : ApiTests(api)
{
    [Fact]
    public async Task A_lone_surrogate_in_a_date_or_uuid_member_is_a_field_error_in_a_single_create_and_in_a_batch()
    {
        var client = await Factory.ClientAsync();
        var invoice = Http.Invoice(await client.CreateCounterpartyAsync("A"), await client.CreateCounterpartyAsync("B")).ToJsonString();
        var hostile = invoice
            .Replace("\"2021-11-22\"", "\"\\ud800\"", StringComparison.Ordinal)
            .Replace("\"receiving_counterparty_id\":\"", "\"receiving_counterparty_id\":\"\\udfff", StringComparison.Ordinal);
        var before = await CountInvoicesAsync();

        var single = await client.PostJsonAsync("/v1/invoices", hostile);
        var batch = await client.PostJsonAsync("/v1/invoices/batch", $"[{invoice.Replace("\"invoice_number\":\"", "\"invoice_number\":\"x", StringComparison.Ordinal)},{hostile}]");

        (await single.ShouldBeEnvelopeAsync(HttpStatusCode.BadRequest, "invalid_request")).FieldErrors().ShouldBe([
            "invoice_date invalid Date has wrong format. Use one of these formats instead: YYYY-MM-DD.",
            "receiving_counterparty_id invalid Must be a valid UUID.",
        ]);
        (await batch.ShouldBeEnvelopeAsync(HttpStatusCode.BadRequest, "invalid_request", withItems: true)).FieldErrors().ShouldBe([
            "[1].invoice_date invalid Date has wrong format. Use one of these formats instead: YYYY-MM-DD.",
            "[1].receiving_counterparty_id invalid Must be a valid UUID.",
        ]);
        (await CountInvoicesAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task A_member_whose_name_is_a_lone_surrogate_is_an_unknown_member_and_ignored()
    {
        var client = await Factory.ClientAsync();

        var response = await client.PostJsonAsync("/v1/counterparties", "{\"\\ud800\":1,\"name\":\"Acme\",\"\\udc00x\":\"y\"}");

        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        (await response.JsonAsync()).GetProperty("name").GetString().ShouldBe("Acme");
    }

    [Theory]
    [InlineData("application/json; charset=utf-16")]
    [InlineData("application/json; charset=utf-32")]
    [InlineData("application/json; charset=latin1")]
    public async Task A_body_declared_in_another_charset_than_utf_8_is_unsupported_media_type(string contentType)
    {
        var client = await Factory.ClientAsync();
        var request = new HttpRequestMessage(HttpMethod.Post, "/v1/counterparties")
        {
            Content = new ByteArrayContent("{\"name\":\"Acme\"}"u8.ToArray()), // bytes that are not UTF-16: they made the transcoding throw (500)
        };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);

        var response = await client.SendAsync(request, Cancellation);

        await response.ShouldBeEnvelopeAsync(HttpStatusCode.UnsupportedMediaType, "unsupported_media_type");
    }

    [Theory]
    [InlineData("application/json; charset=")]
    [InlineData("application/json;charset= ")]
    [InlineData("application/json; x=")]
    [InlineData("application/json; charset=; x=1")]
    public async Task A_content_type_with_an_empty_parameter_is_unsupported_media_type_on_every_body_route_and_ignored_where_no_body_is_read(string contentType)
    {
        var client = await Factory.ClientAsync();
        var routes = (await ApiSurface.LoadAsync(Factory)).Routes.Where(r => r.Body is not null).ToList();
        var invoice = await client.PostJsonAsync("/v1/invoices", Http.Invoice(await client.CreateCounterpartyAsync("A"), await client.CreateCounterpartyAsync("B")));
        var id = (await invoice.JsonAsync()).GetProperty("id").GetString();

        HttpRequestMessage Request(string method, string path)
        {
            var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = new ByteArrayContent("{\"name\":\"Acme\"}"u8.ToArray()) };
            request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType).ShouldBeTrue(); // HttpClient would refuse to send it
            return request;
        }

        foreach (var route in routes)
        {
            var response = await client.SendAsync(Request(route.Method, route.Template), Cancellation);
            await response.ShouldBeEnvelopeAsync(HttpStatusCode.UnsupportedMediaType, "unsupported_media_type");
        }

        var pay = await client.SendAsync(Request("POST", $"/v1/invoices/{id}/pay"), Cancellation);
        pay.StatusCode.ShouldBe(HttpStatusCode.OK, await pay.Content.ReadAsStringAsync(Cancellation));
        routes.Count.ShouldBeGreaterThanOrEqualTo(4);
    }

    [Fact]
    public async Task Bytes_that_are_not_utf_8_are_refused_alike_in_a_member_name_and_in_a_value()
    {
        var client = await Factory.ClientAsync();
        var before = await Factory.DbAsync(db => db.Counterparties.IgnoreQueryFilters().CountAsync());
        byte[][] bodies =
        [
            [.. "{\"name\":\"Acme\",\""u8, 0xFF, 0xFE, .. "\":1}"u8],  // an unknown member's name
            [.. "{\""u8, 0xC0, 0x80, .. "name\":\"Acme\"}"u8],           // a member's name (an overlong NUL)
            [.. "{\"name\":\"Ac"u8, 0xFF, .. "me\"}"u8],               // a value
            [.. "{\"name\":\"Acme\",\"x\":\""u8, 0xED, 0xA0, 0x80, .. "\"}"u8], // an encoded surrogate in an unknown member's value
            [.. "{\"name\":\"Acme\",\"\u00e9"u8, 0xE2, 0x82, .. "\":1}"u8], // a name cut in the middle of a character
        ];

        foreach (var body in bodies)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/v1/counterparties") { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            var envelope = await (await client.SendAsync(request, Cancellation)).ShouldBeEnvelopeAsync(HttpStatusCode.BadRequest, "invalid_request");
            envelope.GetProperty("detail").GetString().ShouldBe("The request body is not valid JSON.");
            envelope.GetProperty("errors").GetArrayLength().ShouldBe(0);
        }

        (await Factory.DbAsync(db => db.Counterparties.IgnoreQueryFilters().CountAsync())).ShouldBe(before);
        var text = await client.PostJsonAsync("/v1/counterparties", "{\"name\":\"Zürich — 東京 😀\",\"ünknown 名前\":1}");
        text.StatusCode.ShouldBe(HttpStatusCode.Created, await text.Content.ReadAsStringAsync(Cancellation)); // UTF-8 beyond ASCII is of course read
    }

    [Fact]
    public async Task Json_nested_64_levels_deep_is_read_and_65_is_not_valid_json()
    {
        var client = await Factory.ClientAsync();
        static string Nested(int depth) => "{\"name\":\"Acme\",\"unknown\":" + new string('[', depth - 1) + new string(']', depth - 1) + "}";

        var deepest = await client.PostJsonAsync("/v1/counterparties", Nested(64));
        var tooDeep = await client.PostJsonAsync("/v1/counterparties", Nested(65));

        deepest.StatusCode.ShouldBe(HttpStatusCode.Created, await deepest.Content.ReadAsStringAsync(Cancellation));
        (await tooDeep.ShouldBeEnvelopeAsync(HttpStatusCode.BadRequest, "invalid_request")).GetProperty("detail").GetString().ShouldBe("The request body is not valid JSON.");
    }

    [Fact]
    public async Task An_idempotent_request_with_a_path_and_query_over_2048_characters_is_stored_and_replayed()
    {
        var client = await Factory.ClientAsync();
        var path = "/v1/counterparties?padding=" + new string('a', 3000);
        var key = Guid.NewGuid().ToString();

        var first = await SendWithKeyAsync(client, path, key);
        var replay = await SendWithKeyAsync(client, path, key);
        var otherPath = await SendWithKeyAsync(client, path + "b", key);

        first.StatusCode.ShouldBe(HttpStatusCode.Created, await first.Content.ReadAsStringAsync());
        replay.StatusCode.ShouldBe(HttpStatusCode.Created);
        replay.Headers.GetValues("Idempotent-Replayed").ShouldBe(["true"]);
        (await replay.Content.ReadAsStringAsync()).ShouldBe(await first.Content.ReadAsStringAsync());
        await otherPath.ShouldBeEnvelopeAsync(HttpStatusCode.UnprocessableEntity, "idempotency_key_reused");
    }

    [Theory]
    [InlineData("key\u0000")]
    [InlineData("\u0001")]
    [InlineData("clé")]
    [InlineData("😀")]
    [InlineData("a\ud800")]
    [InlineData("tab\tkey")]
    public async Task An_idempotency_key_that_is_not_printable_ascii_is_a_field_error_and_nothing_runs(string key)
    {
        var client = await Factory.ClientAsync();
        var before = await Factory.DbAsync(db => db.Counterparties.IgnoreQueryFilters().CountAsync());

        var response = await SendWithKeyAsync(client, "/v1/counterparties", key);

        (await response.ShouldBeEnvelopeAsync(HttpStatusCode.BadRequest, "invalid_request")).FieldErrors()
            .ShouldBe(["Idempotency-Key invalid Use only printable ASCII characters (space to ~)."]);
        (await Factory.DbAsync(db => db.Counterparties.IgnoreQueryFilters().CountAsync())).ShouldBe(before);
    }

    [Theory]
    [InlineData("application/x-www-form-urlencoded", "a[=1&b]]=2")]
    [InlineData("application/x-www-form-urlencoded", "\u00ff\u0000[[[")]
    [InlineData("multipart/form-data; boundary=x", "--x\r\nContent-Disposition: form-data; name=\"a[\"\r\n\r\n1\r\n--x--")]
    public async Task A_malformed_form_sent_to_an_action_without_a_body_is_ignored_like_any_body(string contentType, string form)
    {
        var client = await Factory.ClientAsync();
        var invoice = await client.PostJsonAsync("/v1/invoices", Http.Invoice(await client.CreateCounterpartyAsync("A"), await client.CreateCounterpartyAsync("B")));
        var id = (await invoice.JsonAsync()).GetProperty("id").GetString();
        var request = new HttpRequestMessage(HttpMethod.Post, $"/v1/invoices/{id}/pay") { Content = new ByteArrayContent(Encoding.Latin1.GetBytes(form)) };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType).ShouldBeTrue();

        var response = await client.SendAsync(request, Cancellation);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        (await response.JsonAsync()).GetProperty("status").GetString().ShouldBe("paid");
    }

    private static Task<HttpResponseMessage> SendWithKeyAsync(HttpClient client, string path, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent("{\"name\":\"Acme\"}", Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", key).ShouldBeTrue();
        return client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    private Task<int> CountInvoicesAsync() => Factory.DbAsync(db => db.Invoices.IgnoreQueryFilters().CountAsync());
}

public sealed class HostileInputRegressionTestsOnSqlite(SqliteApi api) : HostileInputRegressionTests(api), IClassFixture<SqliteApi>;

public sealed class HostileInputRegressionTestsOnPostgres(PostgresApi api) : HostileInputRegressionTests(api), IClassFixture<PostgresApi>;

public sealed class HostileInputRegressionTestsOnSqlServer(SqlServerApi api) : HostileInputRegressionTests(api), IClassFixture<SqlServerApi>;
