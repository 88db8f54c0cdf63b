using Invoicing.Domain.ApiKeys;
using Invoicing.Domain.Counterparties;
using Invoicing.Domain.Events;
using Invoicing.Domain.Invoices;
using Invoicing.Domain.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace Invoicing.Application.Common.Interfaces;

/// <summary>
/// What handlers see of the database. Invoices and counterparties are already limited to the
/// current key's environment (a query filter) and are stamped with it on insert. Transactions are not
/// theirs: a command runs in one unit of work (<see cref="IUnitOfWork"/>).
/// </summary>
public interface IApplicationDbContext
{
    DbSet<Invoice> Invoices { get; }

    DbSet<Counterparty> Counterparties { get; }

    DbSet<ApiKey> ApiKeys { get; }

    /// <summary>Read-only for handlers: events are written by persistence from domain events (the outbox).</summary>
    DbSet<Event> Events { get; }

    DbSet<WebhookEndpoint> WebhookEndpoints { get; }

    /// <summary>
    /// Not environment-scoped (the delivery worker serves every environment): reach a delivery only through an endpoint
    /// found in <see cref="WebhookEndpoints"/>, which is (docs/decisions/0036).
    /// </summary>
    DbSet<WebhookDelivery> WebhookDeliveries { get; }

    /// <summary>Read-only for handlers (the worker records them), and like <see cref="WebhookDeliveries"/> reached only through an endpoint of the environment.</summary>
    DbSet<WebhookDeliveryAttempt> WebhookDeliveryAttempts { get; }

    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
}
