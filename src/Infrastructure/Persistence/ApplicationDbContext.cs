using System.Linq.Expressions;
using System.Text.Json;
using Invoicing.Application.Common.Interfaces;
using Invoicing.Domain.ApiKeys;
using Invoicing.Domain.Common;
using Invoicing.Domain.Counterparties;
using Invoicing.Domain.Events;
using Invoicing.Domain.Invoices;
using Invoicing.Domain.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace Invoicing.Infrastructure.Persistence;

/// <summary>
/// The model, and the one place that keeps environments apart when reading: every <see cref="EnvironmentScopedEntity"/>
/// is read through a query filter on the current key's environment (docs/decisions/0003). What happens when it saves
/// (stamping that environment, the outbox, the bulk path, exception translation) is <see cref="SaveChangesPipeline"/>;
/// its transactions are <see cref="UnitOfWork"/>'s (docs/decisions/0034).
/// </summary>
/// <remarks>
/// Contexts are pooled (docs/decisions/0022): one instance serves many scopes in turn. Each rental is bound to its
/// scope's <see cref="ICurrentEnvironment"/> before anyone sees it (Infrastructure's <c>DependencyInjection</c>), and EF's
/// scoped lease returns it to the pool once, when the scope ends.
/// </remarks>
public sealed class ApplicationDbContext(DbContextOptions<ApplicationDbContext> options)
    : DbContext(options), IApplicationDbContext
{
    private ICurrentEnvironment? _environment;

    public DbSet<Invoice> Invoices => Set<Invoice>();

    public DbSet<Counterparty> Counterparties => Set<Counterparty>();

    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();

    public DbSet<Event> Events => Set<Event>();

    public DbSet<WebhookEndpoint> WebhookEndpoints => Set<WebhookEndpoint>();

    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();

    public DbSet<WebhookDeliveryAttempt> WebhookDeliveryAttempts => Set<WebhookDeliveryAttempt>();

    /// <summary>
    /// Read by the query filters each time a query runs, and by the save when it stamps: so each context reads and
    /// writes its own scope's environment, and fails closed in a scope no key has authenticated.
    /// </summary>
    internal ApiEnvironment CurrentEnvironment =>
        (_environment ?? throw new InvalidOperationException("This context is bound to no scope, so it has no environment.")).Value;

    /// <summary>Binds the context to a scope's environment: each rental from the pool, or a context that is not pooled (tests of the model).</summary>
    public void UseEnvironment(ICurrentEnvironment environment) => _environment = environment;

    /// <summary>
    /// <c>e => e.Environment == context.CurrentEnvironment</c> for an environment-scoped entity type. EF reads a constant
    /// of the context's type in a filter as the context that runs the query, so <paramref name="context"/> is this one
    /// (<see cref="OnModelCreating"/>) or a typed null (the compiled models, which add the filters back:
    /// <c>CompiledModels.EnvironmentFilters</c>).
    /// </summary>
    internal static LambdaExpression EnvironmentFilter(Type entityType, Expression context)
    {
        var e = Expression.Parameter(entityType, "e");
        return Expression.Lambda(
            Expression.Equal(
                Expression.Property(e, nameof(EnvironmentScopedEntity.Environment)),
                Expression.Property(context, nameof(CurrentEnvironment))),
            e);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        if (Database.IsSqlServer())
        {
            SqlServerMapping.ConfigureConventions(configurationBuilder);
        }
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ApplicationDbContext).Assembly);

        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            if (entity.ClrType.IsAssignableTo(typeof(EnvironmentScopedEntity)))
            {
                entity.SetQueryFilter(EnvironmentFilter(entity.ClrType, Expression.Constant(this)));
            }

            foreach (var property in entity.GetProperties())
            {
                property.SetColumnName(JsonNamingPolicy.SnakeCaseLower.ConvertName(property.Name));
            }
        }

        if (Database.IsSqlServer())
        {
            SqlServerMapping.ConfigureStrings(modelBuilder);
        }
    }
}
