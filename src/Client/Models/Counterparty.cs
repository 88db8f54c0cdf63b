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
}
