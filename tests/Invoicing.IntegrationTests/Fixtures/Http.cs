using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Invoicing.IntegrationTests.Fixtures;

internal static class Http
{
    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string path, string json) =>
        client.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string path, JsonNode json) =>
        client.PostJsonAsync(path, json.ToJsonString());

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>
    /// Asserts the exact error envelope of §3: the status, application/json, and members code, detail,
    /// errors (and items only when <paramref name="withItems"/>), nothing else.
    /// </summary>
    public static async Task<JsonElement> ShouldBeEnvelopeAsync(this HttpResponseMessage response, HttpStatusCode status, string code, bool withItems = false)
    {
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(status, body);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/json");
        response.Headers.Contains("Request-Id").ShouldBeTrue();
        var json = JsonDocument.Parse(body).RootElement.Clone();
        json.EnumerateObject().Select(p => p.Name).ShouldBe(withItems ? ["code", "detail", "errors", "items"] : ["code", "detail", "errors"]);
        json.GetProperty("code").GetString().ShouldBe(code);
        json.GetProperty("detail").GetString().ShouldNotBeNullOrWhiteSpace();
        json.GetProperty("errors").ValueKind.ShouldBe(JsonValueKind.Array);
        foreach (var error in json.GetProperty("errors").EnumerateArray())
        {
            error.EnumerateObject().Select(p => p.Name).ShouldBe(["field", "code", "message"]);
        }

        return json;
    }

    /// <summary>The field errors as "field code message" lines, in order.</summary>
    public static string[] FieldErrors(this JsonElement envelope) =>
        envelope.GetProperty("errors").EnumerateArray()
            .Select(e => $"{e.GetProperty("field").GetString()} {e.GetProperty("code").GetString()} {e.GetProperty("message").GetString()}")
            .ToArray();

    public static async Task<Guid> CreateCounterpartyAsync(this HttpClient client, string name = "Acme Tires")
    {
        var response = await client.PostJsonAsync("/v1/counterparties", new JsonObject { ["name"] = name });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.JsonAsync()).GetProperty("id").GetGuid();
    }

    /// <summary>A valid invoice body; tests change or remove members from it.</summary>
    public static JsonObject Invoice(Guid originating, Guid receiving, string? number = null) => new()
    {
        ["amount_cents"] = 20000,
        ["discount_amount_cents"] = 500,
        ["currency"] = "eur",
        ["invoice_date"] = "2021-11-22",
        ["invoice_due_date"] = "2021-11-23",
        ["invoice_number"] = number ?? UniqueNumber(),
        ["note"] = "May’s Annual Tire Order",
        ["originating_counterparty_id"] = originating.ToString(),
        ["receiving_counterparty_id"] = receiving.ToString(),
    };

    public static string UniqueNumber() => "INV-" + Guid.NewGuid().ToString("N")[..12];

    public static HttpRequestMessage Request(HttpMethod method, string path, string? body = null, string mediaType = "application/json")
    {
        var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        }

        return request;
    }
}
