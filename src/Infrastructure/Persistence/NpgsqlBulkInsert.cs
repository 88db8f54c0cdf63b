using System.Text;
using Invoicing.Application.Common.Exceptions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Npgsql;

namespace Invoicing.Infrastructure.Persistence;

/// <summary>
/// Writes the many new rows of one save with PostgreSQL's binary <c>COPY</c> instead of INSERT statements
/// (docs/decisions/0021): for each entity type with at least <see cref="Threshold"/> added entries, the rows are
/// streamed inside the save's transaction, generically from EF's model (table, column names, store types,
/// value converters), and the entries are then marked stored, so EF writes only the rest. Npgsql only.
/// </summary>
internal static class NpgsqlBulkInsert
{
    /// <summary>From this many new rows of one type, one <c>COPY</c> beats EF's batched INSERTs.</summary>
    public const int Threshold = 100;

    /// <summary>The added entries that will be copied, by entity type; empty when none qualifies.</summary>
    public static List<(IEntityType Type, List<EntityEntry> Entries)> Plan(DbContext db)
    {
        var added = db.ChangeTracker.Entries().Where(e => e.State == EntityState.Added).GroupBy(e => e.Metadata).ToList();
        if (!added.Any(g => g.Count() >= Threshold))
        {
            return [];
        }

        var addedTypes = added.Select(g => g.Key).ToHashSet();
        return [.. added.Where(g => g.Count() >= Threshold && CanCopy(g.Key, addedTypes)).Select(g => (g.Key, g.ToList()))];
    }

    /// <summary>Copies the planned rows into the open transaction of <paramref name="db"/>, then marks their entries unchanged.</summary>
    public static async Task CopyAsync(DbContext db, List<(IEntityType Type, List<EntityEntry> Entries)> plan, CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        foreach (var (type, entries) in plan)
        {
            var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
            var columns = type.GetProperties()
                .Select(p => new Column(p, p.GetColumnName(table)!, StoreTypeName(p.GetColumnType(table)), p.GetTypeMapping().Converter))
                .ToList();
            try
            {
                await using var importer = await connection.BeginBinaryImportAsync(CopyCommand(table, columns), cancellationToken);
                foreach (var entry in entries)
                {
                    await importer.StartRowAsync(cancellationToken);
                    foreach (var column in columns)
                    {
                        var value = entry.Property(column.Property).CurrentValue;
                        if (value is not null && column.Converter is { } converter)
                        {
                            value = converter.ConvertToProvider(value);
                        }

                        if (value is null)
                        {
                            await importer.WriteNullAsync(cancellationToken);
                        }
                        else
                        {
                            await importer.WriteAsync(value, column.StoreType, cancellationToken);
                        }
                    }
                }

                await importer.CompleteAsync(cancellationToken);
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
            {
                throw new UniqueConstraintException(e);
            }
        }

        // Only now: a failed COPY leaves every entry as it was (and the transaction is rolled back by its owner).
        foreach (var entry in plan.SelectMany(p => p.Entries))
        {
            entry.State = EntityState.Unchanged;
        }
    }

    /// <summary>
    /// A plain table of its own (no inheritance, owned types or table splitting), no value the database generates,
    /// and no foreign key to a row added in the same save (EF orders those inserts; a COPY ahead of them could not).
    /// </summary>
    private static bool CanCopy(IEntityType type, HashSet<IEntityType> addedTypes) =>
        type.GetTableName() is not null
        && type.BaseType is null
        && !type.GetDerivedTypes().Any()
        && !type.IsOwned()
        && !type.GetNavigations().Any(n => n.TargetEntityType.IsOwned())
        && type.GetProperties().All(p => p.ValueGenerated == ValueGenerated.Never && p.GetComputedColumnSql() is null)
        && type.GetForeignKeys().All(fk => !addedTypes.Contains(fk.PrincipalEntityType));

    private static string CopyCommand(StoreObjectIdentifier table, List<Column> columns)
    {
        var sql = new StringBuilder("COPY ");
        if (table.Schema is { } schema)
        {
            sql.Append(Quote(schema)).Append('.');
        }

        sql.Append(Quote(table.Name)).Append(" (").AppendJoin(", ", columns.Select(c => Quote(c.Name))).Append(") FROM STDIN (FORMAT BINARY)");
        return sql.ToString();
    }

    private static string Quote(string identifier) => '"' + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + '"';

    /// <summary><c>character varying(64)</c> → <c>character varying</c>: Npgsql names the type without its facets.</summary>
    private static string StoreTypeName(string? columnType) =>
        columnType is null ? throw new InvalidOperationException("A column without a store type cannot be copied.")
        : columnType.IndexOf('(', StringComparison.Ordinal) is var open and >= 0 ? columnType[..open].TrimEnd() + columnType[(columnType.IndexOf(')', StringComparison.Ordinal) + 1)..]
        : columnType;

    private sealed record Column(IProperty Property, string Name, string StoreType, ValueConverter? Converter);
}
