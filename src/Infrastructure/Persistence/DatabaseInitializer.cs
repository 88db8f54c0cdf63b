using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Invoicing.Infrastructure.Persistence;

public static class DatabaseInitializer
{
    /// <summary>Applies pending migrations (§8); on SQLite also turns on write-ahead logging so reads never wait for a writer.</summary>
    public static async Task MigrateAsync(ApplicationDbContext db, CancellationToken cancellationToken = default)
    {
        await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
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
        SocketException or TimeoutException => true,
        InvalidOperationException { InnerException: { } inner } => IsUnreachable(inner), // EF's wrappers
        _ when exception.InnerException is { } inner and (NpgsqlException or SocketException) => IsUnreachable(inner),
        _ => false,
    };
}
