namespace Invoicing.Domain.Common;

/// <summary>
/// The integrator's own key-value pairs on a resource (§10): at most <see cref="MaxKeys"/> keys of 1 to
/// <see cref="KeyMaxLength"/> characters, each with a value of 1 to <see cref="ValueMaxLength"/> characters. Kept sorted
/// by key (ordinal), so that equal metadata is stored and written identically. An empty value is never stored: setting a
/// key to <c>""</c> or <c>null</c> removes it (docs/decisions/0039).
/// </summary>
public static class Metadata
{
    public const int MaxKeys = 50;
    public const int KeyMaxLength = 40;
    public const int ValueMaxLength = 500;

    public static IReadOnlyDictionary<string, string> Empty { get; } = new SortedDictionary<string, string>(StringComparer.Ordinal);

    /// <summary>
    /// <paramref name="current"/> with <paramref name="changes"/> merged in: a key whose value is <c>null</c> or <c>""</c>
    /// is removed, every other key is set. Throws <see cref="DomainException"/> when the result breaks a limit.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Merge(IReadOnlyDictionary<string, string> current, IReadOnlyDictionary<string, string?>? changes)
    {
        var merged = new SortedDictionary<string, string>(current.ToDictionary(), StringComparer.Ordinal);
        foreach (var (key, value) in changes ?? new Dictionary<string, string?>())
        {
            if (string.IsNullOrEmpty(value))
            {
                merged.Remove(key);
            }
            else
            {
                merged[key] = value;
            }
        }

        if (!IsValid(merged))
        {
            throw new DomainException($"Metadata has at most {MaxKeys} keys of 1 to {KeyMaxLength} characters, each with a value of at most {ValueMaxLength} characters.");
        }

        return merged;
    }

    /// <summary>How many keys <paramref name="current"/> would have with <paramref name="changes"/> merged in.</summary>
    public static int KeyCountAfter(IReadOnlyDictionary<string, string> current, IReadOnlyDictionary<string, string?> changes) =>
        current.Keys.Where(k => !changes.ContainsKey(k)).Count() + changes.Count(p => !string.IsNullOrEmpty(p.Value));

    /// <summary>The stored metadata of a resource as it is created: <paramref name="given"/> merged into none.</summary>
    public static IReadOnlyDictionary<string, string> Of(IReadOnlyDictionary<string, string?>? given) => Merge(Empty, given);

    public static bool IsValid(IReadOnlyDictionary<string, string> metadata) =>
        metadata.Count <= MaxKeys && metadata.All(p => IsValidKey(p.Key) && Text.Length(p.Value) <= ValueMaxLength);

    public static bool IsValidKey(string key) => key.Length > 0 && Text.Length(key) <= KeyMaxLength;

    public static bool AreEqual(IReadOnlyDictionary<string, string> a, IReadOnlyDictionary<string, string> b) =>
        a.Count == b.Count && a.All(p => b.TryGetValue(p.Key, out var value) && string.Equals(value, p.Value, StringComparison.Ordinal));
}

/// <summary>One member of an update: left alone (<see cref="None"/>) or set to a value (which may be <c>null</c>: cleared).</summary>
public readonly record struct Change<T>(bool IsSet, T Value)
{
    public static Change<T> None => default;

    public static Change<T> To(T value) => new(true, value);
}
