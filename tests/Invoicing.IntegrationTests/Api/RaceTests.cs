using System.Net;
using System.Text.Json.Nodes;
using Invoicing.IntegrationTests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace Invoicing.IntegrationTests.Api;

/// <summary>
/// Concurrent creates that clash on <c>invoice_number</c> (§5.1, docs/decisions/0005): the index referees, every loser
/// answers the same 400 <c>unique</c> as the ordinary case, a batch stays all or nothing, and nothing is stored twice —
/// also when each request runs in its idempotency transaction (§7), and when a batch is written with <c>COPY</c>.
/// On PostgreSQL every racer is held after validating (inside its transaction) until all have validated, so that the
/// unique index, not validation, decides; SQLite serialises writing transactions, so there the racers queue.
/// </summary>
public abstract class RaceTests(IApiFixture api) : ApiTests(api)
{
    private const string Unique = "unique invoice with this invoice number already exists.";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Fifty_concurrent_creates_of_one_number_store_one_invoice_and_refuse_49_as_unique(bool idempotencyKeys)
    {
        const int racers = 50;
        var client = await Factory.ClientAsync();
        var (a, b) = (await client.CreateCounterpartyAsync("A"), await client.CreateCounterpartyAsync("B"));
        var number = Http.UniqueNumber();
        var body = Http.Invoice(a, b, number).ToJsonString();
        var keys = Enumerable.Range(0, racers).Select(i => idempotencyKeys ? $"race-{i}-{Guid.NewGuid():N}" : null).ToArray();

        var responses = await RaceAsync(racers, i => client.SendAsync(Post("/v1/invoices", body, keys[i]), Cancellation));

        var statuses = responses.Select(r => (int)r.StatusCode).ToArray();
        statuses.Count(s => s == 201).ShouldBe(1, Statuses(statuses) + LoggedErrors());
        statuses.Count(s => s == 400).ShouldBe(racers - 1, Statuses(statuses) + LoggedErrors());
        foreach (var refused in responses.Where(r => r.StatusCode == HttpStatusCode.BadRequest))
        {
            (await refused.ShouldBeEnvelopeAsync(HttpStatusCode.BadRequest, "invalid_request")).FieldErrors().ShouldBe(["invoice_number " + Unique]);
        }

        var id = (await responses.Single(r => r.StatusCode == HttpStatusCode.Created).JsonAsync()).GetProperty("id").GetString()!;
        (await Factory.DbAsync(db => db.Invoices.IgnoreQueryFilters().CountAsync(i => i.InvoiceNumber == number, Cancellation))).ShouldBe(1);
        (await Factory.DbAsync(db => db.Events.IgnoreQueryFilters().CountAsync(e => e.Type == "invoice.created" && e.Data.Contains(number), Cancellation))).ShouldBe(1);
        (await (await client.GetAsync("/v1/invoices/" + id, Cancellation)).JsonAsync()).GetProperty("invoice_number").GetString().ShouldBe(number);

        if (idempotencyKeys)
        {
            // Each answer was stored under its own key: a retry gets it back, and runs nothing again.
            for (var i = 0; i < racers; i++)
            {
                var replay = await client.SendAsync(Post("/v1/invoices", body, keys[i]), Cancellation);
                replay.StatusCode.ShouldBe(responses[i].StatusCode);
                replay.Headers.GetValues("Idempotent-Replayed").ShouldBe(["true"]);
                (await replay.Content.ReadAsStringAsync(Cancellation)).ShouldBe(await responses[i].Content.ReadAsStringAsync(Cancellation));
            }

            (await Factory.DbAsync(db => db.Invoices.IgnoreQueryFilters().CountAsync(i => i.InvoiceNumber == number, Cancellation))).ShouldBe(1);
        }
    }

    [Theory]
    [InlineData(100, false)] // COPY on PostgreSQL (docs/decisions/0021)
    [InlineData(100, true)]
    [InlineData(30, false)] // INSERTs
    [InlineData(30, true)]
    public async Task Concurrent_batches_that_overlap_in_numbers_are_each_all_or_nothing_and_store_no_number_twice(int size, bool idempotencyKeys)
    {
        const int batches = 10;
        var seed = Random.Shared.Next();
        var random = new Random(seed);
        var because = $"seed {seed}";
        var client = await Factory.ClientAsync();
        var (a, b) = (await client.CreateCounterpartyAsync("A"), await client.CreateCounterpartyAsync("B"));
        var pool = Enumerable.Range(0, size * 3).Select(_ => Http.UniqueNumber()).ToArray();
        var drawn = Enumerable.Range(0, batches).Select(_ =>
        {
            var shuffled = pool.ToArray();
            random.Shuffle(shuffled);
            return shuffled[..size];
        }).ToArray();
        var bodies = drawn.Select(numbers => new JsonArray([.. numbers.Select(n => (JsonNode)Http.Invoice(a, b, n))]).ToJsonString()).ToArray();

        var responses = await RaceAsync(batches, i => client.SendAsync(Post("/v1/invoices/batch", bodies[i], idempotencyKeys ? $"batch-{i}-{Guid.NewGuid():N}" : null), Cancellation));

        var statuses = responses.Select(r => (int)r.StatusCode).ToArray();
        statuses.ShouldAllBe(s => s == 201 || s == 400, Statuses(statuses) + ", " + because + LoggedErrors());
        statuses.ShouldContain(201, because);
        var created = new List<int>();
        for (var i = 0; i < batches; i++)
        {
            if (responses[i].StatusCode == HttpStatusCode.Created)
            {
                created.Add(i);
                (await responses[i].JsonAsync()).EnumerateArray().Select(x => x.GetProperty("invoice_number").GetString()).ShouldBe(drawn[i], because);
                continue;
            }

            // Refused: only unique errors, on items whose number another batch stored, aligned with the request.
            var envelope = await responses[i].ShouldBeEnvelopeAsync(HttpStatusCode.BadRequest, "invalid_request", withItems: true);
            var errors = envelope.FieldErrors();
            errors.ShouldNotBeEmpty(because);
            errors.ShouldAllBe(e => e.EndsWith("].invoice_number " + Unique), because);
            envelope.GetProperty("items").GetArrayLength().ShouldBe(size, because);
        }

        var stored = await Factory.DbAsync(db => db.Invoices.IgnoreQueryFilters()
            .Where(x => x.OriginatingCounterpartyId == a).Select(x => x.InvoiceNumber).ToListAsync(Cancellation));
        stored.Count.ShouldBe(stored.Distinct().Count(), because);
        stored.ShouldBe(created.SelectMany(i => drawn[i]), ignoreOrder: true, because); // whole batches only, each number once
        (await Factory.DbAsync(db => db.Events.IgnoreQueryFilters().CountAsync(e => e.Type == "invoice.created" && e.Data.Contains(a.ToString()), Cancellation)))
            .ShouldBe(stored.Count, because);
        foreach (var i in Enumerable.Range(0, batches).Except(created))
        {
            var envelope = await responses[i].JsonAsync();
            var flagged = envelope.GetProperty("items").EnumerateArray()
                .Select((item, index) => (item, index)).Where(x => x.item.TryGetProperty("invoice_number", out _)).Select(x => drawn[i][x.index]);
            flagged.ShouldBeSubsetOf(stored, because); // a number is refused only because it is stored
        }
    }

    private static string Statuses(int[] statuses) =>
        string.Join(", ", statuses.GroupBy(s => s).OrderBy(g => g.Key).Select(g => $"{g.Count()} × {g.Key}"));

    /// <summary>What the service logged as errors (for a failure message: the cause of a 500).</summary>
    private string LoggedErrors() =>
        string.Concat(Factory.Logs.Records.Where(r => r.Level >= Microsoft.Extensions.Logging.LogLevel.Error && r.Exception is not null)
            .Select(r => r.Exception!.GetBaseException()).Select(e => $"{e.GetType().Name}: {e.Message.Split('\n')[0]}").Distinct().Select(e => "\n  logged: " + e));

    private static HttpRequestMessage Post(string path, string body, string? idempotencyKey)
    {
        var request = Http.Request(HttpMethod.Post, path, body);
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return request;
    }

    /// <summary>
    /// Sends <paramref name="count"/> requests at once. On the servers each is held after validation, inside its
    /// transaction, until all have arrived there, then all go on together.
    /// </summary>
    private async Task<HttpResponseMessage[]> RaceAsync(int count, Func<int, Task<HttpResponseMessage>> send)
    {
        var gate = Factory.IsServer ? new CommandGate() : null;
        Factory.Faults.HoldCommands = gate;
        try
        {
            var sent = Enumerable.Range(0, count).Select(i => Task.Run(() => send(i), Cancellation)).ToArray();
            if (gate is not null)
            {
                for (var waited = 0; gate.Waiting + sent.Count(t => t.IsCompleted) < count; waited += 10)
                {
                    waited.ShouldBeLessThan(9_000, $"{gate.Waiting} of {count} racers reached the gate");
                    await Task.Delay(10, Cancellation);
                }

                gate.Open();
            }

            return await Task.WhenAll(sent);
        }
        finally
        {
            Factory.Faults.HoldCommands = null;

            // The racers opened up to 50 connections at once; close them now rather than keep them idle in the pool, so
            // that the test classes running beside this one (each with its own database) stay under max_connections.
            await Factory.DbAsync(db =>
            {
                switch (db.Database.GetDbConnection())
                {
                    case Npgsql.NpgsqlConnection npgsql:
                        Npgsql.NpgsqlConnection.ClearPool(npgsql);
                        break;
                    case Microsoft.Data.SqlClient.SqlConnection sqlServer:
                        Microsoft.Data.SqlClient.SqlConnection.ClearPool(sqlServer);
                        break;
                }

                return Task.FromResult(0);
            });
        }
    }
}

public sealed class RaceTestsOnSqlite(SqliteApi api) : RaceTests(api), IClassFixture<SqliteApi>;

public sealed class RaceTestsOnPostgres(PostgresApi api) : RaceTests(api), IClassFixture<PostgresApi>;

public sealed class RaceTestsOnSqlServer(SqlServerApi api) : RaceTests(api), IClassFixture<SqlServerApi>;
