using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Invoicing.Domain.Common;
using Invoicing.IntegrationTests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace Invoicing.IntegrationTests.Api;

/// <summary>
/// Random probes with ids of the other environment (§2) in every place a /v1 route takes an id: paths, bodies
/// (the counterparty ids of an invoice and of a batch item), list filters and cursors. Each probe is sent twice, once
/// with the foreign id and once with a random id that never existed, and the two answers must be the same (status,
/// content type and body, with each id written as <c>{id}</c>): a foreign id is indistinguishable from none. No probe
/// creates, changes or deletes anything in either environment. Seeded: the seed is in every failure message, and
/// <c>INVOICING_PROBE_SEED</c> replays a run.
/// </summary>
public abstract class CrossEnvironmentProbeTests(IApiFixture api) : ApiTests(api)
{
    private const int Probes = 1000;

    private static readonly string[] Collections = ["counterparties", "invoices", "events", "webhook_endpoints"];

    [Fact]
    public async Task A_thousand_random_probes_with_ids_of_the_other_environment_answer_exactly_as_ids_that_never_existed()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("INVOICING_PROBE_SEED"), CultureInfo.InvariantCulture, out var given) ? given : Random.Shared.Next();
        var random = new Random(seed);
        var worlds = new Dictionary<ApiEnvironment, World>
        {
            [ApiEnvironment.Test] = await World.CreateAsync(Factory, ApiEnvironment.Test),
            [ApiEnvironment.Live] = await World.CreateAsync(Factory, ApiEnvironment.Live),
        };
        var before = await SnapshotAsync();
        // The probes are drawn first (one seeded sequence), then sent four at a time.
        var plans = Enumerable.Range(0, Probes).Select(n =>
        {
            var prober = random.Next(2) == 0 ? ApiEnvironment.Test : ApiEnvironment.Live;
            var other = prober == ApiEnvironment.Test ? ApiEnvironment.Live : ApiEnvironment.Test;
            var probe = Probe.Pick(random, worlds[prober]);
            return (N: n, Prober: prober, Probe: probe, Foreign: worlds[other].PickId(random, probe.Kind), Never: Guid.CreateVersion7(),
                Upper: random.Next(8) == 0, // ids are also read in capitals
                Idempotent: probe.Method == HttpMethod.Post && random.Next(4) == 0);
        }).ToList();
        var seen = new System.Collections.Concurrent.ConcurrentDictionary<string, int>();

        await Parallel.ForEachAsync(plans, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = Cancellation }, async (plan, _) =>
        {
            var own = worlds[plan.Prober];
            var because = $"seed {seed}, probe {plan.N}: {plan.Prober} key, {plan.Probe.Name}, foreign {plan.Foreign}, never {plan.Never}";

            var withForeign = await SendAsync(own, plan.Probe, Text(plan.Foreign, plan.Upper), plan.Idempotent);
            var withNever = await SendAsync(own, plan.Probe, Text(plan.Never, plan.Upper), plan.Idempotent);

            if (withForeign.Status >= HttpStatusCode.InternalServerError || withNever.Status >= HttpStatusCode.InternalServerError)
            {
                Assert.Fail($"{because}: answered {(int)withForeign.Status} / {(int)withNever.Status}; logged: {LoggedErrors()}");
            }

            withForeign.Status.ShouldBe(withNever.Status, because);
            withForeign.ContentType.ShouldBe(withNever.ContentType, because);
            Normalized(withForeign.Body, plan.Foreign).ShouldBe(Normalized(withNever.Body, plan.Never), because);
            withForeign.Status.ShouldBeOneOf([HttpStatusCode.OK, HttpStatusCode.BadRequest, HttpStatusCode.NotFound], because);
            seen.AddOrUpdate($"{plan.Probe.Name} → {(int)withForeign.Status}", 1, (_, count) => count + 1);
        });

        // Nothing was created, changed or deleted anywhere (the idempotency records of the probes aside).
        (await SnapshotAsync()).ShouldBe(before, $"seed {seed}");
        TestContext.Current.TestOutputHelper?.WriteLine($"{Probes} cross-environment probes, seed {seed}: " +
            string.Join("; ", seen.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key} ×{s.Value}")));
        seen.Keys.Select(k => k[..k.IndexOf(" → ", StringComparison.Ordinal)]).Distinct().Count().ShouldBe(Probe.Names, $"seed {seed}: every kind of probe ran");
    }

    private string LoggedErrors() =>
        string.Join("; ", Factory.Logs.Records.Where(r => r.Exception is not null).Select(r => r.Exception!.ToString()).Distinct());

    private static string Text(Guid id, bool upper) => upper ? id.ToString().ToUpperInvariant() : id.ToString();

    /// <summary>The answer with the probe's id (in any case) written as <c>{id}</c>.</summary>
    private static string Normalized(string body, Guid id) =>
        Regex.Replace(body, Regex.Escape(id.ToString()), "{id}", RegexOptions.IgnoreCase);

    private async Task<(HttpStatusCode Status, string? ContentType, string Body)> SendAsync(World own, Probe probe, string id, bool idempotent)
    {
        using var request = probe.Build(id);
        if (idempotent)
        {
            request.Headers.Add("Idempotency-Key", "probe-" + Guid.NewGuid().ToString("N"));
        }

        using var response = await own.Client.SendAsync(request, Cancellation);
        return (response.StatusCode, response.Content.Headers.ContentType?.ToString(), await response.Content.ReadAsStringAsync(Cancellation));
    }

    /// <summary>Every row of every table the API writes (but idempotency records), as text, in a stable order.</summary>
    private Task<List<string>> SnapshotAsync() => Factory.DbAsync(async db =>
    {
        var rows = new List<string>();
        rows.AddRange((await db.Counterparties.IgnoreQueryFilters().Select(c => new { c.Id, c.Environment, c.Name, c.Email }).ToListAsync(Cancellation)).Select(r => r.ToString()!));
        rows.AddRange((await db.Invoices.IgnoreQueryFilters().Select(i => new { i.Id, i.Environment, i.Status, i.InvoiceNumber, i.UpdatedAt }).ToListAsync(Cancellation)).Select(r => r.ToString()!));
        rows.AddRange((await db.Events.IgnoreQueryFilters().Select(e => new { e.Id, e.Environment, e.Type }).ToListAsync(Cancellation)).Select(r => r.ToString()!));
        rows.AddRange((await db.WebhookEndpoints.IgnoreQueryFilters().Select(w => new { w.Id, w.Environment, w.Url, w.Disabled, w.ProtectedSecret }).ToListAsync(Cancellation)).Select(r => r.ToString()!));
        rows.AddRange((await db.WebhookDeliveries.Select(d => new { d.Id, d.WebhookEndpointId, d.EventId, d.Status }).ToListAsync(Cancellation)).Select(r => r.ToString()!));
        rows.Sort(StringComparer.Ordinal);
        return rows;
    });

    /// <summary>What an id names: a probe wants one kind, but a foreign id of another kind is just as foreign.</summary>
    private enum Kind
    {
        Counterparty,
        Invoice,
        Event,
        WebhookEndpoint,
    }

    /// <summary>One environment's key and resources: counterparties, invoices in every status, their events, webhook endpoints.</summary>
    private sealed record World(HttpClient Client, Dictionary<Kind, List<Guid>> Ids)
    {
        public static async Task<World> CreateAsync(ApiFactory factory, ApiEnvironment environment)
        {
            var client = await factory.ClientAsync(environment);
            var ids = new Dictionary<Kind, List<Guid>> { [Kind.Counterparty] = [], [Kind.Invoice] = [], [Kind.Event] = [], [Kind.WebhookEndpoint] = [] };
            for (var i = 0; i < 3; i++)
            {
                ids[Kind.Counterparty].Add(await client.CreateCounterpartyAsync($"{environment} {i}"));
            }

            foreach (var move in new[] { null, "pay", "void", null })
            {
                var invoice = await (await client.PostJsonAsync("/v1/invoices", Http.Invoice(ids[Kind.Counterparty][0], ids[Kind.Counterparty][1]))).JsonAsync();
                var id = invoice.GetProperty("id").GetGuid();
                ids[Kind.Invoice].Add(id);
                if (move is not null)
                {
                    (await client.PostAsync($"/v1/invoices/{id}/{move}", null, TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.OK);
                }
            }

            for (var i = 0; i < 2; i++)
            {
                var endpoint = await client.PostJsonAsync("/v1/webhook_endpoints", new JsonObject { ["url"] = $"https://hooks.example.com/{environment}/{i}", ["enabled_events"] = new JsonArray("*") });
                endpoint.StatusCode.ShouldBe(HttpStatusCode.Created);
                ids[Kind.WebhookEndpoint].Add((await endpoint.JsonAsync()).GetProperty("id").GetGuid());
            }

            var events = await (await client.GetAsync("/v1/events?limit=100", TestContext.Current.CancellationToken)).JsonAsync();
            ids[Kind.Event].AddRange(events.GetProperty("data").EnumerateArray().Select(e => e.GetProperty("id").GetGuid()));
            ids[Kind.Event].Count.ShouldBeGreaterThanOrEqualTo(9);
            return new World(client, ids);
        }

        /// <summary>Mostly an id of the kind the probe wants, sometimes one of any other kind.</summary>
        public Guid PickId(Random random, Kind wanted)
        {
            var kind = random.Next(4) == 0 ? (Kind)random.Next(4) : wanted;
            var ids = Ids[kind];
            return ids[random.Next(ids.Count)];
        }
    }

    /// <summary>A request template with one id slot.</summary>
    private sealed record Probe(string Name, Kind Kind, HttpMethod Method, Func<string, HttpRequestMessage> Build)
    {
        public static int Count => 31;

        /// <summary>Distinct probe names: the cursor slots 22 and 23 repeat 14 and 15, for more weight on invoices and counterparties.</summary>
        public static int Names => 29;

        public static Probe Pick(Random random, World own)
        {
            var cp = own.Ids[Kind.Counterparty];
            var endpoint = own.Ids[Kind.WebhookEndpoint][0];
            var evt = own.Ids[Kind.Event][0];
            var number = Http.UniqueNumber();
            return random.Next(Count) switch
            {
                0 => Get("GET counterparty", Kind.Counterparty, id => $"/v1/counterparties/{id}"),
                1 => Get("GET invoice", Kind.Invoice, id => $"/v1/invoices/{id}"),
                2 => new("POST pay", Kind.Invoice, HttpMethod.Post, id => Http.Request(HttpMethod.Post, $"/v1/invoices/{id}/pay")),
                3 => new("POST void", Kind.Invoice, HttpMethod.Post, id => Http.Request(HttpMethod.Post, $"/v1/invoices/{id}/void")),
                4 => Get("GET event", Kind.Event, id => $"/v1/events/{id}"),
                5 => Get("GET webhook endpoint", Kind.WebhookEndpoint, id => $"/v1/webhook_endpoints/{id}"),
                6 => new("DELETE webhook endpoint", Kind.WebhookEndpoint, HttpMethod.Delete, id => Http.Request(HttpMethod.Delete, $"/v1/webhook_endpoints/{id}")),
                7 => Post("POST invoice originating", "/v1/invoices", id => Invoice(id, cp[1].ToString(), number)),
                8 => Post("POST invoice receiving", "/v1/invoices", id => Invoice(cp[0].ToString(), id, number)),
                9 => Post("POST invoice both", "/v1/invoices", id => Invoice(id, id, number)),
                10 => BatchProbe(random, cp),
                11 => Get("GET invoices originating filter", Kind.Counterparty, id => $"/v1/invoices?originating_counterparty_id={id}"),
                12 => Get("GET invoices receiving filter", Kind.Counterparty, id => $"/v1/invoices?receiving_counterparty_id={id}"),
                13 => Get("GET invoices filters and cursor", Kind.Invoice, id => $"/v1/invoices?status=open&originating_counterparty_id={cp[0]}&starting_after={id}"),
                var c and < 24 => Cursor(c - 14),
                24 => Get("GET delivery attempts", Kind.WebhookEndpoint, id => $"/v1/webhook_endpoints/{id}/delivery_attempts"),
                25 => Get("GET delivery attempts event filter", Kind.Event, id => $"/v1/webhook_endpoints/{endpoint}/delivery_attempts?event={id}"),
                26 => Get("GET delivery attempts starting_after", Kind.WebhookEndpoint, id => $"/v1/webhook_endpoints/{endpoint}/delivery_attempts?starting_after={id}"),
                27 => new("PATCH webhook endpoint", Kind.WebhookEndpoint, HttpMethod.Patch, id => Http.Request(HttpMethod.Patch, $"/v1/webhook_endpoints/{id}", """{"disabled": true, "url": "https://hooks.example.com/moved"}""")),
                28 => new("POST roll secret", Kind.WebhookEndpoint, HttpMethod.Post, id => Http.Request(HttpMethod.Post, $"/v1/webhook_endpoints/{id}/roll_secret")),
                29 => new("POST resend to endpoint", Kind.WebhookEndpoint, HttpMethod.Post, id => Http.Request(HttpMethod.Post, $"/v1/webhook_endpoints/{id}/events/{evt}/resend")),
                30 => new("POST resend of event", Kind.Event, HttpMethod.Post, id => Http.Request(HttpMethod.Post, $"/v1/webhook_endpoints/{endpoint}/events/{id}/resend")),
                _ => throw new InvalidOperationException(),
            };
        }

        private static Probe Get(string name, Kind kind, Func<string, string> path) =>
            new(name, kind, HttpMethod.Get, id => Http.Request(HttpMethod.Get, path(id)));

        private static Probe Post(string name, string path, Func<string, JsonNode> body) =>
            new(name, Kind.Counterparty, HttpMethod.Post, id => Http.Request(HttpMethod.Post, path, body(id).ToJsonString()));

        /// <summary>Probes 14–23: starting_after / ending_before on each of the four lists (starting_after of counterparties and invoices twice).</summary>
        private static Probe Cursor(int index)
        {
            var collection = Collections[index % 4];
            var cursor = index < 4 || index >= 8 ? "starting_after" : "ending_before";
            var kind = collection switch
            {
                "counterparties" => Kind.Counterparty,
                "invoices" => Kind.Invoice,
                "events" => Kind.Event,
                _ => Kind.WebhookEndpoint,
            };
            return Get($"GET {collection} {cursor}", kind, id => $"/v1/{collection}?limit=2&{cursor}={id}");
        }

        /// <summary>One to five items; one of them has the id as one or both of its counterparties, the rest are valid.</summary>
        private static Probe BatchProbe(Random random, List<Guid> cp)
        {
            var size = random.Next(1, 6);
            var target = random.Next(size);
            var slot = random.Next(3);
            var numbers = Enumerable.Range(0, size).Select(_ => Http.UniqueNumber()).ToArray();
            return Post("POST batch item", "/v1/invoices/batch", id => new JsonArray([.. Enumerable.Range(0, size).Select(i => i != target
                ? Invoice(cp[0].ToString(), cp[2].ToString(), numbers[i])
                : Invoice(slot == 1 ? cp[0].ToString() : id, slot == 0 ? cp[2].ToString() : id, numbers[i]))]));
        }

        private static JsonNode Invoice(string originating, string receiving, string number)
        {
            var invoice = Http.Invoice(Guid.Empty, Guid.Empty, number);
            invoice["originating_counterparty_id"] = originating;
            invoice["receiving_counterparty_id"] = receiving;
            return invoice;
        }
    }
}

public sealed class CrossEnvironmentProbeTestsOnSqlite(SqliteApi api) : CrossEnvironmentProbeTests(api), IClassFixture<SqliteApi>;

public sealed class CrossEnvironmentProbeTestsOnPostgres(PostgresApi api) : CrossEnvironmentProbeTests(api), IClassFixture<PostgresApi>;

public sealed class CrossEnvironmentProbeTestsOnSqlServer(SqlServerApi api) : CrossEnvironmentProbeTests(api), IClassFixture<SqlServerApi>;
