using System.Text.Json;
using System.Text.Json.Serialization;
using Invoicing.Client.Http;

namespace Invoicing.Client;

/// <summary>
/// An event as the API returns it (§9), from <c>GET /v1/events</c> or as the body of a webhook delivery
/// (see <see cref="InvoicingWebhook.ConstructEvent"/>).
/// </summary>
public sealed record InvoicingEvent
{
    /// <summary>The event's id (UUIDv7). Deliveries are at least once: de-duplicate on it.</summary>
    [JsonPropertyName("id")]
    public Guid Id { get; init; }

    /// <summary>Always <c>event</c>.</summary>
    [JsonPropertyName("object")]
    public string Object { get; init; } = "event";

    /// <summary>What happened, one of <see cref="InvoicingEventTypes"/> (an open set: the API may add types).</summary>
    [JsonPropertyName("type")]
    public string Type { get; init; } = "";

    /// <summary>The environment of the change.</summary>
    [JsonPropertyName("environment")]
    public InvoicingEnvironment Environment { get; init; }

    /// <summary>When the change happened (UTC, whole seconds).</summary>
    [JsonPropertyName("created_at")]
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>The resource right after the change. (It holds a <see cref="JsonElement"/>, which compares by reference: compare events by <see cref="Id"/>.)</summary>
    [JsonPropertyName("data")]
    public InvoicingEventData Data { get; init; } = new();
}

/// <summary>
/// <c>data</c> of an event: <see cref="Object"/> is the resource right after the change, as the API rendered it
/// then (it is not updated later). Read it typed with <see cref="AsInvoice"/> or <see cref="AsCounterparty"/>.
/// </summary>
public sealed record InvoicingEventData
{
    /// <summary>The resource as raw JSON; its <c>object</c> member (<see cref="ObjectType"/>) says what it is.</summary>
    [JsonPropertyName("object")]
    public JsonElement Object { get; init; }

    /// <summary>
    /// Only on <c>*.updated</c> events (§10): the old value of each member the update changed, by its JSON name; for
    /// <c>metadata</c>, the whole metadata before the update. <see langword="null"/> on every other event.
    /// </summary>
    [JsonPropertyName("previous_attributes")]
    public JsonElement? PreviousAttributes { get; init; }

    /// <summary>
    /// The resource's kind, its <c>object</c> member: <c>invoice</c> or <c>counterparty</c>;
    /// <see langword="null"/> when it has none.
    /// </summary>
    [JsonIgnore]
    public string? ObjectType =>
        Object.ValueKind == JsonValueKind.Object && Object.TryGetProperty("object", out var kind) && kind.ValueKind == JsonValueKind.String
            ? kind.GetString()
            : null;

    /// <summary>The resource as an <see cref="Invoice"/> (events <c>invoice.*</c>).</summary>
    /// <exception cref="InvalidOperationException">The resource is not an invoice (see <see cref="ObjectType"/>).</exception>
    public Invoice AsInvoice() => As<Invoice>("invoice");

    /// <summary>The resource as a <see cref="Counterparty"/> (events <c>counterparty.*</c>).</summary>
    /// <exception cref="InvalidOperationException">The resource is not a counterparty (see <see cref="ObjectType"/>).</exception>
    public Counterparty AsCounterparty() => As<Counterparty>("counterparty");

    private T As<T>(string kind)
        where T : class
    {
        if (ObjectType != kind)
        {
            throw new InvalidOperationException(
                $"The event's data.object is {(ObjectType is { } actual ? $"a '{actual}'" : "not an API object")}, not a '{kind}'; check the event's Type or Data.ObjectType first.");
        }

        return Object.Deserialize<T>(ApiTransport.Json)
            ?? throw new InvalidOperationException($"The event's data.object is not a '{kind}'.");
    }
}

/// <summary>
/// The event types of §9, for comparing with <see cref="InvoicingEvent.Type"/> and for
/// <see cref="CreateWebhookEndpointRequest.EnabledEvents"/>. Strings, not an enum: the API may add types.
/// </summary>
public static class InvoicingEventTypes
{
    /// <summary>A counterparty was created; <c>data.object</c> is the <see cref="Counterparty"/>.</summary>
    public const string CounterpartyCreated = "counterparty.created";

    /// <summary>A counterparty was updated (§10); <c>data.object</c> is the <see cref="Counterparty"/>, <c>data.previous_attributes</c> the old values.</summary>
    public const string CounterpartyUpdated = "counterparty.updated";

    /// <summary>An invoice was created (alone or in a batch); <c>data.object</c> is the open <see cref="Invoice"/>.</summary>
    public const string InvoiceCreated = "invoice.created";

    /// <summary>An open invoice was updated (§10); <c>data.object</c> is the <see cref="Invoice"/>, <c>data.previous_attributes</c> the old values.</summary>
    public const string InvoiceUpdated = "invoice.updated";

    /// <summary>An invoice was paid; <c>data.object</c> is the paid <see cref="Invoice"/>.</summary>
    public const string InvoicePaid = "invoice.paid";

    /// <summary>An invoice was voided; <c>data.object</c> is the void <see cref="Invoice"/>.</summary>
    public const string InvoiceVoided = "invoice.voided";

    /// <summary><c>*</c>: as the only entry of <see cref="CreateWebhookEndpointRequest.EnabledEvents"/>, every type, present and future.</summary>
    public const string All = "*";
}

/// <summary>Paging and the filter of <c>GET /v1/events</c> (§9).</summary>
public sealed record EventListOptions : ListOptions
{
    /// <summary>Only events of this type, one of <see cref="InvoicingEventTypes"/> (not <c>*</c>).</summary>
    public string? Type { get; init; }

    /// <summary>
    /// Only events created at or after this instant (<c>created[gte]</c>). The API compares whole seconds, as it
    /// writes <c>created_at</c>: a bound within a second starts at the next whole one.
    /// </summary>
    public DateTimeOffset? CreatedGte { get; init; }

    /// <summary>Only events created at or before this instant (<c>created[lte]</c>), to the end of its second.</summary>
    public DateTimeOffset? CreatedLte { get; init; }

    internal override IEnumerable<KeyValuePair<string, string>> QueryParameters()
    {
        foreach (var parameter in base.QueryParameters())
        {
            yield return parameter;
        }

        if (Type is { } type)
        {
            yield return new("type", type);
        }

        foreach (var parameter in CreatedRange(CreatedGte, CreatedLte))
        {
            yield return parameter;
        }
    }
}
