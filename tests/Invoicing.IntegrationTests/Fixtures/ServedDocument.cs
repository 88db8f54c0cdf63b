using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace Invoicing.IntegrationTests.Fixtures;

/// <summary>
/// Checks every answer a test receives from the in-memory service against the OpenAPI document the service serves
/// (docs/decisions/0035): on the clients and handlers <see cref="ApiFactory"/> makes, so an answer that does not fit
/// fails the test that received it, with the operation, the status and the schema's complaints.
/// </summary>
public sealed class AnswerValidatingHandler : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        var document = await ServedDocument.LoadAsync(DocumentAsync, cancellationToken);
        var problem = await document.CheckAsync(request, response, cancellationToken);
        return problem is null ? response : throw new AnswerDoesNotFitTheDocumentException(problem);

        // From the same service, past this check (the in-memory server, or Kestrel where a test starts it).
        async Task<string> DocumentAsync()
        {
            using var get = new HttpRequestMessage(HttpMethod.Get, new Uri(request.RequestUri!, "/openapi/v1.json"));
            using var answer = await base.SendAsync(get, cancellationToken);
            return await answer.EnsureSuccessStatusCode().Content.ReadAsStringAsync(cancellationToken);
        }
    }
}

/// <summary>An answer of the service that its own OpenAPI document does not describe.</summary>
public sealed class AnswerDoesNotFitTheDocumentException(string message) : Exception(message);

/// <summary>
/// The served document (<c>/openapi/v1.json</c>, the same for every instance: it is made from the code), as what each
/// operation may answer, with a JSON Schema per operation and status built on first use (JsonSchema.Net).
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>The operation is found by method and route template (a literal segment beats a parameter, as in routing).</item>
/// <item>The status must be listed for it (or <c>NXX</c>/<c>default</c>); a documented JSON body must be
/// <c>application/json</c> and fit the schema, formats included; a response without content must have no body, as must
/// every answer to <c>HEAD</c> and every 204.</item>
/// <item>Objects of the document's components allow no member they do not declare (the check adds
/// <c>unevaluatedProperties: false</c>; the document itself stays open to new members).</item>
/// <item>A request that no operation answers (an unknown route, a method a route does not have) gets the envelope
/// whenever it is an error, anywhere; a success there is allowed only outside <c>/v1</c>: the document itself,
/// <c>/docs</c>, <c>/health/…</c> and other endpoints that are no API operation.</item>
/// </list>
/// </remarks>
public sealed class ServedDocument
{
    private const string ComponentsPrefix = "#/components/schemas/";

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static ServedDocument? _loaded;

    private static readonly EvaluationOptions Evaluation = new() { OutputFormat = OutputFormat.List, RequireFormatValidation = true };

    private readonly List<Operation> _operations;
    private readonly JsonObject _definitions;
    private readonly ConcurrentDictionary<string, JsonSchema> _schemas = new();
    private readonly BuildOptions _build = new() { SchemaRegistry = new SchemaRegistry() };
    private int _built;

    private ServedDocument(JsonNode document)
    {
        _definitions = new JsonObject();
        foreach (var (name, schema) in document["components"]?["schemas"]?.AsObject() ?? [])
        {
            var strict = Rewrite(schema!.DeepClone());
            if (strict is JsonObject { } o && o.ContainsKey("properties") && !o.ContainsKey("additionalProperties"))
            {
                o["unevaluatedProperties"] = false;
            }

            _definitions[name] = strict;
        }

        _operations = [];
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject().Where(o => o.Value is JsonObject { } op && op.ContainsKey("responses")))
            {
                var responses = new Dictionary<string, JsonNode?>(StringComparer.OrdinalIgnoreCase);
                foreach (var (status, response) in operation!["responses"]!.AsObject())
                {
                    responses[status] = response?["content"]?["application/json"]?["schema"];
                }

                _operations.Add(new Operation(
                    method.ToUpperInvariant(),
                    path,
                    path.Split('/', StringSplitOptions.RemoveEmptyEntries),
                    operation!["operationId"]?.GetValue<string>() ?? $"{method.ToUpperInvariant()} {path}",
                    responses));
            }
        }
    }

    /// <summary>The document, fetched once per test run from the first service that answers a checked request.</summary>
    public static async Task<ServedDocument> LoadAsync(Func<Task<string>> fetch, CancellationToken cancellationToken)
    {
        if (_loaded is { } loaded)
        {
            return loaded;
        }

        await Gate.WaitAsync(cancellationToken);
        try
        {
            if (_loaded is null)
            {
                _loaded = new ServedDocument(JsonNode.Parse(await fetch())!);
            }

            return _loaded;
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>Null when the answer fits the document; else what does not fit, in one message.</summary>
    public async Task<string?> CheckAsync(HttpRequestMessage request, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var method = request.Method.Method.ToUpperInvariant();
        var path = request.RequestUri!.IsAbsoluteUri ? request.RequestUri.AbsolutePath : request.RequestUri.OriginalString.Split('?')[0];
        var status = (int)response.StatusCode;
        var body = response.Content is null ? [] : await response.Content.ReadAsByteArrayAsync(cancellationToken);
        var operation = Find(method, path);
        var answer = $"{method} {path} answered {status}";

        if (method == "HEAD" || status is 204 or 304)
        {
            return body.Length == 0 ? null : $"{answer} with a body; this status and method have none.";
        }

        string? key;
        JsonNode? schema;
        if (operation is null)
        {
            if (status < 400)
            {
                return status < 300 && path.TrimStart('/').StartsWith("v1/", StringComparison.OrdinalIgnoreCase)
                    ? $"{answer}, but no operation of the document answers {method} {path}."
                    : null;
            }

            (key, schema) = ("envelope", new JsonObject { ["$ref"] = ComponentsPrefix + "ErrorEnvelope" });
        }
        else
        {
            answer = $"{operation.Name} ({method} {operation.Template}) answered {status}";
            var listed = new[] { status.ToString(System.Globalization.CultureInfo.InvariantCulture), $"{status / 100}XX", "default" }
                .FirstOrDefault(operation.Responses.ContainsKey);
            if (listed is null)
            {
                return $"{answer}, a status its document does not list (it lists {string.Join(", ", operation.Responses.Keys)}). Body: {Excerpt(body)}";
            }

            (key, schema) = ($"{operation.Method} {operation.Template} {listed}", operation.Responses[listed]);
            if (schema is null)
            {
                return body.Length == 0 ? null : $"{answer} with a body, where the document lists no content. Body: {Excerpt(body)}";
            }
        }

        if (response.Content?.Headers.ContentType?.MediaType != "application/json")
        {
            return $"{answer} with Content-Type {response.Content?.Headers.ContentType?.ToString() ?? "(none)"}, where the document says application/json. Body: {Excerpt(body)}";
        }

        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            return $"{answer} with a body that is not JSON: {Excerpt(body)}";
        }

        using (json)
        {
            var results = SchemaFor(key, schema).Evaluate(json.RootElement, Evaluation);
            if (results.IsValid)
            {
                return null;
            }

            var errors = (results.Details ?? [])
                .Where(d => d.Errors is { Count: > 0 })
                .SelectMany(d => d.Errors!.Select(e => $"  {d.InstanceLocation} ({d.EvaluationPath}): {e.Key}: {e.Value}"))
                .Distinct()
                .Take(20);
            return $"{answer} with a body that does not fit its schema in the document:\n{string.Join("\n", errors)}\nBody: {Excerpt(body)}";
        }
    }

    private Operation? Find(string method, string path)
    {
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToArray();
        return _operations
            .Where(o => o.Method == method && o.Segments.Length == segments.Length)
            .Where(o => o.Segments.Zip(segments).All(s => IsParameter(s.First) || string.Equals(s.First, s.Second, StringComparison.OrdinalIgnoreCase)))
            .OrderByDescending(o => o.Segments.Count(s => !IsParameter(s)))
            .FirstOrDefault();
    }

    private static bool IsParameter(string segment) => segment.StartsWith('{') && segment.EndsWith('}');

    /// <summary>A schema of the document on its own: the components beside it as <c>$defs</c>, its references pointed there.</summary>
    private JsonSchema SchemaFor(string key, JsonNode schema) => _schemas.GetOrAdd(key, _ =>
    {
        var root = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$id"] = $"urn:invoicing:answers:{Interlocked.Increment(ref _built)}",
            ["allOf"] = new JsonArray(Rewrite(schema.DeepClone())),
            ["$defs"] = _definitions.DeepClone(),
        };
        using var text = JsonDocument.Parse(root.ToJsonString());
        return JsonSchema.Build(text.RootElement.Clone(), _build);
    });

    /// <summary>Points every <c>#/components/schemas/X</c> reference at <c>#/$defs/X</c>.</summary>
    private static JsonNode? Rewrite(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (name, value) in o.ToList())
                {
                    if (name == "$ref" && value?.GetValue<string>() is { } target && target.StartsWith(ComponentsPrefix, StringComparison.Ordinal))
                    {
                        o["$ref"] = "#/$defs/" + target[ComponentsPrefix.Length..];
                    }
                    else
                    {
                        Rewrite(value);
                    }
                }

                break;
            case JsonArray a:
                foreach (var item in a)
                {
                    Rewrite(item);
                }

                break;
        }

        return node;
    }

    private static string Excerpt(byte[] body)
    {
        var text = Encoding.UTF8.GetString(body);
        return text.Length > 600 ? text[..600] + "…" : text.Length == 0 ? "(empty)" : text;
    }

    private sealed record Operation(string Method, string Template, string[] Segments, string Name, Dictionary<string, JsonNode?> Responses);
}
