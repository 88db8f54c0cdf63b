using System.Net.Sockets;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Invoicing.Infrastructure.Persistence;

public static class DatabaseInitializer
{
    /// <summary>
    /// The hand-written migrations of the builds before docs/decisions/0028, in order. A database whose history ends with
    /// the last of them has exactly the schema of this build's baseline (a test compares the catalogs).
    /// </summary>
    internal static readonly IReadOnlyList<string> LegacyMigrations =
    [
        "20261122070000_Initial",
        "20261122080000_InvoiceLifecycle",
        "20261122090000_IdempotencyKeys",
        "20261122100000_EventsAndWebhooks",
        "20261122110000_EventFanOut",
    ];

    /// <summary>
    /// Turns on row versioning for SQL Server's READ COMMITTED, so that reads never wait for a writer and never take
    /// part in a deadlock, as on PostgreSQL (docs/decisions/0030). Only the connection running it may be in the database.
    /// </summary>
    internal const string SqlServerSnapshotReadsSql = "ALTER DATABASE CURRENT SET READ_COMMITTED_SNAPSHOT ON WITH ROLLBACK IMMEDIATE;";

    /// <summary>Whether the database runs READ COMMITTED with row versions (1) or with shared locks (0).</summary>
    internal const string SqlServerSnapshotReadsQuery = "SELECT CAST(is_read_committed_snapshot_on AS int) AS [Value] FROM sys.databases WHERE database_id = DB_ID()";

    /// <summary>
    /// Applies pending migrations (§8), after adopting a database made by the hand-written migrations
    /// (<see cref="AdoptLegacyAsync"/>). On SQLite it also turns on write-ahead logging, and on SQL Server it creates a
    /// missing database with row-versioned reads (<see cref="SqlServerSnapshotReadsSql"/>), so that reads never wait for
    /// a writer. Throws <see cref="UnsupportedDatabaseException"/> for a database this build cannot take over.
    /// </summary>
    public static async Task MigrateAsync(ApplicationDbContext db, CancellationToken cancellationToken = default)
    {
        if (db.Database.IsSqlServer())
        {
            await PrepareSqlServerAsync(db, cancellationToken);
        }

        if (db.Database.IsNpgsql())
        {
            await MigrateUnderAdvisoryLockAsync(db, cancellationToken);
        }
        else
        {
            await AdoptLegacyAsync(db, cancellationToken);
            await db.Database.MigrateAsync(cancellationToken);
        }

        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }

    /// <summary>The key of the session-level advisory lock that instances starting together on PostgreSQL take in turn to migrate.</summary>
    internal const long PostgresMigrationLockKey = 0x496E766F6963; // "Invoic"

    /// <summary>
    /// On PostgreSQL, EF's own migration lock is a table lock held by each migration's transaction: it is released between
    /// two migrations, and an instance that listed the pending migrations before another applied some of them applies
    /// them again ("column … already exists"). A session-level advisory lock held around the whole adoption and
    /// migration makes instances starting together on one database migrate one after the other; the later ones find
    /// nothing left to do. The lock goes with the session if the process dies.
    /// </summary>
    private static async Task MigrateUnderAdvisoryLockAsync(ApplicationDbContext db, CancellationToken cancellationToken)
    {
        // A missing database is created first, as Migrate would (another instance may create it at the same moment).
        var creator = db.GetService<IRelationalDatabaseCreator>();
        if (!await creator.ExistsAsync(cancellationToken))
        {
            try
            {
                await creator.CreateAsync(cancellationToken);
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DuplicateDatabase)
            {
            }
        }

        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_lock({0})", [PostgresMigrationLockKey], cancellationToken);
            try
            {
                await AdoptLegacyAsync(db, cancellationToken);
                await db.Database.MigrateAsync(cancellationToken);
            }
            finally
            {
                await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_unlock({0})", [PostgresMigrationLockKey], CancellationToken.None);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// Creates a missing database and turns on row-versioned reads in it at once, while nothing else can be connected
    /// (another instance racing on a brand-new database is disconnected and retries, as from any lost connection). A
    /// database that exists without them (made by someone else) is left as it is, with one warning: switching needs
    /// every other session out of the database, which only its owner can arrange.
    /// </summary>
    private static async Task PrepareSqlServerAsync(ApplicationDbContext db, CancellationToken cancellationToken)
    {
        var creator = db.GetService<IRelationalDatabaseCreator>();
        if (!await creator.ExistsAsync(cancellationToken))
        {
            await creator.CreateAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync(SqlServerSnapshotReadsSql, cancellationToken);
        }
        else if (await db.Database.SqlQueryRaw<int>(SqlServerSnapshotReadsQuery).SingleAsync(cancellationToken) == 0)
        {
            db.GetService<ILoggerFactory>().CreateLogger(typeof(DatabaseInitializer)).LogWarning(
                "The SQL Server database has READ_COMMITTED_SNAPSHOT off: reads wait for writers and can be deadlock victims, unlike on PostgreSQL. "
                + "Turn it on while no one else is connected: ALTER DATABASE CURRENT SET READ_COMMITTED_SNAPSHOT ON");
        }
    }

    /// <summary>
    /// What to log of a database that cannot be reached: the innermost message, except that SqlClient's own names the
    /// failure better than the socket error inside it (which on Linux can read "Success"). Never holds the connection string.
    /// </summary>
    public static string Reason(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is SqlException sqlServer)
            {
                return sqlServer.Message;
            }
        }

        return exception.GetBaseException().Message;
    }

    /// <summary>
    /// EF's way to squash migrations: a new first migration (the baseline), recorded as applied in databases that already
    /// have its schema. A database whose history ends with the last legacy migration gets the baseline's history row,
    /// in one statement that does nothing when the row is there or the legacy row is not (so two instances starting
    /// together both succeed); <c>Migrate</c> then applies whatever is newer. The legacy rows stay as a record.
    /// </summary>
    private static async Task AdoptLegacyAsync(ApplicationDbContext db, CancellationToken cancellationToken)
    {
        var applied = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var legacy = LegacyMigrations.Where(applied.Contains).ToList();
        var baseline = db.Database.GetMigrations().First();
        if (legacy.Count == 0 || applied.Contains(baseline))
        {
            return;
        }

        if (db.Database.IsSqlServer())
        {
            throw new UnsupportedDatabaseException(
                "This SQL Server database was made by a build before SQL Server was supported (its ids are uniqueidentifier, not binary(16): docs/decisions/0029); use a new, empty database.");
        }

        if (legacy[^1] != LegacyMigrations[^1])
        {
            throw new UnsupportedDatabaseException(
                $"This database was made by an older build: its last migration is {legacy[^1]}, not {LegacyMigrations[^1]}. Start a build from before docs/decisions/0028 on it once to bring it forward, then this one.");
        }

        var table = HistoryRepository.DefaultTableName;
        var insert = $$"""
            INSERT {{(db.Database.IsSqlite() ? "OR IGNORE " : string.Empty)}}INTO "{{table}}" ("MigrationId", "ProductVersion")
            SELECT {0}, {1} WHERE EXISTS (SELECT 1 FROM "{{table}}" WHERE "MigrationId" = {2})
            {{(db.Database.IsNpgsql() ? "ON CONFLICT DO NOTHING" : string.Empty)}}
            """;
        await db.Database.ExecuteSqlRawAsync(insert, [baseline, ProductInfo.GetVersion(), LegacyMigrations[^1]], cancellationToken);
    }

    /// <summary>
    /// Whether <paramref name="exception"/> says the database cannot be reached right now but may be soon (the server
    /// is down, starting up, shutting down, or the network failed), so that trying again later makes sense. Wrong
    /// credentials, a missing database or a failing statement are not: they need a person (docs/decisions/0025).
    /// </summary>
    public static bool IsUnreachable(Exception exception) => exception switch
    {
        PostgresException e => e.IsTransient,
        NpgsqlException e => e.IsTransient || e.InnerException is SocketException or IOException or TimeoutException,
        SqliteException e => e.SqliteErrorCode is 5 or 6 or 14, // SQLITE_BUSY, SQLITE_LOCKED, SQLITE_CANTOPEN
        SqlException e => SqlServerErrors.IsUnreachable(e),
        SocketException or TimeoutException => true,
        InvalidOperationException { InnerException: { } inner } => IsUnreachable(inner), // EF's wrappers
        _ when exception.InnerException is { } inner and (NpgsqlException or SqlException or SocketException) => IsUnreachable(inner),
        _ => false,
    };
}

/// <summary>A database this build will not migrate; its message is one line for the operator (no secret in it).</summary>
public sealed class UnsupportedDatabaseException(string message) : Exception(message);
