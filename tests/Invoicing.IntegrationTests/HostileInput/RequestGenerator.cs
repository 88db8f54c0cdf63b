using System.Globalization;
using System.Text;
using FsCheck;
using Invoicing.Application.Events;

namespace Invoicing.IntegrationTests.HostileInput;

/// <summary>
/// The FsCheck generator of hostile requests against the routes of an <see cref="ApiSurface"/>: mostly the route's
/// own method with a body built from its documented members (valid, then mutated with hostile values, missing and
/// unknown members), plus wrong methods, unknown paths, bodies that are not JSON, truncated or 10 000 deep, just
/// under and over 1 MiB, batches of 0, 1, 1000 and 1001, odd content types and headers.
/// </summary>
internal sealed class RequestGenerator(ApiSurface surface)
{
    public const int OneMiB = 1024 * 1024;

    private static readonly string[] Methods = ["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

    private static readonly string[] MediaTypes =
    [
        "application/json; charset=utf-8", "APPLICATION/JSON", "application/json;charset=UTF-8", "application/json; charset=utf-16",
        "application/json; charset=latin1", "text/plain", "text/json", "application/xml", "multipart/form-data; boundary=x",
        "application/x-www-form-urlencoded", "application/json-patch+json", "application/problem+json", "application/*", "*/*",
        "garbage", "application/json; foo", ";;;", "application/json, text/plain", "application/json; charset=foo", "application/json; charset=utf-32",
        "application/json; charset=\"utf-8\"", "application/json; boundary=x; charset=utf-8; charset=ascii",
    ];

    public Gen<FuzzCase> Case => G.Freq(
        (88, from route in G.PickFrom(surface.Routes) from c in ForRoute(route, route.Method) select c),
        (6, from route in G.PickFrom(surface.Routes) from method in G.PickFrom(Methods) from c in ForRoute(route, method) select c),
        (6, UnknownRoute));

    private Gen<FuzzCase> ForRoute(Route route, string method) =>
        from path in PathFor(route)
        from query in QueryFor(route)
        from auth in AuthHeader
        from body in BodyFor(route, method)
        from contentType in ContentTypeFor(body)
        from keys in IdempotencyKeys
        from requestId in RequestId
        select new FuzzCase(method, route, path, query, auth, contentType, body, keys, requestId, $"{method} {route.Template} body={body?.Label ?? "none"}");

    private Gen<FuzzCase> UnknownRoute =>
        from method in G.PickFrom(Methods)
        from path in G.Freq(
            (3, G.Pick<IReadOnlyList<PathPart>>(
                [PathPart.Of("v1")],
                [PathPart.Of("v1"), PathPart.Of("invoices"), PathPart.Of("x"), PathPart.Of("y")],
                [PathPart.Of("v1"), PathPart.Of("invoices"), PathPart.Of(new JRef("invoices", 0)), PathPart.Of("refund")],
                [PathPart.Of("v1"), PathPart.Of("invoices"), PathPart.Of("batch"), PathPart.Of("x")],
                [PathPart.Of("v2"), PathPart.Of("invoices")],
                [PathPart.Of("v1"), PathPart.Of("events"), PathPart.Of(new JRef("events", 0)), PathPart.Of("x")])),
            (2, HostileValues.Text.Select(t => (IReadOnlyList<PathPart>)[PathPart.Of("v1"), PathPart.Of(t)])))
        from auth in AuthHeader
        from body in G.Freq((3, G.Const<Body?>(null)), (1, RawBody.Select(b => (Body?)b)))
        from contentType in ContentTypeFor(body)
        select new FuzzCase(method, null, path, [], auth, contentType, body, null, null, $"{method} unknown route");

    private static Gen<IReadOnlyList<PathPart>> PathFor(Route route)
    {
        var segments = route.Template.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return Sequence(segments.Select(s => s.StartsWith('{') ? Id(route.Collection) : G.Const(PathPart.Of(s))).ToList());
    }

    private static Gen<IReadOnlyList<T>> Sequence<T>(IReadOnlyList<Gen<T>> generators) =>
        generators.Aggregate(
            G.Const<IReadOnlyList<T>>([]),
            (list, next) => from items in list from item in next select (IReadOnlyList<T>)[.. items, item]);

    /// <summary>An id in a path: a known one of the collection, one of the other environment, an unknown UUID or hostile text.</summary>
    private static Gen<PathPart> Id(string collection) => G.Freq(
        (6, G.Int(0, 1000).Select(k => PathPart.Of(new JRef(collection, k)))),
        (1, G.Int(0, 1000).Select(k => PathPart.Of(new JRef("live:" + collection, k)))),
        (2, G.Seed.Select(s => PathPart.Of(Uuid(s)))),
        (2, HostileValues.Text.Where(t => t.Length > 0).Select(PathPart.Of)));

    private static Gen<IReadOnlyList<QueryPart>> QueryFor(Route route)
    {
        var documented = route.Query.Select(p => QueryValue(route, p)).ToList();
        var chosen = route.Query.Count == 0
            ? G.Const<IReadOnlyList<QueryPart>>([])
            : from keep in G.List(documented.Count, G.Chance(30))
              from values in Sequence(documented)
              select (IReadOnlyList<QueryPart>)values.Where((_, i) => keep[i]).ToList();
        return from parts in chosen
               from duplicate in G.Chance(3)
               from extra in G.Freq((9, G.Const<IReadOnlyList<QueryPart>>([])), (1, G.List(G.Int(1, 3), from n in G.Freq((2, HostileValues.Fragment), (1, G.Pick("limit", "limit[gte]", "status[]", "LIMIT", "starting_after "))) from v in HostileValues.Text select new QueryPart(n, v)).Select(l => (IReadOnlyList<QueryPart>)l)))
               select (IReadOnlyList<QueryPart>)[.. parts, .. duplicate && parts.Count > 0 ? [parts[0]] : Array.Empty<QueryPart>(), .. extra];
    }

    private static Gen<QueryPart> QueryValue(Route route, QueryParameter parameter)
    {
        var schema = parameter.Schema;
        Gen<QueryPart> valid;
        if (schema.ValueKind == System.Text.Json.JsonValueKind.Object && schema.TryGetProperty("enum", out var values))
        {
            valid = G.Pick(values.EnumerateArray().Select(v => v.ToString()).ToArray()).Select(v => new QueryPart(parameter.Name, v));
        }
        else if (schema.ValueKind == System.Text.Json.JsonValueKind.Object && schema.TryGetProperty("format", out var format) && format.GetString() == "uuid")
        {
            var pool = parameter.Name.EndsWith("counterparty_id", StringComparison.Ordinal) ? "counterparties" : route.Collection;
            valid = G.Freq(
                (5, G.Int(0, 1000).Select(k => new QueryPart(parameter.Name, null, new JRef(pool, k)))),
                (1, G.Int(0, 1000).Select(k => new QueryPart(parameter.Name, null, new JRef("live:" + pool, k)))),
                (1, G.Seed.Select(s => new QueryPart(parameter.Name, Uuid(s)))));
        }
        else if (schema.ValueKind == System.Text.Json.JsonValueKind.Object && schema.TryGetProperty("format", out var date) && date.GetString() == "date")
        {
            valid = Date.Select(d => new QueryPart(parameter.Name, d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        }
        else if (schema.ValueKind == System.Text.Json.JsonValueKind.Object && schema.TryGetProperty("format", out var dateTime) && dateTime.GetString() == "date-time")
        {
            valid = from d in Date
                    from second in G.Int(0, 86_399)
                    select new QueryPart(parameter.Name, d.ToDateTime(TimeOnly.MinValue).AddSeconds(second).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        }
        else if (BodyShape.Type(schema) == "integer")
        {
            valid = G.Freq((5, G.Int(1, 100)), (1, G.Pick(0, -1, 101, int.MaxValue))).Select(n => new QueryPart(parameter.Name, n.ToString(CultureInfo.InvariantCulture)));
        }
        else
        {
            valid = HostileValues.Text.Select(t => new QueryPart(parameter.Name, t));
        }

        return G.Freq(
            (6, valid),
            (3, HostileValues.Text.Select(t => new QueryPart(parameter.Name, t))),
            (1, G.PickFrom(HostileValues.Numbers).Select(t => new QueryPart(parameter.Name, t))));
    }

    private static Gen<Auth> AuthHeader => G.Freq(
        (80, G.Const(new Auth(KeyKind.Test, "Bearer {key}", true, "test key"))),
        (4, G.Const(new Auth(KeyKind.Live, "Bearer {key}", true, "live key"))),
        (1, G.Const(new Auth(KeyKind.Test, "bearer {key}", true, "lower-case scheme"))),
        (1, G.Const(new Auth(KeyKind.Test, "Bearer   {key}  ", true, "padded key"))),
        (2, G.Const(new Auth(KeyKind.None, null, false, "no header"))),
        (1, G.Const(new Auth(KeyKind.Revoked, "Bearer {key}", false, "revoked key"))),
        (6, G.Pick(
            new Auth(KeyKind.None, "Bearer", false, "scheme only"),
            new Auth(KeyKind.None, "Bearer ", false, "empty key"),
            new Auth(KeyKind.Test, "Basic {key}", false, "basic scheme"),
            new Auth(KeyKind.Test, "Token {key}", false, "token scheme"),
            new Auth(KeyKind.Test, "Bearer {key}x", false, "key with an extra character"),
            new Auth(KeyKind.Test, "Bearer {key},Bearer {key}", false, "key twice"),
            new Auth(KeyKind.Test, "Bearer {key}\u0000", false, "key with NUL"),
            new Auth(KeyKind.None, "Bearer sk_test_" + new string('a', 31), false, "31 characters"),
            new Auth(KeyKind.None, "Bearer sk_test_" + new string('a', 129), false, "129 characters"),
            new Auth(KeyKind.None, "Bearer sk_prod_0123456789abcdefghijABCDEFGHIJ0123", false, "unknown prefix"),
            new Auth(KeyKind.None, "Bearer sk_test_0123456789abcdefghijABCDEFGHIJ0123", false, "unknown key"),
            new Auth(KeyKind.None, "Bearer " + new string('x', 10_000), false, "10 000 characters"),
            new Auth(KeyKind.None, "Bearer sk_test_ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞßàáâ", false, "non-ASCII key"),
            new Auth(KeyKind.None, "Bearer ' OR '1'='1", false, "SQL"))),
        (1, HostileValues.Text.Select(t => new Auth(KeyKind.None, "Bearer " + t, false, "hostile text"))));

    private static Gen<IReadOnlyList<string>?> IdempotencyKeys => G.Freq(
        (70, G.Const<IReadOnlyList<string>?>(null)),
        (18, G.Seed.Select(s => (IReadOnlyList<string>?)[Uuid(s)])),
        (12, G.Freq(
            (1, G.Pick<IReadOnlyList<string>?>([""], ["   "], [new string('k', 255)], [new string('k', 256)], [HostileValues.Repeat("😀", 128)], [HostileValues.Repeat("😀", 127) + "k"], ["a", "b"])),
            (3, HostileValues.Text.Select(t => (IReadOnlyList<string>?)[t])),
            (1, from s in G.Seed from t in HostileValues.Fragment select (IReadOnlyList<string>?)[Uuid(s) + t]))));

    private static Gen<string?> RequestId => G.Freq(
        (90, G.Const<string?>(null)),
        (5, G.Seed.Select(s => (string?)("req-" + s.ToString(CultureInfo.InvariantCulture)))),
        (1, G.Const<string?>(new string('r', 65))),
        (4, HostileValues.Text.Select(t => (string?)t)));

    private Gen<Body?> BodyFor(Route route, string method)
    {
        if (route.Body is { } shape && method == route.Method)
        {
            return G.Freq(
                (82, JsonBody(route, shape).Select(b => (Body?)b)),
                (10, RawBody.Select(b => (Body?)b)),
                (2, from b in JsonBody(route, shape) from cut in G.Int(0, 100) select (Body?)Truncated(b, cut)),
                (2, from b in JsonBody(route, shape) from over in G.Chance(50) from delta in G.Int(0, 64) select (Body?)(b with { PadTo = over ? OneMiB + 1 + delta : OneMiB - delta, Label = (over ? "over" : "under") + " 1 MiB " + b.Label })),
                (2, from b in JsonBody(route, shape) select (Body?)(b with { Chunked = true, Label = "chunked " + b.Label })),
                (1, G.Const<Body?>(null)),
                (1, HostileValues.Value.Select(v => (Body?)new Body(v, null, null, false, "a JSON value"))));
        }

        return G.Freq(
            (10, G.Const<Body?>(null)),
            (1, RawBody.Select(b => (Body?)b)),
            (1, HostileValues.Value.Select(v => (Body?)new Body(v, null, null, false, "a JSON value"))));
    }

    private static Gen<string?> ContentTypeFor(Body? body) => body is null
        ? G.Freq((30, G.Const<string?>(null)), (1, G.Const<string?>("application/json")))
        : G.Freq((85, G.Const<string?>("application/json")), (3, G.Const<string?>(null)), (12, G.PickFrom(MediaTypes).Select(t => (string?)t)));

    private static Body Truncated(Body body, int percent)
    {
        var text = JRef.Resolve(body.Json!, r => Uuid(r.Index)).Text(); // a cut-off body names no stored id anyway
        return new Body(new JRaw(text[..(text.Length * percent / 100)]), null, null, false, $"truncated at {percent}% {body.Label}");
    }

    /// <summary>Bodies that are not (acceptable) JSON: garbage, syntax errors, nesting 10 000 deep, BOMs, bad UTF-8.</summary>
    private static Gen<Body> RawBody => G.Freq(
        (6, G.Pick(
            "", " ", "{", "}", "[", "]", "{\"a\":", "{\"name\":\"x\"", "{'name':'x'}", "{name:\"x\"}", "{\"name\":\"x\",}", "[1,]",
            "{/*c*/\"name\":\"x\"}", "// c\n{}", "NaN", "Infinity", "-Infinity", "{\"amount_cents\":NaN}", "undefined", "null", "true", "1", "\"x\"",
            "{} {}", "{}x", "[][]", "\u0000", "{\"a\":\"\u0000\"}", "<xml/>", "a=1&b=2", "--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n--x--",
            "{\"a\":1e999999}", "{\"amount_cents\":0x10}", "{\"amount_cents\":+1}", "{\"amount_cents\":01}", "{\"amount_cents\":.5}",
            "{\"name\":\"\\ud800\"}", "{\"name\":\"\\u00\"}", "{\"name\":\"\\x41\"}", "{\"name\":\"a\tb\"}", "{\"name\":\"\\uDC00\\uD800\"}")
            .Select(t => new Body(new JRaw(t), null, null, false, "not JSON: " + Show(t)))),
        (2, G.Pick(
            new Body(new JRaw(new string('[', 10_000) + new string(']', 10_000)), null, null, false, "arrays 10 000 deep"),
            new Body(new JRaw(string.Concat(Enumerable.Repeat("{\"a\":", 10_000)) + "1" + new string('}', 10_000)), null, null, false, "objects 10 000 deep"),
            new Body(new JRaw(new string('[', 10_000)), null, null, false, "10 000 unclosed arrays"),
            new Body(new JRaw("{\"name\":" + new string('[', 65) + new string(']', 65) + "}"), null, null, false, "65 deep"),
            new Body(new JRaw("{\"name\":" + new string('[', 62) + new string(']', 62) + "}"), null, null, false, "63 deep"))),
        (2, G.Pick(
            new Body(null, [0xEF, 0xBB, 0xBF, .. "{\"name\":\"bom\"}"u8], null, false, "UTF-8 BOM"),
            new Body(null, [.. "{\"name\":\""u8, 0xFF, 0xFE, 0xC0, 0x80, .. "\"}"u8], null, false, "invalid UTF-8"),
            new Body(null, [.. "{\"name\":\""u8, 0xED, 0xA0, 0x80, .. "\"}"u8], null, false, "UTF-8 encoded surrogate"),
            new Body(null, Encoding.Unicode.GetBytes("{\"name\":\"utf16\"}"), null, false, "UTF-16"),
            new Body(null, [0x00, 0x00, 0x00], null, false, "NUL bytes"))),
        (1, from seed in G.Seed from length in G.Int(1, 3000) select new Body(null, RandomBytes(seed, length), null, false, $"{length} random bytes")));

    private Gen<Body> JsonBody(Route route, BodyShape shape) => shape.IsArray
        ? from count in G.Freq((2, G.Const(0)), (20, G.Const(1)), (35, G.Int(2, 5)), (8, G.Int(6, 40)), (3, G.Const(999)), (4, G.Const(1000)), (3, G.Const(1001)))
          from clean in G.Chance(count >= 999 ? 70 : 40)
          from items in G.List(count, clean ? ValidObject(route.Collection, shape) : BatchItem(route.Collection, shape))
          select new Body(new JArray(items), null, null, false, $"{count} items{(clean ? " (all valid)" : string.Empty)}")
        : from valid in ValidObject(route.Collection, shape)
          from mutate in G.Chance(60)
          from body in mutate ? Mutated((JObject)valid, shape) : G.Const(valid)
          select new Body(body, null, null, false, mutate ? "mutated object" : "valid object");

    private Gen<J> BatchItem(string collection, BodyShape shape) => G.Freq(
        (7, ValidObject(collection, shape)),
        (3, ValidObject(collection, shape).SelectMany(v => Mutated((JObject)v, shape))),
        (1, HostileValues.Value));

    /// <summary>Every member kept, dropped or given a hostile value; sometimes unknown or repeated members added.</summary>
    private static Gen<J> Mutated(JObject valid, BodyShape shape)
    {
        var names = valid.Members.Select(m => m.Key).Union(shape.Members.Select(m => m.Name)).ToList();
        Gen<KeyValuePair<string, J>?> Member(string name) => G.Freq(
            (70, G.Const(valid[name] is { } v ? new KeyValuePair<string, J>(name, v) : (KeyValuePair<string, J>?)null)),
            (8, G.Const<KeyValuePair<string, J>?>(null)),
            (22, HostileValues.Value.Select(v => (KeyValuePair<string, J>?)new KeyValuePair<string, J>(name, v))));
        return from members in Sequence(names.Select(Member).ToList())
               from extra in G.Freq(
                   (8, G.Const<IReadOnlyList<KeyValuePair<string, J>>>([])),
                   (2, G.List(G.Int(1, 3), from n in G.Freq((3, HostileValues.Text), (1, G.PickFrom(names).Select(n => n.ToUpperInvariant()))) from v in HostileValues.Value select new KeyValuePair<string, J>(n, v)).Select(l => (IReadOnlyList<KeyValuePair<string, J>>)l)),
                   (1, from n in G.PickFrom(names) from v in HostileValues.Value select (IReadOnlyList<KeyValuePair<string, J>>)[new KeyValuePair<string, J>(n, v)]))
               select (J)new JObject([.. members.OfType<KeyValuePair<string, J>>(), .. extra]);
    }

    /// <summary>A body a careful client would send, from what the service is known to accept; other routes from their schema.</summary>
    private static Gen<J> ValidObject(string collection, BodyShape shape) => collection switch
    {
        "invoices" => ValidInvoice,
        "counterparties" => ValidCounterparty,
        "webhook_endpoints" => ValidWebhookEndpoint,
        _ => FromSchema(shape),
    };

    private static Gen<J> ValidInvoice =>
        from amount in G.Freq((5, G.Long(1, 1_000_000)), (2, G.Long(1, 100_000_000_000)), (1, G.Pick(1L, 100_000_000_000L)))
        from discount in G.Freq((2, G.Const<long?>(null)), (3, G.Long(0, amount).Select(d => (long?)d)), (1, G.Const<long?>(amount)))
        from currency in G.Freq((2, G.Const<string?>(null)), (5, Letters(3).Select(c => (string?)c)))
        from date in Date
        from gap in G.Freq((1, G.Const(0)), (4, G.Int(1, 400)))
        from number in ValidText(1, 55, blank: false)
        from suffix in G.Seed
        from note in G.Freq((2, G.Const<J?>(null)), (1, G.Const<J?>(JNull.Instance)), (5, ValidText(0, 1000, blank: true).Select(t => (J?)new JString(t))))
        from originating in G.Int(0, 3)
        from step in G.Int(1, 3)
        from escape in G.Chance(10)
        select (J)new JObject(Members(
            ("amount_cents", new JNumber(amount.ToString(CultureInfo.InvariantCulture))),
            ("discount_amount_cents", discount is { } d ? new JNumber(d.ToString(CultureInfo.InvariantCulture)) : null),
            ("currency", currency is { } c ? new JString(c) : null),
            ("invoice_date", new JString(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))),
            ("invoice_due_date", new JString(AddDays(date, gap).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))),
            ("invoice_number", new JString(number + "-" + suffix.ToString("x8", CultureInfo.InvariantCulture), escape)),
            ("note", note),
            ("originating_counterparty_id", new JRef("parties", originating)),
            ("receiving_counterparty_id", new JRef("parties", (originating + step) % 4))));

    private static Gen<J> ValidCounterparty =>
        from name in ValidText(1, 200, blank: false)
        from email in G.Freq((2, G.Const<J?>(null)), (1, G.Const<J?>(JNull.Instance)), (4, Email.Select(e => (J?)new JString(e))))
        from escape in G.Chance(10)
        select (J)new JObject(Members(("name", new JString(name, escape)), ("email", email)));

    private static Gen<J> ValidWebhookEndpoint =>
        from host in G.Pick("example.com", "hooks.example.org", "xn--bcher-kva.example", "bücher.example", "93.184.216.34", "[2606:2800:220:1:248:1893:25c8:1946]", "example.com:8443")
        from scheme in G.Pick("https", "http", "HTTPS")
        from path in ValidText(0, 200, blank: true).Select(p => new string(p.Where(c => !char.IsWhiteSpace(c) && c != '#' && c != '?' && c != '%' && c != '\\').ToArray()))
        from events in G.Freq(
            (1, G.Const<IReadOnlyList<string>>(["*"])),
            (3, G.Some(EventTypes.All, 50).Where(l => l.Count > 0).Select(l => (IReadOnlyList<string>)l)))
        select (J)new JObject(Members(
            ("url", new JString($"{scheme}://{host}/{path}")),
            ("enabled_events", new JArray(events.Select(e => (J)new JString(e)).ToList()))));

    /// <summary>A route this generator knows nothing about: values that fit each member's schema.</summary>
    private static Gen<J> FromSchema(BodyShape shape) =>
        Sequence(shape.Members.Select(member => (from value in FromSchema(member) select new KeyValuePair<string, J>(member.Name, value))).ToList())
            .Select(members => (J)new JObject(members));

    private static Gen<J> FromSchema(Member member) => (member.Type, member.Format) switch
    {
        ("integer", _) => G.Long(member.Minimum ?? 0, Math.Min(member.Maximum ?? 1_000_000, 1L << 61)).Select(n => (J)new JNumber(n.ToString(CultureInfo.InvariantCulture))),
        ("boolean", _) => G.Pick(true, false).Select(b => (J)new JBool(b)),
        ("array", _) => G.List(G.Int(1, 3), ValidText(1, 20, blank: false)).Select(l => (J)new JArray(l.Select(s => (J)new JString(s)).ToList())),
        (_, "uuid") => G.Int(0, 1000).Select(k => (J)new JRef("parties", k)),
        (_, "date") => Date.Select(d => (J)new JString(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))),
        (_, "uri") => G.Const<J>(new JString("https://example.com/hook")),
        _ => ValidText(1, member.MaxLength ?? 100, blank: false).Select(t => (J)new JString(t)),
    };

    private static IReadOnlyList<KeyValuePair<string, J>> Members(params (string Name, J? Value)[] members) =>
        members.Where(m => m.Value is not null).Select(m => new KeyValuePair<string, J>(m.Name, m.Value!)).ToList();

    /// <summary>Text the service must store as it is: hostile but well-formed, without NUL, within the length in characters.</summary>
    private static Gen<string> ValidText(int min, int max, bool blank) => HostileValues.Text.Select(text =>
    {
        var runes = WellFormed(text.Replace("\0", string.Empty, StringComparison.Ordinal)).EnumerateRunes().Take(max).ToList();
        while (runes.Count < min || (!blank && runes.All(r => Rune.IsWhiteSpace(r))))
        {
            runes.Insert(0, new Rune('x'));
        }

        return string.Concat(runes.Take(Math.Max(max, min)).Select(r => r.ToString()));
    });

    /// <summary>The text without its lone surrogates (pairs kept).</summary>
    private static string WellFormed(string text)
    {
        var clean = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                clean.Append(text[i]).Append(text[++i]);
            }
            else if (!char.IsSurrogate(text[i]))
            {
                clean.Append(text[i]);
            }
        }

        return clean.ToString();
    }

    private static Gen<string> Email =>
        from local in ValidText(1, 60, blank: false)
        from domain in G.Pick("example.com", "bücher.example", "a.b.c.example", "xn--bcher-kva.example")
        select new string(local.Where(c => !char.IsWhiteSpace(c) && c != '@' && !char.IsControl(c)).DefaultIfEmpty('x').ToArray()) + "@" + domain;

    private static Gen<string> Letters(int count) => G.List(count, G.Int('a', 'z')).Select(l => new string(l.Select(c => (char)c).ToArray()));

    private static Gen<DateOnly> Date => G.Freq(
        (8, from year in G.Int(1990, 2100) from day in G.Int(0, 364) select new DateOnly(year, 1, 1).AddDays(day)),
        (1, G.Pick(DateOnly.MinValue, DateOnly.MaxValue, new DateOnly(2024, 2, 29), new DateOnly(1970, 1, 1), new DateOnly(9999, 12, 1))));

    private static DateOnly AddDays(DateOnly date, int days) => date.DayNumber + days > DateOnly.MaxValue.DayNumber ? DateOnly.MaxValue : date.AddDays(days);

    public static string Uuid(int seed)
    {
        var bytes = new byte[16];
        new System.Random(seed).NextBytes(bytes);
        return new Guid(bytes).ToString();
    }

    private static byte[] RandomBytes(int seed, int length)
    {
        var bytes = new byte[length];
        new System.Random(seed).NextBytes(bytes);
        return bytes;
    }

    public static string Show(string text) => text.Length > 60 ? text[..60] + "…" : text;
}
