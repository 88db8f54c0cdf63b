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
    public const string InvoiceCreated = "invoice.created";
    public const string InvoicePaid = "invoice.paid";
    public const string InvoiceVoided = "invoice.voided";

    public static readonly IReadOnlyList<string> All = [CounterpartyCreated, InvoiceCreated, InvoicePaid, InvoiceVoided];

    /// <summary>
    /// The event row for a domain event: its type and the resource as it is now, serialized exactly as the
    /// API answers it (the same response record and <see cref="ApiJson"/>). Called by persistence while it
    /// saves, after the resource has its environment and final state.
    /// </summary>
    public static Event ToEvent(IDomainEvent domainEvent)
    {
        var (type, resource) = domainEvent switch
        {
            Domain.Counterparties.CounterpartyCreated e => (CounterpartyCreated, (object)CounterpartyResponse.From(e.Counterparty)),
            Domain.Invoices.InvoiceCreated e => (InvoiceCreated, InvoiceResponse.From(e.Invoice)),
            Domain.Invoices.InvoicePaid e => (InvoicePaid, InvoiceResponse.From(e.Invoice)),
            Domain.Invoices.InvoiceVoided e => (InvoiceVoided, InvoiceResponse.From(e.Invoice)),
            _ => throw new InvalidOperationException($"No event type for the domain event {domainEvent.GetType().Name}."),
        };
        return Event.Record(type, JsonSerializer.Serialize(resource, resource.GetType(), ApiJson.Options), domainEvent.OccurredAt);
    }
}
