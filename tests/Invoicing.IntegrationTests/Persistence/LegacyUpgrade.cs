using Invoicing.IntegrationTests.Fixtures;

namespace Invoicing.IntegrationTests.Persistence;

/// <summary>
/// A database made and filled by the build before docs/decisions/0028 (Legacy/README.md), taken over by this build: its
/// rows and history are read before the service starts and again right after two instances started on it at once.
/// </summary>
public abstract class LegacyUpgrade : IAsyncLifetime
{
    /// <summary>Retention far beyond the fixture's age, so that the clean-up job keeps the legacy idempotency records.</summary>
    private static readonly Dictionary<string, string?> Settings = new(WebhookApi.Settings) { ["Idempotency:Retention"] = "36500.00:00:00" };

    private readonly List<ApiFactory> _factories = [];

    public LegacyDatabase Database { get; } = null!;

    public string? SkipReason { get; protected init; }

    public ApiFactory Factory { get; private set; } = null!;

    public string ConnectionString { get; private set; } = null!;

    /// <summary>Every row as the legacy build left it, by table.</summary>
    public Dictionary<string, List<Dictionary<string, string>>> Before { get; private set; } = null!;

    /// <summary>Every row once this build has started on the database.</summary>
    public Dictionary<string, List<Dictionary<string, string>>> After { get; private set; } = null!;

    public List<string> HistoryBefore { get; private set; } = null!;

    public List<string> HistoryAfter { get; private set; } = null!;

    /// <summary>
    /// The service's clock, an hour after the fixture was made: the legacy pending delivery is due, within its retry
    /// horizon, and the fixture's idempotency records are not expired.
    /// </summary>
    public ManualClock Clock { get; } = new();

    protected LegacyUpgrade(LegacyDatabase? database)
    {
        Database = database!;
    }

    public async ValueTask InitializeAsync()
    {
        if (SkipReason is not null)
        {
            return;
        }

        ConnectionString = await Database.CreateLegacyAsync();
        Before = await Database.RowsAsync(ConnectionString);
        HistoryBefore = await Database.HistoryAsync(ConnectionString);
        var newest = Before.Values.SelectMany(rows => rows).Select(row => Guid.Parse(row["id"])).Max(); // UUIDv7: its first 48 bits are its millisecond
        Clock.Advance(DateTimeOffset.FromUnixTimeMilliseconds(Convert.ToInt64(newest.ToString("N")[..12], 16)).AddHours(1) - Clock.Start);

        // Two instances at once: both adopt the database (one statement that does nothing the second time) and migrate.
        var first = Add(new ApiFactory(Database.Provider, ConnectionString, Settings, Clock));
        var second = Add(first.OnSameDatabase());
        await Task.WhenAll(Task.Run(() => first.Server), Task.Run(() => second.Server));
        Factory = first;

        After = await Database.RowsAsync(ConnectionString);
        HistoryAfter = await Database.HistoryAsync(ConnectionString);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var factory in _factories)
        {
            await factory.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>The legacy rows of <paramref name="table"/> in one environment.</summary>
    public List<Dictionary<string, string>> Rows(string table, string environment) =>
        Before[table].Where(row => row["environment"] == environment).ToList();

    private ApiFactory Add(ApiFactory factory)
    {
        _factories.Add(factory);
        return factory;
    }
}

public sealed class SqliteLegacyUpgrade() : LegacyUpgrade(new SqliteLegacyDatabase());

public sealed class PostgresLegacyUpgrade : LegacyUpgrade
{
    public PostgresLegacyUpgrade(PostgresServer server)
        : base(server.UnavailableReason is null ? new PostgresLegacyDatabase(server) : null)
    {
        SkipReason = server.UnavailableReason;
    }
}
