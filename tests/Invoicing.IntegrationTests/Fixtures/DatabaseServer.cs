namespace Invoicing.IntegrationTests.Fixtures;

/// <summary>
/// A database server for the tests (<see cref="PostgresServer"/>, <see cref="SqlServerContainer"/>): a provider's SQL on a
/// <see cref="ServerHost"/> (a container started by Testcontainers, or PostgreSQL's binaries on this machine). The run
/// shares one per provider (an assembly fixture), every test class on a database of its own; a test that stops and starts
/// its server makes one of its own. When it cannot run, <see cref="UnavailableReason"/> is the one line the tests skip with.
/// </summary>
public abstract class DatabaseServer : IAsyncLifetime
{
    private ServerHost? _host;

    /// <summary>The service's <c>Database:Provider</c> for this server.</summary>
    public abstract string Provider { get; }

    /// <summary>Why the server is not running (the suite skips), or null when it is.</summary>
    public string? UnavailableReason { get; private set; }

    /// <summary>Where the server runs, for messages: a container of an image, or binaries in a directory.</summary>
    public string? RunsOn => _host?.Description;

    protected ServerHost Host => _host ?? throw new InvalidOperationException(UnavailableReason);

    public async ValueTask InitializeAsync()
    {
        (_host, var why) = await StartHostAsync();
        UnavailableReason = why;
        if (why is not null)
        {
            TestContext.Current.SendDiagnosticMessage(why);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            ClearPools();
            await _host.DisposeAsync();
            _host = null;
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>The connection string of a database on this server (which may not exist yet).</summary>
    public abstract string ConnectionString(string database);

    /// <summary>The connection string of a database of its own, for one test class.</summary>
    public abstract Task<string> CreateDatabaseAsync();

    /// <summary>Drops the database at once, disconnecting whoever uses it.</summary>
    public abstract Task DropDatabaseAsync(string connectionString);

    /// <summary>
    /// Stops the server (PostgreSQL's shutdown modes): <c>immediate</c> as a crash would, <c>fast</c> rolling back and
    /// closing every session first. Only for a server of a test's own (<c>new PostgresServer()</c>): never the shared fixture's.
    /// </summary>
    public Task StopAsync(string mode = "immediate") => Host.StopAsync(mode);

    /// <summary>Starts the stopped server again, on the same port.</summary>
    public Task StartAsync() => Host.StartAsync();

    /// <summary>Starts a host, or returns the line that says why none runs (or throws when the run requires one).</summary>
    protected abstract Task<(ServerHost? Host, string? UnavailableReason)> StartHostAsync();

    /// <summary>Empties the provider's connection pools, before the server goes away.</summary>
    protected abstract void ClearPools();
}

/// <summary>Where a <see cref="DatabaseServer"/> runs: <see cref="ContainerHost"/> or <see cref="LocalPostgres"/>.</summary>
public abstract class ServerHost : IAsyncDisposable
{
    /// <summary>A container of an image, or binaries in a directory.</summary>
    public abstract string Description { get; }

    /// <summary>The administrator's connection string (on 127.0.0.1), to the server's default database.</summary>
    public abstract string AdminConnectionString { get; }

    public abstract Task StartAsync();

    /// <summary>Stops the server with PostgreSQL's shutdown <paramref name="mode"/> (<c>fast</c>, <c>immediate</c>).</summary>
    public abstract Task StopAsync(string mode);

    public abstract ValueTask DisposeAsync();
}

/// <summary>Facts about this test run.</summary>
public static class TestRun
{
    /// <summary>CI=true: every suite this machine can run must run, so a missing server fails instead of skipping.</summary>
    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
}
