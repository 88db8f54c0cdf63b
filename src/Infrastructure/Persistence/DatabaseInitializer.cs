using Microsoft.EntityFrameworkCore;

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
}
