using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Invoicing.Infrastructure.Persistence;

/// <summary>
/// Which new rows of one save are written in bulk instead of by EF's INSERT statements (docs/decisions/0021): for each
/// entity type with at least <see cref="Threshold"/> added entries, the rows are streamed inside the save's transaction,
/// generically from EF's model (table, column names, value converters), and the entries are then marked stored, so EF
/// writes only the rest. Rows of a type with a unique index are written in that index's order, from two rows on
/// (docs/decisions/0026). The provider's own bulk API writes them: PostgreSQL's binary <c>COPY</c>
/// (<see cref="NpgsqlBulkInsert"/>), SQL Server's <c>SqlBulkCopy</c> (<see cref="SqlServerBulkInsert"/>, docs/decisions/0030).
/// </summary>
internal static class BulkInsert
{
    /// <summary>From this many new rows of one type, one bulk write beats EF's batched INSERTs.</summary>
    public const int Threshold = 100;

    /// <summary>
    /// Writes the rows of this save that qualify in bulk and marks them stored, so that EF writes only the rest; called
    /// by <see cref="SaveChangesPipeline"/> just before EF's own writes. Only inside the open transaction of a unit of work
    /// (every command's, the webhook worker's: docs/decisions/0034), which then covers both writes; a save outside any
    /// transaction, or on SQLite, is written by EF alone.
    /// </summary>
    public static Task WriteAsync(DbContext db, CancellationToken cancellationToken) =>
        db.Database.CurrentTransaction is not null && WriterFor(db.Database) is { } writer && Plan(db) is { Count: > 0 } plan
            ? writer(db, plan, cancellationToken)
            : Task.CompletedTask;

    /// <summary>The provider's bulk writer for this database, or null (SQLite: one writer, no bulk API).</summary>
    public static Func<DbContext, List<(IEntityType Type, List<EntityEntry> Entries)>, CancellationToken, Task>? WriterFor(DatabaseFacade database) =>
        database.IsNpgsql() ? NpgsqlBulkInsert.CopyAsync
        : database.IsSqlServer() ? SqlServerBulkInsert.CopyAsync
        : null;

    /// <summary>
    /// The added entries that will be written in bulk, by entity type, each type's rows in the order of its unique index;
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

    /// <summary>The table of <paramref name="type"/> and every mapped property (shadow ones included) as a column.</summary>
    public static (StoreObjectIdentifier Table, List<BulkColumn> Columns) Columns(IEntityType type)
    {
        var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        return (table, [.. type.GetProperties().Select(p => new BulkColumn(p, p.GetColumnName(table)!, p.GetColumnType(table), p.GetTypeMapping().Converter))]);
    }

    /// <summary>Only once every row is written: a failed write leaves every entry as it was (and the transaction is rolled back by its owner).</summary>
    public static void MarkStored(List<(IEntityType Type, List<EntityEntry> Entries)> plan)
    {
        foreach (var entry in plan.SelectMany(p => p.Entries))
        {
            entry.State = EntityState.Unchanged;
        }
    }

    /// <summary>
    /// From <see cref="Threshold"/> rows for speed; and from two rows for a type with a unique index besides its key
    /// (invoices: environment, originating counterparty, number), for correctness (docs/decisions/0026). EF writes
    /// rows in primary-key order, which for invoices is request order: two concurrent batches that share numbers in
    /// different orders each wait on the other's uncommitted number, and the server aborts one as a deadlock (a 500).
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
        var keys = entries.ToDictionary(e => e, e => KeyOf(e.CurrentValues, properties));
        entries.Sort((x, y) => CompareKeys(keys[x], keys[y]));
        return entries;
    }

    private static object?[] KeyOf(PropertyValues row, IReadOnlyList<IProperty> properties)
    {
        var key = new object?[properties.Count];
        for (var i = 0; i < key.Length; i++)
        {
            key[i] = row[properties[i]];
        }

        return key;
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

    /// <summary>
    /// A plain table of its own (no inheritance, owned types or table splitting), no value the database generates,
    /// and no foreign key to a row added in the same save (EF orders those inserts; a bulk write ahead of them could not).
    /// </summary>
    private static bool CanCopy(IEntityType type, HashSet<IEntityType> addedTypes) =>
        type.GetTableName() is not null
        && type.BaseType is null
        && !type.GetDerivedTypes().Any()
        && !type.IsOwned()
        && !type.GetNavigations().Any(n => n.TargetEntityType.IsOwned())
        && type.GetProperties().All(p => p.ValueGenerated == ValueGenerated.Never && p.GetComputedColumnSql() is null)
        && type.GetForeignKeys().All(fk => !addedTypes.Contains(fk.PrincipalEntityType));
}

/// <summary>A column of a bulk write: its property, name, store type and the value converter of its type mapping.</summary>
internal sealed record BulkColumn(IProperty Property, string Name, string? StoreType, ValueConverter? Converter)
{
    /// <summary>
    /// The value as the database stores it: the row's current value through the model's converter. The row is its entry's
    /// <see cref="EntityEntry.CurrentValues"/>, read once per row: <c>entry.Property(…)</c> made an object per column.
    /// </summary>
    public object? ProviderValue(PropertyValues row)
    {
        var value = row[Property];
        return value is not null && Converter is { } converter ? converter.ConvertToProvider(value) : value;
    }

    /// <summary>The CLR type of <see cref="ProviderValue"/>, without <c>Nullable</c>.</summary>
    public Type ProviderClrType
    {
        get
        {
            var type = Converter?.ProviderClrType ?? Property.ClrType;
            return Nullable.GetUnderlyingType(type) ?? type;
        }
    }
}
