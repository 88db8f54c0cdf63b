using System.Linq.Expressions;
using System.Text.Json;
using Invoicing.Application.Common.Exceptions;
using Invoicing.Application.Common.Interfaces;
using Invoicing.Application.Events;
using Invoicing.Domain.ApiKeys;
using Invoicing.Domain.Common;
using Invoicing.Domain.Counterparties;
using Invoicing.Domain.Events;
using Invoicing.Domain.Invoices;
using Invoicing.Domain.Webhooks;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace Invoicing.Infrastructure.Persistence;

/// <summary>
/// The one place that keeps environments apart: every <see cref="EnvironmentScopedEntity"/> is read
/// through a query filter on the current key's environment, and stamped with it when first stored.
/// It is also the outbox (docs/decisions/0015): each save turns the domain events its entities raised into
/// event rows in the same save; the delivery worker fans them out to the endpoints later (docs/decisions/0020).
/// </summary>
/// <remarks>
/// Contexts are pooled (docs/decisions/0022): one instance serves many requests in turn. A scope rents it through a
/// <see cref="ScopedContextLease"/>, which hands it that scope's <see cref="ICurrentEnvironment"/> (<see cref="LendTo"/>)
/// and is the only thing that returns it to the pool, once, when the scope ends (docs/decisions/0026). Returning it
/// forgets the environment, so a reused context never sees the previous request's environment.
/// </remarks>
public sealed class ApplicationDbContext(DbContextOptions<ApplicationDbContext> options)
    : DbContext(options), IApplicationDbContext
{
    private ICurrentEnvironment? _environment;

    /// <summary>Set while a scope's lease holds the context: then only the lease gives it back.</summary>
    private bool _lent;

    public DbSet<Invoice> Invoices => Set<Invoice>();

    public DbSet<Counterparty> Counterparties => Set<Counterparty>();

    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();

    public DbSet<Event> Events => Set<Event>();

    public DbSet<WebhookEndpoint> WebhookEndpoints => Set<WebhookEndpoint>();

    /// <summary>Read by the query filters each time a query runs, so each context filters by its own request's key.</summary>
    private ApiEnvironment CurrentEnvironment =>
        (_environment ?? throw new InvalidOperationException("This context was not rented for a scope, so it has no environment.")).Value;

    /// <summary>Binds a context that is not pooled (tests of the model) to an environment.</summary>
    public void UseEnvironment(ICurrentEnvironment environment) => _environment = environment;

    /// <summary>
    /// Disposing the context itself does nothing while a scope's lease holds it. The container disposes what each
    /// registration handed out, and this context is handed out as <see cref="ApplicationDbContext"/> and as
    /// <see cref="IApplicationDbContext"/>: disposed twice, it would go back to the pool twice — the second time while
    /// another request may already have rented it — and be lent to two requests at once.
    /// </summary>
    public override void Dispose()
    {
        if (!_lent)
        {
            _environment = null;
            base.Dispose();
        }
    }

    /// <inheritdoc cref="Dispose"/>
    public override ValueTask DisposeAsync()
    {
        if (_lent)
        {
            return ValueTask.CompletedTask;
        }

        _environment = null;
        return base.DisposeAsync();
    }

    /// <summary>A scope's lease has rented this context: it reads and writes that scope's environment until returned.</summary>
    internal void LendTo(ICurrentEnvironment environment)
    {
        _environment = environment;
        _lent = true;
    }

    /// <summary>The lease's end: back to the pool, keeping nothing of the scope that used it.</summary>
    internal ValueTask ReturnAsync()
    {
        _lent = false;
        _environment = null;
        return base.DisposeAsync();
    }

    /// <inheritdoc cref="ReturnAsync"/>
    internal void Return()
    {
        _lent = false;
        _environment = null;
        base.Dispose();
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        using var detectedOnce = DetectChangesOnce();
        StampEnvironment();
        AddToOutbox(TakeEvents());

        try
        {
            return BulkInsert.WriterFor(Database) is { } writer && BulkInsert.Plan(this) is { Count: > 0 } bulk
                ? await SaveWithBulkInsertAsync(writer, bulk, acceptAllChangesOnSuccess, cancellationToken)
                : await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        catch (DbUpdateConcurrencyException e)
        {
            throw new ConcurrencyConflictException(e);
        }
        catch (DbUpdateException e) when (IsUniqueViolation(e))
        {
            throw new UniqueConstraintException(e);
        }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        using var detectedOnce = DetectChangesOnce();
        StampEnvironment();
        AddToOutbox(TakeEvents());

        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    /// <summary>
    /// Detects the handler's changes once, then turns automatic detection off until the save ends: every
    /// <c>ChangeTracker.Entries()</c> of the stamping, the outbox and the bulk plan, and the save itself, would
    /// otherwise each walk every tracked entry again (the largest part of saving a batch of 1000 in the profile).
    /// What the save path itself changes goes through the entry API and <c>Add</c>, which need no detection.
    /// </summary>
    private AutoDetectScope DetectChangesOnce()
    {
        ChangeTracker.DetectChanges();
        var scope = new AutoDetectScope(ChangeTracker, ChangeTracker.AutoDetectChangesEnabled);
        ChangeTracker.AutoDetectChangesEnabled = false;
        return scope;
    }

    private readonly record struct AutoDetectScope(ChangeTracker Tracker, bool WasEnabled) : IDisposable
    {
        public void Dispose() => Tracker.AutoDetectChangesEnabled = WasEnabled;
    }

    /// <summary>
    /// Many new rows of one type go in by the provider's bulk write (<c>COPY</c> on PostgreSQL, docs/decisions/0021;
    /// <c>SqlBulkCopy</c> on SQL Server, 0030), the rest by EF, all in one transaction: the command's own when there is
    /// one (requests), else one opened here. Returns the rows written.
    /// </summary>
    private async Task<int> SaveWithBulkInsertAsync(
        Func<DbContext, List<(IEntityType Type, List<EntityEntry> Entries)>, CancellationToken, Task> writer,
        List<(IEntityType Type, List<EntityEntry> Entries)> bulk,
        bool acceptAllChangesOnSuccess,
        CancellationToken cancellationToken)
    {
        var owned = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            await writer(this, bulk, cancellationToken);
            var written = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken) + bulk.Sum(b => b.Entries.Count);
            if (owned is not null)
            {
                await owned.CommitAsync(cancellationToken);
            }

            return written;
        }
        finally
        {
            if (owned is not null)
            {
                await owned.DisposeAsync();
            }
        }
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
                // e => e.Environment == this.CurrentEnvironment
                var e = Expression.Parameter(entity.ClrType, "e");
                var filter = Expression.Lambda(
                    Expression.Equal(
                        Expression.Property(e, nameof(EnvironmentScopedEntity.Environment)),
                        Expression.Property(Expression.Constant(this), nameof(CurrentEnvironment))),
                    e);
                entity.SetQueryFilter(filter);
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

    /// <summary>
    /// The event rows for the domain events raised since the last save, made after stamping so that each
    /// resource is rendered with its environment and final state. Nothing is queried per event.
    /// </summary>
    private List<Event> TakeEvents() =>
        ChangeTracker.Entries<EnvironmentScopedEntity>()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Unchanged)
            .SelectMany(e => e.Entity.TakeDomainEvents().Select(raised => (Source: e.Entity.Id, Raised: raised)))
            .OrderBy(e => e.Raised.OccurredAt)
            .ThenBy(e => e.Source) // UUIDv7: creation order, so a batch's events follow its items
            .Select(e => EventTypes.ToEvent(e.Raised))
            .ToList();

    /// <summary>Adds the events, inserted by this save; undispatched until the delivery worker's fan-out (docs/decisions/0020).</summary>
    private void AddToOutbox(List<Event> events)
    {
        foreach (var e in events)
        {
            Events.Add(e).Property(x => x.Environment).CurrentValue = CurrentEnvironment;
        }
    }

    private void StampEnvironment()
    {
        foreach (var entry in ChangeTracker.Entries<EnvironmentScopedEntity>())
        {
            var stamped = entry.Property(e => e.Environment);
            if (entry.State == EntityState.Added)
            {
                stamped.CurrentValue = CurrentEnvironment;
            }
            else if (stamped.IsModified)
            {
                throw new InvalidOperationException("An entity never moves to another environment.");
            }
        }
    }

    /// <summary>A unique index refused the row: the same <see cref="UniqueConstraintException"/> on every provider (docs/decisions/0005, 0030).</summary>
    internal static bool IsUniqueViolation(DbUpdateException e) => e.InnerException switch
    {
        PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } => true,
        SqliteException { SqliteErrorCode: 19, SqliteExtendedErrorCode: 2067 } => true, // SQLITE_CONSTRAINT_UNIQUE
        SqlException sqlServer => SqlServerErrors.IsUniqueViolation(sqlServer), // 2601, 2627
        _ => false,
    };
}
