using System.Net;
using System.Text.Json;
using Invoicing.Application.Common.Errors;
using Invoicing.IntegrationTests.Fixtures;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;

namespace Invoicing.IntegrationTests.Api;

/// <summary>The OpenAPI document at /openapi/v1.json and the page at /docs: complete, true to the routes and the catalog, no key needed.</summary>
public sealed class OpenApiDocumentTests(SqliteApi api) : ApiTests(api), IClassFixture<SqliteApi>
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch"];

    [Fact]
    public async Task The_document_and_the_page_need_no_key_and_the_document_parses_as_OpenAPI_3_1()
    {
        var client = Factory.CreateClient();

        var response = await client.GetAsync("/openapi/v1.json");
        var page = await client.GetAsync("/docs/index.html");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await page.Content.ReadAsStringAsync()).ShouldContain("swagger-ui");
        var text = await response.Content.ReadAsStringAsync();
        var read = OpenApiDocument.Parse(text, "json");
        read.Diagnostic!.Errors.ShouldBeEmpty();
        read.Diagnostic.SpecificationVersion.ShouldBe(OpenApiSpecVersion.OpenApi3_1);
        read.Document!.Info.Title.ShouldBe("Invoicing API");
        var document = JsonDocument.Parse(text).RootElement;
        foreach (var reference in References(document))
        {
            Resolve(document, reference).ValueKind.ShouldBe(JsonValueKind.Object, reference);
        }
    }

    [Fact]
    public async Task Every_route_the_app_maps_under_v1_is_documented_and_nothing_else_is()
    {
        var document = await DocumentAsync();
        var mapped = Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.TrimStart('/').StartsWith("v1/", StringComparison.Ordinal) == true)
            .SelectMany(e => e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods
                .Select(m => $"{m} /{e.RoutePattern.RawText!.TrimStart('/')}"))
            .Order()
            .ToList();

        var documented = document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Where(o => Methods.Contains(o.Name)).Select(o => $"{o.Name.ToUpperInvariant()} {path.Name}"))
            .Order()
            .ToList();

        mapped.ShouldNotBeEmpty();
        documented.ShouldBe(mapped);
    }

    [Fact]
    public async Task Every_error_code_the_document_names_is_in_the_catalog_with_that_status_and_every_operation_names_its_shared_errors()
    {
        var document = await DocumentAsync();

        foreach (var (name, operation) in Operations(document))
        {
            var responses = operation.GetProperty("responses");
            var statuses = responses.EnumerateObject().Select(r => r.Name).ToList();
            statuses.ShouldContain("401", name);
            statuses.ShouldContain("429", name);
            statuses.ShouldContain("500", name);
            statuses.ShouldContain("503", name); // while the service starts (docs/decisions/0025)
            statuses.ShouldContain(s => s.StartsWith('2'), name);
            operation.GetProperty("security")[0].TryGetProperty("bearer", out _).ShouldBeTrue(name);
            foreach (var response in responses.EnumerateObject().Where(r => r.Name[0] is '4' or '5'))
            {
                var schema = response.Value.GetProperty("content").GetProperty("application/json").GetProperty("schema");
                schema.GetProperty("allOf")[0].GetProperty("$ref").GetString().ShouldBe("#/components/schemas/ErrorEnvelope");
                var codes = schema.GetProperty("allOf")[1].GetProperty("properties").GetProperty("code").GetProperty("enum")
                    .EnumerateArray().Select(c => c.GetString()!).ToList();
                codes.ShouldNotBeEmpty($"{name} {response.Name}");
                foreach (var code in codes)
                {
                    ErrorCodes.Catalog.ContainsKey(code).ShouldBeTrue($"{name}: {code} is not in the catalog");
                    ErrorCodes.Catalog[code].Status.ToString(System.Globalization.CultureInfo.InvariantCulture).ShouldBe(response.Name, $"{name}: {code}");
                }
            }

            if (operation.TryGetProperty("requestBody", out _))
            {
                statuses.ShouldBeSubsetOf(["201", "400", "401", "409", "413", "415", "422", "429", "500", "503"]);
                statuses.ShouldContain("413", name);
                statuses.ShouldContain("415", name);
            }
        }

        Codes(document, "get", "/v1/invoices/{id}", "404").ShouldBe(["invoice_not_found"]);
        Codes(document, "get", "/v1/counterparties/{id}", "404").ShouldBe(["counterparty_not_found"]);
        Codes(document, "post", "/v1/invoices", "400").ShouldBe(["invalid_request"]);
    }

    [Fact]
    public async Task Every_post_documents_the_idempotency_key_header_and_its_errors()
    {
        var document = await DocumentAsync();

        foreach (var (name, operation) in Operations(document).Where(o => o.Name.StartsWith("post ", StringComparison.Ordinal)))
        {
            var header = operation.GetProperty("parameters").EnumerateArray()
                .Single(p => p.GetProperty("name").GetString() == "Idempotency-Key");
            header.GetProperty("in").GetString().ShouldBe("header", name);
            header.GetProperty("schema").GetProperty("maxLength").GetInt32().ShouldBe(255, name);
            Codes(document, "post", name["post ".Length..], "409").ShouldContain("idempotency_key_in_use", name);
            Codes(document, "post", name["post ".Length..], "422").ShouldBe(["idempotency_key_reused", "idempotency_answer_unavailable"], name);
        }
    }

    [Fact]
    public async Task The_create_invoice_body_lists_the_contracts_fields_with_their_bounds()
    {
        var document = await DocumentAsync();
        var body = Resolve(document, Operation(document, "post", "/v1/invoices").GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString()!);
        var properties = body.GetProperty("properties");

        properties.EnumerateObject().Select(p => p.Name).ShouldBe(
            ["amount_cents", "discount_amount_cents", "currency", "invoice_date", "invoice_due_date", "invoice_number", "note", "originating_counterparty_id", "receiving_counterparty_id"],
            ignoreOrder: true);
        body.GetProperty("required").EnumerateArray().Select(r => r.GetString()).ShouldBe(
            ["amount_cents", "invoice_date", "invoice_due_date", "invoice_number", "originating_counterparty_id", "receiving_counterparty_id"],
            ignoreOrder: true);
        Describe(properties, "amount_cents").ShouldBe("integer int64 min 1 max 100000000000");
        Describe(properties, "discount_amount_cents").ShouldBe("integer int64 min 0 max 100000000000 default 0");
        Describe(properties, "currency").ShouldBe("string pattern ^[a-z]{3}$ default usd");
        Describe(properties, "invoice_date").ShouldBe("string date");
        Describe(properties, "invoice_due_date").ShouldBe("string date");
        Describe(properties, "invoice_number").ShouldBe("string minLength 1 maxLength 64");
        Describe(properties, "note").ShouldBe("null,string maxLength 1000");
        Describe(properties, "originating_counterparty_id").ShouldBe("string uuid");
        Describe(properties, "receiving_counterparty_id").ShouldBe("string uuid");

        var batch = Operation(document, "post", "/v1/invoices/batch").GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema");
        batch.GetProperty("type").GetString().ShouldBe("array");
        batch.GetProperty("minItems").GetInt32().ShouldBe(1);
        batch.GetProperty("maxItems").GetInt32().ShouldBe(1000);
        batch.GetProperty("items").GetProperty("$ref").GetString().ShouldBe("#/components/schemas/CreateInvoiceBody");
    }

    [Fact]
    public async Task Responses_and_the_envelope_are_described_as_the_service_writes_them()
    {
        var document = await DocumentAsync();
        var schemas = document.GetProperty("components").GetProperty("schemas");

        var invoice = schemas.GetProperty("InvoiceResponse");
        invoice.GetProperty("required").EnumerateArray().Select(r => r.GetString()).ShouldBe(
            ["object", "id", "environment", "status", "amount_cents", "discount_amount_cents", "amount_due_cents", "currency", "invoice_date", "invoice_due_date", "invoice_number", "note", "originating_counterparty_id", "receiving_counterparty_id", "created_at", "updated_at", "paid_at", "voided_at"],
            ignoreOrder: true);
        Describe(invoice.GetProperty("properties"), "created_at").ShouldBe("string date-time");
        Describe(invoice.GetProperty("properties"), "id").ShouldBe("string uuid");
        Describe(invoice.GetProperty("properties"), "note").ShouldBe("null,string");
        schemas.GetProperty("InvoiceStatus").GetProperty("enum").EnumerateArray().Select(v => v.GetString()).ShouldBe(["open", "paid", "void"]);
        schemas.GetProperty("ApiEnvironment").GetProperty("enum").EnumerateArray().Select(v => v.GetString()).ShouldBe(["test", "live"]);

        var envelope = schemas.GetProperty("ErrorEnvelope");
        envelope.GetProperty("required").EnumerateArray().Select(r => r.GetString()).ShouldBe(["code", "detail", "errors"], ignoreOrder: true);
        var items = envelope.GetProperty("properties").GetProperty("items");
        items.GetProperty("type").GetString().ShouldBe("array");
        items.GetProperty("items").GetProperty("additionalProperties").GetProperty("items").GetProperty("type").GetString().ShouldBe("string");
        var error = envelope.GetProperty("properties").GetProperty("errors").GetProperty("items");
        error.GetProperty("required").EnumerateArray().Select(r => r.GetString()).ShouldBe(["field", "code", "message"], ignoreOrder: true);

        var bearer = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("bearer");
        bearer.GetProperty("type").GetString().ShouldBe("http");
        bearer.GetProperty("scheme").GetString().ShouldBe("bearer");
        var created = Operation(document, "post", "/v1/invoices").GetProperty("responses").GetProperty("201");
        created.GetProperty("content").EnumerateObject().Select(c => c.Name).ShouldBe(["application/json"]);
        created.GetProperty("headers").TryGetProperty("Location", out _).ShouldBeTrue();
        document.GetProperty("info").GetProperty("description").GetString()!.ShouldContain("### Idempotency");
    }

    [Fact]
    public async Task The_lists_document_their_query_parameters_and_pay_and_void_their_conflict()
    {
        var document = await DocumentAsync();
        JsonElement Parameters(string path) => JsonSerializer.SerializeToElement(
            document.GetProperty("paths").GetProperty(path).GetProperty("get").GetProperty("parameters").EnumerateArray()
                .Where(p => p.GetProperty("in").GetString() == "query")
                .ToDictionary(p => p.GetProperty("name").GetString()!, p => p.GetProperty("schema")));

        var invoices = Parameters("/v1/invoices");
        var counterparties = Parameters("/v1/counterparties");

        invoices.EnumerateObject().Select(p => p.Name).ShouldBe(
            ["limit", "starting_after", "ending_before", "status", "originating_counterparty_id", "receiving_counterparty_id", "invoice_date[gte]", "invoice_date[lte]", "invoice_number"],
            ignoreOrder: true);
        counterparties.EnumerateObject().Select(p => p.Name).ShouldBe(["limit", "starting_after", "ending_before"], ignoreOrder: true);
        Describe(invoices, "limit").ShouldBe("integer min 1 max 100 default 10");
        Describe(counterparties, "starting_after").ShouldBe("string uuid");
        Describe(invoices, "invoice_date[gte]").ShouldBe("string date");
        invoices.GetProperty("status").GetProperty("enum").EnumerateArray().Select(v => v.GetString()).ShouldBe(["open", "paid", "void"]);
        foreach (var action in new[] { "pay", "void" })
        {
            var responses = document.GetProperty("paths").GetProperty($"/v1/invoices/{{id}}/{action}").GetProperty("post").GetProperty("responses");
            responses.GetProperty("409").GetProperty("description").GetString()!.ShouldStartWith("`invoice_state_conflict`");
            responses.TryGetProperty("200", out _).ShouldBeTrue();
            responses.TryGetProperty("404", out _).ShouldBeTrue();
        }
    }

    private async Task<JsonElement> DocumentAsync()
    {
        var response = await Factory.CreateClient().GetAsync("/openapi/v1.json");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return await response.JsonAsync();
    }

    private static IEnumerable<(string Name, JsonElement Operation)> Operations(JsonElement document) =>
        document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Where(o => Methods.Contains(o.Name)).Select(o => ($"{o.Name} {path.Name}", o.Value)));

    private static JsonElement Operation(JsonElement document, string method, string path) =>
        document.GetProperty("paths").GetProperty(path).GetProperty(method);

    private static List<string> Codes(JsonElement document, string method, string path, string status) =>
        Operation(document, method, path).GetProperty("responses").GetProperty(status).GetProperty("content").GetProperty("application/json")
            .GetProperty("schema").GetProperty("allOf")[1].GetProperty("properties").GetProperty("code").GetProperty("enum")
            .EnumerateArray().Select(c => c.GetString()!).ToList();

    /// <summary>A property's type and bounds in one line, e.g. <c>integer int64 min 1 max 100</c>.</summary>
    private static string Describe(JsonElement properties, string name)
    {
        var p = properties.GetProperty(name);
        var parts = new List<string>
        {
            p.GetProperty("type") is { ValueKind: JsonValueKind.Array } types ? string.Join(",", types.EnumerateArray().Select(t => t.GetString())) : p.GetProperty("type").GetString()!,
        };
        void Add(string keyword, string label)
        {
            if (p.TryGetProperty(keyword, out var value))
            {
                parts.Add(label.Length == 0 ? value.ToString() : $"{label} {value}");
            }
        }

        Add("format", string.Empty);
        Add("minimum", "min");
        Add("maximum", "max");
        Add("pattern", "pattern");
        Add("minLength", "minLength");
        Add("maxLength", "maxLength");
        Add("default", "default");
        return string.Join(" ", parts);
    }

    private static IEnumerable<string> References(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => p.Name == "$ref" ? [p.Value.GetString()!] : References(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(References),
        _ => [],
    };

    private static JsonElement Resolve(JsonElement document, string reference)
    {
        reference.ShouldStartWith("#/");
        var node = document;
        foreach (var segment in reference[2..].Split('/'))
        {
            node.TryGetProperty(segment, out node).ShouldBeTrue(reference);
        }

        return node;
    }
}
