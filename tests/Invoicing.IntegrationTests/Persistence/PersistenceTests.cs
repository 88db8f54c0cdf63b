using Invoicing.Domain.Common;
using Invoicing.IntegrationTests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace Invoicing.IntegrationTests.Persistence;

/// <summary>The generated migrations (docs/decisions/0028), and what the keys table keeps, on each provider.</summary>
public abstract class PersistenceTests(IApiFixture api) : ApiTests(api)
{
    [Fact]
    public async Task The_migrated_database_has_every_migration_and_the_snapshot_matches_the_model()
    {
        var pending = await Factory.DbAsync(async db => (
            Migrations: (await db.Database.GetPendingMigrationsAsync()).ToList(),
            Applied: (await db.Database.GetAppliedMigrationsAsync()).ToList(),
            ModelChanges: db.Database.HasPendingModelChanges()));

        pending.Migrations.ShouldBeEmpty();
        pending.Applied.ShouldNotBeEmpty();
        pending.ModelChanges.ShouldBeFalse();
    }

    [Fact]
    public async Task The_keys_table_holds_hashes_and_prefixes_never_a_key()
    {
        var key = await Factory.CreateKeyAsync(ApiEnvironment.Live);

        var sql = Factory.Provider == "SqlServer" // T-SQL joins text with +
            ? "SELECT prefix + '|' + hash + '|' + COALESCE(name, '') AS \"Value\" FROM api_keys"
            : "SELECT prefix || '|' || hash || '|' || COALESCE(name, '') AS \"Value\" FROM api_keys";
        var rows = await Factory.DbAsync(db => db.Database.SqlQueryRaw<string>(sql).ToListAsync());

        rows.ShouldNotBeEmpty();
        rows.ShouldAllBe(row => !row.Contains(key.Secret));
        rows.ShouldContain($"{key.Secret[..16]}|{Domain.ApiKeys.ApiKey.HashOf(key.Secret)}|tests");
        key.Secret.ShouldMatch("^sk_live_[0-9A-Za-z]{32}$");
    }
}

public sealed class PersistenceTestsOnSqlite(SqliteApi api) : PersistenceTests(api), IClassFixture<SqliteApi>;

public sealed class PersistenceTestsOnPostgres(PostgresApi api) : PersistenceTests(api), IClassFixture<PostgresApi>;

public sealed class PersistenceTestsOnSqlServer(SqlServerApi api) : PersistenceTests(api), IClassFixture<SqlServerApi>;
