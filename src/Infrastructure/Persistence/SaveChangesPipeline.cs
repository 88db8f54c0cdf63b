using Invoicing.Application.Common.Exceptions;
using Invoicing.Application.Events;
using Invoicing.Domain.Common;
using Invoicing.Infrastructure.Webhooks;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace Invoicing.Infrastructure.Persistence;

/// <summary>
/// What every save of an <see cref="ApplicationDbContext"/> does besides EF's own writes (docs/decisions/0034), in order:
/// detect the handler's changes once; stamp new rows with the scope's environment (docs/decisions/0003); turn the domain
/// events raised since the last save into event rows, the outbox (docs/decisions/0015); write large sets of new rows in
/// bulk (<see cref="BulkInsert"/>, docs/decisions/0021); and, when the database refuses the save, turn a unique
/// violation into the same <see cref="UniqueConstraintException"/> on every provider (docs/decisions/0005, 0030), and a
/// foreign key's into <see cref="ReferenceConstraintException"/> (docs/decisions/0044).
/// </summary>
/// <remarks>
/// One stateless instance serves every context (interceptors live as long as the context options, which are built once,
/// docs/decisions/0019). It is added by <see cref="DependencyInjection.UseDatabase{TBuilder}"/>, which configures every
/// context of the service and of <c>dotnet ef</c>.
/// </remarks>
internal sealed class SaveChangesPipeline : SaveChangesInterceptor
{
    public static readonly SaveChangesPipeline Instance = new();

    private SaveChangesPipeline()
    {
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Prepare(Context(eventData));
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        var db = Context(eventData);
        Prepare(db);
        try
        {
            await BulkInsert.WriteAsync(db, cancellationToken);
        }
        catch (Exception failure)
        {
            // EF's own failure hooks cover only its own writes, which have not started.
            EndSave(db);
            if (Translate(failure) is { } translated)
            {
                throw translated;
            }

            throw;
        }

        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        EndSave(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(SavedChanges(eventData, result));

    public override void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        EndSave(eventData.Context);
        if (Translate(eventData.Exception) is { } translated)
        {
            throw translated;
        }
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        EndSave(eventData.Context);
        return Translate(eventData.Exception) is { } translated ? Task.FromException(translated) : Task.CompletedTask;
    }

    public override void SaveChangesCanceled(DbContextEventData eventData) => EndSave(eventData.Context);

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        EndSave(eventData.Context);
        return Task.CompletedTask;
    }

    /// <summary>
    /// A conditional update matched no row (docs/decisions/0008): EF throws its <see cref="DbUpdateConcurrencyException"/>,
    /// the same on every provider, which the use case catches as it is. EF calls neither failure hook for it.
    /// </summary>
    public override InterceptionResult ThrowingConcurrencyException(ConcurrencyExceptionEventData eventData, InterceptionResult result)
    {
        EndSave(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult> ThrowingConcurrencyExceptionAsync(ConcurrencyExceptionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(ThrowingConcurrencyException(eventData, result));

    /// <summary>
    /// The failure a use case can act on, or null to let the original through: a unique index or a foreign key refused a
    /// row, whether EF's INSERT (wrapped in a <see cref="DbUpdateException"/>) or a bulk write (the provider's own exception).
    /// </summary>
    internal static Exception? Translate(Exception failure)
    {
        var refusal = failure is DbUpdateException ? failure.InnerException : failure;
        return IsUniqueViolation(refusal) ? new UniqueConstraintException(failure)
            : IsForeignKeyViolation(refusal) ? new ReferenceConstraintException(failure)
            : null;
    }

    private static bool IsUniqueViolation(Exception? failure) => failure switch
    {
        PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } => true,
        SqliteException { SqliteErrorCode: 19, SqliteExtendedErrorCode: 2067 } => true, // SQLITE_CONSTRAINT_UNIQUE
        SqlException sqlServer => SqlServerErrors.IsUniqueViolation(sqlServer), // 2601, 2627
        _ => false,
    };

    private static bool IsForeignKeyViolation(Exception? failure) => failure switch
    {
        PostgresException { SqlState: PostgresErrorCodes.ForeignKeyViolation } => true,
        SqliteException { SqliteErrorCode: 19, SqliteExtendedErrorCode: 787 } => true, // SQLITE_CONSTRAINT_FOREIGNKEY
        SqlException sqlServer => SqlServerErrors.IsForeignKeyViolation(sqlServer), // 547
        _ => false,
    };

    private static ApplicationDbContext Context(DbContextEventData eventData) =>
        eventData.Context as ApplicationDbContext ?? throw new InvalidOperationException("The save pipeline serves ApplicationDbContext only.");

    /// <summary>
    /// Detects the handler's changes once, then turns automatic detection off until the save ends: the stamping, the
    /// outbox, the bulk plan and EF's save would otherwise each walk every tracked entry again (the largest part of
    /// saving a batch of 1000 in the profile, docs/decisions/0019). What the save itself changes goes through the entry
    /// API and <c>Add</c>, which need no detection. Then stamps and fills the outbox.
    /// </summary>
    private static void Prepare(ApplicationDbContext db)
    {
        db.ChangeTracker.DetectChanges();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            StampEnvironment(db);
            AddToOutbox(db);
        }
        catch
        {
            EndSave(db);
            throw;
        }
    }

    /// <summary>Automatic detection is on outside a save (EF's default, which the pool also restores on every rental).</summary>
    private static void EndSave(DbContext? db)
    {
        if (db is not null)
        {
            db.ChangeTracker.AutoDetectChangesEnabled = true;
        }
    }

    /// <summary>A new row gets the scope's environment; a stored one never moves to another.</summary>
    private static void StampEnvironment(ApplicationDbContext db)
    {
        foreach (var entry in db.ChangeTracker.Entries<EnvironmentScopedEntity>())
        {
            var stamped = EnvironmentOf(entry);
            if (entry.State == EntityState.Added)
            {
                stamped.CurrentValue = db.CurrentEnvironment;
            }
            else if (stamped.IsModified)
            {
                throw new InvalidOperationException("An entity never moves to another environment.");
            }
        }
    }

    /// <summary>
    /// An event row per domain event raised since the last save, made after stamping so that each resource is rendered
    /// with its environment and final state (<see cref="EventTypes.ToEvent"/>), inserted by this save with its row in the
    /// queue of undispatched events, which the delivery worker's fan-out deletes (docs/decisions/0020, 0047). Nothing is
    /// queried per event.
    /// </summary>
    private static void AddToOutbox(ApplicationDbContext db)
    {
        var events = db.ChangeTracker.Entries<EnvironmentScopedEntity>()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Unchanged)
            .SelectMany(e => e.Entity.TakeDomainEvents().Select(raised => (Source: e.Entity.Id, Raised: raised)))
            .OrderBy(e => e.Raised.OccurredAt)
            .ThenBy(e => e.Source) // UUIDv7: creation order, so a batch's events follow its items
            .Select(e => EventTypes.ToEvent(e.Raised))
            .ToList();
        foreach (var e in events)
        {
            EnvironmentOf(db.Events.Add(e)).CurrentValue = db.CurrentEnvironment;
            db.Add(new UndispatchedEvent(e.Id));
        }
    }

    /// <summary>
    /// The entry's environment, found by name: the lambda form (<c>entry.Property(e => e.Environment)</c>) builds and
    /// parses an expression tree per call, which for a batch's 2000 entries was a visible share of the save (issue 19).
    /// </summary>
    private static PropertyEntry<TEntity, ApiEnvironment> EnvironmentOf<TEntity>(EntityEntry<TEntity> entry)
        where TEntity : EnvironmentScopedEntity =>
        entry.Property<ApiEnvironment>(nameof(EnvironmentScopedEntity.Environment));
}
