using System.Linq.Expressions;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Invoicing.Application.Common.Validation;
using Invoicing.Domain.Common;
using Invoicing.Domain.Events;

namespace Invoicing.Application.Events;

/// <summary>The event object of the contract (§9). The body of a webhook delivery is this object too.</summary>
public sealed record EventResponse(
    Guid Id,
    [property: OneOfValues(typeof(EventTypes), nameof(EventTypes.All))] string Type,
    ApiEnvironment Environment,
    DateTimeOffset CreatedAt,
    EventData Data)
{
    public static readonly Expression<Func<Event, EventResponse>> Projection =
        e => new EventResponse(e.Id, e.Type, e.Environment, e.CreatedAt, EventData.Parse(e.Data, e.PreviousAttributes));

    private static readonly Func<Event, EventResponse> Map = Projection.Compile();

    [JsonPropertyOrder(-1)]
    public string Object => "event";

    public static EventResponse From(Event e) => Map(e);
}

/// <summary>The event's payload: <c>object</c> is the resource right after the change, as the API renders it (an invoice or a counterparty, by the event's type).</summary>
public sealed record EventData(object Object)
{
    /// <summary>
    /// Only on <c>counterparty.updated</c> and <c>invoice.updated</c> (§10): the old value of each member the update
    /// changed, by member name; for <c>metadata</c>, the whole metadata object before the update.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public object? PreviousAttributes { get; init; }

    public static EventData Parse(string json, string? previousAttributes = null) =>
        new(Resource(json)) { PreviousAttributes = previousAttributes is null ? null : Element(previousAttributes) };

    private static JsonElement Element(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    /// <summary>
    /// The stored resource; one stored before resources had <c>metadata</c> (§10) gets <c>"metadata": {}</c> in its place,
    /// before <c>created_at</c>, as the resource is rendered today: it had no metadata then (docs/decisions/0039).
    /// </summary>
    private static JsonElement Resource(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object || root.TryGetProperty(MetadataMember, out _))
        {
            return root.Clone();
        }

        var upgraded = JsonObject.Create(root)!;
        var names = upgraded.Select(p => p.Key).ToList();
        var at = names.IndexOf(CreatedAtMember);
        upgraded.Insert(at < 0 ? names.Count : at, MetadataMember, new JsonObject());
        return JsonSerializer.SerializeToElement(upgraded);
    }

    private const string MetadataMember = "metadata";
    private const string CreatedAtMember = "created_at";
}
