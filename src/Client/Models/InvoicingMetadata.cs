using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Invoicing.Client;

/// <summary>
/// The <c>metadata</c> of a resource as the API returns it (§10): your key-value pairs, read-only, keys in ordinal order.
/// Two are equal when they hold the same pairs, so resources compare by value as records do.
/// </summary>
[JsonConverter(typeof(InvoicingMetadataJsonConverter))]
public sealed class InvoicingMetadata : IReadOnlyDictionary<string, string>, IEquatable<InvoicingMetadata>
{
    private readonly SortedDictionary<string, string> _pairs;

    /// <summary>The pairs of <paramref name="pairs"/>.</summary>
    public InvoicingMetadata(IEnumerable<KeyValuePair<string, string>> pairs) =>
        _pairs = new SortedDictionary<string, string>(pairs.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal), StringComparer.Ordinal);

    /// <summary>No pairs.</summary>
    public static InvoicingMetadata Empty { get; } = new([]);

    /// <inheritdoc/>
    public int Count => _pairs.Count;

    /// <inheritdoc/>
    public IEnumerable<string> Keys => _pairs.Keys;

    /// <inheritdoc/>
    public IEnumerable<string> Values => _pairs.Values;

    /// <inheritdoc/>
    public string this[string key] => _pairs[key];

    /// <inheritdoc/>
    public bool ContainsKey(string key) => _pairs.ContainsKey(key);

    /// <inheritdoc/>
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out string value) => _pairs.TryGetValue(key, out value);

    /// <inheritdoc/>
    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => _pairs.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc/>
    public bool Equals(InvoicingMetadata? other) =>
        other is not null && Count == other.Count && _pairs.All(p => other.TryGetValue(p.Key, out var value) && string.Equals(value, p.Value, StringComparison.Ordinal));

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as InvoicingMetadata);

    /// <inheritdoc/>
    public override int GetHashCode() => _pairs.Aggregate(Count, (h, p) => HashCode.Combine(h, StringComparer.Ordinal.GetHashCode(p.Key), StringComparer.Ordinal.GetHashCode(p.Value)));

    /// <inheritdoc/>
    public override string ToString() => "{" + string.Join(", ", _pairs.Select(p => $"{p.Key}: {p.Value}")) + "}";
}

/// <summary>Reads and writes <see cref="InvoicingMetadata"/> as the JSON object of its pairs.</summary>
internal sealed class InvoicingMetadataJsonConverter : JsonConverter<InvoicingMetadata>
{
    public override InvoicingMetadata Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        new(JsonSerializer.Deserialize<Dictionary<string, string>>(ref reader, options) ?? []);

    public override void Write(Utf8JsonWriter writer, InvoicingMetadata value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value.ToDictionary(p => p.Key, p => p.Value), options);
}
