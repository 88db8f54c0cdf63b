using System.Data;
using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Invoicing.Infrastructure.Persistence;

/// <summary>
/// SQL Server's bulk writer (docs/decisions/0030): the rows <see cref="BulkInsert.Plan"/> chose, in its order, sent with
/// <see cref="SqlBulkCopy"/> (the TDS bulk load, SQL Server's counterpart of <c>COPY</c>) into the save's open
/// transaction. Each value goes through its property's value converter, as EF would write it; the column types come
/// from the table itself.
/// </summary>
internal static class SqlServerBulkInsert
{
    /// <summary>
    /// As EF's INSERTs behave: foreign keys and checks are enforced (without <c>CheckConstraints</c> a bulk load skips
    /// them and leaves the constraints untrusted), a null stays null instead of taking a column default, row locks only.
    /// </summary>
    public const SqlBulkCopyOptions Options = SqlBulkCopyOptions.CheckConstraints | SqlBulkCopyOptions.KeepNulls;

    /// <summary>
    /// Writes the planned rows into the open transaction of <paramref name="db"/>, then marks their entries unchanged. A
    /// refused row is SqlClient's own exception, which the save pipeline translates (a unique violation: 400 <c>unique</c>).
    /// </summary>
    public static async Task CopyAsync(DbContext db, List<(IEntityType Type, List<EntityEntry> Entries)> plan, CancellationToken cancellationToken)
    {
        var connection = (SqlConnection)db.Database.GetDbConnection();
        var transaction = (SqlTransaction)(db.Database.CurrentTransaction ?? throw new InvalidOperationException("A bulk write needs the save's transaction.")).GetDbTransaction();
        foreach (var (type, entries) in plan)
        {
            var (table, columns) = BulkInsert.Columns(type);
            using var rows = Rows(columns, entries);
            using var copy = new SqlBulkCopy(connection, Options, transaction)
            {
                DestinationTableName = DestinationTable(table),
                BulkCopyTimeout = db.Database.GetCommandTimeout() ?? 30,
            };
            foreach (var column in columns)
            {
                copy.ColumnMappings.Add(column.Name, column.Name);
            }

            await copy.WriteToServerAsync(rows, cancellationToken);
        }

        BulkInsert.MarkStored(plan);
    }

    /// <summary><c>[schema].[table]</c>, or <c>[table]</c> in the user's default schema, as SqlBulkCopy parses it.</summary>
    internal static string DestinationTable(StoreObjectIdentifier table) =>
        (table.Schema is { } schema ? Quote(schema) + "." : string.Empty) + Quote(table.Name);

    /// <summary>The rows in plan order, one typed column per property, each value as the provider stores it.</summary>
    internal static DataTable Rows(List<BulkColumn> columns, List<EntityEntry> entries)
    {
        var rows = new DataTable { Locale = System.Globalization.CultureInfo.InvariantCulture };
        foreach (var column in columns)
        {
            rows.Columns.Add(column.Name, BulkType(column.ProviderClrType));
        }

        var values = new object[columns.Count];
        foreach (var entry in entries)
        {
            var row = entry.CurrentValues;
            for (var i = 0; i < columns.Count; i++)
            {
                values[i] = ToBulkValue(columns[i].ProviderValue(row));
            }

            rows.Rows.Add(values);
        }

        return rows;
    }

    /// <summary>SqlBulkCopy converts values through <c>IConvertible</c>, which <c>DateOnly</c> and <c>TimeOnly</c> are not: send them as the types the <c>date</c> and <c>time</c> columns take.</summary>
    private static Type BulkType(Type type) =>
        type == typeof(DateOnly) ? typeof(DateTime) : type == typeof(TimeOnly) ? typeof(TimeSpan) : type;

    private static object ToBulkValue(object? value) => value switch
    {
        null => DBNull.Value,
        DateOnly date => date.ToDateTime(TimeOnly.MinValue),
        TimeOnly time => time.ToTimeSpan(),
        _ => value,
    };

    private static string Quote(string identifier) => '[' + identifier.Replace("]", "]]", StringComparison.Ordinal) + ']';
}
