using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Invoicing.Infrastructure.Persistence;
using Invoicing.IntegrationTests.Api;
using Invoicing.IntegrationTests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace Invoicing.IntegrationTests.Persistence;

/// <summary>
/// A database made by the build before the generated migrations (docs/decisions/0028), with rows in every table,
/// upgrades to this build without losing a row, serves them with the keys it held, and ends with the schema of a new
/// database; one made by an older build still is refused in one line.
/// </summary>
public abstract class LegacyUpgradeTests
{
    private readonly LegacyUpgrade _upgrade;

    protected LegacyUpgradeTests(LegacyUpgrade upgrade)
    {
        if (upgrade.SkipReason is { } reason)
        {
            Assert.Skip(reason);
        }

        _upgrade = upgrade;
    }

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_row_of_every_table_survives_and_the_history_gains_the_baseline()
    {
        var migrations = await _upgrade.Factory.DbAsync(db => Task.FromResult(db.Database.GetMigrations().ToList())); // the baseline, then every later one
        var pending = await _upgrade.Factory.DbAsync(db => db.Database.GetPendingMigrationsAsync(Cancellation));

        _upgrade.Before.Keys.ShouldBe(["api_keys", "counterparties", "events", "idempotency_keys", "invoices", "webhook_deliveries", "webhook_delivery_attempts", "webhook_endpoints"]);
        _upgrade.Before.ShouldAllBe(table => table.Value.Count > 0);
        foreach (var (table, rows) in _upgrade.Before)
        {
            // Columns added by later migrations are not the legacy rows' (docs/decisions/0036 adds some to attempts), and
            // one is gone: events.dispatched_at became the queue undispatched_events (docs/decisions/0047, tested below).
            var columns = rows[0].Keys.Intersect(_upgrade.After[table][0].Keys).ToHashSet(StringComparer.Ordinal);
            _upgrade.After[table].Select(row => Line(row.Where(c => columns.Contains(c.Key)).ToDictionary()))
                .ShouldBe(rows.Select(row => Line(row.Where(c => columns.Contains(c.Key)).ToDictionary())), table);
        }

        _upgrade.HistoryBefore.ShouldBe(DatabaseInitializer.LegacyMigrations);
        _upgrade.HistoryAfter.ShouldBe([.. DatabaseInitializer.LegacyMigrations, .. migrations]); // the baseline once, though two instances adopted it
        pending.ShouldBeEmpty();
    }

    [Fact]
    public async Task Every_legacy_row_is_readable_through_the_api_with_the_legacy_keys()
    {
        foreach (var environment in new[] { "test", "live" })
        {
            var client = Client(LegacyDatabase.Keys[environment]);
            foreach (var (path, table) in new[] { ("/v1/counterparties", "counterparties"), ("/v1/invoices", "invoices"), ("/v1/events", "events"), ("/v1/webhook_endpoints", "webhook_endpoints") })
            {
                var legacy = _upgrade.Rows(table, environment);
                var ids = legacy.Select(row => Guid.Parse(row["id"])).ToList();

                // Lists walk the legacy ids newest first, three a page, each cursor a legacy id.
                var listed = await ListTests.WalkAsync(client, path, string.Empty, 3, "starting_after");
                listed.Where(ids.Contains).ShouldBe(ids.OrderDescending(), $"{environment} {path}");

                foreach (var row in legacy)
                {
                    var response = await client.GetAsync($"{path}/{Guid.Parse(row["id"])}", Cancellation);
                    response.StatusCode.ShouldBe(HttpStatusCode.OK, $"{environment} {path}/{row["id"]}");
                    var json = await response.JsonAsync();
                    json.GetProperty("environment").GetString().ShouldBe(environment);
                    foreach (var member in Members(table))
                    {
                        Same(Text(json.GetProperty(member))).ShouldBe(Same(row[member]), $"{environment} {path}/{row["id"]} {member}");
                    }
                }
            }
        }

        // The legacy request again, byte for byte as Legacy/make-fixtures.sh sent it: the stored answer, decrypted, as the
        // legacy version wrote it (without the members added since, such as metadata: not checked against today's document).
        var testClient = _upgrade.Factory.Server.CreateClient();
        testClient.DefaultRequestHeaders.Authorization = new("Bearer", LegacyDatabase.Keys["test"]);
        const string body = """{"name": "Ärzte & Söhne GmbH", "email": "billing@aerzte.test"}""";
        var replay = await testClient.SendAsync(Idempotent(body, "legacy-test-counterparty"), Cancellation);
        replay.StatusCode.ShouldBe(HttpStatusCode.Created);
        replay.Headers.GetValues("Idempotent-Replayed").ShouldBe(["true"]);
        var replayed = await replay.JsonAsync();
        replayed.TryGetProperty("metadata", out _).ShouldBeFalse();
        replayed.GetProperty("id").GetGuid()
            .ShouldBe(Guid.Parse(_upgrade.Rows("counterparties", "test").Single(r => r["name"] == "Ärzte & Söhne GmbH")["id"]));
        await (await testClient.SendAsync(Idempotent("""{"name": "Other"}""", "legacy-test-counterparty"), Cancellation))
            .ShouldBeEnvelopeAsync(HttpStatusCode.UnprocessableEntity, "idempotency_key_reused");
    }

    [Fact]
    public async Task New_writes_work_and_the_legacy_invoice_numbers_stay_unique_exactly()
    {
        var client = Client(LegacyDatabase.Keys["test"]);
        var legacyOpen = _upgrade.Rows("invoices", "test").Single(r => r["invoice_number"] == "test-INV-OPEN");
        var originating = Guid.Parse(legacyOpen["originating_counterparty_id"]);
        var receiving = await client.CreateCounterpartyAsync("After the upgrade");

        var created = await client.PostJsonAsync("/v1/invoices", Http.Invoice(originating, receiving));
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync(Cancellation));
        var id = (await created.JsonAsync()).GetProperty("id").GetGuid();
        (await client.PostAsync($"/v1/invoices/{id}/pay", null, Cancellation)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var legacyPaid = Guid.Parse(_upgrade.Rows("invoices", "test").Single(r => r["invoice_number"] == "test-INV-PAID")["id"]);
        await (await client.PostAsync($"/v1/invoices/{legacyPaid}/void", null, Cancellation)).ShouldBeEnvelopeAsync(HttpStatusCode.Conflict, "invoice_state_conflict");

        // The legacy unique index: the same number again is taken, another case of it is another number.
        var clash = await (await client.PostJsonAsync("/v1/invoices", Http.Invoice(originating, receiving, "test-INV-OPEN")))
            .ShouldBeEnvelopeAsync(HttpStatusCode.BadRequest, "invalid_request");
        clash.FieldErrors().ShouldHaveSingleItem().ShouldStartWith("invoice_number unique ");
        (await client.PostJsonAsync("/v1/invoices", Http.Invoice(originating, receiving, "TEST-inv-open"))).StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task The_worker_fans_out_the_legacy_undispatched_event_and_retries_the_legacy_pending_deliveries()
    {
        var undispatched = _upgrade.Before["events"].Single(e => e["dispatched_at"] == "NULL");
        var pending = _upgrade.Before["webhook_deliveries"].Where(d => d["status"] == "pending").ToList();
        pending.ShouldNotBeEmpty();
        _upgrade.After["undispatched_events"].Select(e => e["event_id"]).ShouldBe([undispatched["id"]]); // the one undispatched, and only it, queued

        (await _upgrade.Factory.DispatchEventsAsync()).ShouldBeGreaterThanOrEqualTo(1);
        (await _upgrade.Factory.RunWebhookPassAsync()).ShouldBeGreaterThanOrEqualTo(pending.Count);

        var now = await _upgrade.Database.RowsAsync(_upgrade.ConnectionString);
        now["undispatched_events"].ShouldNotContain(e => e["event_id"] == undispatched["id"]);
        now["webhook_deliveries"].ShouldContain(d => d["event_id"] == undispatched["id"]);
        foreach (var delivery in pending)
        {
            var retried = now["webhook_deliveries"].Single(d => d["id"] == delivery["id"]);
            int.Parse(retried["attempt_count"], CultureInfo.InvariantCulture).ShouldBe(int.Parse(delivery["attempt_count"], CultureInfo.InvariantCulture) + 1);
            var attempts = now["webhook_delivery_attempts"].Where(a => a["webhook_delivery_id"] == delivery["id"]).ToList();
            attempts.Count.ShouldBe(_upgrade.Before["webhook_delivery_attempts"].Count(a => a["webhook_delivery_id"] == delivery["id"]) + 1);
            attempts.ShouldAllBe(a => !a["error"].Contains("decrypted")); // the legacy endpoint secret still opens
        }
    }

    [Fact]
    public async Task The_upgraded_schema_is_exactly_the_schema_of_a_new_database()
    {
        var fresh = await _upgrade.Database.CreateMigratedAsync();

        var upgraded = await _upgrade.Database.CatalogAsync(_upgrade.ConnectionString);
        var expected = await _upgrade.Database.CatalogAsync(fresh);

        upgraded.Count.ShouldBeGreaterThan(100);
        upgraded.ShouldContain(line => line.Contains("undispatched_events"));
        upgraded.ShouldNotContain(line => line.Contains("dispatched_at"));
        upgraded.ShouldBe(expected);
    }

    [Fact]
    public async Task A_database_of_an_older_legacy_migration_is_refused_in_one_line_and_left_alone()
    {
        var database = _upgrade.Database;
        var older = await database.CreateLegacyAsync();
        await database.ExecuteAsync(older, """DELETE FROM "__EFMigrationsHistory" WHERE "MigrationId" > '20261122080000_InvoiceLifecycle'""");
        var reason = $"This database was made by an older build: its last migration is 20261122080000_InvoiceLifecycle, not {DatabaseInitializer.LegacyMigrations[^1]}. Start a build from before docs/decisions/0028 on it once to bring it forward, then this one.";

        var environment = new Dictionary<string, string> { ["Database__Provider"] = database.Provider, ["ConnectionStrings__Invoicing"] = older };

        var serving = await ServiceProcess.RunAsync(environment);
        var keys = await ServiceProcess.RunAsync(environment, "keys", "list");

        // Serving: the start-up work fails for good, the process exits with 1 after one line and no stack trace.
        serving.ExitCode.ShouldBe(1, serving.Output + serving.Error);
        (serving.Output + serving.Error).ShouldContain(reason);
        (serving.Output + serving.Error).ShouldNotContain("   at ");
        keys.ExitCode.ShouldBe(1);
        keys.Error.Trim().ShouldBe(reason);
        (await database.HistoryAsync(older)).ShouldBe(DatabaseInitializer.LegacyMigrations.Take(2));
    }

    /// <summary>The members of a resource that the legacy row holds under the same name, as text.</summary>
    private static string[] Members(string table) => table switch
    {
        "invoices" => ["status", "amount_cents", "discount_amount_cents", "currency", "invoice_number", "note", "originating_counterparty_id", "receiving_counterparty_id"],
        "counterparties" => ["name", "email"],
        "events" => ["type"],
        _ => ["url"],
    };

    private static string Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null => "NULL",
        JsonValueKind.String => value.GetString()!,
        _ => value.GetRawText(),
    };

    /// <summary>Ids in one spelling (SQLite stores them upper case).</summary>
    private static string Same(string value) => Guid.TryParse(value, out var id) ? id.ToString() : value;

    private static string Line(Dictionary<string, string> row) => string.Join(" | ", row.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key}={c.Value}"));

    private static HttpRequestMessage Idempotent(string body, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/v1/counterparties") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("Idempotency-Key", key);
        return request;
    }

    private HttpClient Client(string key)
    {
        var client = _upgrade.Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", key);
        return client;
    }
}

public sealed class LegacyUpgradeTestsOnSqlite(SqliteLegacyUpgrade upgrade) : LegacyUpgradeTests(upgrade), IClassFixture<SqliteLegacyUpgrade>;

public sealed class LegacyUpgradeTestsOnPostgres(PostgresLegacyUpgrade upgrade) : LegacyUpgradeTests(upgrade), IClassFixture<PostgresLegacyUpgrade>;
