using System.Text.Json.Serialization;

namespace Invoicing.Client;

/// <summary>A counterparty as the API returns it (§4).</summary>
public sealed record Counterparty
{
    /// <summary>The counterparty's id (UUIDv7).</summary>
    [JsonPropertyName("id")]
    public Guid Id { get; init; }

    /// <summary>Always <c>counterparty</c>.</summary>
    [JsonPropertyName("object")]
    public string Object { get; init; } = "counterparty";

    /// <summary>The environment of the key that created it.</summary>
    [JsonPropertyName("environment")]
    public InvoicingEnvironment Environment { get; init; }

    /// <summary>The name, 1–200 characters.</summary>
    [JsonPropertyName("name")]
    public string Name { get; init; } = "";

    /// <summary>The e-mail address, or <see langword="null"/> when none was given.</summary>
    [JsonPropertyName("email")]
    public string? Email { get; init; }

    /// <summary>Your own key-value pairs (§10); empty when none.</summary>
    [JsonPropertyName("metadata")]
    public InvoicingMetadata Metadata { get; init; } = InvoicingMetadata.Empty;

    /// <summary>When it was created (UTC, whole seconds).</summary>
    [JsonPropertyName("created_at")]
    public DateTimeOffset CreatedAt { get; init; }
}

/// <summary>The body of <c>POST /v1/counterparties</c>.</summary>
public sealed record CreateCounterpartyRequest
{
    /// <summary>Required, not blank, at most 200 characters.</summary>
    [JsonPropertyName("name")]
    public required string Name { get; init; }

    /// <summary>Optional e-mail address, at most 254 characters; <see langword="null"/> means none.</summary>
    [JsonPropertyName("email")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Email { get; init; }

    /// <summary>
    /// Optional: your own key-value pairs (§10), at most 50 keys of 1–40 characters with values of at most 500 characters.
    /// A key with an empty value is not stored.
    /// </summary>
    [JsonPropertyName("metadata")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyDictionary<string, string>? Metadata { get; init; }
}

/// <summary>
/// The body of <c>PATCH /v1/counterparties/{id}</c> (§10). Only the members you assign are sent; the API leaves the
/// others alone. Assigning <see langword="null"/> sends <c>null</c>, which clears <see cref="Email"/>.
/// </summary>
public sealed record UpdateCounterpartyRequest
{
    /// <summary>Not blank, at most 200 characters; it cannot be cleared.</summary>
    [JsonPropertyName("name")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public Optional<string> Name { get; init; }

    /// <summary>A valid e-mail address, or <see langword="null"/> to remove it.</summary>
    [JsonPropertyName("email")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public Optional<string?> Email { get; init; }

    /// <summary>
    /// Merged into the stored metadata: each key is set, a key with <see langword="null"/> or <c>""</c> is removed, keys
    /// you do not name stay. <see langword="null"/> removes every key.
    /// </summary>
    [JsonPropertyName("metadata")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public Optional<IReadOnlyDictionary<string, string?>?> Metadata { get; init; }
}
