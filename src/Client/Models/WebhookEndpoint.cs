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

    /// <summary>Whether it gets deliveries: a <see cref="WebhookEndpointStatus.Disabled"/> one gets none.</summary>
    [JsonPropertyName("status")]
    public WebhookEndpointStatus Status { get; init; }

    /// <summary>Your own key-value pairs (§10); empty when none.</summary>
    [JsonPropertyName("metadata")]
    public InvoicingMetadata Metadata { get; init; } = InvoicingMetadata.Empty;

    /// <summary>When it was created (UTC, whole seconds).</summary>
    [JsonPropertyName("created_at")]
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>
    /// The signing secret (<c>whsec_…</c>) for <see cref="InvoicingWebhook.ConstructEvent"/>. Set only in the result of
    /// <see cref="WebhookEndpointService.CreateAsync"/> and <see cref="WebhookEndpointService.RollSecretAsync"/>: the API
    /// never shows it again, so store it then;
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

/// <summary>
/// The body of <c>PATCH /v1/webhook_endpoints/{id}</c>: only the members that are set are sent and changed, with the rules
/// of <see cref="CreateWebhookEndpointRequest"/>.
/// </summary>
public sealed record UpdateWebhookEndpointRequest
{
    /// <summary>A new URL (absolute <c>http</c>/<c>https</c>, at most 2048 characters); unchanged when null.</summary>
    [JsonPropertyName("url")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Url { get; init; }

    /// <summary>The new list of event types (replaces the old one); unchanged when null.</summary>
    [JsonPropertyName("enabled_events")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? EnabledEvents { get; init; }

    /// <summary>
    /// <see langword="true"/> disables the endpoint (no deliveries; those still owed are canceled), <see langword="false"/>
    /// enables it again; unchanged when null.
    /// </summary>
    [JsonPropertyName("disabled")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? Disabled { get; init; }

    /// <summary>
    /// Merged into the stored metadata: each key is set, a key with <see langword="null"/> or <c>""</c> is removed, keys
    /// you do not name stay. <see langword="null"/> removes every key; unset leaves the metadata alone.
    /// </summary>
    [JsonPropertyName("metadata")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public Optional<IReadOnlyDictionary<string, string?>?> Metadata { get; init; }
}

/// <summary>Whether a webhook endpoint gets deliveries.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<WebhookEndpointStatus>))]
public enum WebhookEndpointStatus
{
    /// <summary><c>enabled</c>: it gets the events of its enabled types.</summary>
    [JsonStringEnumMemberName("enabled")]
    Enabled,

    /// <summary><c>disabled</c>: it gets nothing until it is enabled again.</summary>
    [JsonStringEnumMemberName("disabled")]
    Disabled,
}

/// <summary>One <c>POST</c> of an event to an endpoint, as the service recorded it.</summary>
public sealed record WebhookDeliveryAttempt
{
    /// <summary>The attempt's id (UUIDv7 of its time).</summary>
    [JsonPropertyName("id")]
    public Guid Id { get; init; }

    /// <summary>Always <c>webhook_delivery_attempt</c>.</summary>
    [JsonPropertyName("object")]
    public string Object { get; init; } = "webhook_delivery_attempt";

    /// <summary>The endpoint it was sent to.</summary>
    [JsonPropertyName("webhook_endpoint_id")]
    public Guid WebhookEndpointId { get; init; }

    /// <summary>The event it sent.</summary>
    [JsonPropertyName("event_id")]
    public Guid EventId { get; init; }

    /// <summary>The delivery it belongs to: the attempts of one delivery are its retries.</summary>
    [JsonPropertyName("webhook_delivery_id")]
    public Guid WebhookDeliveryId { get; init; }

    /// <summary>What came of it.</summary>
    [JsonPropertyName("outcome")]
    public WebhookAttemptOutcome Outcome { get; init; }

    /// <summary>The receiver's HTTP status; <see langword="null"/> when there was no answer.</summary>
    [JsonPropertyName("response_status")]
    public int? ResponseStatus { get; init; }

    /// <summary>How long it took, in milliseconds.</summary>
    [JsonPropertyName("duration_ms")]
    public int DurationMs { get; init; }

    /// <summary>When the delivery is retried after this failed attempt; <see langword="null"/> after a success or the last attempt.</summary>
    [JsonPropertyName("next_retry_at")]
    public DateTimeOffset? NextRetryAt { get; init; }

    /// <summary>When it started (UTC, whole seconds).</summary>
    [JsonPropertyName("created_at")]
    public DateTimeOffset CreatedAt { get; init; }
}

/// <summary>What came of a delivery attempt.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<WebhookAttemptOutcome>))]
public enum WebhookAttemptOutcome
{
    /// <summary><c>succeeded</c>: a 2xx within 10 seconds.</summary>
    [JsonStringEnumMemberName("succeeded")]
    Succeeded,

    /// <summary><c>http_error</c>: an answer outside 2xx (see <see cref="WebhookDeliveryAttempt.ResponseStatus"/>).</summary>
    [JsonStringEnumMemberName("http_error")]
    HttpError,

    /// <summary><c>timeout</c>: no answer within 10 seconds.</summary>
    [JsonStringEnumMemberName("timeout")]
    Timeout,

    /// <summary><c>connection_error</c>: no connection or no answer (DNS, refused, reset, TLS, or a private address refused).</summary>
    [JsonStringEnumMemberName("connection_error")]
    ConnectionError,

    /// <summary><c>secret_unreadable</c>: not sent, because the service could not decrypt the endpoint's secret.</summary>
    [JsonStringEnumMemberName("secret_unreadable")]
    SecretUnreadable,
}

/// <summary>A delivery: one event owed to one endpoint (the answer to a re-send).</summary>
public sealed record WebhookDelivery
{
    /// <summary>The delivery's id; its attempts carry it as <see cref="WebhookDeliveryAttempt.WebhookDeliveryId"/>.</summary>
    [JsonPropertyName("id")]
    public Guid Id { get; init; }

    /// <summary>Always <c>webhook_delivery</c>.</summary>
    [JsonPropertyName("object")]
    public string Object { get; init; } = "webhook_delivery";

    /// <summary>The endpoint it is sent to.</summary>
    [JsonPropertyName("webhook_endpoint_id")]
    public Guid WebhookEndpointId { get; init; }

    /// <summary>The event it sends.</summary>
    [JsonPropertyName("event_id")]
    public Guid EventId { get; init; }

    /// <summary><c>pending</c>, <c>delivered</c>, <c>failed</c> or <c>canceled</c>.</summary>
    [JsonPropertyName("status")]
    public string Status { get; init; } = "";

    /// <summary>While pending, when it is due next.</summary>
    [JsonPropertyName("next_attempt_at")]
    public DateTimeOffset NextAttemptAt { get; init; }

    /// <summary>When it was scheduled.</summary>
    [JsonPropertyName("created_at")]
    public DateTimeOffset CreatedAt { get; init; }
}

/// <summary>Paging and the filter of <c>GET /v1/webhook_endpoints/{id}/delivery_attempts</c>.</summary>
public sealed record DeliveryAttemptListOptions : ListOptions
{
    /// <summary>Only the attempts that sent this event.</summary>
    public Guid? Event { get; init; }

    internal override IEnumerable<KeyValuePair<string, string>> QueryParameters()
    {
        foreach (var parameter in base.QueryParameters())
        {
            yield return parameter;
        }

        if (Event is { } id)
        {
            yield return new("event", id.ToString("D"));
        }
    }
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
