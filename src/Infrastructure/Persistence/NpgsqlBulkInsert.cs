using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace Invoicing.Infrastructure.Persistence;

/// <summary>
/// PostgreSQL's bulk writer (docs/decisions/0021): the rows <see cref="BulkInsert.Plan"/> chose, streamed with the
/// binary <c>COPY</c> into the save's open transaction, each column with its store type and converted value.
/// </summary>
internal static class NpgsqlBulkInsert
{
    /// <summary>
    /// Copies the planned rows into the open transaction of <paramref name="db"/>, then marks their entries unchanged. A
    /// refused row is PostgreSQL's own exception, which the save pipeline translates (a unique violation: 400 <c>unique</c>).
    /// </summary>
    public static async Task CopyAsync(DbContext db, List<(IEntityType Type, List<EntityEntry> Entries)> plan, CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        foreach (var (type, entries) in plan)
        {
            var (table, columns) = BulkInsert.Columns(type);
            var storeTypes = columns.Select(c => StoreTypeName(c.StoreType)).ToList();
            await using var importer = await connection.BeginBinaryImportAsync(CopyCommand(table, columns), cancellationToken);
            foreach (var entry in entries)
            {
                await importer.StartRowAsync(cancellationToken);
                var row = entry.CurrentValues;
                for (var i = 0; i < columns.Count; i++)
                {
                    if (columns[i].ProviderValue(row) is { } value)
                    {
                        await importer.WriteAsync(value, storeTypes[i], cancellationToken);
                    }
                    else
                    {
                        await importer.WriteNullAsync(cancellationToken);
                    }
                }
            }

            await importer.CompleteAsync(cancellationToken);
        }

        BulkInsert.MarkStored(plan);
    }

    private static string CopyCommand(StoreObjectIdentifier table, List<BulkColumn> columns)
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
}
