namespace Invoicing.Infrastructure.Webhooks;

/// <summary>
/// The outbox's queue (docs/decisions/0047): one row per event that the delivery worker has not fanned out yet,
/// inserted with the event by the same save and deleted by the fan-out that claims it. The event itself is never
/// changed, so its table only grows by inserts.
/// </summary>
internal sealed class UndispatchedEvent(Guid eventId)
{
    public Guid EventId { get; private set; } = eventId;
}
