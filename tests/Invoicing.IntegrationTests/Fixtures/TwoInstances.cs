namespace Invoicing.IntegrationTests.Fixtures;

/// <summary>
/// Two service instances (<see cref="First"/>, <see cref="Second"/>) on one database of one of the run's servers
/// (PostgreSQL, SQL Server): what several instances of the service share in production. Tests call
/// <see cref="SkipWithoutServer"/> first.
/// </summary>
public abstract class TwoInstances(DatabaseServer server, IReadOnlyDictionary<string, string?>? settings = null) : IAsyncLifetime
{
    private ApiFactory? _first;
    private ApiFactory? _second;

    protected ApiFactory First => _first ?? throw new InvalidOperationException("The database server is not available.");

    protected ApiFactory Second => _second ?? throw new InvalidOperationException("The database server is not available.");

    public async ValueTask InitializeAsync()
    {
        if (server.UnavailableReason is null)
        {
            _first = new ApiFactory(server.Provider, await server.CreateDatabaseAsync(), settings);
            _ = _first.Server;
            _second = _first.OnSameDatabase();
            _ = _second.Server;
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var factory in new[] { _first, _second })
        {
            if (factory is not null)
            {
                await factory.DisposeAsync();
            }
        }

        GC.SuppressFinalize(this);
    }

    protected void SkipWithoutServer()
    {
        if (server.UnavailableReason is { } reason)
        {
            Assert.Skip(reason);
        }
    }
}
