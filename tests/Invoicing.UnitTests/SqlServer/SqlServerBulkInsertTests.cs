using Invoicing.Domain.Common;
using Invoicing.Domain.Invoices;
using Invoicing.Infrastructure.Persistence;
using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;

namespace Invoicing.UnitTests.SqlServer;

/// <summary>
/// SQL Server's bulk path (docs/decisions/0030) chooses the same rows as PostgreSQL's COPY, in the unique index's order,
/// and sends every mapped column as EF would store it: through the model's value converters, nothing listed by hand.
/// </summary>
public sealed class SqlServerBulkInsertTests
{
    [Fact]
    public async Task Each_provider_gets_its_own_bulk_writer_and_SQLite_none()
    {
        await using var server = new OfflineSqlServer();
        await using var scope = server.Scope();

        BulkInsert.WriterFor(scope.ServiceProvider.GetRequiredService<ApplicationDbContext>().Database)!.Method.DeclaringType.ShouldBe(typeof(SqlServerBulkInsert));
        BulkInsert.WriterFor(Context(o => o.UseNpgsql("Host=127.0.0.1")).Database)!.Method.DeclaringType.ShouldBe(typeof(NpgsqlBulkInsert));
        BulkInsert.WriterFor(Context(o => o.UseSqlite("Data Source=:memory:")).Database).ShouldBeNull();
    }

    [Fact]
    public void The_bulk_load_checks_constraints_keeps_nulls_and_takes_row_locks_only()
    {
        SqlServerBulkInsert.Options.HasFlag(SqlBulkCopyOptions.CheckConstraints).ShouldBeTrue();
        SqlServerBulkInsert.Options.HasFlag(SqlBulkCopyOptions.KeepNulls).ShouldBeTrue();
        SqlServerBulkInsert.Options.HasFlag(SqlBulkCopyOptions.TableLock).ShouldBeFalse();
        SqlServerBulkInsert.Options.HasFlag(SqlBulkCopyOptions.KeepIdentity).ShouldBeFalse();
    }

    [Fact]
    public async Task A_batch_is_sent_in_unique_key_order_with_every_column_through_its_converter()
    {
        await using var server = new OfflineSqlServer();
        await using var scope = server.Scope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        var originating = Guid.CreateVersion7();
        foreach (var number in new[] { "INV-3", "INV-1", "inv-2", "INV-2" })
        {
            var invoice = Invoice.Create(new InvoiceTerms(10_000, 250, "eur", new DateOnly(2026, 11, 1), new DateOnly(2026, 12, 1), number, number == "INV-1" ? "first" : null, originating, Guid.CreateVersion7()), DateTimeOffset.UtcNow);
            db.Invoices.Add(invoice).Property(i => i.Environment).CurrentValue = ApiEnvironment.Test; // as the save stamps it
        }

        var (type, entries) = BulkInsert.Plan(db).ShouldHaveSingleItem();
        var (table, columns) = BulkInsert.Columns(type);
        using var rows = SqlServerBulkInsert.Rows(columns, entries);

        SqlServerBulkInsert.DestinationTable(table).ShouldBe("[invoices]");
        columns.Select(c => c.Name).ShouldBe(type.GetProperties().Select(p => p.GetColumnName()), ignoreOrder: true);
        var numbers = columns.Single(c => c.Name == "invoice_number"); // UTF-16 bytes on SQL Server (docs/decisions/0029)
        rows.Rows.Cast<System.Data.DataRow>().Select(r => numbers.Converter is { } stored ? stored.ConvertFromProvider(r[numbers.Name]) : r[numbers.Name])
            .ShouldBe(["INV-1", "INV-2", "INV-3", "inv-2"]); // ordinal, as PostgreSQL's COPY
        for (var i = 0; i < entries.Count; i++)
        {
            foreach (var column in columns)
            {
                var stored = rows.Rows[i][column.Name];
                var expected = Stored(column.Property, entries[i].Property(column.Property).CurrentValue);
                if (expected is byte[] bytes)
                {
                    ((byte[])stored).ShouldBe(bytes, column.Name);
                }
                else
                {
                    stored.ShouldBe(expected, column.Name);
                }
            }
        }

        rows.Rows[0]["status"].ShouldBe("open"); // the lowercase enum converter, not the CLR enum
        rows.Rows[0]["environment"].ShouldBe("test");
        rows.Rows[1]["note"].ShouldBe(DBNull.Value);
    }

    /// <summary>The value as the table takes it: through the property's converter; a date as the <c>DateTime</c> a <c>date</c> column takes.</summary>
    private static object Stored(IProperty property, object? value) =>
        (value is not null && property.GetTypeMapping().Converter is { } converter ? converter.ConvertToProvider(value) : value) switch
        {
            null => DBNull.Value,
            DateOnly date => date.ToDateTime(TimeOnly.MinValue),
            var provider => provider,
        };

    private static ApplicationDbContext Context(Action<DbContextOptionsBuilder<ApplicationDbContext>> provider)
    {
        var options = new DbContextOptionsBuilder<ApplicationDbContext>();
        provider(options);
        return new ApplicationDbContext(options.Options);
    }
}
