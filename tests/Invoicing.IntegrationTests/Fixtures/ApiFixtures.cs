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

/// <summary>The service on a database of its own on one of the run's servers (skipped when that server cannot run).</summary>
public abstract class ServerApi(DatabaseServer server) : IApiFixture, IAsyncLifetime
{
    public ApiFactory? Factory { get; private set; }

    public string? SkipReason => server.UnavailableReason;

    public async ValueTask InitializeAsync()
    {
        if (server.UnavailableReason is null)
        {
            Factory = new ApiFactory(server.Provider, await server.CreateDatabaseAsync());
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

public sealed class PostgresApi(PostgresServer server) : ServerApi(server);

public sealed class SqlServerApi(SqlServerContainer server) : ServerApi(server);

/// <summary>Base of every test class that runs against each provider.</summary>
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

/// <summary>
/// A service that allows webhook URLs on loopback (so a receiver in the test can get deliveries) and whose
/// clock only moves when a test says so. The worker runs only when a test calls <see cref="ApiFactory.RunWebhookPassAsync"/>.
/// </summary>
public abstract class WebhookApi : IApiFixture, IAsyncLifetime
{
    public static readonly IReadOnlyDictionary<string, string?> Settings = new Dictionary<string, string?> { ["Webhooks:AllowPrivateUrls"] = "true" };

    public ManualClock Clock { get; } = new();

    public ApiFactory? Factory { get; protected set; }

    public virtual string? SkipReason => null;

    public abstract ValueTask InitializeAsync();

    public async ValueTask DisposeAsync()
    {
        if (Factory is not null)
        {
            await Factory.DisposeAsync();
        }
    }
}

public sealed class SqliteWebhookApi : WebhookApi
{
    public override ValueTask InitializeAsync()
    {
        Factory = ApiFactory.Sqlite(Settings, Clock);
        _ = Factory.Server;
        return ValueTask.CompletedTask;
    }
}

public abstract class ServerWebhookApi(DatabaseServer server) : WebhookApi
{
    public override string? SkipReason => server.UnavailableReason;

    public override async ValueTask InitializeAsync()
    {
        if (server.UnavailableReason is null)
        {
            Factory = new ApiFactory(server.Provider, await server.CreateDatabaseAsync(), Settings, Clock);
            _ = Factory.Server;
        }
    }
}

public sealed class PostgresWebhookApi(PostgresServer server) : ServerWebhookApi(server);

public sealed class SqlServerWebhookApi(SqlServerContainer server) : ServerWebhookApi(server);
