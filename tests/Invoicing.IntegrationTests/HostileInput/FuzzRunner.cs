using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Invoicing.Application.Common.Errors;

namespace Invoicing.IntegrationTests.HostileInput;

/// <summary>
/// Sends one <see cref="FuzzCase"/> and holds the answer to the contract: a 2xx is the documented status and schema,
/// and what it stored reads back identically through GET (strings byte for byte) with exactly the rows and events it
/// should have made; every other answer is exactly the envelope with a catalog code and that code's status, and
/// changes nothing; never a 5xx; 401 exactly when the key is not good; 413 for a declared length over 1 MiB; and an
/// <c>Idempotency-Key</c> replay answers the same bytes without running again.
/// </summary>
internal sealed partial class FuzzRunner(FuzzWorld world, ApiSurface surface)
{
    private static readonly HashSet<string> FieldCodes =
        ["required", "null", "blank", "invalid", "min_value", "max_value", "max_length", "unique", "does_not_exist", "invalid_relation"];

    private static readonly string[] Leaks = ["Exception", "   at ", "sk_test_", "sk_live_", "Npgsql", "SQLite", "System.", "stack"];

    public Dictionary<int, int> Statuses { get; } = [];

    public Dictionary<string, int> Codes { get; } = new(StringComparer.Ordinal);

    public int ReadBacks { get; private set; }

    public int Replays { get; private set; }

    /// <summary>
    /// Requests whose path holds an encoded NUL (<c>%00</c>): the HTTP layer refuses them before the application (Kestrel
    /// answers its own 400; the in-memory server throws), so they say nothing about the service and are only counted.
    /// </summary>
    public int RefusedByHttpLayer { get; private set; }

    /// <summary>Runs the case; returns what broke (empty when the answer kept every promise).</summary>
    public async Task<List<string>> RunAsync(FuzzCase fuzzCase)
    {
        var sent = Prepare(fuzzCase);
        if (sent.Path.Split('?')[0].Contains("%00", StringComparison.Ordinal))
        {
            RefusedByHttpLayer++;
            return [];
        }

        var changes = fuzzCase.Method != "GET";
        var before = changes ? await world.CountAsync() : null;
        using var response = await world.Client.SendAsync(sent.Build(), TestContext.Current.CancellationToken);
        var bytes = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        var status = (int)response.StatusCode;
        Statuses[status] = Statuses.GetValueOrDefault(status) + 1;
        var problems = new List<string>();
        var answer = Parse(bytes);
        if (status is < 200 or >= 300)
        {
            CheckEnvelope(fuzzCase, sent, response, answer, problems);
        }

        CheckHeaders(fuzzCase, sent, response, problems);
        if (status is >= 200 and < 300 && problems.Count == 0)
        {
            await CheckSuccessAsync(fuzzCase, sent, response, answer, problems);
        }

        if (changes)
        {
            var after = await world.CountAsync();
            if (status is < 200 or >= 300 && after != before)
            {
                problems.Add($"a {status} answer changed rows: {after - before!}");
            }
            else if (status is >= 200 and < 300 && Expected(sent) is { } expected && after - before! != expected)
            {
                problems.Add($"expected row changes {expected}, got {after - before!}");
            }

            if (problems.Count == 0 && ReplayExpected(fuzzCase, sent, status, answer))
            {
                await CheckReplayAsync(sent, status, bytes, after, problems);
            }
        }

        // A masked failure still shows in the service's log: nothing a client sends may make it log an error. (EF Core's
        // own categories are left out: it logs the unique-key conflict of every idempotent replay's claim as an error.)
        while (world.Factory.Logs.Records.TryDequeue(out var record))
        {
            if (record.Level >= Microsoft.Extensions.Logging.LogLevel.Error && record.Category.StartsWith("Invoicing.", StringComparison.Ordinal))
            {
                problems.Add($"the service logged {record.Level}: {record.Message} {record.Exception}");
            }
        }

        return problems;
    }

    /// <summary>The case with its ids filled in and its body written: what is sent (and re-sent for a replay).</summary>
    private Sent Prepare(FuzzCase c)
    {
        var path = "/" + string.Join('/', c.Path.Select(p => Encode(p.Literal ?? world.Resolve(p.Reference!))));
        if (c.Query.Count > 0)
        {
            path += "?" + string.Join('&', c.Query.Select(q => Encode(q.Name) + "=" + Encode(q.Literal ?? world.Resolve(q.Reference!))));
        }

        J? json = null;
        byte[]? body = null;
        if (c.Body is { } b)
        {
            if (b.Json is { } j)
            {
                json = JRef.Resolve(j, world.Resolve);
                if (b.PadTo is { } target)
                {
                    json = Pad(json, target);
                }

                body = Encoding.UTF8.GetBytes(json.Text());
            }
            else
            {
                body = b.Raw;
            }
        }

        var authorization = c.Auth.Template?.Replace("{key}", c.Auth.Kind == KeyKind.None ? string.Empty : world.Key(c.Auth.Kind), StringComparison.Ordinal);
        return new Sent(c.Method, path, authorization, c.ContentType, body, json, c.Body?.Chunked == true, c.IdempotencyKeys, c.RequestId, Served(c, path));
    }

    private void CheckEnvelope(FuzzCase c, Sent sent, HttpResponseMessage response, JsonElement? answer, List<string> problems)
    {
        var status = (int)response.StatusCode;
        if (status >= 500)
        {
            problems.Add($"{status} for input alone");
        }

        if (response.Content.Headers.ContentType?.MediaType != "application/json")
        {
            problems.Add($"a {status} answer is {response.Content.Headers.ContentType?.ToString() ?? "without a content type"}, not application/json");
        }

        if (answer is not { ValueKind: JsonValueKind.Object } envelope)
        {
            problems.Add($"a {status} answer is not a JSON object");
            return;
        }

        var batch = sent.Route is { Body.IsArray: true } && status == 400;
        var names = envelope.EnumerateObject().Select(p => p.Name).ToList();
        if (!(names.SequenceEqual(["code", "detail", "errors"]) || (batch && names.SequenceEqual(["code", "detail", "errors", "items"]))))
        {
            problems.Add($"envelope members are [{string.Join(", ", names)}]");
            return;
        }

        var code = envelope.GetProperty("code").GetString() ?? string.Empty;
        Codes[code] = Codes.GetValueOrDefault(code) + 1;
        if (!ErrorCodes.Catalog.TryGetValue(code, out var entry))
        {
            problems.Add($"code {code} is not in the catalog");
        }
        else if (entry.Status != status)
        {
            problems.Add($"code {code} came with {status}, the catalog says {entry.Status}");
        }

        var detail = envelope.GetProperty("detail");
        if (detail.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(detail.GetString()))
        {
            problems.Add("detail is not a sentence");
        }
        else if (Leaks.FirstOrDefault(l => detail.GetString()!.Contains(l, StringComparison.Ordinal)) is { } leak)
        {
            problems.Add($"detail gives away '{leak}': {detail.GetString()}");
        }

        var fields = new List<string>();
        if (envelope.GetProperty("errors") is not { ValueKind: JsonValueKind.Array } errors)
        {
            problems.Add("errors is not an array");
            return;
        }

        foreach (var error in errors.EnumerateArray())
        {
            if (error.ValueKind != JsonValueKind.Object || !error.EnumerateObject().Select(p => p.Name).SequenceEqual(["field", "code", "message"])
                || error.EnumerateObject().Any(p => p.Value.ValueKind != JsonValueKind.String))
            {
                problems.Add($"field error {error.GetRawText()} is not {{field, code, message}}");
                continue;
            }

            fields.Add(error.GetProperty("field").GetString()!);
            if (!FieldCodes.Contains(error.GetProperty("code").GetString()!))
            {
                problems.Add($"field error code {error.GetProperty("code").GetString()} is not in the catalog");
            }

            if (Leaks.FirstOrDefault(l => error.GetProperty("message").GetString()!.Contains(l, StringComparison.Ordinal)) is { } leak)
            {
                problems.Add($"a field error message gives away '{leak}'");
            }
        }

        if (envelope.TryGetProperty("items", out var items))
        {
            CheckItems(sent, items, fields, problems);
        }
    }

    /// <summary><c>items</c> (§5.3): one object per submitted item, each mapping its failing fields to their messages.</summary>
    private static void CheckItems(Sent sent, JsonElement items, List<string> fields, List<string> problems)
    {
        if (items.ValueKind != JsonValueKind.Array)
        {
            problems.Add("items is not an array");
            return;
        }

        if (sent.Json is JArray array && items.GetArrayLength() != array.Items.Count)
        {
            problems.Add($"items has {items.GetArrayLength()} entries for {array.Items.Count} submitted items");
        }

        var index = 0;
        foreach (var item in items.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object || item.EnumerateObject().Any(p => p.Value.ValueKind != JsonValueKind.Array || p.Value.EnumerateArray().Any(m => m.ValueKind != JsonValueKind.String)))
            {
                problems.Add($"items[{index}] is not an object of message lists");
            }
            else
            {
                foreach (var field in item.EnumerateObject().Select(p => p.Name))
                {
                    var named = field == "non_field_errors" ? $"[{index}]" : $"[{index}].{field}";
                    if (!fields.Contains(named))
                    {
                        problems.Add($"items[{index}] names {field}, which errors does not");
                    }
                }
            }

            index++;
        }
    }

    private static void CheckHeaders(FuzzCase c, Sent sent, HttpResponseMessage response, List<string> problems)
    {
        var status = (int)response.StatusCode;
        var id = response.Headers.TryGetValues("Request-Id", out var values) ? values.Single() : null;
        if (c.RequestId is { Length: >= 1 and <= 64 } mine && mine.All(ch => ch is >= '!' and <= '~'))
        {
            if (id != mine)
            {
                problems.Add($"Request-Id {id} does not echo {mine}");
            }
        }
        else if (id is null || !GeneratedRequestId().IsMatch(id))
        {
            problems.Add($"Request-Id {id} is not a generated one");
        }

        // A path that normalises out of /v1 (a ".." segment) needs no key.
        var underV1 = new Uri(new Uri("http://localhost/"), sent.Path).AbsolutePath is "/v1" or ['/', 'v', '1', '/', ..];
        // The request's size limits (414, 431) are checked before the key, as the HTTP server's own always were (ADR 0033).
        var overSizeLimits = status is 414 or 431;
        if (underV1 && !c.Auth.Valid && status != 401 && !overSizeLimits)
        {
            problems.Add($"{c.Auth.Label}: {status}, not 401");
        }
        else if (underV1 && c.Auth.Valid && status == 401)
        {
            problems.Add($"{c.Auth.Label}: refused");
        }
        else if (status == 401 && response.Headers.WwwAuthenticate.ToString() != "Bearer")
        {
            problems.Add("401 without WWW-Authenticate: Bearer");
        }

        // A target or headers over their limits are refused first (414, 431), whatever the body.
        if (c.Auth.Valid && !sent.Chunked && sent.Body is { Length: > RequestGenerator.OneMiB } && status != 413 && !overSizeLimits)
        {
            problems.Add($"a declared {sent.Body.Length}-byte body got {status}, not 413");
        }
    }

    private async Task CheckSuccessAsync(FuzzCase c, Sent sent, HttpResponseMessage response, JsonElement? answer, List<string> problems)
    {
        var status = (int)response.StatusCode;
        var route = sent.Route;
        if (route is null)
        {
            problems.Add($"{status} for a method and path that no route maps");
            return;
        }

        if (!route.Success.TryGetValue(status, out var schema))
        {
            problems.Add($"{status} is not a documented answer of {route.Name} ({string.Join(", ", route.Success.Keys)})");
            return;
        }

        if (answer is not { } body)
        {
            problems.Add($"a {status} answer is not JSON");
            return;
        }

        if (schema is { } s)
        {
            problems.AddRange(SchemaCheck.Check(surface.Document, s, body).Select(p => $"schema of {route.Name} {status}: {p}"));
        }

        var kind = c.Auth.Kind;
        if (route.Method == "GET" && body.ValueKind == JsonValueKind.Object && body.TryGetProperty("object", out var type) && type.GetString() == "list" && body.TryGetProperty("data", out var data))
        {
            foreach (var item in data.EnumerateArray())
            {
                world.Remember(kind, route.Collection, item.GetProperty("id").GetString()!);
            }
        }
        else if (route.Method == "POST" && !route.HasIdParameter && sent.Json is JObject request && body.ValueKind == JsonValueKind.Object)
        {
            await CheckCreatedAsync(kind, route, request, body, response.Headers.Location?.ToString(), problems);
        }
        else if (route.Method == "POST" && !route.HasIdParameter && sent.Json is JArray batch && body.ValueKind == JsonValueKind.Array)
        {
            if (body.GetArrayLength() != batch.Items.Count)
            {
                problems.Add($"{body.GetArrayLength()} created for {batch.Items.Count} submitted");
                return;
            }

            var created = body.EnumerateArray().ToList();
            for (var i = 0; i < created.Count; i++)
            {
                if (batch.Items[i] is JObject item)
                {
                    problems.AddRange(Compare(item, created[i]).Select(p => $"[{i}] {p}"));
                }

                world.Remember(kind, route.Collection, created[i].GetProperty("id").GetString()!);
            }

            foreach (var i in new[] { 0, created.Count / 2, created.Count - 1 }.Distinct())
            {
                await CheckReadBackAsync(kind, $"/v1/{route.Collection}/{created[i].GetProperty("id").GetString()}", created[i], problems);
            }
        }
        else if (route.Method == "POST" && route.HasIdParameter && body.ValueKind == JsonValueKind.Object && body.TryGetProperty("id", out var changed))
        {
            await CheckReadBackAsync(kind, $"/v1/{route.Collection}/{changed.GetString()}", body, problems);
        }
        else if (route.Method == "DELETE")
        {
            using var gone = await world.SendAsync(kind, HttpMethod.Get, sent.Path);
            if (gone.StatusCode != HttpStatusCode.NotFound)
            {
                problems.Add($"after DELETE, GET answers {(int)gone.StatusCode}");
            }

            world.Pool((kind == KeyKind.Live ? "live:" : string.Empty) + route.Collection).Remove(body.GetProperty("id").GetString()!);
        }
    }

    /// <summary>A created object: every member sent reads back as sent, it is at <c>Location</c>, and GET answers it identically.</summary>
    private async Task CheckCreatedAsync(KeyKind kind, Route route, JObject request, JsonElement body, string? location, List<string> problems)
    {
        problems.AddRange(Compare(request, body));
        var id = body.GetProperty("id").GetString()!;
        world.Remember(kind, route.Collection, id);
        var url = $"/v1/{route.Collection}/{id}";
        if (location is not null && location != url)
        {
            problems.Add($"Location {location} is not {url}");
        }

        await CheckReadBackAsync(kind, url, body, problems);
    }

    /// <summary>GET answers the same object (an endpoint's secret is shown only once, so it is left out).</summary>
    private async Task CheckReadBackAsync(KeyKind kind, string url, JsonElement expected, List<string> problems)
    {
        using var read = await world.SendAsync(kind, HttpMethod.Get, url);
        var text = await read.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        ReadBacks++;
        if (read.StatusCode != HttpStatusCode.OK)
        {
            problems.Add($"GET {url} answers {(int)read.StatusCode} after it was stored: {RequestGenerator.Show(text)}");
            return;
        }

        var stored = System.Text.Json.Nodes.JsonNode.Parse(text)!.AsObject();
        var want = System.Text.Json.Nodes.JsonNode.Parse(expected.GetRawText())!.AsObject();
        want.Remove("secret");
        if (!System.Text.Json.Nodes.JsonNode.DeepEquals(stored, want))
        {
            problems.Add($"GET {url} reads back {RequestGenerator.Show(stored.ToJsonString())}, not {RequestGenerator.Show(want.ToJsonString())}");
        }
    }

    /// <summary>Each member sent that the answer also has must come back as sent: text byte for byte, integers exactly, null as null.</summary>
    private static IEnumerable<string> Compare(JObject request, JsonElement answer)
    {
        if (request.HasDuplicates)
        {
            yield break;
        }

        foreach (var (name, value) in request.Members)
        {
            if (!JString.IsWellFormed(name) || !answer.TryGetProperty(name, out var got))
            {
                continue;
            }

            var same = value switch
            {
                JString { IsText: true } s => got.ValueKind == JsonValueKind.String && string.Equals(got.GetString(), s.Value, StringComparison.Ordinal),
                JNumber n when n.Integer is { } integer => got.ValueKind == JsonValueKind.Number && got.TryGetInt64(out var v) && v == integer,
                JNull => got.ValueKind == JsonValueKind.Null,
                JArray a when a.Items.All(i => i is JString { IsText: true }) => got.ValueKind == JsonValueKind.Array
                    && got.EnumerateArray().Select(i => i.GetString()).SequenceEqual(a.Items.Select(i => ((JString)i).Value), StringComparer.Ordinal),
                _ => true,
            };
            if (!same)
            {
                yield return $"{name} was sent as {RequestGenerator.Show(value.Text())} and came back as {RequestGenerator.Show(got.GetRawText())}";
            }
        }
    }

    /// <summary>The rows a successful change of a known route must make; null for routes this check does not know.</summary>
    private static Counts? Expected(Sent sent) => sent.Route?.Name switch
    {
        "POST /v1/counterparties" => new Counts(1, 0, 1, 0),
        "POST /v1/invoices" => new Counts(1, 1, 0, 0),
        "POST /v1/invoices/batch" when sent.Json is JArray batch => new Counts(batch.Items.Count, batch.Items.Count, 0, 0),
        "POST /v1/invoices/{id}/pay" or "POST /v1/invoices/{id}/void" => new Counts(1, 0, 0, 0),
        "POST /v1/webhook_endpoints" => new Counts(0, 0, 0, 1),
        _ => null,
    };

    /// <summary>Whether the answer was stored under the request's Idempotency-Key (§7; docs/api.md: not 401, 413, 414, 429, 431 or a bad key).</summary>
    private static bool ReplayExpected(FuzzCase c, Sent sent, int status, JsonElement? answer) =>
        c.Method == "POST" && sent.Path.StartsWith("/v1", StringComparison.Ordinal) && c.Auth.Valid
        && sent.IdempotencyKeys is [var key] && !string.IsNullOrWhiteSpace(key) && key.Length <= 255 && key.All(ch => ch is >= ' ' and <= '~')
        && status is not (401 or 413 or 414 or 429 or 431) && status < 500
        && !(answer is { ValueKind: JsonValueKind.Object } o && o.TryGetProperty("code", out var code) && code.GetString() is ErrorCodes.IdempotencyKeyReused or ErrorCodes.IdempotencyKeyInUse)
        && !(status == 400 && answer is { } a && a.TryGetProperty("errors", out var e) && e.EnumerateArray().Any(x => x.GetProperty("field").GetString() == "Idempotency-Key"));

    private async Task CheckReplayAsync(Sent sent, int status, byte[] bytes, Counts before, List<string> problems)
    {
        Replays++;
        using var again = await world.Client.SendAsync(sent.Build(), TestContext.Current.CancellationToken);
        var replayed = await again.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        if ((int)again.StatusCode != status || !replayed.AsSpan().SequenceEqual(bytes))
        {
            problems.Add($"the Idempotency-Key replay answered {(int)again.StatusCode} {RequestGenerator.Show(Encoding.UTF8.GetString(replayed))}, first {status} {RequestGenerator.Show(Encoding.UTF8.GetString(bytes))}");
        }
        else if (!again.Headers.TryGetValues("Idempotent-Replayed", out var flag) || flag.Single() != "true")
        {
            problems.Add($"the replay has no Idempotent-Replayed: true ({sent.Describe()}) {again.Headers}");
        }

        if (await world.CountAsync() != before)
        {
            problems.Add("the replay changed rows");
        }
    }

    /// <summary>
    /// The route the server sees: the case's own, unless a generated id of "." or ".." is a dot segment that the client
    /// and the server both remove (RFC 3986 §5.2.4), so that <c>/v1/invoices/.</c> is the list. A case sent with a
    /// method its route does not take is matched by its path.
    /// </summary>
    private Route? Served(FuzzCase c, string path)
    {
        var target = path.Split('?')[0];
        return target.Split('/').Any(s => s is "." or "..")
            ? Match(c.Method, new Uri(new Uri("http://localhost/"), target).AbsolutePath)
            : c.Target ?? Match(c.Method, target);
    }

    private Route? Match(string method, string path)
    {
        var segments = path.Split('?')[0].Split('/', StringSplitOptions.RemoveEmptyEntries);
        return surface.Routes.FirstOrDefault(r =>
        {
            var template = r.Template.Split('/', StringSplitOptions.RemoveEmptyEntries);
            return r.Method == method && template.Length == segments.Length
                && template.Zip(segments).All(p => p.First.StartsWith('{') || string.Equals(p.First, Uri.UnescapeDataString(p.Second), StringComparison.OrdinalIgnoreCase));
        });
    }

    private static J Pad(J json, int target)
    {
        const string Name = "fuzz_padding";
        JObject Padded(JObject o, int extra) => o.With(Name, new JString(new string('a', Math.Max(0, extra))));
        int Size(J j) => Encoding.UTF8.GetByteCount(j.Text());
        switch (json)
        {
            case JObject o:
                return Padded(o, target - Size(Padded(o, 0)));
            case JArray { Items: [JObject first, ..] } a:
                var rest = a.Items.Skip(1).ToList();
                var withEmpty = new JArray([Padded(first, 0), .. rest]);
                return new JArray([Padded(first, target - Size(withEmpty)), .. rest]);
            default:
                return json;
        }
    }

    private static JsonElement? Parse(byte[] bytes)
    {
        try
        {
            return bytes.Length == 0 ? null : JsonDocument.Parse(bytes).RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Percent-encodes the UTF-8 bytes of everything but the unreserved characters (a lone surrogate becomes U+FFFD).</summary>
    private static string Encode(string text)
    {
        var encoded = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            if (b is (>= (byte)'a' and <= (byte)'z') or (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'0' and <= (byte)'9') or (byte)'-' or (byte)'_' or (byte)'.' or (byte)'~')
            {
                encoded.Append((char)b);
            }
            else
            {
                encoded.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return encoded.ToString();
    }

    [GeneratedRegex("^req_[0-9a-f]{32}$")]
    private static partial Regex GeneratedRequestId();
}

/// <summary>A request as sent: it can be built again, byte for byte, for the idempotency replay.</summary>
internal sealed record Sent(
    string Method,
    string Path,
    string? Authorization,
    string? ContentType,
    byte[]? Body,
    J? Json,
    bool Chunked,
    IReadOnlyList<string>? IdempotencyKeys,
    string? RequestId,
    Route? Route)
{
    public HttpRequestMessage Build()
    {
        var request = new HttpRequestMessage(new HttpMethod(Method), Path);
        if (Authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", Authorization);
        }

        if (IdempotencyKeys is not null)
        {
            request.Headers.TryAddWithoutValidation("Idempotency-Key", IdempotencyKeys);
        }

        if (RequestId is not null)
        {
            request.Headers.TryAddWithoutValidation("Request-Id", RequestId);
        }

        if (Body is not null || ContentType is not null)
        {
            var body = Body ?? [];
            request.Content = Chunked ? new UnsizedContent(body) : new ByteArrayContent(body);
            if (ContentType is not null)
            {
                request.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
            }
        }

        return request;
    }

    public string Describe()
    {
        var body = Body is null ? "no body" : $"{Body.Length} bytes{(Chunked ? " chunked" : string.Empty)}: {RequestGenerator.Show(Encoding.UTF8.GetString(Body.AsSpan(0, Math.Min(Body.Length, 400))))}";
        return $"{Method} {RequestGenerator.Show(Path)} | Authorization: {RequestGenerator.Show(Authorization?.Replace("sk_", "sk·", StringComparison.Ordinal) ?? "(none)")} | Content-Type: {ContentType ?? "(none)"} | Idempotency-Key: {(IdempotencyKeys is null ? "(none)" : string.Join(" / ", IdempotencyKeys.Select(RequestGenerator.Show)))} | {body}";
    }

    /// <summary>A body sent without <c>Content-Length</c> (chunked on a real connection).</summary>
    private sealed class UnsizedContent(byte[] body) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(body).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
