using DotNet.Testcontainers.Configurations;
using Microsoft.Data.SqlClient;
using Testcontainers.MsSql;

[assembly: AssemblyFixture(typeof(Invoicing.IntegrationTests.Fixtures.SqlServerContainer))]

namespace Invoicing.IntegrationTests.Fixtures;

/// <summary>
/// One SQL Server for the whole test run, in a container started by Testcontainers.MsSql wherever a Docker engine
/// answers and can pull the image (<see cref="ImageVariable"/>, by default Testcontainers' own). Each test class gets a
/// database of its own, which the service creates as it starts (docs/decisions/0030). Without an engine or the image the
/// SQL Server suite skips, with one line saying why (never counted as passed); with <see cref="RequiredVariable"/>=true
/// it fails instead. The container is removed when the run ends, also without Testcontainers' reaper.
/// </summary>
public sealed class SqlServerContainer : IDatabaseServer, IAsyncLifetime
{
    public const string ImageVariable = "INVOICING_TESTS_SQLSERVER_IMAGE";

    public const string RequiredVariable = "INVOICING_REQUIRE_SQLSERVER";

    /// <summary>Finding no engine must not hold the run up: Testcontainers' discovery answers in about a second.</summary>
    public static readonly TimeSpan DetectionTimeout = TimeSpan.FromSeconds(10);

    /// <summary>A first pull of the image (about 1.5 GB) included.</summary>
    public static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(10);

    private MsSqlContainer? _container;

    public string Provider => "SqlServer";

    public string? UnavailableReason { get; private set; }

    /// <summary>Testcontainers' own default SQL Server image, unless <see cref="ImageVariable"/> names another.</summary>
    public static string Image(Func<string, string?> environment) =>
        environment(ImageVariable) is { Length: > 0 } image ? image : DefaultImage;

#pragma warning disable CS0618 // Testcontainers' own default image: obsolete in 4.17 in favour of naming one; we name it from here.
    public static string DefaultImage => MsSqlBuilder.MsSqlImage;
#pragma warning restore CS0618

    public static bool IsRequired(Func<string, string?> environment) =>
        string.Equals(environment(RequiredVariable), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Null when the server runs; otherwise the one line that says why the suite skips, or, when it is
    /// <paramref name="required"/>, an exception that fails the run.
    /// </summary>
    public static string? Unavailable(string? why, string image, bool required)
    {
        if (why is null)
        {
            return null;
        }

        var line = $"SQL Server suite skipped: {why}, so Testcontainers cannot start {image}. It runs wherever Docker can pull that image; {RequiredVariable}=true makes this a failure.";
        return required ? throw new InvalidOperationException($"{RequiredVariable}=true: {line}") : line;
    }

    public async ValueTask InitializeAsync()
    {
        var image = Image(Environment.GetEnvironmentVariable);
        UnavailableReason = Unavailable(await StartAsync(image), image, IsRequired(Environment.GetEnvironmentVariable));
        if (UnavailableReason is not null)
        {
            TestContext.Current.SendDiagnosticMessage(UnavailableReason);
        }
        else
        {
            AppDomain.CurrentDomain.ProcessExit += RemoveOnExit; // a run stopped early still removes its container
        }
    }

    public async ValueTask DisposeAsync()
    {
        AppDomain.CurrentDomain.ProcessExit -= RemoveOnExit;
        if (_container is not null)
        {
            SqlConnection.ClearAllPools();
            await _container.DisposeAsync(); // stops and removes it
            _container = null;
        }
    }

    /// <summary>
    /// A connection string to a database of its own (for one test class), which does not exist yet: the service creates
    /// it as it starts, with row-versioned reads, as it would in production.
    /// </summary>
    public Task<string> CreateDatabaseAsync() => Task.FromResult(ConnectionString("invoicing_" + Guid.NewGuid().ToString("N")));

    public async Task DropDatabaseAsync(string connectionString)
    {
        var database = new SqlConnectionStringBuilder(connectionString).InitialCatalog;
        await using var admin = new SqlConnection(ConnectionString("master"));
        await admin.OpenAsync();
        await using var drop = new SqlCommand($"ALTER DATABASE [{database}] SET SINGLE_USER WITH ROLLBACK IMMEDIATE; DROP DATABASE [{database}];", admin);
        await drop.ExecuteNonQueryAsync();
    }

    public string ConnectionString(string database) =>
        new SqlConnectionStringBuilder(_container!.GetConnectionString()) { InitialCatalog = database }.ConnectionString;

    /// <summary>Starts the container; returns null, or why it could not be started.</summary>
    private async Task<string?> StartAsync(string image)
    {
        if (!await DockerAnswersAsync())
        {
            return "no Docker engine answered (Testcontainers found none at DOCKER_HOST or the local socket)";
        }

        var container = new MsSqlBuilder(image).WithLabel("org.invoicing.tests", "sqlserver").Build();
        try
        {
            using var timeout = new CancellationTokenSource(StartTimeout);
            await container.StartAsync(timeout.Token);
            _container = container;
            return null;
        }
        catch (Exception e)
        {
            await container.DisposeAsync();
            return $"the container did not start ({e.GetBaseException().Message.Split('\n')[0].Trim()})";
        }
    }

    private static async Task<bool> DockerAnswersAsync()
    {
        var discovery = Task.Run(() => TestcontainersSettings.OS.DockerEndpointAuthConfig is not null);
        return await Task.WhenAny(discovery, Task.Delay(DetectionTimeout)) == discovery && await discovery;
    }

    private void RemoveOnExit(object? sender, EventArgs e) => DisposeAsync().AsTask().GetAwaiter().GetResult();
}
