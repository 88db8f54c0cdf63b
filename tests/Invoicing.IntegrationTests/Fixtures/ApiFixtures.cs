namespace Invoicing.IntegrationTests.Fixtures;

/// <summary>A running service on one provider, shared by the tests of one class (each test uses its own keys and data).</summary>
public interface IApiFixture
{
    /// <summary>Null when the provider cannot run here (and may be skipped).</summary>
    ApiFactory? Factory { get; }

    string? SkipReason { get; }
}

public sealed class SqliteApi : IApiFixture, IAsyncLifetime
{
    public ApiFactory? Factory { get; private set; }

    public string? SkipReason => null;

    public ValueTask InitializeAsync()
    {
        Factory = ApiFactory.Sqlite();
        _ = Factory.Server; // start the host: migrations run now
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        if (Factory is not null)
        {
            await Factory.DisposeAsync();
        }
    }
}

public sealed class PostgresApi(PostgresServer server) : IApiFixture, IAsyncLifetime
{
    public ApiFactory? Factory { get; private set; }

    public string? SkipReason => server.UnavailableReason;

    public async ValueTask InitializeAsync()
    {
        if (server.UnavailableReason is null)
        {
            Factory = new ApiFactory("Postgres", await server.CreateDatabaseAsync());
            _ = Factory.Server;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Factory is not null)
        {
            await Factory.DisposeAsync();
        }
    }
}

/// <summary>Base of every test class that runs against both providers.</summary>
public abstract class ApiTests
{
    protected ApiTests(IApiFixture api)
    {
        if (api.SkipReason is { } reason)
        {
            Assert.Skip(reason);
        }

        Factory = api.Factory!;
    }

    protected ApiFactory Factory { get; }

    protected static CancellationToken Cancellation => TestContext.Current.CancellationToken;
}
