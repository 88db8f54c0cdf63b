using System.Linq.Expressions;
using System.Text.Json;
using Invoicing.Application.Common.Exceptions;
using Invoicing.Application.Common.Interfaces;
using Invoicing.Domain.ApiKeys;
using Invoicing.Domain.Common;
using Invoicing.Domain.Counterparties;
using Invoicing.Domain.Invoices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Invoicing.Infrastructure.Persistence;

/// <summary>
/// The one place that keeps environments apart: every <see cref="EnvironmentScopedEntity"/> is read
/// through a query filter on the current key's environment, and stamped with it when first stored.
/// </summary>
public sealed class ApplicationDbContext(DbContextOptions<ApplicationDbContext> options, ICurrentEnvironment environment)
    : DbContext(options), IApplicationDbContext
{
    public DbSet<Invoice> Invoices => Set<Invoice>();

    public DbSet<Counterparty> Counterparties => Set<Counterparty>();

    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();

    /// <summary>Read by the query filters each time a query runs, so each context filters by its own request's key.</summary>
    private ApiEnvironment CurrentEnvironment => environment.Value;

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        StampEnvironment();
        try
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
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
        StampEnvironment();
        return base.SaveChanges(acceptAllChangesOnSuccess);
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

    private static bool IsUniqueViolation(DbUpdateException e) => e.InnerException switch
    {
        PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } => true,
        SqliteException { SqliteErrorCode: 19, SqliteExtendedErrorCode: 2067 } => true, // SQLITE_CONSTRAINT_UNIQUE
        _ => false,
    };
}
