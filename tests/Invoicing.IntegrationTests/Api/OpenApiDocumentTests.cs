using System.Net;
using System.Text.Json;
using Invoicing.Application.Common.Errors;
using Invoicing.Application.Events;
using Invoicing.IntegrationTests.Fixtures;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;

namespace Invoicing.IntegrationTests.Api;

/// <summary>The OpenAPI document at /openapi/v1.json and the page at /docs: complete, true to the routes and the catalog, no key needed.</summary>
public sealed partial class OpenApiDocumentTests(SqliteApi api) : ApiTests(api), IClassFixture<SqliteApi>
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
                statuses.ShouldBeSubsetOf(["200", "201", "202", "400", "401", "404", "409", "413", "414", "415", "422", "429", "431", "500", "503"]);
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
            ["amount_cents", "discount_amount_cents", "currency", "invoice_date", "invoice_due_date", "invoice_number", "note", "originating_counterparty_id", "receiving_counterparty_id", "metadata"],
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
        Describe(properties, "metadata").ShouldBe("object");
        properties.GetProperty("metadata").GetProperty("maxProperties").GetInt32().ShouldBe(50);
        properties.GetProperty("metadata").GetProperty("additionalProperties").GetProperty("maxLength").GetInt32().ShouldBe(500);

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
            ["object", "id", "environment", "status", "amount_cents", "discount_amount_cents", "amount_due_cents", "currency", "invoice_date", "invoice_due_date", "invoice_number", "note", "originating_counterparty_id", "receiving_counterparty_id", "metadata", "created_at", "updated_at", "paid_at", "voided_at"],
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
        var events = Parameters("/v1/events");

        invoices.EnumerateObject().Select(p => p.Name).ShouldBe(
            ["limit", "starting_after", "ending_before", "status", "originating_counterparty_id", "receiving_counterparty_id", "invoice_date[gte]", "invoice_date[lte]", "invoice_number", "created[gte]", "created[lte]"],
            ignoreOrder: true);
        counterparties.EnumerateObject().Select(p => p.Name).ShouldBe(["limit", "starting_after", "ending_before", "created[gte]", "created[lte]"], ignoreOrder: true);
        events.EnumerateObject().Select(p => p.Name).ShouldBe(["limit", "starting_after", "ending_before", "type", "created[gte]", "created[lte]"], ignoreOrder: true);
        Describe(invoices, "limit").ShouldBe("integer min 1 max 100 default 10");
        Describe(counterparties, "starting_after").ShouldBe("string uuid");
        Describe(invoices, "invoice_date[gte]").ShouldBe("string date");
        foreach (var list in new[] { invoices, counterparties, events })
        {
            Describe(list, "created[gte]").ShouldBe("string date-time");
            Describe(list, "created[lte]").ShouldBe("string date-time");
        }

        invoices.GetProperty("status").GetProperty("enum").EnumerateArray().Select(v => v.GetString()).ShouldBe(["open", "paid", "void"]);
        foreach (var action in new[] { "pay", "void" })
        {
            var responses = document.GetProperty("paths").GetProperty($"/v1/invoices/{{id}}/{action}").GetProperty("post").GetProperty("responses");
            responses.GetProperty("409").GetProperty("description").GetString()!.ShouldStartWith("`invoice_state_conflict`");
            responses.TryGetProperty("200", out _).ShouldBeTrue();
            responses.TryGetProperty("404", out _).ShouldBeTrue();
        }
    }

    /// <summary>
    /// The document as served at a deployment's address, written where <c>INVOICING_OPENAPI_OUT</c> says: the input of
    /// tools/openapi-lint/lint.sh (Redocly CLI and Spectral, docs/decisions/0035). Its server is the origin it was asked at,
    /// without a trailing slash.
    /// </summary>
    [Fact]
    public async Task The_served_document_is_written_for_the_linters()
    {
        var client = Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://api.invoicing.test") });

        var text = await client.GetStringAsync("/openapi/v1.json", Cancellation);

        var document = JsonDocument.Parse(text).RootElement;
        document.GetProperty("servers").EnumerateArray().Select(s => s.GetProperty("url").GetString()).ShouldBe(["https://api.invoicing.test"]);
        if (Environment.GetEnvironmentVariable("INVOICING_OPENAPI_OUT") is { Length: > 0 } path)
        {
            await File.WriteAllTextAsync(path, text, Cancellation);
        }
    }

    [Fact]
    public async Task Every_schema_and_every_member_has_a_type_and_every_object_member_is_a_constant()
    {
        var document = await DocumentAsync();
        var schemas = new List<(string Where, JsonElement Schema)>();
        foreach (var component in document.GetProperty("components").GetProperty("schemas").EnumerateObject())
        {
            schemas.Add(($"#/components/schemas/{component.Name}", component.Value));
        }

        foreach (var (name, operation) in Operations(document))
        {
            foreach (var parameter in operation.TryGetProperty("parameters", out var p) ? p.EnumerateArray() : default)
            {
                schemas.Add(($"{name} parameter {parameter.GetProperty("name").GetString()}", parameter.GetProperty("schema")));
            }

            foreach (var body in operation.TryGetProperty("requestBody", out var b) ? b.GetProperty("content").EnumerateObject() : default)
            {
                schemas.Add(($"{name} body", body.Value.GetProperty("schema")));
            }

            foreach (var response in operation.GetProperty("responses").EnumerateObject())
            {
                foreach (var header in response.Value.TryGetProperty("headers", out var h) ? h.EnumerateObject() : default)
                {
                    schemas.Add(($"{name} {response.Name} header {header.Name}", header.Value.GetProperty("schema")));
                }

                foreach (var content in response.Value.TryGetProperty("content", out var c) ? c.EnumerateObject() : default)
                {
                    schemas.Add(($"{name} {response.Name}", content.Value.GetProperty("schema")));
                }
            }
        }

        var untyped = schemas.SelectMany(s => Untyped(s.Schema, s.Where)).ToList();
        var objects = schemas.SelectMany(s => ObjectMembers(s.Schema, s.Where)).ToList();

        untyped.ShouldBeEmpty();
        objects.ShouldNotBeEmpty();
        objects.Where(o => !o.Member.TryGetProperty("const", out _)).Select(o => o.Where).ShouldBeEmpty("every `object` member is a constant");
        var components = document.GetProperty("components").GetProperty("schemas");
        string Constant(string schema) => components.GetProperty(schema).GetProperty("properties").GetProperty("object").GetProperty("const").GetString()!;
        Constant("InvoiceResponse").ShouldBe("invoice");
        Constant("CounterpartyResponse").ShouldBe("counterparty");
        Constant("EventResponse").ShouldBe("event");
        Constant("WebhookEndpointResponse").ShouldBe("webhook_endpoint");
        Constant("ListResponseOfInvoiceResponse").ShouldBe("list");
        components.GetProperty("DeletedWebhookEndpointResponse").GetProperty("properties").GetProperty("deleted").GetProperty("enum").EnumerateArray()
            .Select(v => v.GetBoolean()).ShouldBe([true]);
        var invoice = components.GetProperty("InvoiceResponse").GetProperty("properties");
        Describe(invoice, "paid_at").ShouldBe("null,string date-time");
        Describe(invoice, "voided_at").ShouldBe("null,string date-time");
        Describe(invoice, "updated_at").ShouldBe("string date-time");
    }

    [Fact]
    public async Task Closed_sets_are_enums_and_an_events_data_object_is_one_of_the_resources_events_are_about()
    {
        var document = await DocumentAsync();
        var components = document.GetProperty("components").GetProperty("schemas");
        static List<string> Values(JsonElement schema) => schema.GetProperty("enum").EnumerateArray().Select(v => v.GetString()!).ToList();

        Values(components.GetProperty("EventResponse").GetProperty("properties").GetProperty("type")).ShouldBe(EventTypes.All);
        Values(components.GetProperty("WebhookEndpointResponse").GetProperty("properties").GetProperty("enabled_events").GetProperty("items"))
            .ShouldBe([.. EventTypes.All, "*"]);
        Values(components.GetProperty("CreateWebhookEndpointBody").GetProperty("properties").GetProperty("enabled_events").GetProperty("items"))
            .ShouldBe([.. EventTypes.All, "*"]);
        Values(Parameter(document, "/v1/events", "type")).ShouldBe(EventTypes.All);
        Values(components.GetProperty("InvoiceStatus")).ShouldBe(["open", "paid", "void"]);
        Values(components.GetProperty("ApiEnvironment")).ShouldBe(["test", "live"]);
        components.GetProperty("InvoiceResponse").GetProperty("properties").GetProperty("status").GetProperty("$ref").GetString()
            .ShouldBe("#/components/schemas/InvoiceStatus");

        var data = components.GetProperty("EventData").GetProperty("properties").GetProperty("object");
        data.GetProperty("oneOf").EnumerateArray().Select(o => o.GetProperty("$ref").GetString()).ShouldBe(
            ["#/components/schemas/CounterpartyResponse", "#/components/schemas/InvoiceResponse"]);
        components.GetProperty("EventData").GetProperty("required").EnumerateArray().Select(r => r.GetString()).ShouldContain("object");
    }

    [Fact]
    public async Task Every_operation_lists_every_status_the_service_can_answer_it_with()
    {
        var document = await DocumentAsync();

        foreach (var (name, operation) in Operations(document))
        {
            var statuses = operation.GetProperty("responses").EnumerateObject().Select(r => r.Name).ToList();
            statuses.ShouldBeSubsetOf(["200", "201", "202", "400", "401", "404", "409", "413", "414", "415", "422", "429", "431", "500", "503"], name);
            statuses.ShouldContain("413", name); // by Content-Length, on any request
            statuses.ShouldContain("414", name);
            statuses.ShouldContain("431", name);
            if (name.StartsWith("post ", StringComparison.Ordinal))
            {
                Codes(document, "post", name["post ".Length..], "400").ShouldContain("invalid_request", name); // a bad Idempotency-Key
                operation.GetProperty("responses").EnumerateObject()
                    .Where(r => r.Name[0] == '2' && !r.Value.GetProperty("headers").TryGetProperty("Idempotent-Replayed", out _))
                    .Select(r => r.Name).ShouldBeEmpty(name);
            }

            statuses.Contains("415").ShouldBe(operation.TryGetProperty("requestBody", out _), name);
        }

        foreach (var action in new[] { "pay", "void" })
        {
            var responses = Operation(document, "post", $"/v1/invoices/{{id}}/{action}").GetProperty("responses").EnumerateObject().Select(r => r.Name).ToList();
            responses.ShouldBe(["200", "400", "401", "404", "409", "413", "414", "422", "429", "431", "500", "503"], ignoreOrder: true);
        }
    }

    [Fact]
    public async Task The_document_has_its_licence_contact_described_tags_in_the_order_a_user_meets_them_and_described_operations()
    {
        var document = await DocumentAsync();

        var info = document.GetProperty("info");
        info.GetProperty("license").GetProperty("name").GetString().ShouldNotBeNullOrWhiteSpace();
        info.GetProperty("contact").GetProperty("name").GetString().ShouldNotBeNullOrWhiteSpace();
        document.GetProperty("servers").EnumerateArray().ShouldAllBe(s => !s.GetProperty("url").GetString()!.EndsWith('/'));
        var tags = document.GetProperty("tags").EnumerateArray().ToList();
        tags.ShouldAllBe(t => t.GetProperty("description").GetString()!.Length > 0);
        var names = tags.Select(t => t.GetProperty("name").GetString()!).ToList();
        names.Where(n => n is "Counterparties" or "Invoices" or "Events" or "WebhookEndpoints").ShouldBe(["Counterparties", "Invoices", "Events", "WebhookEndpoints"]);
        var used = Operations(document).SelectMany(o => o.Operation.GetProperty("tags").EnumerateArray().Select(t => t.GetString()!)).Distinct();
        names.ShouldBe(used, ignoreOrder: true);
        foreach (var (name, operation) in Operations(document))
        {
            operation.GetProperty("operationId").GetString().ShouldNotBeNullOrWhiteSpace(name);
            operation.GetProperty("summary").GetString().ShouldNotBeNullOrWhiteSpace(name);
            operation.TryGetProperty("description", out var description).ShouldBeTrue($"{name} has no description");
            description.GetString().ShouldNotBeNullOrWhiteSpace(name);
        }

        // Text the XML comments would leak from code: a member's signature, a cref, a C# nullable type.
        var leaked = Descriptions(document, "#").Where(d => LeakedCode().IsMatch(d.Text)).Select(d => $"{d.Where}: {d.Text}").ToList();
        leaked.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_updates_document_optional_members_clearable_ones_as_nullable_and_the_invoice_s_conflict()
    {
        var document = await DocumentAsync();
        JsonElement Body(string path) => Resolve(document, Operation(document, "patch", path).GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString()!);

        var invoice = Body("/v1/invoices/{id}");
        (!invoice.TryGetProperty("required", out var required) || required.GetArrayLength() == 0).ShouldBeTrue("no member of an update is required");
        var properties = invoice.GetProperty("properties");
        properties.EnumerateObject().Select(p => p.Name).ShouldBe(["invoice_due_date", "note", "metadata"], ignoreOrder: true);
        Describe(properties, "invoice_due_date").ShouldBe("string date");
        Describe(properties, "note").ShouldBe("null,string maxLength 1000");
        Describe(properties, "metadata").ShouldBe("null,object");
        var counterparty = Body("/v1/counterparties/{id}").GetProperty("properties");
        counterparty.EnumerateObject().Select(p => p.Name).ShouldBe(["name", "email", "metadata"], ignoreOrder: true);
        Describe(counterparty, "name").ShouldBe("string minLength 1 maxLength 200");
        Describe(counterparty, "email").ShouldBe("null,string maxLength 254");

        var responses = Operation(document, "patch", "/v1/invoices/{id}").GetProperty("responses");
        responses.GetProperty("409").GetProperty("description").GetString()!.ShouldStartWith("`invoice_state_conflict`");
        foreach (var status in new[] { "200", "400", "404" })
        {
            responses.TryGetProperty(status, out _).ShouldBeTrue(status);
            Operation(document, "patch", "/v1/counterparties/{id}").GetProperty("responses").TryGetProperty(status, out _).ShouldBeTrue(status);
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

    private static JsonElement Parameter(JsonElement document, string path, string name) =>
        Operation(document, "get", path).GetProperty("parameters").EnumerateArray().Single(p => p.GetProperty("name").GetString() == name).GetProperty("schema");

    /// <summary>Where a schema, or a schema inside it, says nothing of its values: no <c>type</c>, <c>$ref</c>, <c>const</c>, <c>enum</c> or combination.</summary>
    private static IEnumerable<string> Untyped(JsonElement schema, string where)
    {
        string[] typing = ["type", "$ref", "const", "enum", "oneOf", "anyOf", "allOf"];
        if (!typing.Any(k => schema.TryGetProperty(k, out _)))
        {
            yield return where;
        }

        foreach (var (child, place) in Children(schema, where))
        {
            foreach (var problem in Untyped(child, place))
            {
                yield return problem;
            }
        }
    }

    /// <summary>Every member named <c>object</c> of an object schema, anywhere in <paramref name="schema"/> (in a response: request bodies have none).</summary>
    private static IEnumerable<(string Where, JsonElement Member)> ObjectMembers(JsonElement schema, string where)
    {
        if (schema.TryGetProperty("properties", out var properties) && properties.TryGetProperty("object", out var member) && !where.Contains("EventData", StringComparison.Ordinal))
        {
            yield return ($"{where}.object", member);
        }

        foreach (var (child, place) in Children(schema, where))
        {
            foreach (var found in ObjectMembers(child, place))
            {
                yield return found;
            }
        }
    }

    private static IEnumerable<(JsonElement Schema, string Where)> Children(JsonElement schema, string where)
    {
        if (schema.TryGetProperty("properties", out var properties))
        {
            foreach (var property in properties.EnumerateObject())
            {
                yield return (property.Value, $"{where}.{property.Name}");
            }
        }

        if (schema.TryGetProperty("items", out var items))
        {
            yield return (items, $"{where}[]");
        }

        if (schema.TryGetProperty("additionalProperties", out var additional) && additional.ValueKind == JsonValueKind.Object)
        {
            yield return (additional, $"{where}{{}}");
        }

        foreach (var keyword in new[] { "allOf", "oneOf", "anyOf" })
        {
            if (schema.TryGetProperty(keyword, out var parts))
            {
                var i = 0;
                foreach (var part in parts.EnumerateArray())
                {
                    yield return (part, $"{where}/{keyword}/{i++}");
                }
            }
        }
    }

    private static IEnumerable<(string Where, string Text)> Descriptions(JsonElement element, string where) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => p.Name is "description" or "summary" && p.Value.ValueKind == JsonValueKind.String
            ? [($"{where}/{p.Name}", p.Value.GetString()!)]
            : Descriptions(p.Value, $"{where}/{p.Name}")),
        JsonValueKind.Array => element.EnumerateArray().SelectMany((e, i) => Descriptions(e, $"{where}/{i}")),
        _ => [],
    };

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(string|int|long|bool|Guid|DateTimeOffset|object)\?|\b[A-Z]\w+(Response|Command|Query|Body)\.[A-Z]|\{ get;|\b[TPMF]:[A-Z]\w+\.")]
    private static partial System.Text.RegularExpressions.Regex LeakedCode();

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
