using Microsoft.Data.SqlClient;
using Testcontainers.MsSql;

[assembly: AssemblyFixture(typeof(Invoicing.IntegrationTests.Fixtures.SqlServerContainer))]

namespace Invoicing.IntegrationTests.Fixtures;

/// <summary>
/// One SQL Server for the whole test run, in a container started by Testcontainers.MsSql wherever a Docker engine
/// answers and can pull the image (<see cref="ImageVariable"/>, by default Testcontainers' own). Each test class gets a
/// database of its own, which the service creates as it starts (docs/decisions/0030). Without an engine or the image the
/// SQL Server suite skips, with one line saying why (never counted as passed); with <see cref="RequiredVariable"/>=true
/// it fails instead.
/// </summary>
public sealed class SqlServerContainer : DatabaseServer
{
    public const string ImageVariable = "INVOICING_TESTS_SQLSERVER_IMAGE";

    public const string RequiredVariable = "INVOICING_REQUIRE_SQLSERVER";

    /// <summary>A first pull of the image (about 1.5 GB) included. An image that cannot be pulled fails at once.</summary>
    public static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(10);

    public override string Provider => "SqlServer";

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

    /// <summary>
    /// A connection string to a database of its own (for one test class), which does not exist yet: the service creates
    /// it as it starts, with row-versioned reads, as it would in production.
    /// </summary>
    public override Task<string> CreateDatabaseAsync() => Task.FromResult(ConnectionString("invoicing_" + Guid.NewGuid().ToString("N")));

    public override async Task DropDatabaseAsync(string connectionString)
    {
        var database = new SqlConnectionStringBuilder(connectionString).InitialCatalog;
        await using var admin = new SqlConnection(ConnectionString("master"));
        await admin.OpenAsync();
        await using var drop = new SqlCommand($"ALTER DATABASE [{database}] SET SINGLE_USER WITH ROLLBACK IMMEDIATE; DROP DATABASE [{database}];", admin);
        await drop.ExecuteNonQueryAsync();
    }

    public override string ConnectionString(string database) =>
        new SqlConnectionStringBuilder(Host.AdminConnectionString) { InitialCatalog = database }.ConnectionString;

    protected override void ClearPools() => SqlConnection.ClearAllPools();

    protected override async Task<(ServerHost? Host, string? UnavailableReason)> StartHostAsync()
    {
        var image = Image(Environment.GetEnvironmentVariable);
        var (host, why) = await ContainerHost.StartAsync(
            image,
            port => new MsSqlBuilder(image).WithPortBinding(port, MsSqlBuilder.MsSqlPort).OnLoopback().Labelled("sqlserver").Build(),
            StartTimeout);
        return (host, Unavailable(why, image, IsRequired(Environment.GetEnvironmentVariable)));
    }
}
