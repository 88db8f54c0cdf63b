using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Invoicing.Infrastructure.Webhooks;
using Invoicing.IntegrationTests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace Invoicing.IntegrationTests.Api;

/// <summary>
/// A batch of 1000 is written with binary <c>COPY</c> on PostgreSQL (docs/decisions/0021), with <c>SqlBulkCopy</c> on SQL
/// Server (0030) and with INSERTs on SQLite; either way the stored rows are exactly those the same drafts get when created
/// one by one.
/// </summary>
public abstract class BulkInsertTests(IApiFixture api) : ApiTests(api)
{
    private static readonly string[] PerRowColumns = ["id", "created_at", "updated_at"];

    [Fact]
    public async Task A_batch_of_a_thousand_stores_every_column_as_the_same_drafts_created_one_by_one()
    {
        var client = await Factory.ClientAsync();
        var (a, b) = (await client.CreateCounterpartyAsync("A"), await client.CreateCounterpartyAsync("B"));
        var drafts = Enumerable.Range(0, 1000).Select(i => Draft(i, a, b)).ToList();

        // First through EF's INSERTs (batches of one: a single invoice is never copied; from two on, invoices are,
        // in the order of their unique index, docs/decisions/0026), read back raw, then removed so that the batch of
        // 1000 can store the same numbers.
        var single = new List<JsonElement>();
        var inserts = new ConcurrentQueue<string>();
        Factory.Faults.Commands = inserts;
        try
        {
            foreach (var chunk in drafts.Chunk(1))
            {
                var created = await client.PostJsonAsync("/v1/invoices/batch", new JsonArray([.. chunk.Select(d => d.DeepClone())]));
                created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync(Cancellation));
                single.AddRange((await created.JsonAsync()).EnumerateArray());
            }
        }
        finally
        {
            Factory.Faults.Commands = null;
        }

        inserts.ShouldContain(c => c.Contains("INSERT INTO", StringComparison.OrdinalIgnoreCase) && c.Contains("invoices", StringComparison.Ordinal));
        var singleGets = await GetSampleAsync(client, single);
        var singleRows = await RawRowsAsync("invoices", single);
        var singleIds = single.Select(i => i.GetProperty("id").GetGuid()).ToList();
        await Factory.DbAsync(db => db.Invoices.IgnoreQueryFilters().Where(i => singleIds.Contains(i.Id)).ExecuteDeleteAsync(Cancellation));

        var commands = new ConcurrentQueue<string>();
        Factory.Faults.Commands = commands;
        HttpResponseMessage response;
        var clock = Stopwatch.StartNew();
        try
        {
            response = await client.PostJsonAsync("/v1/invoices/batch", new JsonArray([.. drafts.Select(d => d.DeepClone())]));
        }
        finally
        {
            Factory.Faults.Commands = null;
        }

        // The speed of each provider's path, where it runs (for SQL Server only where the real-server suite runs: docs/decisions/0030).
        TestContext.Current.TestOutputHelper?.WriteLine($"{Factory.Provider}: a batch of 1000 invoices answered in {clock.ElapsedMilliseconds} ms");

        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Cancellation));
        var batch = (await response.JsonAsync()).EnumerateArray().ToList();
        var wroteWithInserts = commands.Any(c => c.Contains("INSERT INTO", StringComparison.OrdinalIgnoreCase) && c.Contains("invoices", StringComparison.Ordinal));
        wroteWithInserts.ShouldBe(!Factory.IsServer); // PostgreSQL's COPY and SQL Server's bulk load are no SQL command

        // Through GET (every tenth): the same answers, but for the id and the times; and what the batch answered.
        var batchGets = await GetSampleAsync(client, batch);
        batchGets.Select(WithoutPerRowFields).ShouldBe(singleGets.Select(WithoutPerRowFields));
        batchGets.Select(g => g.GetRawText()).ShouldBe(Sample(batch).Select(i => i.GetRawText()));

        // Raw: every column equal, but for the id and the times, which are each the row's own as GET renders them.
        var batchRows = await RawRowsAsync("invoices", batch);
        batchRows.Select(WithoutPerRowColumns).ShouldBe(singleRows.Select(WithoutPerRowColumns));
        foreach (var (row, answer) in batchRows.Zip(batch))
        {
            row["id"].ShouldBe(answer.GetProperty("id").GetString());
            WholeSeconds(Time(row["created_at"])).ShouldBe(answer.GetProperty("created_at").GetDateTimeOffset());
            WholeSeconds(Time(row["updated_at"])).ShouldBe(answer.GetProperty("updated_at").GetDateTimeOffset());
        }

        // Its events, written by the same save: one invoice.created per invoice, each with the invoice as answered, and queued.
        var events = await Factory.DbAsync(db => db.Events.IgnoreQueryFilters()
            .Where(e => e.Type == "invoice.created").Select(e => new { e.Data, e.CreatedAt, Queued = db.Set<UndispatchedEvent>().Any(u => u.EventId == e.Id) })
            .ToListAsync(Cancellation));
        var byInvoice = events.GroupBy(e => JsonDocument.Parse(e.Data).RootElement.GetProperty("id").GetString()!).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var (answer, row) in batch.Zip(batchRows))
        {
            var created = byInvoice[answer.GetProperty("id").GetString()!].ShouldHaveSingleItem();
            created.Data.ShouldBe(answer.GetRawText());
            created.CreatedAt.ShouldBe(Time(row["created_at"])); // the same instant as the invoice, to the stored precision
            created.Queued.ShouldBeTrue(); // for the delivery worker's fan-out, by the same save
        }
    }

    /// <summary>On the servers only: SQLite has one writer, so no other write can happen while the batch's transaction is open.</summary>
    protected async Task A_number_stored_concurrently_while_the_batch_is_copied_answers_unique_and_stores_nothing()
    {
        var client = await Factory.ClientAsync();
        var (a, b) = (await client.CreateCounterpartyAsync("A"), await client.CreateCounterpartyAsync("B"));
        var other = await (await client.PostJsonAsync("/v1/invoices", Http.Invoice(a, b))).JsonAsync();
        var drafts = Enumerable.Range(0, 300).Select(i => Draft(i, a, b)).ToList();
        var clashing = (string)drafts[250]["invoice_number"]!;

        var gate = new CommandGate();
        Factory.Faults.HoldCommands = gate;
        HttpResponseMessage response;
        try
        {
            var sent = client.PostJsonAsync("/v1/invoices/batch", new JsonArray([.. drafts.Select(d => d.DeepClone())]));
            for (var waited = 0; gate.Waiting == 0; waited += 10)
            {
                waited.ShouldBeLessThan(10_000);
                await Task.Delay(10, Cancellation);
            }

            // The batch has validated and waits inside its transaction; meanwhile another invoice takes item 250's number.
            var otherId = other.GetProperty("id").GetGuid();
            await Factory.DbAsync(db => db.Invoices.IgnoreQueryFilters().Where(i => i.Id == otherId)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.InvoiceNumber, clashing), Cancellation));
            gate.Open();
            response = await sent;
        }
        finally
        {
            Factory.Faults.HoldCommands = null;
        }

        var envelope = await response.ShouldBeEnvelopeAsync(HttpStatusCode.BadRequest, "invalid_request", withItems: true);
        envelope.FieldErrors().ShouldBe(["[250].invoice_number unique invoice with this invoice number already exists."]);
        var numbers = drafts.Select(d => (string)d["invoice_number"]!).ToList();
        (await Factory.DbAsync(db => db.Invoices.IgnoreQueryFilters().CountAsync(i => numbers.Contains(i.InvoiceNumber), Cancellation))).ShouldBe(1); // the other one
        (await Factory.DbAsync(db => db.Events.IgnoreQueryFilters().CountAsync(e => e.Data.Contains(numbers[0]), Cancellation))).ShouldBe(0);
    }

    /// <summary>Drafts that differ in every field: amounts, discounts, currencies, dates, notes (none, quotes, non-ASCII), direction.</summary>
    private static JsonObject Draft(int i, Guid a, Guid b)
    {
        var draft = Http.Invoice(i % 3 == 0 ? b : a, i % 3 == 0 ? a : b);
        draft["amount_cents"] = 1000 + (i * 37);
        draft["discount_amount_cents"] = i % 4 == 0 ? 0 : i;
        draft["currency"] = new[] { "eur", "usd", "gbp" }[i % 3];
        draft["invoice_date"] = new DateOnly(2020, 1, 1).AddDays(i).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        draft["invoice_due_date"] = new DateOnly(2020, 1, 1).AddDays(i + (i % 60)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        draft["note"] = (i % 5) switch
        {
            0 => null,
            1 => "Zoë's \"order\" ñ €",
            _ => $"note {i}",
        };
        if (draft["note"] is null)
        {
            draft.Remove("note");
        }

        return draft;
    }


    private static IEnumerable<JsonElement> Sample(List<JsonElement> invoices) => invoices.Where((_, i) => i % 10 == 0);

    private static async Task<List<JsonElement>> GetSampleAsync(HttpClient client, List<JsonElement> invoices)
    {
        var answers = new List<JsonElement>();
        foreach (var invoice in Sample(invoices))
        {
            var response = await client.GetAsync("/v1/invoices/" + invoice.GetProperty("id").GetString(), Cancellation);
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            answers.Add(await response.JsonAsync());
        }

        return answers;
    }

    private static DateTimeOffset Time(string? raw) => DateTimeOffset.Parse(raw!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    private static DateTimeOffset WholeSeconds(DateTimeOffset t) => new(t.Ticks - (t.Ticks % TimeSpan.TicksPerSecond), t.Offset);

    /// <summary>
    /// Every column of the rows, as the database gives them (text as read, in answer order). The ids are sent and read
    /// as the model stores them (a SQLite Guid is upper-case text; on SQL Server the key's converter decides).
    /// </summary>
    private async Task<List<Dictionary<string, string?>>> RawRowsAsync(string table, List<JsonElement> invoices)
    {
        var rows = await Factory.DbAsync(async db =>
        {
            var type = db.Model.FindEntityType(typeof(Domain.Invoices.Invoice))!;
            var id = type.FindPrimaryKey()!.Properties[0].GetRelationalTypeMapping();
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync(Cancellation);
            await using var command = connection.CreateCommand();
            var ids = invoices.Select(i => i.GetProperty("id").GetGuid()).ToList();
            command.CommandText = $"SELECT * FROM {table} WHERE id IN ({string.Join(", ", ids.Select((_, n) => $"@id{n}"))})";
            foreach (var (value, n) in ids.Select((value, n) => (value, n)))
            {
                command.Parameters.Add(id.CreateParameter(command, $"@id{n}", value, nullable: false));
            }

            var result = new List<Dictionary<string, string?>>();
            await using var reader = await command.ExecuteReaderAsync(Cancellation);
            while (await reader.ReadAsync(Cancellation))
            {
                var row = new Dictionary<string, string?>();
                for (var c = 0; c < reader.FieldCount; c++)
                {
                    row[reader.GetName(c)] = reader.IsDBNull(c) ? null : reader.GetValue(c) switch
                    {
                        // SQL Server keeps ids and invoice numbers as bytes (docs/decisions/0029): read them through the model's converters.
                        byte[] bytes when type.GetProperties().Single(p => p.GetColumnName() == reader.GetName(c)).GetTypeMapping().Converter is { } converter
                            => Convert.ToString(converter.ConvertFromProvider(bytes), CultureInfo.InvariantCulture),
                        DateTime t => t.ToString("O", CultureInfo.InvariantCulture),
                        DateTimeOffset t => t.ToString("O", CultureInfo.InvariantCulture),
                        var value => Convert.ToString(value, CultureInfo.InvariantCulture),
                    };
                }

                result.Add(row);
            }

            return result;
        });
        var byId = rows.ToDictionary(r => r["id"]!.ToLowerInvariant());
        return [.. invoices.Select(i => byId[i.GetProperty("id").GetString()!]).Select(r => { r["id"] = r["id"]!.ToLowerInvariant(); return r; })];
    }

    private static string WithoutPerRowColumns(Dictionary<string, string?> row) =>
        string.Join("|", row.Where(c => !PerRowColumns.Contains(c.Key)).OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key}={c.Value ?? "NULL"}"));

    private static string WithoutPerRowFields(JsonElement answer) =>
        string.Join("|", answer.EnumerateObject().Where(p => !PerRowColumns.Contains(p.Name)).Select(p => $"{p.Name}={p.Value.GetRawText()}"));
}

public sealed class BulkInsertTestsOnSqlite(SqliteApi api) : BulkInsertTests(api), IClassFixture<SqliteApi>;

public sealed class BulkInsertTestsOnPostgres(PostgresApi api) : BulkInsertTests(api), IClassFixture<PostgresApi>
{
    [Fact]
    public Task A_number_stored_concurrently_while_the_batch_is_copied_answers_unique_and_stores_nothing_on_postgres() =>
        A_number_stored_concurrently_while_the_batch_is_copied_answers_unique_and_stores_nothing();
}

public sealed class BulkInsertTestsOnSqlServer(SqlServerApi api) : BulkInsertTests(api), IClassFixture<SqlServerApi>
{
    [Fact]
    public Task A_number_stored_concurrently_while_the_batch_is_copied_answers_unique_and_stores_nothing_on_sql_server() =>
        A_number_stored_concurrently_while_the_batch_is_copied_answers_unique_and_stores_nothing();
}
