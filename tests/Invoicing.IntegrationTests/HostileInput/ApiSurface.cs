using System.Text.Json;
using Invoicing.IntegrationTests.Fixtures;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Invoicing.IntegrationTests.HostileInput;

/// <summary>
/// Every <c>/v1</c> route the running app maps (from its endpoint data source, so a new route is fuzzed without a
/// change here), with what the served OpenAPI document says about it: body schema, query parameters and the
/// success answers with their schemas.
/// </summary>
internal sealed class ApiSurface(JsonElement document, IReadOnlyList<Route> routes)
{
    public JsonElement Document { get; } = document;

    public IReadOnlyList<Route> Routes { get; } = routes;

    public static async Task<ApiSurface> LoadAsync(ApiFactory factory)
    {
        var text = await factory.CreateClient().GetStringAsync("/openapi/v1.json");
        var document = JsonDocument.Parse(text).RootElement.Clone();
        var routes = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.TrimStart('/').StartsWith("v1/", StringComparison.Ordinal) == true)
            .SelectMany(e => e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Select(m => (Method: m, Template: "/" + e.RoutePattern.RawText!.TrimStart('/'))))
            .OrderBy(r => r.Template, StringComparer.Ordinal).ThenBy(r => r.Method, StringComparer.Ordinal)
            .Select(r => Route.From(r.Method, r.Template, document))
            .ToList();
        return new ApiSurface(document, routes);
    }

    /// <summary>Follows <c>$ref</c>s to the schema they name.</summary>
    public static JsonElement Resolve(JsonElement document, JsonElement schema)
    {
        while (schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("$ref", out var reference))
        {
            schema = reference.GetString()!.TrimStart('#').Split('/', StringSplitOptions.RemoveEmptyEntries)
                .Aggregate(document, (node, segment) => node.GetProperty(segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)));
        }

        return schema;
    }
}

/// <summary>One method on one route template, e.g. <c>POST /v1/invoices/{id}/pay</c>.</summary>
internal sealed record Route(
    string Method,
    string Template,
    BodyShape? Body,
    IReadOnlyList<QueryParameter> Query,
    IReadOnlyDictionary<int, JsonElement?> Success)
{
    /// <summary>The collection the route is about (<c>invoices</c> for <c>/v1/invoices/{id}/pay</c>): the pool its ids come from.</summary>
    public string Collection => Template.Split('/', StringSplitOptions.RemoveEmptyEntries)[1];

    public string Name => $"{Method} {Template}";

    public bool HasIdParameter => Template.Contains('{', StringComparison.Ordinal);

    public static Route From(string method, string template, JsonElement document)
    {
        JsonElement? operation = document.GetProperty("paths").TryGetProperty(template, out var path) && path.TryGetProperty(method.ToLowerInvariant(), out var o) ? o : null;
        BodyShape? body = null;
        var query = new List<QueryParameter>();
        var success = new Dictionary<int, JsonElement?>();
        if (operation is { } op)
        {
            if (op.TryGetProperty("requestBody", out var requestBody)
                && requestBody.GetProperty("content").TryGetProperty("application/json", out var json)
                && json.TryGetProperty("schema", out var schema))
            {
                body = BodyShape.From(document, schema);
            }

            if (op.TryGetProperty("parameters", out var parameters))
            {
                foreach (var parameter in parameters.EnumerateArray().Select(p => ApiSurface.Resolve(document, p)))
                {
                    if (parameter.GetProperty("in").GetString() == "query")
                    {
                        query.Add(new QueryParameter(parameter.GetProperty("name").GetString()!, parameter.TryGetProperty("schema", out var s) ? ApiSurface.Resolve(document, s) : default));
                    }
                }
            }

            foreach (var response in op.GetProperty("responses").EnumerateObject().Where(r => r.Name.StartsWith('2')))
            {
                success[int.Parse(response.Name, System.Globalization.CultureInfo.InvariantCulture)] =
                    response.Value.TryGetProperty("content", out var content) && content.TryGetProperty("application/json", out var answer) && answer.TryGetProperty("schema", out var answerSchema)
                        ? answerSchema
                        : null;
            }
        }

        return new Route(method, template, body, query, success);
    }
}

/// <summary>A documented query parameter and its schema (type, format, enum, bounds).</summary>
internal sealed record QueryParameter(string Name, JsonElement Schema);

/// <summary>What a route's body is: an object with its members, or an array of such objects (the batch).</summary>
internal sealed record BodyShape(IReadOnlyList<Member> Members, bool IsArray, int MinItems, int MaxItems)
{
    public static BodyShape From(JsonElement document, JsonElement schema)
    {
        schema = ApiSurface.Resolve(document, schema);
        var isArray = Type(schema) == "array";
        var item = isArray ? ApiSurface.Resolve(document, schema.GetProperty("items")) : schema;
        var required = item.TryGetProperty("required", out var r) ? r.EnumerateArray().Select(n => n.GetString()!).ToHashSet() : [];
        var members = item.TryGetProperty("properties", out var properties)
            ? properties.EnumerateObject().Select(p => new Member(p.Name, ApiSurface.Resolve(document, p.Value), required.Contains(p.Name))).ToList()
            : [];
        return new BodyShape(
            members,
            isArray,
            isArray && schema.TryGetProperty("minItems", out var min) ? min.GetInt32() : 0,
            isArray && schema.TryGetProperty("maxItems", out var max) ? max.GetInt32() : 1000);
    }

    /// <summary>The schema's type, ignoring <c>"null"</c> in a type list.</summary>
    public static string? Type(JsonElement schema) =>
        !schema.TryGetProperty("type", out var type) ? null
        : type.ValueKind == JsonValueKind.String ? type.GetString()
        : type.EnumerateArray().Select(t => t.GetString()).FirstOrDefault(t => t != "null");
}

/// <summary>A documented body member.</summary>
internal sealed record Member(string Name, JsonElement Schema, bool Required)
{
    public string? Type => BodyShape.Type(Schema);

    public string? Format => Schema.TryGetProperty("format", out var f) ? f.GetString() : null;

    public bool Nullable => Schema.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.Array && t.EnumerateArray().Any(x => x.GetString() == "null");

    public long? Minimum => Schema.TryGetProperty("minimum", out var m) && m.TryGetInt64(out var v) ? v : null;

    public long? Maximum => Schema.TryGetProperty("maximum", out var m) && m.TryGetInt64(out var v) ? v : null;

    public int? MaxLength => Schema.TryGetProperty("maxLength", out var m) ? m.GetInt32() : null;
}
