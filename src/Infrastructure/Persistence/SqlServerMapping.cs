using System.Text;
using Invoicing.Domain.Invoices;
using Invoicing.Infrastructure.Idempotency;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Invoicing.Infrastructure.Persistence;

/// <summary>
/// Where SQL Server's defaults would change answers silently, the model says otherwise there (docs/decisions/0029).
/// SQLite and PostgreSQL keep the plain mapping: nothing here applies to them.
/// </summary>
public static class SqlServerMapping
{
    /// <summary>Compares code point by code point: case and accents count, as with PostgreSQL's deterministic collations.</summary>
    public const string Collation = "Latin1_General_100_BIN2";

    /// <summary>
    /// Every id and reference as <c>binary(16)</c> in RFC 9562 byte order. SQL Server compares binary bytewise, so
    /// stored order is UUIDv7 order, which is creation order; a <c>uniqueidentifier</c> compares its last six bytes
    /// first and would scramble every list (§6) and cursor.
    /// </summary>
    internal static void ConfigureConventions(ModelConfigurationBuilder builder) =>
        builder.Properties<Guid>().HaveConversion<BigEndianGuidConverter>().HaveColumnType("binary(16)");

    /// <summary>
    /// Every string column (also enums stored as their names) gets the binary <see cref="Collation"/>, and twice its
    /// length: the limits count characters as <c>Text.Length</c> does (Unicode scalar values), <c>nvarchar(n)</c>
    /// counts UTF-16 units, and a character takes at most two. The <see cref="TrailingSpacesCount"/> columns are
    /// stored as their UTF-16 bytes instead.
    /// </summary>
    internal static void ConfigureStrings(ModelBuilder modelBuilder)
    {
        foreach (var property in modelBuilder.Model.GetEntityTypes().SelectMany(e => e.GetProperties()))
        {
            if ((property.GetValueConverter()?.ProviderClrType ?? property.ClrType) != typeof(string))
            {
                continue;
            }

            var length = property.GetMaxLength();
            if (TrailingSpacesCount.Contains((property.DeclaringType.ClrType, property.Name)))
            {
                property.SetValueConverter(typeof(Utf16Converter)); // by type, so the compiled model names it too
                property.SetColumnType($"varbinary({4 * length})");
                continue;
            }

            property.SetCollation(Collation);
            if (length is not null)
            {
                property.SetMaxLength(2 * length);
            }
        }
    }

    /// <summary>
    /// The strings compared for equality that a client may end with spaces. SQL Server's <c>=</c> and unique indexes
    /// ignore trailing spaces under every collation (<c>'INV-1' = 'INV-1 '</c>); stored as UTF-16 bytes they compare
    /// exactly, as on PostgreSQL: binary comparison ignores only trailing zero bytes, which only NUL would give, and
    /// the API refuses NUL. <c>CAST(column AS nvarchar(…))</c> reads them.
    /// </summary>
    internal static readonly HashSet<(Type Entity, string Property)> TrailingSpacesCount =
    [
        (typeof(Invoice), nameof(Invoice.InvoiceNumber)),
        (typeof(IdempotencyRecord), nameof(IdempotencyRecord.Key)),
    ];

    /// <summary>A string as its UTF-16 (little-endian) bytes: SQL Server's own <c>nvarchar</c> encoding.</summary>
    internal sealed class Utf16Converter() : ValueConverter<string, byte[]>(s => Encoding.Unicode.GetBytes(s), b => Encoding.Unicode.GetString(b));

    /// <summary>
    /// A Guid as its 16 bytes in RFC 9562 (big-endian) order, the order in which SQL Server compares <c>binary</c>.
    /// Raw SQL that reads or binds an id on SQL Server goes through <see cref="ToBytes"/> and <see cref="FromBytes"/>.
    /// </summary>
    public sealed class BigEndianGuidConverter() : ValueConverter<Guid, byte[]>(g => ToBytes(g), b => FromBytes(b))
    {
        public static byte[] ToBytes(Guid id) => id.ToByteArray(bigEndian: true);

        public static Guid FromBytes(byte[] bytes) => new(bytes, bigEndian: true);
    }
}
