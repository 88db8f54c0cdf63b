using System.Data.SqlTypes;
using System.Globalization;
using System.Text;
using Invoicing.Domain.Common;
using Invoicing.Domain.Invoices;
using Invoicing.Infrastructure.Idempotency;
using Invoicing.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace Invoicing.UnitTests.Persistence;

/// <summary>
/// SQL Server's defaults that would change answers silently, each overridden in its model (docs/decisions/0029), proven
/// offline on the DDL and SQL that EF would send, read with Microsoft's T-SQL parser.
/// </summary>
public sealed class SqlServerMappingTests
{
    /// <summary>
    /// Ids made in sequence: 20 milliseconds, three ids each, in the order they were made. The milliseconds follow the
    /// newest id made so far in this process (another test may have made one in the future), so each is a new one.
    /// </summary>
    private static List<Guid> IdsInCreationOrder()
    {
        var newest = DateTimeOffset.FromUnixTimeMilliseconds(Convert.ToInt64(Uuid7.Next(DateTimeOffset.UtcNow).ToString("N")[..12], 16));
        return Enumerable.Range(0, 60).Select(i => Uuid7.Next(newest.AddMilliseconds(1 + (i / 3)))).ToList();
    }

    [Fact]
    public void Ids_as_uniqueidentifier_would_not_sort_in_creation_order()
    {
        var ids = IdsInCreationOrder();

        // SqlGuid compares as SQL Server's uniqueidentifier: its last six bytes first, the timestamp last.
        var asUniqueidentifier = ids.Order(Comparer<Guid>.Create((a, b) => new SqlGuid(a).CompareTo(new SqlGuid(b)))).ToList();

        asUniqueidentifier.ShouldNotBe(ids);
    }

    [Fact]
    public void Ids_as_stored_sort_in_creation_order()
    {
        using var db = Models.SqlServer();
        var id = db.Model.FindEntityType(typeof(Invoice))!.FindProperty(nameof(Invoice.Id))!;
        var ids = IdsInCreationOrder();

        // What the model stores, compared as SQL Server compares binary: byte by byte.
        var stored = ids.ToDictionary(i => i, i => new SqlBinary((byte[])id.GetTypeMapping().Converter!.ConvertToProvider(i)!));
        var asStored = ids.Order(Comparer<Guid>.Create((a, b) => stored[a].CompareTo(stored[b]))).ToList();

        id.GetColumnType().ShouldBe("binary(16)");
        asStored.ShouldBe(ids);
        ids.ShouldAllBe(i => SqlServerMapping.BigEndianGuidConverter.FromBytes(stored[i].Value) == i);
    }

    [Fact]
    public void Every_id_and_reference_is_stored_as_binary_16_never_as_uniqueidentifier()
    {
        using var db = Models.SqlServer();

        var guids = db.Model.GetEntityTypes().SelectMany(e => e.GetProperties()).Where(p => p.ClrType == typeof(Guid) || p.ClrType == typeof(Guid?)).ToList();

        guids.Count.ShouldBeGreaterThan(10);
        guids.ShouldAllBe(p => p.GetColumnType() == "binary(16)");
        db.Database.GenerateCreateScript().ShouldNotContain("uniqueidentifier");
    }

    [Fact]
    public void A_list_page_after_a_cursor_compares_and_orders_the_stored_bytes()
    {
        using var db = Models.SqlServer();
        var after = Uuid7.Next(DateTimeOffset.UtcNow);

        // The shape of Keyset.PageAsync with starting_after: e.Id.CompareTo(cursor), newest first. The cursor is sent as
        // its big-endian bytes; varbinary compares with the binary(16) column byte by byte.
        var sql = db.Invoices.Where(e => e.Id.CompareTo(after) < 0).OrderByDescending(e => e.Id).Take(11).ToQueryString();

        sql.ShouldContain($"DECLARE @after varbinary(16) = 0x{Convert.ToHexString(after.ToByteArray(bigEndian: true))};");
        sql.ShouldContain("[i].[id] < @after");
        sql.ShouldContain("ORDER BY [i].[id] DESC");
        Models.ParseTSql(sql);
    }

    [Fact]
    public void A_list_page_before_a_cursor_compares_and_orders_the_stored_bytes()
    {
        using var db = Models.SqlServer();
        var before = Uuid7.Next(DateTimeOffset.UtcNow);

        // The shape of Keyset.PageAsync with ending_before: the newer ones, oldest first.
        var sql = db.Counterparties.Where(e => e.Id.CompareTo(before) > 0).OrderBy(e => e.Id).Take(11).ToQueryString();

        sql.ShouldContain($"DECLARE @before varbinary(16) = 0x{Convert.ToHexString(before.ToByteArray(bigEndian: true))};");
        sql.ShouldContain("[c].[id] > @before");
        sql.ShouldContain("ORDER BY [c].[id]");
        Models.ParseTSql(sql);
    }

    [Fact]
    public void Strings_compare_exactly_on_sql_server_case_and_accents_included()
    {
        using var db = Models.SqlServer();

        var columns = Columns(db);
        var text = columns.Where(c => c.Value.Type.SqlDataTypeOption is SqlDataTypeOption.NVarChar or SqlDataTypeOption.NChar or SqlDataTypeOption.VarChar or SqlDataTypeOption.Char).ToList();

        // Key hashes and prefixes (and every other text column): a binary collation, code point by code point.
        text.Select(c => c.Key).ShouldContain("api_keys.hash");
        text.Select(c => c.Key).ShouldContain("api_keys.prefix");
        text.ShouldAllBe(c => c.Value.Collation == SqlServerMapping.Collation, "every string column: " + string.Join(", ", text.Where(c => c.Value.Collation != SqlServerMapping.Collation).Select(c => c.Key)));
        text.ShouldAllBe(c => c.Value.Type.SqlDataTypeOption == SqlDataTypeOption.NVarChar);

        // Invoice numbers and idempotency keys: their UTF-16 bytes, so that trailing spaces count too.
        columns["invoices.invoice_number"].Type.SqlDataTypeOption.ShouldBe(SqlDataTypeOption.VarBinary);
        columns["idempotency_keys.key"].Type.SqlDataTypeOption.ShouldBe(SqlDataTypeOption.VarBinary);
    }

    [Fact]
    public void An_invoice_number_and_an_idempotency_key_are_compared_with_their_trailing_spaces()
    {
        using var db = Models.SqlServer();
        var number = "INV-1 "; // a variable, as in the service: a parameter, not a literal
        var key = "retry ";

        // SQL Server's = ignores trailing spaces of nvarchar under every collation; the bytes keep the space (0x2000).
        var lookup = db.Invoices.Where(i => i.InvoiceNumber == number).ToQueryString();
        var claim = db.Set<IdempotencyRecord>().Where(r => r.Key == key).ToQueryString();

        lookup.ShouldContain($"DECLARE @number varbinary(256) = 0x{Convert.ToHexString(Encoding.Unicode.GetBytes(number))};");
        lookup.ShouldContain("[i].[invoice_number] = @number");
        Convert.ToHexString(Encoding.Unicode.GetBytes(number)).ShouldEndWith("2000");
        claim.ShouldContain($"DECLARE @key varbinary(1020) = 0x{Convert.ToHexString(Encoding.Unicode.GetBytes(key))};");
        claim.ShouldContain("[i].[key] = @key");
        Models.ParseTSql(lookup);
        Models.ParseTSql(claim);
    }

    [Fact]
    public void Every_limited_string_column_holds_its_limit_in_characters_that_each_take_two_utf16_units()
    {
        using var server = Models.SqlServer();
        using var postgres = Models.Postgres();
        var columns = Columns(server);

        // PostgreSQL's varchar(n) counts characters like Text.Length: its model holds the limits.
        var limited = postgres.Model.GetEntityTypes()
            .SelectMany(e => e.GetProperties().Select(p => (Column: $"{e.GetTableName()}.{p.GetColumnName()}", Limit: p.GetMaxLength())))
            .Where(c => c.Limit is not null)
            .ToList();

        limited.Select(c => c.Column).ShouldContain("invoices.note");
        limited.Count.ShouldBeGreaterThan(15);
        foreach (var (column, limit) in limited)
        {
            var worst = string.Concat(Enumerable.Repeat("😀", limit!.Value)); // U+1F600: one character, two UTF-16 units
            Text.Length(worst).ShouldBe(limit.Value);

            // nvarchar(n) holds n UTF-16 units, varbinary(n) n bytes; MAX holds them all.
            var type = columns[column].Type;
            var needed = type.SqlDataTypeOption == SqlDataTypeOption.VarBinary ? Encoding.Unicode.GetByteCount(worst) : worst.Length;
            type.SqlDataTypeOption.ShouldBeOneOf(SqlDataTypeOption.NVarChar, SqlDataTypeOption.VarBinary);
            if (type.Parameters.Single() is not MaxLiteral)
            {
                int.Parse(type.Parameters.Single().Value, CultureInfo.InvariantCulture).ShouldBeGreaterThanOrEqualTo(needed, $"{column}: {limit} characters");
            }
        }
    }

    [Fact]
    public void The_full_idempotent_migration_script_is_valid_t_sql()
    {
        using var db = Models.SqlServer();

        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        script.ShouldContain("\nGO");
        script.ShouldContain("CREATE TABLE [invoices]");
        Models.TSqlErrors(script).ShouldBeEmpty();

        // The check can fail: the same script cut inside a statement is not T-SQL.
        var cut = script[..(script.IndexOf("CREATE TABLE [invoices]", StringComparison.Ordinal) + "CREATE TABLE [invoices] ([id] binary(16)".Length)];
        Models.TSqlErrors(cut).ShouldNotBeEmpty();
    }

    /// <summary>"table.column" → its type and collation in the DDL that would create the database.</summary>
    private static Dictionary<string, (SqlDataTypeReference Type, string? Collation)> Columns(ApplicationDbContext db) =>
        Models.ParseTSql(db.Database.GenerateCreateScript()).Batches.SelectMany(b => b.Statements).OfType<CreateTableStatement>()
            .SelectMany(t => t.Definition.ColumnDefinitions.Select(c => (
                Key: $"{t.SchemaObjectName.BaseIdentifier.Value}.{c.ColumnIdentifier.Value}",
                Type: (SqlDataTypeReference)c.DataType,
                Collation: c.Collation?.Value)))
            .ToDictionary(c => c.Key, c => (c.Type, c.Collation));
}
