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
/// value converters), and the entries are then marked stored, so EF writes only the rest. Rows of a type with a
/// unique index are copied in that index's order, from two rows on (docs/decisions/0026). Npgsql only.
/// </summary>
internal static class NpgsqlBulkInsert
{
    /// <summary>From this many new rows of one type, one <c>COPY</c> beats EF's batched INSERTs.</summary>
    public const int Threshold = 100;

    /// <summary>
    /// The added entries that will be copied, by entity type, each type's rows in the order of its unique index;
    /// empty when none qualifies.
    /// </summary>
    public static List<(IEntityType Type, List<EntityEntry> Entries)> Plan(DbContext db)
    {
        var added = db.ChangeTracker.Entries().Where(e => e.State == EntityState.Added).GroupBy(e => e.Metadata).ToList();
        if (!added.Any(g => Qualifies(g.Key, g.Count())))
        {
            return [];
        }

        var addedTypes = added.Select(g => g.Key).ToHashSet();
        return [.. added.Where(g => Qualifies(g.Key, g.Count()) && CanCopy(g.Key, addedTypes)).Select(g => (g.Key, InUniqueKeyOrder(g.Key, g.ToList())))];
    }

    /// <summary>
    /// From <see cref="Threshold"/> rows for speed; and from two rows for a type with a unique index besides its key
    /// (invoices: environment, originating counterparty, number), for correctness (docs/decisions/0026). EF writes
    /// rows in primary-key order, which for invoices is request order: two concurrent batches that share numbers in
    /// different orders each wait on the other's uncommitted number, and PostgreSQL aborts one as a deadlock (a 500).
    /// Written in the unique index's order, the waits all run one way: the later save waits for the earlier one to
    /// end, then gets its unique violation (400 <c>unique</c>) or goes on.
    /// </summary>
    private static bool Qualifies(IEntityType type, int count) =>
        count >= Threshold || (count > 1 && UniqueIndex(type) is not null);

    private static IIndex? UniqueIndex(IEntityType type) => type.GetIndexes().FirstOrDefault(i => i.IsUnique);

    /// <summary>The rows sorted by the type's unique index (ordinal for text), or as they are when it has none.</summary>
    private static List<EntityEntry> InUniqueKeyOrder(IEntityType type, List<EntityEntry> entries)
    {
        if (UniqueIndex(type) is not { } index)
        {
            return entries;
        }

        var properties = index.Properties;
        var keys = entries.ToDictionary(e => e, e => properties.Select(p => e.Property(p).CurrentValue).ToArray());
        entries.Sort((x, y) => CompareKeys(keys[x], keys[y]));
        return entries;
    }

    private static int CompareKeys(object?[] x, object?[] y)
    {
        for (var i = 0; i < x.Length; i++)
        {
            var order = (x[i], y[i]) switch
            {
                (null, null) => 0,
                (null, _) => -1,
                (_, null) => 1,
                (string a, string b) => string.CompareOrdinal(a, b),
                (IComparable a, var b) => a.CompareTo(b),
                _ => 0,
            };
            if (order != 0)
            {
                return order;
            }
        }

        return 0;
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
