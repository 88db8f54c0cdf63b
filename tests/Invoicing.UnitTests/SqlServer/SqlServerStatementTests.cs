using System.Data;
using System.Text.RegularExpressions;
using Invoicing.Application.ApiKeys.AuthenticateApiKey;
using Invoicing.Application.ApiKeys.CreateApiKey;
using Invoicing.Application.ApiKeys.EnsureBootstrapKey;
using Invoicing.Application.ApiKeys.ListApiKeys;
using Invoicing.Application.ApiKeys.RevokeApiKey;
using Invoicing.Application.Common.Idempotency;
using Invoicing.Application.Common.Validation;
using Invoicing.Application.Counterparties.CreateCounterparty;
using Invoicing.Application.Counterparties.GetCounterparty;
using Invoicing.Application.Counterparties.ListCounterparties;
using Invoicing.Application.Events;
using Invoicing.Application.Events.GetEvent;
using Invoicing.Application.Events.ListEvents;
using Invoicing.Application.Invoices;
using Invoicing.Application.Invoices.CreateInvoice;
using Invoicing.Application.Invoices.CreateInvoiceBatch;
using Invoicing.Application.Invoices.GetInvoice;
using Invoicing.Application.Invoices.ListInvoices;
using Invoicing.Application.Invoices.PayInvoice;
using Invoicing.Application.Invoices.VoidInvoice;
using Invoicing.Application.Webhooks;
using Invoicing.Application.Webhooks.CreateWebhookEndpoint;
using Invoicing.Application.Webhooks.DeleteWebhookEndpoint;
using Invoicing.Application.Webhooks.GetWebhookEndpoint;
using Invoicing.Application.Webhooks.ListWebhookEndpoints;
using Invoicing.Domain.Common;
using Invoicing.Domain.Invoices;
using Invoicing.Domain.Webhooks;
using Invoicing.Infrastructure.Idempotency;
using Invoicing.Infrastructure.Persistence;
using Invoicing.Infrastructure.Webhooks;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;

namespace Invoicing.UnitTests.SqlServer;

/// <summary>
/// Every SQL statement the service sends to SQL Server, taken from the code that sends it (the real handlers, stores and
/// workers, run against <see cref="OfflineSqlServer"/>), parses with SQL Server's own T-SQL parser with zero errors
/// (docs/decisions/0030). Each shape also names a fragment that proves the scenario reached the statement it is about.
/// </summary>
public sealed partial class SqlServerStatementTests
{
    private static readonly Guid Cursor = Guid.CreateVersion7();

    private static readonly Guid Counterparty = Guid.CreateVersion7();

    /// <summary>The delivery the claim returns, and the one the worker then reads.</summary>
    private static readonly Guid ClaimedDelivery = Guid.CreateVersion7();

    private static readonly DateTimeOffset CreatedFrom = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly DateTimeOffset CreatedTo = new(2026, 11, 30, 23, 59, 59, TimeSpan.Zero);

    /// <summary>A list's three ways to page: first page, after a cursor, before a cursor.</summary>
    private static readonly (string Name, Input<Guid> After, Input<Guid> Before)[] Cursors =
    [
        ("first page", Input<Guid>.Missing, Input<Guid>.Missing),
        ("starting_after", Input<Guid>.Of(Cursor), Input<Guid>.Missing),
        ("ending_before", Input<Guid>.Missing, Input<Guid>.Of(Cursor)),
    ];

    /// <summary>Each invoice list filter alone (with the column it must compare), and all at once.</summary>
    private static readonly (string Name, Func<Input<Guid>, Input<Guid>, ListInvoicesQuery> Query, string Fragment)[] InvoiceFilters =
    [
        ("no filter", (after, before) => Invoices(after, before), "FROM [invoices]"),
        ("status", (after, before) => Invoices(after, before, status: "paid"), "[status] = "),
        ("originating_counterparty_id", (after, before) => Invoices(after, before, originating: Counterparty), "[originating_counterparty_id] = "),
        ("receiving_counterparty_id", (after, before) => Invoices(after, before, receiving: Counterparty), "[receiving_counterparty_id] = "),
        ("invoice_date_gte", (after, before) => Invoices(after, before, from: new DateOnly(2026, 1, 1)), "[invoice_date] >= "),
        ("invoice_date_lte", (after, before) => Invoices(after, before, to: new DateOnly(2026, 12, 31)), "[invoice_date] <= "),
        ("invoice_number", (after, before) => Invoices(after, before, number: "INV-0001"), "[invoice_number] = "),
        ("created_gte", (after, before) => Invoices(after, before, createdFrom: CreatedFrom), "[id] >= "),
        ("created_lte", (after, before) => Invoices(after, before, createdTo: CreatedTo), "FROM [invoices]"),
        ("invoice_number and created range", (after, before) => Invoices(after, before, number: "INV-0001", createdFrom: CreatedFrom, createdTo: CreatedTo), "[id] >= "),
        ("every filter", (after, before) => Invoices(after, before, "void", Counterparty, Guid.CreateVersion7(), new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), "INV-0001", CreatedFrom, CreatedTo), "[invoice_date] <= "),
    ];

    /// <summary>Shape name → what sends it and a fragment its SQL must contain.</summary>
    private static readonly Dictionary<string, (Func<OfflineSqlServer, Task> Run, string Fragment)> Shapes = BuildShapes();

    public static TheoryData<string> ShapeNames => [.. Shapes.Keys];

    [Theory]
    [MemberData(nameof(ShapeNames))]
    public async Task Every_statement_the_service_sends_to_SQL_Server_parses_as_T_SQL(string shape)
    {
        await using var server = new OfflineSqlServer();
        server.Respond = Answers(server);
        var (run, fragment) = Shapes[shape];

        var statements = await server.CaptureAsync(() => run(server));

        statements.ShouldContain(s => s.Contains(fragment, StringComparison.Ordinal), $"no statement of {shape} contains {fragment}:\n{string.Join("\n---\n", statements)}");
        foreach (var statement in statements)
        {
            TSql.Errors(statement).ShouldBeEmpty(statement);
        }
    }

    [Fact]
    public void The_parser_reports_a_truncated_statement_so_the_check_can_fail()
    {
        var claim = WebhookDispatcher.ClaimSql(OfflineDatabase());

        TSql.Errors(claim).ShouldBeEmpty();
        TSql.Errors(claim[..claim.IndexOf("ORDER BY", StringComparison.Ordinal)]).ShouldNotBeEmpty();
        TSql.Errors(claim.Replace("TOP (@limit)", "LIMIT @limit", StringComparison.Ordinal)).ShouldNotBeEmpty(); // PostgreSQL's form
    }

    [Fact]
    public void The_claims_take_rows_no_other_worker_holds_with_SQL_Servers_hints()
    {
        var database = OfflineDatabase();
        foreach (var (claim, output) in new[] { (WebhookDispatcher.DispatchSql(database), "OUTPUT deleted.event_id"), (WebhookDispatcher.ClaimSql(database), "OUTPUT inserted.id") })
        {
            TSql.Errors(claim).ShouldBeEmpty();
            claim.ShouldContain("WITH (UPDLOCK, READPAST, ROWLOCK)");
            claim.ShouldContain("TOP (@limit)");
            claim.ShouldContain(output);
            claim.ShouldNotContain("RETURNING");
            claim.ShouldNotContain("SKIP LOCKED");
        }
    }

    private static Microsoft.EntityFrameworkCore.Infrastructure.DatabaseFacade OfflineDatabase() =>
        new ApplicationDbContext(new DbContextOptionsBuilder<ApplicationDbContext>().UseSqlServer(OfflineSqlServer.ConnectionString).Options).Database;

    private static Dictionary<string, (Func<OfflineSqlServer, Task> Run, string Fragment)> BuildShapes()
    {
        var shapes = new Dictionary<string, (Func<OfflineSqlServer, Task> Run, string Fragment)>();
        foreach (var (cursor, after, before) in Cursors)
        {
            foreach (var (filter, query, fragment) in InvoiceFilters)
            {
                shapes[$"list invoices, {filter}, {cursor}"] = (s => Send(s, query(after, before)), fragment);
            }

            shapes[$"list counterparties, {cursor}"] = (s => Send(s, new ListCounterpartiesQuery(Input<long>.Of(10), after, before, Input<DateTimeOffset>.Missing, Input<DateTimeOffset>.Missing)), "FROM [counterparties]");
            shapes[$"list counterparties, created range, {cursor}"] = (s => Send(s, new ListCounterpartiesQuery(Input<long>.Of(10), after, before, Input<DateTimeOffset>.Of(CreatedFrom), Input<DateTimeOffset>.Of(CreatedTo))), "[id] >= ");
            shapes[$"list events, {cursor}"] = (s => Send(s, new ListEventsQuery(Input<long>.Of(10), after, before, Input<string>.Missing, Input<DateTimeOffset>.Missing, Input<DateTimeOffset>.Missing)), "FROM [events]");
            shapes[$"list events, type, {cursor}"] = (s => Send(s, new ListEventsQuery(Input<long>.Of(10), after, before, Input<string>.Of("invoice.paid"), Input<DateTimeOffset>.Missing, Input<DateTimeOffset>.Missing)), "[type] = ");
            shapes[$"list events, type and created range, {cursor}"] = (s => Send(s, new ListEventsQuery(Input<long>.Of(10), after, before, Input<string>.Of("invoice.paid"), Input<DateTimeOffset>.Of(CreatedFrom), Input<DateTimeOffset>.Of(CreatedTo))), "[id] >= ");
            shapes[$"list webhook endpoints, {cursor}"] = (s => Send(s, new ListWebhookEndpointsQuery(Input<long>.Of(10), after, before)), "FROM [webhook_endpoints]");
        }

        shapes["list api keys"] = (s => Send(s, new ListApiKeysQuery()), "FROM [api_keys]");
        shapes["get invoice"] = (s => Send(s, new GetInvoiceQuery(Cursor.ToString())), "FROM [invoices]");
        shapes["get counterparty"] = (s => Send(s, new GetCounterpartyQuery(Cursor.ToString())), "FROM [counterparties]");
        shapes["get event"] = (s => Send(s, new GetEventQuery(Cursor.ToString())), "FROM [events]");
        shapes["get webhook endpoint"] = (s => Send(s, new GetWebhookEndpointQuery(Cursor.ToString())), "FROM [webhook_endpoints]");
        shapes["authenticate api key"] = (s => Send(s, new AuthenticateApiKeyQuery("sk_test_" + new string('a', 40))), "FROM [api_keys]");
        // A field at fault: the store rules run (a valid create leaves them to the constraints, docs/decisions/0044).
        shapes["invoice store rules, one invoice"] = (s => Send(s, Draft("INV-1") with { Currency = Input<string>.Of("us") }), "[invoice_number] = @numbers");
        shapes["invoice store rules, batch"] = (s => Send(s, new CreateInvoiceBatchCommand([Input<CreateInvoiceCommand>.Of(Draft("INV-1") with { Currency = Input<string>.Of("us") }), Input<CreateInvoiceCommand>.Of(Draft("INV-2"))])), "[invoice_number] IN ");
        shapes["create invoice"] = (s => Handle<CreateInvoiceCommand, InvoiceResponse>(s, Draft("INV-1")), "INSERT INTO [invoices]");
        shapes["pay invoice"] = (s => Send(s, new PayInvoiceCommand(Cursor.ToString())), "UPDATE [invoices]");
        shapes["void invoice"] = (s => Send(s, new VoidInvoiceCommand(Cursor.ToString())), "UPDATE [invoices]");
        shapes["create counterparty"] = (s => Send(s, new CreateCounterpartyCommand(Input<string>.Of("Acme"), Input<string>.Of("billing@example.com"), default)), "INSERT INTO [counterparties]");
        shapes["create webhook endpoint"] = (s => Send(s, new CreateWebhookEndpointCommand(Input<string>.Of("https://example.com/hooks"), Input<IReadOnlyList<string>>.Of(["*"]), default)), "INSERT INTO [webhook_endpoints]");
        shapes["delete webhook endpoint"] = (s => Send(s, new DeleteWebhookEndpointCommand(Cursor.ToString())), "DELETE FROM [w]");
        shapes["create api key"] = (s => Send(s, new CreateApiKeyCommand(ApiEnvironment.Test, "ci")), "INSERT INTO [api_keys]");
        shapes["revoke api key"] = (s => Send(s, new RevokeApiKeyCommand("sk_test_abcdefgh")), "FROM [api_keys]");
        shapes["ensure bootstrap key"] = (s => Send(s, new EnsureBootstrapKeyCommand("sk_test_" + new string('b', 40), ApiEnvironment.Test, "ci")), "INSERT INTO [api_keys]");
        shapes["idempotency claim"] = (s => Idempotency(s, (store, _) => store.ClaimAsync(Request, default)), "INSERT INTO [idempotency_keys]");
        shapes["idempotency claim of a key in use: what the holder left"] = (s => ClaimTakenKeyAsync(s), "FROM [idempotency_keys]");
        shapes["idempotency claim of a key in use: a stale claim taken over"] = (s => ClaimTakenKeyAsync(s), "UPDATE [i]");
        shapes["idempotency answer stored"] = (s => Idempotency(s, (store, claim) => store.CompleteAsync(claim, new StoredResponse(201, "application/json", "/v1/invoices/x", [1, 2, 3]), default)), "UPDATE [i]");
        shapes["idempotency claim released"] = (s => Idempotency(s, (store, claim) => store.ReleaseAsync(claim, default)), "DELETE FROM [i]");
        shapes["idempotency clean-up"] = (s => PurgeAsync(s), "DELETE FROM [i]");
        shapes["webhook fan-out claim"] = (s => s.Services.GetRequiredService<WebhookDispatcher>().DispatchEventsAsync(default), "WITH (UPDLOCK, READPAST, ROWLOCK)");
        shapes["webhook fan-out reads"] = (s => s.Services.GetRequiredService<WebhookDispatcher>().DispatchEventsAsync(default), "FROM [webhook_endpoints]");
        shapes["webhook fan-out events read"] = (s => s.Services.GetRequiredService<WebhookDispatcher>().DispatchEventsAsync(default), "FROM [events]");
        shapes["webhook delivery claim"] = (s => s.Services.GetRequiredService<WebhookDispatcher>().RunOnceAsync(default), "UPDATE claimed SET next_attempt_at = @lease");
        shapes["webhook delivery work"] = (s => s.Services.GetRequiredService<WebhookDispatcher>().RunOnceAsync(default), "FROM [webhook_deliveries]");
        shapes["webhook delivery claims renewed"] = (s => Database(s, db => WebhookDispatcher.RenewAsync(db, [Guid.CreateVersion7(), Guid.CreateVersion7()], new(Guid.NewGuid(), Guid.NewGuid()), DateTime.UtcNow, default)), "UPDATE [w]");
        shapes["webhook delivery recorded"] = (s => s.Services.GetRequiredService<WebhookDispatcher>().RunOnceAsync(default), "INSERT INTO [webhook_delivery_attempts]");
        shapes["webhook backlog for the metrics"] = (s => Database(s, db => WebhookBacklog.QueryAsync(db, default)), "COUNT_BIG(*)");
        shapes["start-up: row-versioned reads on"] = (s => Database(s, db => db.Database.ExecuteSqlRawAsync(DatabaseInitializer.SqlServerSnapshotReadsSql)), "READ_COMMITTED_SNAPSHOT ON");
        shapes["start-up: row-versioned reads check"] = (s => Database(s, db => db.Database.SqlQueryRaw<int>(DatabaseInitializer.SqlServerSnapshotReadsQuery).SingleAsync()), "is_read_committed_snapshot_on");
        return shapes;
    }

    private static readonly IdempotentRequest Request = new("key-1", "POST", "/v1/invoices", new string('0', 64));

    private static ListInvoicesQuery Invoices(
        Input<Guid> after,
        Input<Guid> before,
        string? status = null,
        Guid? originating = null,
        Guid? receiving = null,
        DateOnly? from = null,
        DateOnly? to = null,
        string? number = null,
        DateTimeOffset? createdFrom = null,
        DateTimeOffset? createdTo = null) =>
        new(
            Input<long>.Of(10),
            after,
            before,
            status is null ? Input<string>.Missing : Input<string>.Of(status),
            originating is { } o ? Input<Guid>.Of(o) : Input<Guid>.Missing,
            receiving is { } r ? Input<Guid>.Of(r) : Input<Guid>.Missing,
            from is { } f ? Input<DateOnly>.Of(f) : Input<DateOnly>.Missing,
            to is { } t ? Input<DateOnly>.Of(t) : Input<DateOnly>.Missing,
            number is null ? Input<string>.Missing : Input<string>.Of(number),
            createdFrom is { } cf ? Input<DateTimeOffset>.Of(cf) : Input<DateTimeOffset>.Missing,
            createdTo is { } ct ? Input<DateTimeOffset>.Of(ct) : Input<DateTimeOffset>.Missing);

    private static CreateInvoiceCommand Draft(string number) => new(
        Input<long>.Of(10_000),
        Input<long>.Missing,
        Input<string>.Missing,
        Input<DateOnly>.Of(new DateOnly(2026, 11, 1)),
        Input<DateOnly>.Of(new DateOnly(2026, 12, 1)),
        Input<string>.Of(number),
        Input<string>.Missing,
        Input<Guid>.Of(Counterparty),
        Input<Guid>.Of(Guid.CreateVersion7()),
        Input<IReadOnlyDictionary<string, string?>>.Missing);

    /// <summary>Through the whole pipeline (validation, transaction), as a controller sends it.</summary>
    private static async Task Send<TResponse>(OfflineSqlServer server, IRequest<TResponse> request)
    {
        await using var scope = server.Scope();
        await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request);
    }

    /// <summary>The handler alone: past validation, which would find no counterparty in an empty database.</summary>
    private static async Task Handle<TRequest, TResponse>(OfflineSqlServer server, TRequest request)
        where TRequest : IRequest<TResponse>
    {
        await using var scope = server.Scope();
        await scope.ServiceProvider.GetRequiredService<IRequestHandler<TRequest, TResponse>>().Handle(request, default);
    }

    private static async Task Idempotency(OfflineSqlServer server, Func<IIdempotencyStore, IdempotencyClaim, Task> act)
    {
        await using var scope = server.Scope();
        await act(scope.ServiceProvider.GetRequiredService<IIdempotencyStore>(), IdempotencyClaim.Claimed(Guid.CreateVersion7(), Guid.NewGuid()));
    }

    /// <summary>The claim's INSERT meets the unique index (2627), so the store reads what the holder left.</summary>
    private static async Task ClaimTakenKeyAsync(OfflineSqlServer server)
    {
        var answer = server.Respond;
        server.Respond = sql => sql.Contains("INSERT INTO [idempotency_keys]", StringComparison.Ordinal) ? SqlExceptions.Create(SqlServerErrors.UniqueConstraintViolation, 14) : answer(sql);
        await Idempotency(server, (store, _) => store.ClaimAsync(Request, default));
    }

    private static async Task Database<T>(OfflineSqlServer server, Func<ApplicationDbContext, Task<T>> act)
    {
        await using var scope = server.Scope();
        await act(scope.ServiceProvider.GetRequiredService<ApplicationDbContext>());
    }

    private static async Task PurgeAsync(OfflineSqlServer server)
    {
        await using var scope = server.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IdempotencyPurger>().PurgeExpiredAsync(default);
    }

    /// <summary>
    /// What the empty database answers: cursors and referenced ids exist (so validation passes on to the query), a claim
    /// returns one id, and a lookup of one invoice, one idempotency record or one claimed delivery returns a stored one
    /// (so pay and void reach their UPDATE, a stale claim is taken over, a delivery is sent and recorded). Rows are built
    /// from the model: every selected column with its entity's value through the property's value converter.
    /// </summary>
    private static Func<string, object?> Answers(OfflineSqlServer server)
    {
        using var scope = server.Services.CreateScope();
        var model = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>().Model;
        var protector = server.Services.GetRequiredService<IWebhookSecretProtector>();
        return sql => Answer(model, protector, sql);
    }

    private static object? Answer(IModel model, IWebhookSecretProtector protector, string sql)
    {
        if (sql.TrimStart().StartsWith("SELECT CASE", StringComparison.Ordinal))
        {
            return Table(("Value", typeof(bool), true)); // EXISTS: the cursor is there
        }

        if (sql.Contains("OUTPUT inserted.id, inserted.claim_token", StringComparison.Ordinal))
        {
            // The delivery claim: one id with this pass's token.
            var delivery = model.FindEntityType(typeof(WebhookDelivery))!;
            var (id, token) = (delivery.FindPrimaryKey()!.Properties[0], delivery.FindProperty(nameof(WebhookDelivery.ClaimToken))!);
            return Table(("id", ProviderType(id), ProviderValue(id, ClaimedDelivery)), ("claim_token", ProviderType(token), ProviderValue(token, Guid.NewGuid())));
        }

        if (sql.Contains("OUTPUT deleted.event_id", StringComparison.Ordinal))
        {
            // The fan-out's claim: one event.
            var eventId = model.FindEntityType(typeof(UndispatchedEvent))!.FindPrimaryKey()!.Properties[0];
            return Table(("event_id", ProviderType(eventId), ProviderValue(eventId, Guid.CreateVersion7())));
        }

        if (sql.Contains("OUTPUT inserted.id", StringComparison.Ordinal) || (sql.Contains("FROM [idempotency_keys]", StringComparison.Ordinal) && sql.Contains("ORDER BY [i].[created_at]", StringComparison.Ordinal)))
        {
            // A claim, or the clean-up's batch of expired records: one id.
            var id = model.FindEntityType(typeof(WebhookDelivery))!.FindPrimaryKey()!.Properties[0];
            return Table(("id", ProviderType(id), ProviderValue(id, Guid.CreateVersion7())));
        }

        if (sql.StartsWith("SELECT TOP(1)", StringComparison.Ordinal) && sql.Contains("FROM [invoices]", StringComparison.Ordinal) && !sql.Contains("JOIN", StringComparison.Ordinal))
        {
            return RowOf(model, sql, StoredInvoice());
        }

        if (sql.StartsWith("SELECT TOP(2)", StringComparison.Ordinal) && sql.Contains("FROM [idempotency_keys]", StringComparison.Ordinal))
        {
            return RowOf(model, sql, InEnvironment(IdempotencyRecord.Claim(Request, DateTime.UtcNow.AddHours(-1)))); // held by an instance that died
        }

        if (sql.Contains("FROM [webhook_endpoints] AS [w]\nWHERE [w].[disabled] = CAST(0 AS bit)", StringComparison.Ordinal))
        {
            // The fan-out's endpoints: one, so that it reads the claimed events.
            return RowOf(model, sql, InEnvironment(WebhookEndpoint.Create("http://127.0.0.1:9/hooks", ["*"], protector.Protect("whsec_offline"), DateTimeOffset.UtcNow)));
        }

        if (sql.Contains("FROM [webhook_deliveries] AS [w]\nINNER JOIN", StringComparison.Ordinal))
        {
            var invoice = StoredInvoice();
            var evt = InEnvironment(EventTypes.ToEvent(invoice.TakeDomainEvents()[0]));
            var endpoint = InEnvironment(WebhookEndpoint.Create("http://127.0.0.1:9/hooks", ["*"], protector.Protect("whsec_offline"), DateTimeOffset.UtcNow));
            var delivery = WebhookDelivery.Create(evt.Id, endpoint.Id, DateTime.UtcNow);
            typeof(WebhookDelivery).GetProperty(nameof(WebhookDelivery.Id))!.SetValue(delivery, ClaimedDelivery); // the one the claim returned
            return RowOf(model, sql, delivery, endpoint, evt);
        }

        return null;
    }

    private static Invoice StoredInvoice() =>
        InEnvironment(Invoice.Create(new InvoiceTerms(10_000, 0, "eur", new DateOnly(2026, 11, 1), new DateOnly(2026, 12, 1), "INV-1", null, Counterparty, Guid.CreateVersion7()), DateTimeOffset.UtcNow));

    /// <summary>As stored: stamped with its environment (which persistence does on insert).</summary>
    private static T InEnvironment<T>(T entity)
        where T : EnvironmentScopedEntity
    {
        typeof(EnvironmentScopedEntity).GetProperty(nameof(EnvironmentScopedEntity.Environment))!.SetValue(entity, ApiEnvironment.Test);
        return entity;
    }

    /// <summary>One row holding, for each <c>[alias].[column]</c> <paramref name="sql"/> selects, the value of the entity stored in the alias's table.</summary>
    private static DataTable RowOf(IModel model, string sql, params object[] entities)
    {
        var tables = Aliases().Matches(sql).ToDictionary(m => m.Groups[2].Value, m => m.Groups[1].Value);
        var byTable = entities.ToDictionary(e => model.FindEntityType(e.GetType())!.GetTableName()!);
        var columns = SelectedColumns().Matches(sql[..sql.IndexOf("\nFROM", StringComparison.Ordinal)]).Select(m =>
        {
            var entity = byTable[tables[m.Groups[1].Value]];
            var property = model.FindEntityType(entity.GetType())!.GetProperties().Single(p => p.GetColumnName() == m.Groups[2].Value);
            var value = property.IsShadowProperty() ? null : property.GetGetter().GetClrValueUsingContainingEntity(entity);
            return (m.Value, ProviderType(property), ProviderValue(property, value));
        });
        return Table([.. columns]);
    }

    private static DataTable Table(params (string Name, Type Type, object? Value)[] columns)
    {
        var table = new DataTable { Locale = System.Globalization.CultureInfo.InvariantCulture };
        foreach (var (name, type, _) in columns)
        {
            table.Columns.Add(name, type);
        }

        table.Rows.Add([.. columns.Select(c => c.Value ?? DBNull.Value)]);
        return table;
    }

    private static Type ProviderType(IProperty property)
    {
        var type = property.GetTypeMapping().Converter?.ProviderClrType ?? property.ClrType;
        return Nullable.GetUnderlyingType(type) ?? type;
    }

    private static object? ProviderValue(IProperty property, object? value) =>
        value is not null && property.GetTypeMapping().Converter is { } converter ? converter.ConvertToProvider(value) : value;

    [GeneratedRegex(@"\[(\w+)\]\.\[(\w+)\]")]
    private static partial Regex SelectedColumns();

    [GeneratedRegex(@"(?:FROM|JOIN) \[(\w+)\] AS \[(\w+)\]")]
    private static partial Regex Aliases();
}
