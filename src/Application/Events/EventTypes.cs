using System.Text.Json;
using Invoicing.Application.Common.Json;
using Invoicing.Application.Counterparties;
using Invoicing.Application.Invoices;
using Invoicing.Domain.Common;
using Invoicing.Domain.Events;

namespace Invoicing.Application.Events;

/// <summary>The event types of §9 and how a domain event becomes an event row (the outbox, docs/decisions/0015).</summary>
public static class EventTypes
{
    public const string CounterpartyCreated = "counterparty.created";
    public const string CounterpartyUpdated = "counterparty.updated";
    public const string InvoiceCreated = "invoice.created";
    public const string InvoiceUpdated = "invoice.updated";
    public const string InvoicePaid = "invoice.paid";
    public const string InvoiceVoided = "invoice.voided";

    public static readonly IReadOnlyList<string> All = [CounterpartyCreated, CounterpartyUpdated, InvoiceCreated, InvoiceUpdated, InvoicePaid, InvoiceVoided];

    /// <summary>
    /// The event row for a domain event: its type and the resource as it is now, serialized exactly as the
    /// API answers it (the same response record and <see cref="ApiJson"/>). Called by persistence while it
    /// saves, after the resource has its environment and final state. An update also stores its
    /// <c>previous_attributes</c>: each changed member's old value under its wire name (the whole previous
    /// <c>metadata</c> object when metadata changed; docs/decisions/0039).
    /// </summary>
    public static Event ToEvent(IDomainEvent domainEvent)
    {
        (string Type, object Resource, IReadOnlyDictionary<string, object?>? Previous) rendered = domainEvent switch
        {
            Domain.Counterparties.CounterpartyCreated e => (CounterpartyCreated, CounterpartyResponse.From(e.Counterparty), null),
            Domain.Counterparties.CounterpartyUpdated e => (CounterpartyUpdated, CounterpartyResponse.From(e.Counterparty), e.PreviousAttributes),
            Domain.Invoices.InvoiceCreated e => (InvoiceCreated, InvoiceResponse.From(e.Invoice), null),
            Domain.Invoices.InvoiceUpdated e => (InvoiceUpdated, InvoiceResponse.From(e.Invoice), e.PreviousAttributes),
            Domain.Invoices.InvoicePaid e => (InvoicePaid, InvoiceResponse.From(e.Invoice), null),
            Domain.Invoices.InvoiceVoided e => (InvoiceVoided, InvoiceResponse.From(e.Invoice), null),
            _ => throw new InvalidOperationException($"No event type for the domain event {domainEvent.GetType().Name}."),
        };
        var (type, resource, previous) = rendered;
        return Event.Record(
            type,
            JsonSerializer.Serialize(resource, resource.GetType(), ApiJson.Options),
            domainEvent.OccurredAt,
            previous is null ? null : JsonSerializer.Serialize(previous.ToDictionary(p => JsonNamingPolicy.SnakeCaseLower.ConvertName(p.Key), p => p.Value), ApiJson.Options));
    }
}
