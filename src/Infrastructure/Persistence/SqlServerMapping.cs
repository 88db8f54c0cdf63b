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
    /// counts UTF-16 units, and a character takes at most two.
    /// </summary>
    internal static void ConfigureStrings(ModelBuilder modelBuilder)
    {
        foreach (var property in modelBuilder.Model.GetEntityTypes().SelectMany(e => e.GetProperties()))
        {
            if ((property.GetValueConverter()?.ProviderClrType ?? property.ClrType) != typeof(string))
            {
                continue;
            }

            property.SetCollation(Collation);
            if (property.GetMaxLength() is { } length)
            {
                property.SetMaxLength(2 * length);
            }
        }
    }

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
