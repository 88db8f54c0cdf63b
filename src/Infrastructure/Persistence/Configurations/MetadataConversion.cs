using System.Text.Encodings.Web;
using System.Text.Json;
using Invoicing.Domain.Common;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Invoicing.Infrastructure.Persistence.Configurations;

/// <summary>
/// <c>metadata</c> (§10) is one column per table holding the JSON text of the object, keys sorted: <c>TEXT</c> on SQLite,
/// <c>text</c> on PostgreSQL, <c>nvarchar(max)</c> on SQL Server (docs/decisions/0039). The database never looks inside
/// it. A value converter writes and reads it, so EF's INSERTs and UPDATEs and the bulk writers (which take the model's
/// converters, docs/decisions/0021) store it alike. A row stored before the column existed holds <c>""</c>: no metadata.
/// </summary>
internal static class MetadataConversion
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static PropertyBuilder<IReadOnlyDictionary<string, string>> HasMetadataConversion(this PropertyBuilder<IReadOnlyDictionary<string, string>> property) =>
        property.HasConversion(
            v => Write(v),
            v => Read(v),
            new ValueComparer<IReadOnlyDictionary<string, string>>((a, b) => Metadata.AreEqual(a!, b!), v => HashOf(v), v => Copy(v)))
            .IsRequired();

    // The comparer's expressions only call these: EF compiles them, and a lambda nested in a compiled expression
    // becomes a new delegate at every call (a snapshot is taken of every tracked row). Internal, not private: the compiled
    // models (Persistence/CompiledModels) call them too.
    internal static int HashOf(IReadOnlyDictionary<string, string> metadata) =>
        metadata.Aggregate(0, (h, p) => HashCode.Combine(h, p.Key.GetHashCode(StringComparison.Ordinal), p.Value.GetHashCode(StringComparison.Ordinal)));

    internal static IReadOnlyDictionary<string, string> Copy(IReadOnlyDictionary<string, string> metadata) =>
        Metadata.Of(metadata.ToDictionary(p => p.Key, p => (string?)p.Value));

    internal static string Write(IReadOnlyDictionary<string, string> metadata) =>
        JsonSerializer.Serialize(new SortedDictionary<string, string>(metadata.ToDictionary(), StringComparer.Ordinal), Json);

    internal static IReadOnlyDictionary<string, string> Read(string json) =>
        string.IsNullOrEmpty(json)
            ? Metadata.Empty
            : new SortedDictionary<string, string>(JsonSerializer.Deserialize<Dictionary<string, string>>(json, Json)!, StringComparer.Ordinal);
}
