using System.Text.Json.Serialization;

namespace Invoicing.Client;

/// <summary>A webhook endpoint as the API returns it (§9).</summary>
public sealed record WebhookEndpoint
{
    /// <summary>The endpoint's id (UUIDv7).</summary>
    [JsonPropertyName("id")]
    public Guid Id { get; init; }

    /// <summary>Always <c>webhook_endpoint</c>.</summary>
    [JsonPropertyName("object")]
    public string Object { get; init; } = "webhook_endpoint";

    /// <summary>The environment of the key that created it: it receives only this environment's events.</summary>
    [JsonPropertyName("environment")]
    public InvoicingEnvironment Environment { get; init; }

    /// <summary>Where deliveries are <c>POST</c>ed.</summary>
    [JsonPropertyName("url")]
    public string Url { get; init; } = "";

    /// <summary>The event types it receives (<see cref="InvoicingEventTypes"/>), or only <c>*</c> for all.</summary>
    [JsonPropertyName("enabled_events")]
    public IReadOnlyList<string> EnabledEvents { get; init; } = [];

    /// <summary>Your own key-value pairs (§10); empty when none.</summary>
    [JsonPropertyName("metadata")]
    public InvoicingMetadata Metadata { get; init; } = InvoicingMetadata.Empty;

    /// <summary>When it was created (UTC, whole seconds).</summary>
    [JsonPropertyName("created_at")]
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>
    /// The signing secret (<c>whsec_…</c>) for <see cref="InvoicingWebhook.ConstructEvent"/>. Set only in the result of
    /// <see cref="WebhookEndpointService.CreateAsync"/>: the API never shows it again, so store it then;
    /// <see langword="null"/> everywhere else.
    /// </summary>
    [JsonPropertyName("secret")]
    public string? Secret { get; init; }
}

/// <summary>The body of <c>POST /v1/webhook_endpoints</c>.</summary>
public sealed record CreateWebhookEndpointRequest
{
    /// <summary>
    /// Required: an absolute <c>http</c>/<c>https</c> URL, at most 2048 characters. Hosts on loopback or private
    /// networks are refused unless the service allows them.
    /// </summary>
    [JsonPropertyName("url")]
    public required string Url { get; init; }

    /// <summary>Required, not empty: types of <see cref="InvoicingEventTypes"/>, or only <see cref="InvoicingEventTypes.All"/>.</summary>
    [JsonPropertyName("enabled_events")]
    public required IReadOnlyList<string> EnabledEvents { get; init; }

    /// <summary>
    /// Optional: your own key-value pairs (§10), at most 50 keys of 1–40 characters with values of at most 500 characters.
    /// A key with an empty value is not stored.
    /// </summary>
    [JsonPropertyName("metadata")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyDictionary<string, string>? Metadata { get; init; }
}

/// <summary>The answer to <c>DELETE /v1/webhook_endpoints/{id}</c>.</summary>
public sealed record DeletedWebhookEndpoint
{
    /// <summary>The deleted endpoint's id.</summary>
    [JsonPropertyName("id")]
    public Guid Id { get; init; }

    /// <summary>Always <c>webhook_endpoint</c>.</summary>
    [JsonPropertyName("object")]
    public string Object { get; init; } = "webhook_endpoint";

    /// <summary>Always <see langword="true"/>.</summary>
    [JsonPropertyName("deleted")]
    public bool Deleted { get; init; }
}
