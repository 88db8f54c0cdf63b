using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

// The baseline of bench/run.sh: the fastest thing that does the service's database work per request, written
// straight against ADO.NET. It authenticates by comparing the bearer key with the one it was started with (the
// service with a warm key cache does no database work for the key either), runs the same SELECT by id within the
// environment, the same INSERT (binary COPY for a batch), and writes the same JSON. It validates nothing beyond
// reading the JSON types and logs nothing: the platform baseline. Under /same-work/ it also serves the same-work
// baseline (SameWork.cs), which does all of the service's database work for a POST and a batch. Settings: Baseline:Provider (Postgres|Sqlite),
// Baseline:ConnectionString, Baseline:Key; --urls as usual.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var app = builder.Build();
var provider = app.Configuration["Baseline:Provider"] ?? "Postgres";
var connectionString = app.Configuration["Baseline:ConnectionString"] ?? throw new InvalidOperationException("Baseline:ConnectionString is required.");
var expectedAuthorization = "Bearer " + (app.Configuration["Baseline:Key"] ?? throw new InvalidOperationException("Baseline:Key is required."));
var postgres = provider.Equals("Postgres", StringComparison.OrdinalIgnoreCase);
var pgSource = postgres ? NpgsqlDataSource.Create(connectionString) : null;
const string Environment = "test";
const string Columns = "id, environment, status, amount_cents, discount_amount_cents, currency, invoice_date, invoice_due_date, invoice_number, note, originating_counterparty_id, receiving_counterparty_id, metadata, created_at, updated_at, paid_at, voided_at";

app.MapGet("/health/ready", async (HttpContext context) =>
{
    await using var connection = await OpenAsync();
    await using var command = connection.CreateCommand();
    command.CommandText = "SELECT 1";
    await command.ExecuteScalarAsync(context.RequestAborted);
    context.Response.ContentType = "application/json";
    await context.Response.WriteAsync("""{"status":"healthy"}""");
});

app.MapGet("/v1/invoices/{id}", async (HttpContext context, string id) =>
{
    if (!Authorized(context))
    {
        await ErrorAsync(context, 401, "unauthorized", "The API key is malformed, unknown or revoked.");
        return;
    }

    if (!Guid.TryParse(id, out var guid))
    {
        await ErrorAsync(context, 404, "invoice_not_found", "No such invoice.");
        return;
    }

    await using var connection = await OpenAsync();
    await using var command = connection.CreateCommand();
    command.CommandText = $"SELECT {Columns} FROM invoices WHERE id = @id AND environment = @environment LIMIT 1";
    Add(command, "id", postgres ? guid : guid.ToString().ToUpperInvariant());
    Add(command, "environment", Environment);
    await using var reader = await command.ExecuteReaderAsync(context.RequestAborted);
    if (!await reader.ReadAsync(context.RequestAborted))
    {
        await ErrorAsync(context, 404, "invoice_not_found", "No such invoice.");
        return;
    }

    var invoice = Read(reader);
    context.Response.ContentType = "application/json";
    await using var json = new Utf8JsonWriter(context.Response.BodyWriter);
    Write(json, invoice);
});

app.MapPost("/v1/invoices", async (HttpContext context) =>
{
    if (!Authorized(context))
    {
        await ErrorAsync(context, 401, "unauthorized", "The API key is malformed, unknown or revoked.");
        return;
    }

    using var body = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
    var invoice = Draft(body.RootElement, DateTimeOffset.UtcNow);
    await using var connection = await OpenAsync();
    await using var command = connection.CreateCommand();
    command.CommandText = $"INSERT INTO invoices ({Columns}) VALUES (@id, @environment, @status, @amount, @discount, @currency, @date, @due, @number, @note, @originating, @receiving, @metadata, @created, @updated, NULL, NULL)";
    Add(command, "id", postgres ? invoice.Id : invoice.Id.ToString().ToUpperInvariant());
    Add(command, "environment", Environment);
    Add(command, "status", invoice.Status);
    Add(command, "amount", invoice.AmountCents);
    Add(command, "discount", invoice.DiscountAmountCents);
    Add(command, "currency", invoice.Currency);
    Add(command, "date", postgres ? invoice.InvoiceDate : invoice.InvoiceDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    Add(command, "due", postgres ? invoice.InvoiceDueDate : invoice.InvoiceDueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    Add(command, "number", invoice.InvoiceNumber);
    Add(command, "note", (object?)invoice.Note ?? DBNull.Value);
    Add(command, "originating", postgres ? invoice.OriginatingCounterpartyId : invoice.OriginatingCounterpartyId.ToString().ToUpperInvariant());
    Add(command, "receiving", postgres ? invoice.ReceivingCounterpartyId : invoice.ReceivingCounterpartyId.ToString().ToUpperInvariant());
    Add(command, "metadata", invoice.Metadata);
    Add(command, "created", postgres ? invoice.CreatedAt : SqliteTime(invoice.CreatedAt));
    Add(command, "updated", postgres ? invoice.UpdatedAt : SqliteTime(invoice.UpdatedAt));
    await command.ExecuteNonQueryAsync(context.RequestAborted);

    context.Response.StatusCode = 201;
    context.Response.Headers.Location = $"/v1/invoices/{invoice.Id}";
    context.Response.ContentType = "application/json";
    await using var json = new Utf8JsonWriter(context.Response.BodyWriter);
    Write(json, invoice);
});

app.MapPost("/v1/invoices/batch", async (HttpContext context) =>
{
    if (!Authorized(context) || pgSource is null)
    {
        await ErrorAsync(context, 401, "unauthorized", "The API key is malformed, unknown or revoked (or the baseline is not on PostgreSQL).");
        return;
    }

    using var body = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
    var now = DateTimeOffset.UtcNow;
    var invoices = body.RootElement.EnumerateArray().Select(item => Draft(item, now)).ToList();
    await using (var connection = await pgSource.OpenConnectionAsync(context.RequestAborted))
    {
        await using var copy = await connection.BeginBinaryImportAsync($"COPY invoices ({Columns}) FROM STDIN (FORMAT BINARY)", context.RequestAborted);
        foreach (var invoice in invoices)
        {
            await copy.StartRowAsync(context.RequestAborted);
            await copy.WriteAsync(invoice.Id, NpgsqlDbType.Uuid, context.RequestAborted);
            await copy.WriteAsync(Environment, NpgsqlDbType.Varchar, context.RequestAborted);
            await copy.WriteAsync(invoice.Status, NpgsqlDbType.Varchar, context.RequestAborted);
            await copy.WriteAsync(invoice.AmountCents, NpgsqlDbType.Bigint, context.RequestAborted);
            await copy.WriteAsync(invoice.DiscountAmountCents, NpgsqlDbType.Bigint, context.RequestAborted);
            await copy.WriteAsync(invoice.Currency, NpgsqlDbType.Varchar, context.RequestAborted);
            await copy.WriteAsync(invoice.InvoiceDate, NpgsqlDbType.Date, context.RequestAborted);
            await copy.WriteAsync(invoice.InvoiceDueDate, NpgsqlDbType.Date, context.RequestAborted);
            await copy.WriteAsync(invoice.InvoiceNumber, NpgsqlDbType.Varchar, context.RequestAborted);
            if (invoice.Note is null)
            {
                await copy.WriteNullAsync(context.RequestAborted);
            }
            else
            {
                await copy.WriteAsync(invoice.Note, NpgsqlDbType.Varchar, context.RequestAborted);
            }

            await copy.WriteAsync(invoice.OriginatingCounterpartyId, NpgsqlDbType.Uuid, context.RequestAborted);
            await copy.WriteAsync(invoice.ReceivingCounterpartyId, NpgsqlDbType.Uuid, context.RequestAborted);
            await copy.WriteAsync(invoice.Metadata, NpgsqlDbType.Text, context.RequestAborted);
            await copy.WriteAsync(invoice.CreatedAt, NpgsqlDbType.TimestampTz, context.RequestAborted);
            await copy.WriteAsync(invoice.UpdatedAt, NpgsqlDbType.TimestampTz, context.RequestAborted);
            await copy.WriteNullAsync(context.RequestAborted);
            await copy.WriteNullAsync(context.RequestAborted);
        }

        await copy.CompleteAsync(context.RequestAborted);
    }

    context.Response.StatusCode = 201;
    context.Response.ContentType = "application/json";
    await using var json = new Utf8JsonWriter(context.Response.BodyWriter);
    json.WriteStartArray();
    foreach (var invoice in invoices)
    {
        Write(json, invoice);
    }

    json.WriteEndArray();
});

// The same-work baseline's endpoints (SameWork.cs): the service's whole database work for a POST and a batch.
if (pgSource is not null)
{
    Invoicing.Bench.Baseline.SameWork.Map(app, connectionString, Authorized);
}

app.Run();
return;

bool Authorized(HttpContext context) => context.Request.Headers.Authorization.ToString() == expectedAuthorization;

async Task<DbConnection> OpenAsync()
{
    if (pgSource is not null)
    {
        return await pgSource.OpenConnectionAsync();
    }

    var connection = new SqliteConnection(connectionString);
    await connection.OpenAsync();
    return connection;
}

static void Add(DbCommand command, string name, object value)
{
    var parameter = command.CreateParameter();
    parameter.ParameterName = name;
    parameter.Value = value;
    command.Parameters.Add(parameter);
}

static string SqliteTime(DateTimeOffset time) => time.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture);

static DateTimeOffset? Time(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal)
    ? null
    : reader.GetFieldType(ordinal) == typeof(string)
        ? DateTimeOffset.Parse(reader.GetString(ordinal), CultureInfo.InvariantCulture)
        : reader.GetFieldValue<DateTimeOffset>(ordinal);

static DateOnly Date(DbDataReader reader, int ordinal) => reader.GetFieldType(ordinal) == typeof(string)
    ? DateOnly.Parse(reader.GetString(ordinal), CultureInfo.InvariantCulture)
    : reader.GetFieldValue<DateOnly>(ordinal);

static Guid Uuid(DbDataReader reader, int ordinal) => reader.GetFieldType(ordinal) == typeof(string)
    ? Guid.Parse(reader.GetString(ordinal))
    : reader.GetGuid(ordinal);

static BaselineInvoice Read(DbDataReader reader) => new(
    Uuid(reader, 0), reader.GetString(1), reader.GetString(2), reader.GetInt64(3), reader.GetInt64(4), reader.GetString(5),
    Date(reader, 6), Date(reader, 7), reader.GetString(8), reader.IsDBNull(9) ? null : reader.GetString(9),
    Uuid(reader, 10), Uuid(reader, 11), reader.GetString(12) is { Length: > 0 } metadata ? metadata : "{}",
    Time(reader, 13)!.Value, Time(reader, 14)!.Value, Time(reader, 15), Time(reader, 16));

static BaselineInvoice Draft(JsonElement item, DateTimeOffset now) => new(
    Guid.CreateVersion7(now),
    Environment,
    "open",
    item.GetProperty("amount_cents").GetInt64(),
    item.TryGetProperty("discount_amount_cents", out var discount) ? discount.GetInt64() : 0,
    item.TryGetProperty("currency", out var currency) ? currency.GetString()! : "usd",
    DateOnly.Parse(item.GetProperty("invoice_date").GetString()!, CultureInfo.InvariantCulture),
    DateOnly.Parse(item.GetProperty("invoice_due_date").GetString()!, CultureInfo.InvariantCulture),
    item.GetProperty("invoice_number").GetString()!,
    item.TryGetProperty("note", out var note) && note.ValueKind == JsonValueKind.String ? note.GetString() : null,
    item.GetProperty("originating_counterparty_id").GetGuid(),
    item.GetProperty("receiving_counterparty_id").GetGuid(),
    item.TryGetProperty("metadata", out var metadata) && metadata.ValueKind == JsonValueKind.Object ? metadata.GetRawText() : "{}",
    now,
    now,
    null,
    null);

static void Write(Utf8JsonWriter json, BaselineInvoice invoice)
{
    json.WriteStartObject();
    json.WriteString("object", "invoice");
    json.WriteString("id", invoice.Id);
    json.WriteString("environment", invoice.Environment);
    json.WriteString("status", invoice.Status);
    json.WriteNumber("amount_cents", invoice.AmountCents);
    json.WriteNumber("discount_amount_cents", invoice.DiscountAmountCents);
    json.WriteNumber("amount_due_cents", invoice.AmountCents - invoice.DiscountAmountCents);
    json.WriteString("currency", invoice.Currency);
    json.WriteString("invoice_date", invoice.InvoiceDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    json.WriteString("invoice_due_date", invoice.InvoiceDueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    json.WriteString("invoice_number", invoice.InvoiceNumber);
    json.WriteString("note", invoice.Note);
    json.WriteString("originating_counterparty_id", invoice.OriginatingCounterpartyId);
    json.WriteString("receiving_counterparty_id", invoice.ReceivingCounterpartyId);
    json.WritePropertyName("metadata");
    json.WriteRawValue(invoice.Metadata, skipInputValidation: true);
    WriteTime(json, "created_at", invoice.CreatedAt);
    WriteTime(json, "updated_at", invoice.UpdatedAt);
    WriteTime(json, "paid_at", invoice.PaidAt);
    WriteTime(json, "voided_at", invoice.VoidedAt);
    json.WriteEndObject();
}

static void WriteTime(Utf8JsonWriter json, string name, DateTimeOffset? time)
{
    if (time is { } value)
    {
        // As the service writes it: UTC, whole seconds.
        json.WriteString(name, value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
    }
    else
    {
        json.WriteNull(name);
    }
}

static Task ErrorAsync(HttpContext context, int status, string code, string detail)
{
    context.Response.StatusCode = status;
    context.Response.ContentType = "application/json";
    return context.Response.WriteAsync(JsonSerializer.Serialize(new Dictionary<string, object> { ["code"] = code, ["detail"] = detail, ["errors"] = Array.Empty<object>() }));
}

internal sealed record BaselineInvoice(
    Guid Id,
    string Environment,
    string Status,
    long AmountCents,
    long DiscountAmountCents,
    string Currency,
    DateOnly InvoiceDate,
    DateOnly InvoiceDueDate,
    string InvoiceNumber,
    string? Note,
    Guid OriginatingCounterpartyId,
    Guid ReceivingCounterpartyId,
    string Metadata,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? PaidAt,
    DateTimeOffset? VoidedAt);
