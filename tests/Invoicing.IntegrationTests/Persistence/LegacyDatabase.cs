using System.Data.Common;
using System.Globalization;
using Invoicing.Infrastructure;
using Invoicing.Infrastructure.Persistence;
using Invoicing.IntegrationTests.Fixtures;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Invoicing.IntegrationTests.Persistence;

/// <summary>
/// One provider's side of the upgrade tests, in plain ADO.NET so that nothing of the service reads for them: new
/// databases, loading a legacy dump (Legacy/README.md), every row of every table, and the catalog.
/// </summary>
public abstract class LegacyDatabase
{
    public abstract string Provider { get; }

    /// <summary>The dump of a database made and filled by the build before docs/decisions/0028.</summary>
    protected abstract string FixtureFile { get; }

    /// <summary>The application's tables (not EF's history and lock tables).</summary>
    protected abstract string TablesSql { get; }

    /// <summary>One line per column (type, nullability, default), index (uniqueness, columns, filter) and constraint.</summary>
    protected abstract string CatalogSql { get; }

    /// <summary>The plaintext keys stored in the fixtures, by environment (Legacy/keys.txt).</summary>
    public static IReadOnlyDictionary<string, string> Keys { get; } = File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Persistence", "Legacy", "keys.txt"))
        .Where(line => !line.StartsWith('#'))
        .Select(line => line.Split(' '))
        .ToDictionary(parts => parts[0], parts => parts[1]);

    /// <summary>A new, empty database; its connection string.</summary>
    public abstract Task<string> CreateAsync();

    protected abstract DbConnection Connect(string connectionString);

    /// <summary>A new database holding the legacy fixture.</summary>
    public async Task<string> CreateLegacyAsync()
    {
        var connectionString = await CreateAsync();
        await ExecuteAsync(connectionString, await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Persistence", "Legacy", FixtureFile)));
        return connectionString;
    }

    /// <summary>A new database migrated by this build, as the service's start migrates it.</summary>
    public async Task<string> CreateMigratedAsync()
    {
        var connectionString = await CreateAsync();
        var options = new DbContextOptionsBuilder<ApplicationDbContext>().UseDatabase(new DatabaseOptions { Provider = Provider, ConnectionString = connectionString });
        await using var db = new ApplicationDbContext(options.Options);
        await DatabaseInitializer.MigrateAsync(db);
        return connectionString;
    }

    public async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = Connect(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    public Task<List<string>> CatalogAsync(string connectionString) => ColumnAsync(connectionString, CatalogSql);

    public Task<List<string>> HistoryAsync(string connectionString) =>
        ColumnAsync(connectionString, """SELECT "MigrationId" FROM "__EFMigrationsHistory" ORDER BY 1""");

    /// <summary>Every row of every application table, each value as text, by table.</summary>
    public async Task<Dictionary<string, List<Dictionary<string, string>>>> RowsAsync(string connectionString)
    {
        var rows = new Dictionary<string, List<Dictionary<string, string>>>();
        foreach (var table in await ColumnAsync(connectionString, TablesSql))
        {
            await using var connection = Connect(connectionString);
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = $"""SELECT * FROM "{table}" ORDER BY 1"""; // the id, or the one column of undispatched_events
            await using var reader = await command.ExecuteReaderAsync();
            rows[table] = [];
            while (await reader.ReadAsync())
            {
                rows[table].Add(Enumerable.Range(0, reader.FieldCount).ToDictionary(reader.GetName, i => Text(reader, i)));
            }
        }

        return rows;
    }

    private async Task<List<string>> ColumnAsync(string connectionString, string sql)
    {
        await using var connection = Connect(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    private static string Text(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? "NULL" : reader.GetValue(ordinal) switch
    {
        byte[] bytes => Convert.ToHexString(bytes),
        DateTime value => value.ToString("O", CultureInfo.InvariantCulture),
        DateTimeOffset value => value.ToString("O", CultureInfo.InvariantCulture),
        IFormattable value => value.ToString(null, CultureInfo.InvariantCulture),
        var value => value.ToString() ?? string.Empty,
    };
}

public sealed class SqliteLegacyDatabase : LegacyDatabase
{
    public override string Provider => "Sqlite";

    protected override string FixtureFile => "sqlite.sql";

    protected override string TablesSql => """SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%' AND name NOT LIKE '\_\_EF%' ESCAPE '\' ORDER BY name""";

    protected override string CatalogSql => """
        SELECT 'column ' || m.name || '.' || c.name || ' ' || c.type || IIF(c."notnull", ' not null', '') || COALESCE(' default ' || c.dflt_value, '') || IIF(c.pk > 0, ' key ' || c.pk, '')
        FROM sqlite_master m JOIN pragma_table_info(m.name) c WHERE m.type = 'table'
        UNION ALL
        SELECT 'index ' || m.name || '.' || i.name || IIF(i."unique", ' unique', '') || ' ' || i.origin || COALESCE(': ' || x.sql, '')
        FROM sqlite_master m JOIN pragma_index_list(m.name) i LEFT JOIN sqlite_master x ON x.type = 'index' AND x.name = i.name WHERE m.type = 'table'
        UNION ALL
        SELECT 'index column ' || i.name || ' ' || k.seqno || ' ' || k.name
        FROM sqlite_master m JOIN pragma_index_list(m.name) i JOIN pragma_index_info(i.name) k WHERE m.type = 'table'
        UNION ALL
        SELECT 'foreign key ' || m.name || '.' || f."from" || ' references ' || f."table" || '.' || f."to" || ' on delete ' || f.on_delete || ' on update ' || f.on_update
        FROM sqlite_master m JOIN pragma_foreign_key_list(m.name) f WHERE m.type = 'table'
        ORDER BY 1
        """;

    public override Task<string> CreateAsync() =>
        Task.FromResult($"Data Source={Path.Combine(Path.GetTempPath(), $"invoicing-legacy-{Guid.NewGuid():N}.db")}");

    protected override DbConnection Connect(string connectionString) => new SqliteConnection(connectionString + ";Pooling=false");
}

public sealed class PostgresLegacyDatabase(PostgresServer server) : LegacyDatabase
{
    public override string Provider => "Postgres";

    protected override string FixtureFile => "postgres.sql";

    protected override string TablesSql => """SELECT tablename::text FROM pg_tables WHERE schemaname = 'public' AND tablename NOT LIKE '\_\_EF%' ORDER BY 1""";

    protected override string CatalogSql => """
        SELECT format('column %s.%s %s%s%s%s%s', table_name, column_name, data_type, '(' || character_maximum_length || ')',
            CASE WHEN is_nullable = 'NO' THEN ' not null' ELSE '' END, ' default ' || column_default, ' collate ' || collation_name)
        FROM information_schema.columns WHERE table_schema = 'public'
        UNION ALL
        SELECT 'index ' || indexdef FROM pg_indexes WHERE schemaname = 'public'
        UNION ALL
        SELECT format('constraint %s.%s %s', conrelid::regclass, conname, pg_get_constraintdef(oid)) FROM pg_constraint WHERE connamespace = 'public'::regnamespace
        ORDER BY 1
        """;

    public override Task<string> CreateAsync() => server.CreateDatabaseAsync();

    // Unpooled: the dump sets the session's search_path, which must not reach a connection the service uses.
    protected override DbConnection Connect(string connectionString) => new NpgsqlConnection(connectionString + ";Pooling=false");
}
