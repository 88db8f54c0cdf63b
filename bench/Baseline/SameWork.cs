using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Invoicing.Domain.Common;
using Npgsql;
using NpgsqlTypes;

namespace Invoicing.Bench.Baseline;

/// <summary>
/// The same-work baseline (issue 19, bench/README.md): exactly the database work of the service's
/// <c>POST /v1/invoices</c> and <c>POST /v1/invoices/batch</c>, in raw Npgsql with the fewest round trips that work
/// allows. As the service since docs/decisions/0044, the database decides the store rules: the invoices' foreign keys on
/// (environment, counterparty) and the unique number per originating counterparty refuse a bad write, and only then
/// does the store-rules query (docs/decisions/0022) run, to name the fields of the 400. The invoice and its
/// <c>invoice.created</c> event (the outbox row, docs/decisions/0015: same columns, <c>data</c> the invoice as the API
/// renders it) with its row in the queue of undispatched events (docs/decisions/0047) are written in one transaction.
/// PostgreSQL only.
/// <list type="bullet">
/// <item>One invoice: <b>one statement, one round trip</b> (prepared, see <see cref="Map"/>): the event's INSERT reads
/// the invoice's data-modifying CTE, and the queue's INSERT the event's. A single statement is its own transaction: no BEGIN, no COMMIT.</item>
/// <item>A batch: BEGIN (Npgsql sends it with the next statement, no round trip of its own), the binary <c>COPY</c> of
/// the invoices (in the unique index's order, as the service writes them, docs/decisions/0026), of the events and of
/// their queue rows, COMMIT: 7 round trips (a COPY is two: its start waits for the server's CopyInResponse, its end for
/// CommandComplete), as the service's COPY path (docs/decisions/0021).</item>
/// </list>
/// It validates the JSON types and the one rule the service checks without the database that this work depends on (two
/// different counterparties); field rules (ranges, lengths) are not checked, as in the platform baseline.
/// </summary>
internal static class SameWork
{
    private const string Environment = "test";
    private const string InvoiceCreated = "invoice.created";

    private const string InvoiceColumns = "id, environment, status, amount_cents, discount_amount_cents, currency, invoice_date, invoice_due_date, invoice_number, note, originating_counterparty_id, receiving_counterparty_id, metadata, created_at, updated_at, paid_at, voided_at";
    private const string EventColumns = "id, environment, type, data, previous_attributes, created_at";

    // As the service since docs/decisions/0044: the invoice, its event and the event's queue row in one statement (one round trip, its own
    // transaction), the database's foreign keys and unique index deciding; the store-rules query runs only after a
    // refusal, to name the fields. $1 environment, $2 originating, $3 receiving, $4 number; the invoice's columns $5…;
    // the event's $14, $15.
    private const string CreateOneSql = $"""
        WITH invoice AS (
            INSERT INTO invoices ({InvoiceColumns})
            VALUES ($5, $1, 'open', $6, $7, $8, $9, $10, $4, $11, $2, $3, $12, $13, $13, NULL, NULL)
            RETURNING id
        ), event AS (
            INSERT INTO events ({EventColumns})
            SELECT $14, $1, '{InvoiceCreated}', $15, NULL, $13 FROM invoice
            RETURNING id
        )
        INSERT INTO undispatched_events (event_id) SELECT id FROM event
        """;

    // The service's store-rules query for one invoice, after a refusal: the referenced counterparties that exist, each
    // left-joined to the number if it already used it as an originator.
    private const string CheckOneSql = """
        SELECT c.id, i.invoice_number
        FROM counterparties c
        LEFT JOIN invoices i ON i.originating_counterparty_id = c.id AND i.environment = $1
            AND i.originating_counterparty_id = $2 AND i.invoice_number = $4
        WHERE c.environment = $1 AND c.id IN ($2, $3)
        """;

    // The service's store-rules query (docs/decisions/0022) for a whole batch, after a refusal: the referenced
    // counterparties that exist, each left-joined to the requested numbers it already used as an originator.
    private const string CheckManySql = """
        SELECT c.id, i.invoice_number
        FROM counterparties c
        LEFT JOIN invoices i ON i.originating_counterparty_id = c.id AND i.environment = $1
            AND i.originating_counterparty_id = ANY($3) AND i.invoice_number = ANY($4)
        WHERE c.environment = $1 AND c.id = ANY($2)
        """;

    /// <summary>As the service writes JSON to a response and into the outbox (ApiJson: the relaxed encoder).</summary>
    private static readonly JsonWriterOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };

    /// <summary>
    /// Its own pool, with Npgsql's automatic preparation: the one-statement create is planned once per connection instead
    /// of on every request (unprepared, planning it took ~5 ms of PostgreSQL's CPU, more than executing it). Preparing
    /// costs no round trip after the first use on a connection, and the pool's reset then keeps the statements.
    /// </summary>
    public static void Map(WebApplication app, string connectionString, Func<HttpContext, bool> authorized)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        builder.ConnectionStringBuilder.MaxAutoPrepare = 16;
        builder.ConnectionStringBuilder.AutoPrepareMinUsages = 2;
        var source = builder.Build();

        app.MapPost("/same-work/v1/invoices", async (HttpContext context) =>
        {
            if (!authorized(context))
            {
                await ErrorAsync(context, 401, "unauthorized", "The API key is malformed, unknown or revoked.", []);
                return;
            }

            var cancel = context.RequestAborted;
            using var body = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: cancel);
            var now = DateTimeOffset.UtcNow;
            var invoice = Draft(body.RootElement, now);
            invoice = invoice with { EventId = Uuid7.Next(now) }; // the outbox row's id, made at save after the invoice's
            if (invoice.Originating == invoice.Receiving)
            {
                await ErrorAsync(context, 400, "validation_failed", "The request has invalid fields.", [("receiving_counterparty_id", "invalid_relation")]);
                return;
            }

            var json = Render(invoice);
            await using (var connection = await source.OpenConnectionAsync(cancel))
            {
                try
                {
                    await using var command = new NpgsqlCommand(CreateOneSql, connection);
                    var p = command.Parameters;
                    AddKeys(p, invoice);
                    p.Add(new NpgsqlParameter<Guid> { TypedValue = invoice.Id });
                    p.Add(new NpgsqlParameter<long> { TypedValue = invoice.AmountCents });
                    p.Add(new NpgsqlParameter<long> { TypedValue = invoice.DiscountAmountCents });
                    p.Add(new NpgsqlParameter<string> { TypedValue = invoice.Currency, NpgsqlDbType = NpgsqlDbType.Varchar });
                    p.Add(new NpgsqlParameter<DateOnly> { TypedValue = invoice.InvoiceDate });
                    p.Add(new NpgsqlParameter<DateOnly> { TypedValue = invoice.InvoiceDueDate });
                    p.Add(invoice.Note is null
                        ? new NpgsqlParameter { Value = DBNull.Value, NpgsqlDbType = NpgsqlDbType.Varchar }
                        : new NpgsqlParameter<string> { TypedValue = invoice.Note, NpgsqlDbType = NpgsqlDbType.Varchar });
                    p.Add(new NpgsqlParameter<string> { TypedValue = invoice.Metadata, NpgsqlDbType = NpgsqlDbType.Text });
                    p.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = now });
                    p.Add(new NpgsqlParameter<Guid> { TypedValue = invoice.EventId });
                    p.Add(new NpgsqlParameter<string> { TypedValue = Encoding.UTF8.GetString(json), NpgsqlDbType = NpgsqlDbType.Text });
                    await command.ExecuteNonQueryAsync(cancel);
                }
                catch (PostgresException refused) when (IsStoreRule(refused))
                {
                    await using var check = new NpgsqlCommand(CheckOneSql, connection);
                    AddKeys(check.Parameters, invoice);
                    var (existing, taken) = await ReadFoundAsync(check, cancel);
                    var errors = new List<(string Field, string Code)>();
                    AddErrors(errors, invoice, null, existing, taken);
                    await ErrorAsync(context, 400, "validation_failed", "The request has invalid fields.", errors);
                    return;
                }
            }

            context.Response.StatusCode = 201;
            context.Response.Headers.Location = $"/v1/invoices/{invoice.Id}";
            context.Response.ContentType = "application/json";
            await context.Response.Body.WriteAsync(json, cancel);
        });

        app.MapPost("/same-work/v1/invoices/batch", async (HttpContext context) =>
        {
            if (!authorized(context))
            {
                await ErrorAsync(context, 401, "unauthorized", "The API key is malformed, unknown or revoked.", []);
                return;
            }

            var cancel = context.RequestAborted;
            using var body = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: cancel);
            var now = DateTimeOffset.UtcNow;
            var invoices = body.RootElement.EnumerateArray().Select(item => Draft(item, now)).ToList();
            invoices = invoices.ConvertAll(d => d with { EventId = Uuid7.Next(now) }); // as the service: events' ids after the invoices'
            var errors = new List<(string Field, string Code)>();
            for (var i = 0; i < invoices.Count; i++)
            {
                if (invoices[i].Originating == invoices[i].Receiving)
                {
                    errors.Add(($"[{i}].receiving_counterparty_id", "invalid_relation"));
                }
            }

            if (errors.Count > 0)
            {
                await ErrorAsync(context, 400, "validation_failed", "The request has invalid fields.", errors);
                return;
            }

            var rendered = invoices.ConvertAll(Render);
            await using (var connection = await source.OpenConnectionAsync(cancel))
            {
                await using var transaction = await connection.BeginTransactionAsync(cancel);
                try
                {
                    await CopyAsync(connection, invoices, rendered, now, cancel);
                }
                catch (PostgresException refused) when (IsStoreRule(refused))
                {
                    await transaction.RollbackAsync(cancel);
                    await using var check = new NpgsqlCommand(CheckManySql, connection);
                    check.Parameters.Add(new NpgsqlParameter<string> { TypedValue = Environment, NpgsqlDbType = NpgsqlDbType.Varchar });
                    check.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = invoices.SelectMany(d => new[] { d.Originating, d.Receiving }).Distinct().ToArray() });
                    check.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = invoices.Select(d => d.Originating).Distinct().ToArray() });
                    check.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = invoices.Select(d => d.Number).Distinct().ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Varchar });
                    var (existing, taken) = await ReadFoundAsync(check, cancel);
                    for (var i = 0; i < invoices.Count; i++)
                    {
                        AddErrors(errors, invoices[i], i, existing, taken); // taken grows: a number twice in the batch is the second's error
                    }

                    await ErrorAsync(context, 400, "validation_failed", "The request has invalid fields.", errors);
                    return;
                }

                await transaction.CommitAsync(cancel);
            }

            context.Response.StatusCode = 201;
            context.Response.ContentType = "application/json";
            var output = context.Response.BodyWriter;
            output.Write("["u8);
            for (var i = 0; i < rendered.Count; i++)
            {
                if (i > 0)
                {
                    output.Write(","u8);
                }

                output.Write(rendered[i]);
            }

            output.Write("]"u8);
            await output.FlushAsync(cancel);
        });
    }

    /// <summary>A foreign key (a counterparty missing in the environment) or the unique number refused the write.</summary>
    private static bool IsStoreRule(PostgresException refused) =>
        refused.SqlState is PostgresErrorCodes.ForeignKeyViolation or PostgresErrorCodes.UniqueViolation;

    /// <summary>$1 environment, $2 originating, $3 receiving, $4 number: the store rules' keys, first in both statements.</summary>
    private static void AddKeys(NpgsqlParameterCollection p, Draft invoice)
    {
        p.Add(new NpgsqlParameter<string> { TypedValue = Environment, NpgsqlDbType = NpgsqlDbType.Varchar });
        p.Add(new NpgsqlParameter<Guid> { TypedValue = invoice.Originating });
        p.Add(new NpgsqlParameter<Guid> { TypedValue = invoice.Receiving });
        p.Add(new NpgsqlParameter<string> { TypedValue = invoice.Number, NpgsqlDbType = NpgsqlDbType.Varchar });
    }

    private static async Task<(HashSet<Guid> Existing, HashSet<(Guid, string)> Taken)> ReadFoundAsync(NpgsqlCommand check, CancellationToken cancel)
    {
        var existing = new HashSet<Guid>();
        var taken = new HashSet<(Guid, string)>();
        await using var reader = await check.ExecuteReaderAsync(cancel);
        while (await reader.ReadAsync(cancel))
        {
            existing.Add(reader.GetGuid(0));
            if (!reader.IsDBNull(1))
            {
                taken.Add((reader.GetGuid(0), reader.GetString(1)));
            }
        }

        return (existing, taken);
    }

    private static async Task CopyAsync(NpgsqlConnection connection, List<Draft> invoices, List<byte[]> rendered, DateTimeOffset now, CancellationToken cancel)
    {
        // Invoices in the unique index's order (environment, originating counterparty, number), as the service
        // copies them (docs/decisions/0026); events in creation order.
        var ordered = Enumerable.Range(0, invoices.Count)
            .OrderBy(i => invoices[i].Originating).ThenBy(i => invoices[i].Number, StringComparer.Ordinal).ToList();
        await using (var copy = await connection.BeginBinaryImportAsync($"COPY invoices ({InvoiceColumns}) FROM STDIN (FORMAT BINARY)", cancel))
        {
            foreach (var i in ordered)
            {
                var invoice = invoices[i];
                await copy.StartRowAsync(cancel);
                await copy.WriteAsync(invoice.Id, NpgsqlDbType.Uuid, cancel);
                await copy.WriteAsync(Environment, NpgsqlDbType.Varchar, cancel);
                await copy.WriteAsync("open", NpgsqlDbType.Varchar, cancel);
                await copy.WriteAsync(invoice.AmountCents, NpgsqlDbType.Bigint, cancel);
                await copy.WriteAsync(invoice.DiscountAmountCents, NpgsqlDbType.Bigint, cancel);
                await copy.WriteAsync(invoice.Currency, NpgsqlDbType.Varchar, cancel);
                await copy.WriteAsync(invoice.InvoiceDate, NpgsqlDbType.Date, cancel);
                await copy.WriteAsync(invoice.InvoiceDueDate, NpgsqlDbType.Date, cancel);
                await copy.WriteAsync(invoice.Number, NpgsqlDbType.Varchar, cancel);
                if (invoice.Note is null)
                {
                    await copy.WriteNullAsync(cancel);
                }
                else
                {
                    await copy.WriteAsync(invoice.Note, NpgsqlDbType.Varchar, cancel);
                }

                await copy.WriteAsync(invoice.Originating, NpgsqlDbType.Uuid, cancel);
                await copy.WriteAsync(invoice.Receiving, NpgsqlDbType.Uuid, cancel);
                await copy.WriteAsync(invoice.Metadata, NpgsqlDbType.Text, cancel);
                await copy.WriteAsync(now, NpgsqlDbType.TimestampTz, cancel);
                await copy.WriteAsync(now, NpgsqlDbType.TimestampTz, cancel);
                await copy.WriteNullAsync(cancel);
                await copy.WriteNullAsync(cancel);
            }

            await copy.CompleteAsync(cancel);
        }

        await using (var copy = await connection.BeginBinaryImportAsync($"COPY events ({EventColumns}) FROM STDIN (FORMAT BINARY)", cancel))
        {
            for (var i = 0; i < invoices.Count; i++)
            {
                await copy.StartRowAsync(cancel);
                await copy.WriteAsync(invoices[i].EventId, NpgsqlDbType.Uuid, cancel);
                await copy.WriteAsync(Environment, NpgsqlDbType.Varchar, cancel);
                await copy.WriteAsync(InvoiceCreated, NpgsqlDbType.Varchar, cancel);
                await copy.WriteAsync(Encoding.UTF8.GetString(rendered[i]), NpgsqlDbType.Text, cancel);
                await copy.WriteNullAsync(cancel);
                await copy.WriteAsync(now, NpgsqlDbType.TimestampTz, cancel);
            }

            await copy.CompleteAsync(cancel);
        }

        await using (var copy = await connection.BeginBinaryImportAsync("COPY undispatched_events (event_id) FROM STDIN (FORMAT BINARY)", cancel))
        {
            foreach (var invoice in invoices)
            {
                await copy.StartRowAsync(cancel);
                await copy.WriteAsync(invoice.EventId, NpgsqlDbType.Uuid, cancel);
            }

            await copy.CompleteAsync(cancel);
        }
    }

    /// <summary>The service's store-rule failures for one invoice (InvoiceStoreRules); <paramref name="taken"/> grows by its number.</summary>
    private static void AddErrors(List<(string Field, string Code)> errors, Draft invoice, int? item, HashSet<Guid> existing, HashSet<(Guid, string)> taken)
    {
        var prefix = item is { } index ? $"[{index}]." : "";
        if (!existing.Contains(invoice.Originating))
        {
            errors.Add((prefix + "originating_counterparty_id", "does_not_exist"));
        }

        if (!existing.Contains(invoice.Receiving))
        {
            errors.Add((prefix + "receiving_counterparty_id", "does_not_exist"));
        }

        if (!taken.Add((invoice.Originating, invoice.Number)))
        {
            errors.Add((prefix + "invoice_number", "unique"));
        }
    }

    /// <summary>
    /// A new invoice from a request item, ids from the service's own UUIDv7 generator (creation order within a
    /// millisecond); metadata as the service stores it: string values only, "" and null dropped, keys sorted (ordinal).
    /// </summary>
    private static Draft Draft(JsonElement item, DateTimeOffset now)
    {
        var metadata = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (item.TryGetProperty("metadata", out var given) && given.ValueKind == JsonValueKind.Object)
        {
            foreach (var pair in given.EnumerateObject())
            {
                if (pair.Value.ValueKind == JsonValueKind.String && pair.Value.GetString() is { Length: > 0 } value)
                {
                    metadata[pair.Name] = value;
                }
            }
        }

        var buffer = new ArrayBufferWriter<byte>(64);
        using (var json = new Utf8JsonWriter(buffer, JsonOptions))
        {
            json.WriteStartObject();
            foreach (var (key, value) in metadata)
            {
                json.WriteString(key, value);
            }

            json.WriteEndObject();
        }

        return new Draft(
            Uuid7.Next(now),
            Guid.Empty,
            item.GetProperty("amount_cents").GetInt64(),
            item.TryGetProperty("discount_amount_cents", out var discount) ? discount.GetInt64() : 0,
            item.TryGetProperty("currency", out var currency) ? currency.GetString()! : "usd",
            DateOnly.Parse(item.GetProperty("invoice_date").GetString()!, CultureInfo.InvariantCulture),
            DateOnly.Parse(item.GetProperty("invoice_due_date").GetString()!, CultureInfo.InvariantCulture),
            item.GetProperty("invoice_number").GetString()!,
            item.TryGetProperty("note", out var note) && note.ValueKind == JsonValueKind.String ? note.GetString() : null,
            item.GetProperty("originating_counterparty_id").GetGuid(),
            item.GetProperty("receiving_counterparty_id").GetGuid(),
            Encoding.UTF8.GetString(buffer.WrittenSpan),
            now);
    }

    /// <summary>The invoice object exactly as the service renders it (InvoiceResponse through ApiJson): the answer and the event's data.</summary>
    private static byte[] Render(Draft invoice)
    {
        var buffer = new ArrayBufferWriter<byte>(640);
        using (var json = new Utf8JsonWriter(buffer, JsonOptions))
        {
            var created = invoice.Now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
            json.WriteStartObject();
            json.WriteString("object", "invoice");
            json.WriteString("id", invoice.Id);
            json.WriteString("environment", Environment);
            json.WriteString("status", "open");
            json.WriteNumber("amount_cents", invoice.AmountCents);
            json.WriteNumber("discount_amount_cents", invoice.DiscountAmountCents);
            json.WriteNumber("amount_due_cents", invoice.AmountCents - invoice.DiscountAmountCents);
            json.WriteString("currency", invoice.Currency);
            json.WriteString("invoice_date", invoice.InvoiceDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            json.WriteString("invoice_due_date", invoice.InvoiceDueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            json.WriteString("invoice_number", invoice.Number);
            json.WriteString("note", invoice.Note);
            json.WriteString("originating_counterparty_id", invoice.Originating);
            json.WriteString("receiving_counterparty_id", invoice.Receiving);
            json.WritePropertyName("metadata");
            json.WriteRawValue(invoice.Metadata, skipInputValidation: true);
            json.WriteString("created_at", created);
            json.WriteString("updated_at", created);
            json.WriteNull("paid_at");
            json.WriteNull("voided_at");
            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static Task ErrorAsync(HttpContext context, int status, string code, string detail, List<(string Field, string Code)> errors)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["code"] = code,
            ["detail"] = detail,
            ["errors"] = errors.Select(e => new Dictionary<string, string> { ["field"] = e.Field, ["code"] = e.Code }).ToList(),
        }));
    }
}

internal sealed record Draft(
    Guid Id,
    Guid EventId,
    long AmountCents,
    long DiscountAmountCents,
    string Currency,
    DateOnly InvoiceDate,
    DateOnly InvoiceDueDate,
    string Number,
    string? Note,
    Guid Originating,
    Guid Receiving,
    string Metadata,
    DateTimeOffset Now);
