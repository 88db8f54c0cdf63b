namespace Invoicing.IntegrationTests.Fixtures;

/// <summary>
/// A database server the run shares (<see cref="PostgresServer"/>, <see cref="SqlServerContainer"/>): the same
/// integration tests run on each, every test class on a database of its own.
/// </summary>
public interface IDatabaseServer
{
    /// <summary>The service's <c>Database:Provider</c> for this server.</summary>
    string Provider { get; }

    /// <summary>Why the server is not running (the suite skips), or null when it is.</summary>
    string? UnavailableReason { get; }

    /// <summary>The connection string of a database of its own, for one test class.</summary>
    Task<string> CreateDatabaseAsync();

    /// <summary>Drops the database at once, disconnecting whoever uses it.</summary>
    Task DropDatabaseAsync(string connectionString);
}
